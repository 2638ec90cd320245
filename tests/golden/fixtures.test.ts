import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/check/compare.js';
import { discoverCases, loadCase } from '../../src/check/fixture-files.js';
import { validateGold } from '../../src/check/gold.js';
import { extract } from '../../src/extract.js';
import { loadLexicons } from '../../src/io/lexicon-files.js';

/**
 * One test per fixture folder (found at run time: adding a folder adds a test), scored by the
 * same compare() as `newsnlp check`. A failing case prints the checker's diff.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const lex = loadLexicons();

describe('fixtures (golden)', () => {
  it.each(discoverCases(FIXTURES))('%s', (name) => {
    const loaded = loadCase(FIXTURES, name);
    if ('problems' in loaded) throw new Error(`invalid fixture ${name}: ${loaded.problems.join('; ')}`);
    expect(validateGold(loaded.gold, loaded.text), 'the gold must fit its input').toEqual([]);
    const result = extract(loaded.text, lex, { source: loaded.inputName, includeText: loaded.html });
    const report = compare(loaded.gold, result);
    const failing = report.parts.filter((p) => !p.passed && !p.xfail).flatMap((p) => [`${p.part}:`, ...p.diff.map((d) => `  ${d}`)]);
    expect(failing.join('\n'), `${name} differs from its gold`).toBe('');
    expect(report.passed).toBe(true);
  });
});
