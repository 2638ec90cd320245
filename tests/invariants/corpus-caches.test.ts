/**
 * Per-corpus caches never change a result: the word-form table and the facts the stages keep on
 * its forms are shared by every article analysed with one Lexicons object, and the table starts
 * over between articles once full. Every fixture article, analysed (1) alone with fresh lexicons,
 * (2) after all the others with shared lexicons, (3) with a form table so small that it starts
 * over before almost every article, must give the same result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { loadLexicons } from '../../src/io/lexicon-files.js';
import { FormTable } from '../../src/text/forms.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const texts = readdirSync(FIXTURES)
  .sort()
  .map((name) => ({ name, text: readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8') }));

describe('corpus-wide caches', () => {
  it('give every article the result it gets alone', () => {
    const alone = texts.map(({ name, text }) => extract(text, loadLexicons(), { source: name }));
    const shared = loadLexicons();
    // twice over, so the second round reads facts computed for other articles
    const warm = [...texts, ...texts].map(({ name, text }) => extract(text, shared, { source: name })).slice(texts.length);
    const tiny = loadLexicons();
    const table = tiny.compiled('word-forms', () => new FormTable(50));
    const restarted = texts.map(({ name, text }) => extract(text, tiny, { source: name }));
    expect(table.generation).toBeGreaterThan(texts.length / 2); // it did start over, many times
    expect(warm).toEqual(alone);
    expect(restarted).toEqual(alone);
  });
});
