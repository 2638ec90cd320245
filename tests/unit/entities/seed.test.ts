import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/extract.js';
import { codePointIndex } from '../../../src/text/codepoints.js';
import { lexicons } from './helpers.js';

/** The seed article's gold entity mentions are all found, with their types, and nothing else (overlap + type, docs/fixtures.md). */
const DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'seed-xinhua-wang-lavrov');

interface Span {
  start: number;
  end: number;
}

describe('seed fixture entities', () => {
  const text = readFileSync(join(DIR, 'input.txt'), 'utf8').replace(/^\uFEFF/, '');
  const gold = JSON.parse(readFileSync(join(DIR, 'gold.json'), 'utf8')) as {
    entities: { type: string; mentions: Span[] }[];
    optional_spans?: Span[];
  };
  const cp = codePointIndex(text);
  const predicted = analyze(text, lexicons()).entities.flatMap((e) => e.mentions.map((m) => ({ type: e.type, start: cp.toCodePoint(m.start), end: cp.toCodePoint(m.end), text: m.text })));
  const goldMentions = gold.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type })));
  const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

  it('finds every gold mention with its type', () => {
    const missed = goldMentions.filter((g) => !predicted.some((p) => p.type === g.type && overlap(p, g)));
    expect(missed).toEqual([]);
    expect(goldMentions.length).toBe(40);
  });
  it('predicts no mention outside the gold and the optional spans', () => {
    const extra = predicted.filter((p) => !goldMentions.some((g) => overlap(p, g)) && !(gold.optional_spans ?? []).some((o) => overlap(p, o)));
    expect(extra).toEqual([]);
  });
});
