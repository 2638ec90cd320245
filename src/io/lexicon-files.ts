import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexicons } from '../lexicon/lexicons.js';
import type { LexiconSource } from '../lexicon/tsv.js';

/** The lexicons shipped with the package (`lexicons/` next to `dist/`). */
export const BUILTIN_LEXICON_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));

/** Read every `*.tsv` of a folder (sorted, not recursive) or a single file. */
export function readLexiconSources(path: string): LexiconSource[] {
  const st = statSync(path);
  if (st.isFile()) return [{ name: path, text: readFileSync(path, 'utf8') }];
  return readdirSync(path)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((f) => ({ name: join(path, f), text: readFileSync(join(path, f), 'utf8') }));
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
  if (!options.noBuiltin) sources.push(...readLexiconSources(BUILTIN_LEXICON_DIR).map((s) => ({ ...s, name: `lexicons/${s.name.split(/[\\/]/).pop()}` })));
  for (const p of options.extra ?? []) sources.push(...readLexiconSources(resolve(p)));
  return new Lexicons(sources);
}
