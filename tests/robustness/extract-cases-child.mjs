// Child process for the watchdog: runs extract() on each case of a JSON file against the BUILT
// library (dist/), printing one JSON line per case BEFORE ("start") and after ("done"/"error")
// it, so the parent can tell which case hung when it has to kill us.
// Usage: node extract-cases-child.mjs cases.json
import { readFileSync } from 'node:fs';
import { extract } from '../../dist/extract.js';
import { Lexicons } from '../../dist/lexicon/lexicons.js';
import { BUILTIN_LEXICON_DIR, readLexiconSources } from '../../dist/io/lexicon-files.js';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const builtin = readLexiconSources(BUILTIN_LEXICON_DIR);
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
for (let i = 0; i < cases.length; i++) {
  const c = cases[i];
  say({ i, state: 'start' });
  try {
    const lex = new Lexicons([...(c.builtin === false ? [] : builtin), ...(c.lexicons ?? [])]);
    const result = extract(c.text, lex, { source: 'case' });
    say({ i, state: 'done', result });
  } catch (err) {
    say({ i, state: 'error', error: String(err && err.stack ? err.stack : err) });
  }
}
