import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexicons } from '../lexicon/lexicons.js';
import { InputError } from './decode.js';
import { builtinName, readLexiconBundle } from './lexicon-bundle.js';
import type { LexiconSource, ParsedLexicon } from '../lexicon/tsv.js';

/** The lexicons shipped with the package (`lexicons/` next to `dist/`). */
export const BUILTIN_LEXICON_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));
/** The built-in lexicons parsed at build time (see lexicon-bundle.ts). */
export const BUILTIN_LEXICON_BUNDLE = fileURLToPath(new URL('../lexicons.bundle.json', import.meta.url));

/** A `*.tsv` entry of a lexicon folder that was not read, and why. */
export interface SkippedLexicon {
  path: string;
  reason: string;
}

/**
 * Read every `*.tsv` of a folder (sorted, not recursive) or a single file. In a folder only
 * regular files are read, and a symbolic link is followed only when it stays inside the folder:
 * the user named the folder, not what its links point to. Entries left out go to `skipped`.
 */
export function readLexiconSources(path: string, skipped: SkippedLexicon[] = []): LexiconSource[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new InputError('no-lexicon', `--lexicon ${path}: no such file or folder`);
  }
  if (st.isFile()) return [{ name: path, text: readFileSync(path, 'utf8') }];
  const folder = realpathSync(path);
  const out: LexiconSource[] = [];
  for (const f of readdirSync(path).filter((name) => name.endsWith('.tsv')).sort()) {
    const file = join(path, f);
    const reason = whyNotRead(file, folder);
    if (reason) skipped.push({ path: file, reason });
    else out.push({ name: file, text: readFileSync(file, 'utf8') });
  }
  return out;
}

function whyNotRead(file: string, folder: string): string | null {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return 'a broken link; not read';
  }
  if (!real.startsWith(folder + sep)) return 'a link leading outside the lexicon folder; not followed';
  return statSync(real).isFile() ? null : 'not a regular file; not read';
}

export interface LoadLexiconsOptions {
  /** Extra lexicon files or folders (the user's), loaded after the built-in ones. */
  extra?: string[];
  /** Leave out the built-in lexicons. */
  noBuiltin?: boolean;
}

/** Load the built-in lexicons plus the user's. */
export function loadLexicons(options: LoadLexiconsOptions = {}): Lexicons {
  const sources: LexiconSource[] = [];
  let prebuilt: ParsedLexicon[] = [];
  if (!options.noBuiltin) {
    const bundled = readLexiconBundle(BUILTIN_LEXICON_DIR, BUILTIN_LEXICON_BUNDLE);
    if (bundled) prebuilt = bundled;
    else sources.push(...readBuiltinSources());
  }
  for (const p of options.extra ?? []) sources.push(...readLexiconSources(resolve(p)));
  return new Lexicons(sources, prebuilt);
}

/** The built-in lexicon files, named `lexicons/<file>` in messages. */
export function readBuiltinSources(): LexiconSource[] {
  return readLexiconSources(BUILTIN_LEXICON_DIR).map((s) => ({ ...s, name: builtinName(s.name) }));
}
