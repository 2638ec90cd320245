/**
 * Public API of newsnlp. No side effects on import.
 *
 *   import { extract, loadLexicons } from 'newsnlp';
 *   const result = extract(text, loadLexicons(), { source: 'article.txt' });
 */
export { extract, analyze, toResult, type ExtractOptions, type Analysis } from './extract.js';
export { loadLexicons, readLexiconSources, type LoadLexiconsOptions } from './io/lexicon-files.js';
export { Lexicons } from './lexicon/lexicons.js';
export { parseLexicon, type LexiconSource, type LexiconRow } from './lexicon/tsv.js';
export { normalize, normalizeForMatch } from './text/normalize.js';
export { decodeBytes } from './io/decode.js';
export * from './result.js';
export type * from './types.js';
