/**
 * Match-level normalization is idempotent: normalizing an already normalized string changes
 * nothing. Lookups rely on this (lexicon forms are normalized on load, text at analysis time;
 * if a second pass changed anything the two sides could disagree).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';
import { articleText, edgyText, fuzzParams } from './arbitraries.js';

const once = (s: string) => normalize(s, 'match').text;

describe('normalize(…, "match") is idempotent', () => {
  it('on random mixed text', () => {
    fc.assert(
      fc.property(articleText(120), (s) => {
        const n = once(s);
        expect(once(n)).toBe(n);
      }),
      fuzzParams(300),
    );
  });

  it('on the tiny alphabet of edge characters', () => {
    fc.assert(
      fc.property(edgyText(40), (s) => {
        const n = once(s);
        expect(once(n)).toBe(n);
      }),
      fuzzParams(300),
    );
  });

  it('on every single BMP code point and on every presentation form pair', () => {
    // exhaustive over the BMP: cheap (65,536 one-character strings) and catches table entries
    // whose replacement is itself changed by the table
    const bad: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const s = String.fromCharCode(cp);
      const n = once(s);
      if (once(n) !== n) bad.push(`U+${cp.toString(16).toUpperCase()}`);
    }
    expect(bad).toEqual([]);
  });

  const cases: [string, string][] = [
    ['lam-alef with hamza presentation form', 'ﻷ'],
    ['ligature "peace be upon him" (expands to words)', 'ﷺ'],
    ['"Allah" ligature', 'ﷲ'],
    ['harakat between a split surrogate pair (dropping them joins the pair)', '\ud83d\u064e\ude00'],
    ['tatweel between a split surrogate pair', '\ud83d\u0640\ude00'],
    ['decomposed alef + combining hamza', '\u0627\u0654'],
    ['Arabic-Indic digits with Arabic decimal separator', '٣٫٥'],
  ];
  it.each(cases)('%s', (_note, s) => {
    const n = once(s);
    expect(once(n)).toBe(n);
  });
});
