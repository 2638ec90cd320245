/**
 * Tokens: classes, exact original offsets through the map, sentence assignment.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/text/normalize.js';
import { tokenize } from '../../../src/text/tokens.js';

function tok(original: string) {
  const { text, map } = normalize(original, 'match');
  return tokenize(text, map).map((t) => ({ text: original.slice(t.start, t.end), norm: t.norm, kind: t.kind }));
}

// [note, input, expected [original slice, kind] per token]
const CASES: [string, string, [string, string][]][] = [
  ['two Arabic words and a full stop ("Russia and China.")', 'روسيا والصين.', [['روسيا', 'word'], ['والصين', 'word'], ['.', 'punct']]],
  ['Arabic comma is punctuation', 'وانغ، وهو', [['وانغ', 'word'], ['،', 'punct'], ['وهو', 'word']]],
  ['harakat stay inside the word\'s original span ("the Arabic language")', 'اللُّغَةُ الْعَرَبِيَّةُ', [['اللُّغَةُ', 'word'], ['الْعَرَبِيَّةُ', 'word']]],
  ['tatweel inside a word', 'العـــربية', [['العـــربية', 'word']]],
  ['decimal, thousands and date numbers', '3.5 2.000.000 12/08/2014 05:01', [['3.5', 'number'], ['2.000.000', 'number'], ['12/08/2014', 'number'], ['05:01', 'number']]],
  ['Arabic-Indic number with Arabic decimal sign', '٣٫٥٪', [['٣٫٥', 'number'], ['٪', 'punct']]],
  ['digits glued to an Arabic word split off ("14 km")', '14كم', [['14', 'number'], ['كم', 'word']]],
  ['Latin words with glued digits', 'G20 BRICS', [['G20', 'latin'], ['BRICS', 'latin']]],
  ['Arabic and Latin do not mix in one token', 'موقعGoogle', [['موقع', 'word'], ['Google', 'latin']]],
  ['dotted abbreviation of single letters is one token ("BC")', 'سنة 3200 ق.م', [['سنة', 'word'], ['3200', 'number'], ['ق.م', 'word']]],
  ['the final dot of an abbreviation is punctuation ("Dr.")', 'د. محمد', [['د', 'word'], ['.', 'punct'], ['محمد', 'word']]],
  ['a URL is one token', 'انظر https://example.com/a?b=1.', [['انظر', 'word'], ['https://example.com/a?b=1', 'other'], ['.', 'punct']]],
  ['guillemets are punctuation', '«نعم»', [['«', 'punct'], ['نعم', 'word'], ['»', 'punct']]],
  ['lam-alef ligature maps back to the ligature ("peace")', 'السﻼم', [['السﻼم', 'word']]],
  ['an emoji is one token', 'حسنا 😀', [['حسنا', 'word'], ['😀', 'other']]],
  ['NBSP separates tokens', 'وانغ\u00a0يي', [['وانغ', 'word'], ['يي', 'word']]],
];

describe('tokenize', () => {
  it.each(CASES)('%s', (_note, input, expected) => {
    expect(tok(input).map((t) => [t.text, t.kind])).toEqual(expected);
  });

  it('norm is the match form ("to the United Nations")', () => {
    expect(tok('إلى الأُمَمِ المُتَّحِدَة').map((t) => t.norm)).toEqual(['الي', 'الامم', 'المتحده']);
  });

  it('assigns sentences and -1 outside every sentence', () => {
    const original = 'أ ب. ج د. هـ';
    const { text, map } = normalize(original, 'match');
    const sentences = [
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ];
    expect(tokenize(text, map, sentences).map((t) => t.sentence)).toEqual([0, 0, 0, 1, 1, 1, -1]);
  });

  it('indices and normalized offsets are consistent', () => {
    const { text, map } = normalize('قال وانغ يي: «نعم».', 'match');
    const tokens = tokenize(text, map);
    tokens.forEach((t, k) => {
      expect(t.index).toBe(k);
      expect(text.slice(t.nStart, t.nEnd)).toBe(t.norm);
    });
  });
});
