import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQuotes } from './helpers.js';

/**
 * Arbitrary mixes of cue words, names, complementizers, quote marks, colons and line breaks:
 * the stage never throws, and every span it reports is in bounds with the text it claims.
 */
const PIECES = ['وقال', 'قالت', 'وأضاف', 'مضيفا', 'قائلة', 'إن', 'أن', 'بأن', ':', '«', '»', '"', '“', '”', '،', '.', '؟', '\n', '\n\n', 'الوزير', 'مصدر', 'مسؤول', 'وانغ', 'يي', 'بحسب', 'وفقا', 'لمصادر', 'نقلا', 'عن', 'قوله', 'في', 'بيان', 'الصين', 'ـ', 'َ', ' '];

describe('robustness', () => {
  it('never throws and reports consistent spans on arbitrary token soups', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const run = runQuotes(text, [{ id: 'wang', forms: ['وانغ يي', 'وانغ'] }, { id: 'china', type: 'LOCATION', gender: 'f', forms: ['الصين'] }]);
        for (const q of run.quotes) {
          for (const span of [q.cue, q.content]) {
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(span.start, span.end)).toBe(span.text);
          }
          if (q.speaker.start !== undefined) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
        }
        for (const w of run.warnings) expect(w.code).toBe('quote-unbalanced');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 20261124 },
    );
  });
});
