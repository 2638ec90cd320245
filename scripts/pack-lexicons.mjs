#!/usr/bin/env node
// Build step (after tsc): parse the built-in lexicons once into dist/lexicons.bundle.json, which
// loadLexicons reads instead of the TSV files while they are unchanged (see src/io/lexicon-bundle.ts).
const { writeLexiconBundle } = await import('../dist/io/lexicon-bundle.js');
const { readLexiconSources, BUILTIN_LEXICON_DIR, BUILTIN_LEXICON_BUNDLE } = await import('../dist/io/lexicon-files.js');
const bundle = writeLexiconBundle(BUILTIN_LEXICON_DIR, BUILTIN_LEXICON_BUNDLE, readLexiconSources);
const problems = bundle.files.reduce((n, f) => n + f.problems.length, 0);
console.log(`lexicons: ${bundle.files.length} files, ${bundle.files.reduce((n, f) => n + f.rows.length, 0)} rows bundled${problems ? `, ${problems} problems (run newsnlp lexicon check)` : ''}`);
