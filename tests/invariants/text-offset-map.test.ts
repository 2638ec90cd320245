/**
 * Property tests of the text core on random Arabic text carrying random diacritics, tatweel,
 * bidi and zero-width controls, presentation forms, surrogate pairs and line breaks:
 * the offset map is monotonic and in bounds, spans round-trip through it, match is
 * idempotent, a token's normalized text equals the normalization of its original slice, and
 * sentences are ordered, trimmed, in bounds and never cross a line break.
 * Fixed seed; FUZZ_RUNS raises the number of runs (npm run fuzz).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_GROUPS } from '../../src/text/char-table.js';
import { normalize, normalizeForMatch } from '../../src/text/normalize.js';
import { splitSentences } from '../../src/text/sentences.js';
import { tokenize } from '../../src/text/tokens.js';
import { loadLexicons } from '../../src/io/lexicon-files.js';

const SEED = Number(process.env.FUZZ_SEED ?? 3);
const RUNS = Number(process.env.FUZZ_RUNS) || 200;
const params = { seed: SEED, numRuns: RUNS };

const cp = (a: number, b: number) => fc.integer({ min: a, max: b }).map((c) => String.fromCodePoint(c));

/** Presentation forms that expand to one word (multi-word ligatures such as ﷺ are left out: their words share one source character). */
const PRESENTATION = Array.from({ length: 0xfefc - 0xfb50 + 1 }, (_, k) => 0xfb50 + k)
  .filter((c) => !(c > 0xfdff && c < 0xfe70))
  .map((c) => String.fromCharCode(c))
  .filter((ch) => !normalize(ch, 'display').text.includes(' '));

const piece = fc.oneof(
  { weight: 12, arbitrary: cp(0x0621, 0x064a) }, // letters
  { weight: 4, arbitrary: cp(0x064b, 0x0655) }, // harakat and combining hamza/madda
  { weight: 1, arbitrary: fc.constantFrom('\u0670', '\u06d6', '\u06e1', '\u0610') }, // dagger alef, Quranic marks
  { weight: 2, arbitrary: fc.constant('\u0640') }, // tatweel
  { weight: 1, arbitrary: fc.constantFrom('\u200e', '\u200f', '\u061c', '\u202b', '\u202c', '\u2067', '\u2069', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad') },
  { weight: 2, arbitrary: fc.constantFrom(...PRESENTATION) },
  { weight: 1, arbitrary: cp(0x1f300, 0x1f64f) }, // emoji (surrogate pairs)
  { weight: 1, arbitrary: fc.constantFrom('ی', 'ک', 'ە', '٣', '۴', '٫', '٪') },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '\u00a0', '\u2009') },
  { weight: 2, arbitrary: fc.constantFrom('.', '،', '؟', '!', '«', '»', '"', ':', '…', '3', '.5') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\n\n', '\u2029') },
  { weight: 1, arbitrary: cp(0x61, 0x7a) },
);
const arabicText = fc.array(piece, { maxLength: 120 }).map((a) => a.join(''));

const lex = loadLexicons();

describe('offset map properties', () => {
  it('monotonic and in bounds at every level', () => {
    fc.assert(
      fc.property(arabicText, fc.constantFrom('none', 'display', 'match') as fc.Arbitrary<'none' | 'display' | 'match'>, (s, level) => {
        const { text, map } = normalize(s, level);
        expect(map.length).toBe(text.length);
        for (let k = 0; k < map.length; k++) {
          expect(map.origStart[k]).toBeGreaterThanOrEqual(0);
          expect(map.origStart[k]).toBeLessThan(map.origEnd[k]);
          expect(map.origEnd[k]).toBeLessThanOrEqual(s.length);
          if (k > 0) {
            expect(map.origStart[k]).toBeGreaterThanOrEqual(map.origStart[k - 1]);
            expect(map.origEnd[k]).toBeGreaterThanOrEqual(map.origEnd[k - 1]);
          }
        }
      }),
      params,
    );
  });

  it('monotonic and in bounds with any set of kept groups; match stays idempotent', () => {
    fc.assert(
      fc.property(arabicText, fc.subarray([...RULE_GROUPS]), (s, keep) => {
        const { text, map } = normalize(s, { level: 'match', keep });
        expect(map.length).toBe(text.length);
        for (let k = 0; k < map.length; k++) {
          expect(map.origStart[k]).toBeLessThan(map.origEnd[k]);
          expect(map.origEnd[k]).toBeLessThanOrEqual(s.length);
          if (k > 0) expect(map.origStart[k]).toBeGreaterThanOrEqual(map.origStart[k - 1]);
        }
        expect(normalize(text, { level: 'match', keep }).text).toBe(normalize(normalize(text, { level: 'match', keep }).text, { level: 'match', keep }).text);
      }),
      params,
    );
  });

  it('spanToNormalized covers every unit whose source lies inside the span, and toOriginal stays inside it', () => {
    fc.assert(
      fc.property(arabicText, fc.nat(), fc.nat(), (s, x, y) => {
        const { map } = normalize(s, 'match');
        const a = s.length ? x % (s.length + 1) : 0;
        const b = s.length ? Math.max(a, y % (s.length + 1)) : 0;
        const n = map.spanToNormalized(a, b);
        for (let k = 0; k < map.length; k++) {
          if (map.origStart[k] >= a && map.origEnd[k] <= b) {
            expect(k).toBeGreaterThanOrEqual(n.start);
            expect(k).toBeLessThan(n.end);
          }
        }
        if (n.end > n.start) expect(map.toOriginal(n.start, n.end).start).toBeGreaterThanOrEqual(a);
      }),
      params,
    );
  });

  it('normalizeForMatch (no map) gives the same text as normalize at the match level', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        expect(normalizeForMatch(s)).toBe(normalize(s, 'match').text);
      }),
      params,
    );
  });

  it('match is idempotent', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        const once = normalize(s, 'match').text;
        expect(normalize(once, 'match').text).toBe(once);
      }),
      params,
    );
  });

  it('a token round-trips: its span maps back to its units, and its norm is the normalization of its original slice', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        const { text, map } = normalize(s, 'match');
        for (const t of tokenize(text, map)) {
          expect(t.start).toBeLessThan(t.end);
          expect(map.spanToNormalized(t.start, t.end)).toEqual({ start: t.nStart, end: t.nEnd });
          expect(normalize(s.slice(t.start, t.end), 'match').text).toBe(t.norm);
        }
      }),
      params,
    );
  });
});

describe('sentence properties', () => {
  it('sentences are ordered, non-empty, trimmed, in bounds, and never cross a line break', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        const sentences = splitSentences(s, lex);
        let last = 0;
        for (const x of sentences) {
          expect(x.start).toBeGreaterThanOrEqual(last);
          expect(x.end).toBeGreaterThan(x.start);
          expect(x.end).toBeLessThanOrEqual(s.length);
          const slice = s.slice(x.start, x.end);
          expect(slice).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(slice).toBe(slice.trim());
          last = x.end;
        }
      }),
      params,
    );
  });

  it('every token of a sentence lies inside it', () => {
    fc.assert(
      fc.property(arabicText, (s) => {
        const { text, map } = normalize(s, 'match');
        const sentences = splitSentences(s, lex);
        for (const t of tokenize(text, map, sentences)) {
          if (t.sentence < 0) continue;
          expect(t.start).toBeGreaterThanOrEqual(sentences[t.sentence].start);
          expect(t.start).toBeLessThan(sentences[t.sentence].end);
          expect(t.end).toBeLessThanOrEqual(sentences[t.sentence].end);
        }
      }),
      params,
    );
  });
});
