import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLexicon, TSV_FORMAT_VERSION, type LexiconSource, type ParsedLexicon } from '../lexicon/tsv.js';

/**
 * The built-in lexicons, parsed at build time into one JSON file (`npm run build`). Reading one
 * file and `JSON.parse` (native) costs about half of reading two dozen TSV files and parsing them
 * line by line in code that has not been optimized yet at start-up, which matters to an analyst
 * running one article and to every worker thread of a batch.
 *
 * The bundle records each source file's name, size and modification time, and the TSV format
 * version; if any differs from the lexicon folder now (someone edited a lexicon, or added one),
 * the bundle is ignored and the files are parsed as usual. A stale bundle is never used.
 */
export interface LexiconBundle {
  format: number;
  sources: BundledSource[];
  files: ParsedLexicon[];
}

interface BundledSource {
  file: string;
  size: number;
  mtimeMs: number;
}

/** Parse the `*.tsv` files of `dir` (named `lexicons/<file>` like the built-ins) and write the bundle to `out`. */
export function writeLexiconBundle(dir: string, out: string, read: (dir: string) => LexiconSource[]): LexiconBundle {
  const sources = read(dir);
  const bundle: LexiconBundle = {
    format: TSV_FORMAT_VERSION,
    sources: tsvFiles(dir).map((file) => describe(dir, file)),
    files: sources.map((s) => parseLexicon({ ...s, name: builtinName(s.name) })),
  };
  writeFileSync(out, JSON.stringify(bundle));
  return bundle;
}

/** The parsed built-in lexicons from the bundle, or null when it is missing, unreadable or stale. */
export function readLexiconBundle(dir: string, path: string): ParsedLexicon[] | null {
  let bundle: LexiconBundle;
  try {
    bundle = JSON.parse(readFileSync(path, 'utf8')) as LexiconBundle;
  } catch {
    return null; // not built (a plain `tsc` build) or damaged: parse the files
  }
  return isCurrent(bundle, dir) ? bundle.files : null;
}

function isCurrent(bundle: LexiconBundle, dir: string): boolean {
  if (bundle.format !== TSV_FORMAT_VERSION || !Array.isArray(bundle.sources) || !Array.isArray(bundle.files)) return false;
  let files: string[];
  try {
    files = tsvFiles(dir);
  } catch {
    return false;
  }
  if (files.length !== bundle.sources.length) return false;
  return files.every((file, i) => {
    const was = bundle.sources[i];
    if (was.file !== file) return false;
    try {
      const now = describe(dir, file);
      return now.size === was.size && now.mtimeMs === was.mtimeMs;
    } catch {
      return false;
    }
  });
}

function tsvFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tsv'))
    .sort();
}

function describe(dir: string, file: string): BundledSource {
  const st = statSync(join(dir, file));
  return { file, size: st.size, mtimeMs: st.mtimeMs };
}

/** How built-in lexicon files are named in messages and rows: `lexicons/<file>`. */
export function builtinName(path: string): string {
  return `lexicons/${path.split(/[\\/]/).pop()}`;
}
