import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { anyGlob, type GlobMatcher } from '../batch/glob.js';

/**
 * Expand command-line inputs (files and folders) into the list of files of a batch, in a
 * deterministic order. Folders are walked recursively; files inside them are kept when they
 * match `glob` and no `ignore` pattern; hidden entries (dot names) are skipped unless named on
 * the command line; symbolic links are followed, but a folder already visited (same real path:
 * a loop, or two links to one folder) is not walked twice and a file reached twice is read once.
 */

/** `-` on the command line: standard input. */
export const STDIN = '-';

export const DEFAULT_GLOB = '**/*.{txt,html,htm}';

export interface WalkOptions {
  glob?: string[];
  ignore?: string[];
  /** Folders never walked (real paths), e.g. the output folder when it sits inside an input folder. */
  exclude?: string[];
}

export interface InputFile {
  /** Path as given or joined from a given folder (used as `source`). */
  path: string;
  /** Path relative to the common base of all inputs (used to mirror the tree in --out-dir). */
  relative: string;
  /** Set when the entry could not be listed (unreadable folder, broken link): it fails in its place. */
  problem?: InputProblem;
}

export interface InputProblem {
  path: string;
  code: string;
  message: string;
}

export interface WalkResult {
  /** Files in order, including entries that could not be listed (with `problem`). */
  files: InputFile[];
  /** Folders skipped because their real path was already walked (symlink loops). */
  loops: string[];
}

export function walkInputs(inputs: string[], options: WalkOptions = {}): WalkResult {
  const include = anyGlob(options.glob?.length ? options.glob : [DEFAULT_GLOB]);
  const ignore = anyGlob(options.ignore ?? [], { floating: true });
  const excluded = new Set(options.exclude ?? []);
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const collected: { path: string; absolute: string; problem?: InputProblem }[] = [];
  const problem = (path: string, err: unknown): void => {
    collected.push({ path, absolute: resolve(path), problem: fsProblem(path, err) });
  };
  const loops: string[] = [];

  // `real`: the file's real path when already known (a plain file listed in a walked folder)
  const addFile = (path: string, real = safeRealpath(path)): void => {
    if (real && seenFiles.has(real)) return;
    if (real) seenFiles.add(real);
    collected.push({ path, absolute: resolve(path) });
  };

  const walkDir = (root: string, dir: string): void => {
    const real = safeRealpath(dir);
    if (real === null) return;
    if (seenDirs.has(real) || excluded.has(real)) {
      if (seenDirs.has(real)) loops.push(dir);
      return;
    }
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problem(dir, err);
      return;
    }
    const files: { path: string; real?: string; brokenLink?: unknown }[] = [];
    const dirs: string[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const rel = toSlash(relative(root, path));
      let kind: 'file' | 'dir' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(path);
          kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
        } catch (err) {
          if (include(rel) && !ignore(rel)) files.push({ path, brokenLink: err });
          continue;
        }
      }
      if (kind === 'dir' && !ignore(rel) && !ignore(`${rel}/`)) dirs.push(path);
      // a plain file's real path is its folder's plus its name: no realpath call (a few system calls) per file
      else if (kind === 'file' && include(rel) && !ignore(rel)) files.push(entry.isSymbolicLink() ? { path } : { path, real: join(real, entry.name) });
    }
    for (const f of files) {
      if (f.brokenLink) problem(f.path, f.brokenLink);
      else addFile(f.path, f.real ?? safeRealpath(f.path));
    }
    for (const d of dirs) walkDir(root, d);
  };

  for (const input of inputs) {
    if (input === STDIN) {
      collected.push({ path: STDIN, absolute: STDIN }); // standard input, read by the caller, keeps its place
      continue;
    }
    let st;
    try {
      st = statSync(input);
    } catch {
      // kept in order: reading it fails with an error record at its place in the output
      collected.push({ path: input, absolute: resolve(input) });
      continue;
    }
    if (st.isDirectory()) walkDir(input, input);
    else addFile(input);
  }
  const base = commonBase(inputs.filter((i) => i !== STDIN).map((i) => resolve(i)).map((abs) => (isDir(abs) ? abs : dirname(abs))));
  return {
    files: collected.map((c) => ({ path: c.path, relative: c.path === STDIN ? STDIN : toSlash(relative(base, c.absolute)), ...(c.problem ? { problem: c.problem } : {}) })),
    loops,
  };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Deepest folder containing all the given folders. */
export function commonBase(dirs: string[]): string {
  if (dirs.length === 0) return process.cwd();
  let parts = dirs[0].split(sep);
  for (const d of dirs.slice(1)) {
    const other = d.split(sep);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join(sep) || sep;
}

function safeRealpath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function toSlash(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function fsProblem(path: string, err: unknown): InputProblem {
  const code = (err as NodeJS.ErrnoException).code ?? 'read-error';
  const message =
    code === 'ENOENT' ? 'no such file or folder (or a broken link); check the path' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'too many levels of symbolic links' : (err as Error).message;
  return { path, code: code.toLowerCase(), message };
}

export type { GlobMatcher };
