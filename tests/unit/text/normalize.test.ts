/**
 * The character table, level by level: one row per behaviour, with an English note on every
 * Arabic row. `display` keeps what a reader needs; `match` is the lossy lookup form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHAR_RULES, RULE_GROUPS } from '../../../src/text/char-table.js';
import { normalize, normalizeForMatch } from '../../../src/text/normalize.js';

const display = (s: string) => normalize(s, 'display').text;
const match = (s: string) => normalize(s, 'match').text;

// [note, input, display, match]
const CASES: [string, string, string, string][] = [
  ['"to" (ila): alef maksura stays at display, becomes yeh at match, never alef', 'إلى', 'إلى', 'الي'],
  ['"on" (ala) with alef maksura', 'على', 'على', 'علي'],
  ['harakat kept at display, dropped at match ("the Arabic")', 'الْعَرَبِيَّةُ', 'الْعَرَبِيَّةُ', 'العربيه'],
  ['tanwin fath before alef ("also")', 'أيضًا', 'أيضًا', 'ايضا'],
  ['dagger alef is a diacritic ("this")', 'هٰذا', 'هٰذا', 'هذا'],
  ['Quranic small high marks dropped at both levels', 'الرَّحِيمِۖ', 'الرَّحِيمِ', 'الرحيم'],
  ['tatweel dropped ("Arabic" elongated)', 'العـــــربية', 'العربية', 'العربيه'],
  ['alef forms: hamza above, below, madda, wasla', 'أإآٱ', 'أإآٱ', 'اااا'],
  ['decomposed alef + hamza above composes ("Ahmad")', 'ا\u0654حمد', 'أحمد', 'احمد'],
  ['decomposed alef + madda composes ("now")', 'ا\u0653لان', 'آلان', 'الان'],
  ['decomposed alef + hamza below composes ("Islam")', 'ا\u0655سلام', 'إسلام', 'اسلام'],
  ['decomposed waw + hamza composes ("question")', 'سو\u0654ال', 'سؤال', 'سوال'],
  ['decomposed yeh + hamza composes ("president")', 'ري\u0654يس', 'رئيس', 'رييس'],
  ['waw and yeh with hamza kept at display, bare at match ("question", "president")', 'سؤال رئيس', 'سؤال رئيس', 'سوال رييس'],
  ['teh marbuta kept at display, heh at match ("school")', 'مدرسة', 'مدرسة', 'مدرسه'],
  ['lam-alef with hamza ligature keeps the hamza at display ("the Sunday")', 'اﻷحد', 'الأحد', 'الاحد'],
  ['lam-alef with madda ligature ("now")', 'اﻵن', 'الآن', 'الان'],
  ['lam-alef with hamza below ligature ("Islam")', 'ﻹسﻻم', 'لإسلام', 'لاسلام'],
  ['isolated/final presentation forms of letters ("peace")', 'ﺳﻼﻡ', 'سلام', 'سلام'],
  ['Allah ligature expands to letters', 'ﷲ', 'الله', 'الله'],
  ['basmala ligature expands to words', '﷽', 'بسم الله الرحمن الرحيم', 'بسم الله الرحمن الرحيم'],
  ['isolated haraka presentation form is a haraka, not a space', 'ﹰ', '\u064b', ''],
  ['Persian keheh becomes Arabic kaf at both levels ("book")', 'کتاب', 'كتاب', 'كتاب'],
  ['Farsi yeh at word end reads as alef maksura at display ("on")', 'علی', 'على', 'علي'],
  ['Farsi yeh inside a word reads as yeh ("Iran")', 'ایران', 'ايران', 'ايران'],
  ['gaf kept at display, kaf at match ("Gaza" spelt with gaf)', 'گزا', 'گزا', 'كزا'],
  ['Urdu heh goal and heh doachashmee → heh at match', 'ہھ', 'ہھ', 'هه'],
  ['Arabic-Indic digits with Arabic decimal and percent signs', '١٢٫٥٪', '١٢٫٥٪', '12.5%'],
  ['Persian digits', '۱۴۰۳', '۱۴۰۳', '1403'],
  ['NBSP, thin and ideographic spaces become a plain space', 'a\u00a0b\u2009c\u3000d', 'a b c d', 'a b c d'],
  ['line and paragraph separators become newlines', 'a\u2028b\u2029c', 'a\nb\nc', 'a\nb\nc'],
  ['bidi marks, isolates and the Arabic letter mark are dropped', '\u200fأ\u2067ب\u2069\u061cت\u202b', 'أبت', 'ابت'],
  ['zero-width space, joiners, soft hyphen and inner BOM are dropped', 'a\u200bb\u200cc\u200dd\u00ade\ufefff', 'abcdef', 'abcdef'],
  ['CR and LF are kept (offsets stay exact)', 'a\r\nb', 'a\r\nb', 'a\r\nb'],
  ['Latin and punctuation untouched (no case folding)', 'BRICS, U.N.!', 'BRICS, U.N.!', 'BRICS, U.N.!'],
  ['Arabic comma, semicolon and question mark untouched', '،؛؟', '،؛؟', '،؛؟'],
  ['astral characters copied whole', 'x😀y', 'x😀y', 'x😀y'],
];

describe('normalize: display and match levels', () => {
  it.each(CASES)('%s', (_note, input, disp, m) => {
    expect(display(input)).toBe(disp);
    expect(match(input)).toBe(m);
  });

  it('the none level changes nothing', () => {
    for (const [, input] of CASES) expect(normalize(input, 'none').text).toBe(input);
  });

  it('match is idempotent on every case', () => {
    for (const [, input] of CASES) expect(match(match(input))).toBe(match(input));
  });

  it('display then match equals match (display loses nothing match needs)', () => {
    for (const [, input] of CASES) expect(match(display(input))).toBe(match(input));
  });

  it('a decomposed sequence normalizes like the precomposed letter, at every level', () => {
    const pairs: [string, string][] = [
      ['\u0627\u0654', 'أ'],
      ['\u0627\u0655', 'إ'],
      ['\u0627\u0653', 'آ'],
      ['\u0648\u0654', 'ؤ'],
      ['\u064a\u0654', 'ئ'],
    ];
    for (const [decomposed, precomposed] of pairs) {
      for (const level of ['display', 'match'] as const) expect(normalize(decomposed, level).text).toBe(normalize(precomposed, level).text);
    }
  });
});

describe('normalize: keep switches', () => {
  // [note, input, kept groups, match result]
  const KEEP: [string, string, (typeof RULE_GROUPS)[number][], string][] = [
    ['keep diacritics: harakat survive the match level ("to")', 'إِلَى', ['diacritics'], 'اِلَي'],
    ['keep alef and alef-maksura: "to" unchanged but for its kasra and fatha', 'إِلَى', ['alef', 'alef-maksura'], 'إلى'],
    ['keep digits', '٢٠٢٤', ['digits'], '٢٠٢٤'],
    ['keep teh-marbuta ("school")', 'مدرسة', ['teh-marbuta'], 'مدرسة'],
    ['keep presentation forms', 'ﻷ', ['presentation-forms'], 'ﻷ'],
    ['keep tatweel', 'عـربي', ['tatweel'], 'عـربي'],
  ];
  it.each(KEEP)('%s', (_note, input, keep, expected) => {
    expect(normalize(input, { level: 'match', keep }).text).toBe(expected);
  });
});

describe('char table data', () => {
  it('every rule belongs to a known group, has a note and valid ranges', () => {
    for (const rule of CHAR_RULES) {
      expect(RULE_GROUPS).toContain(rule.group);
      expect(rule.note.length).toBeGreaterThan(3);
      for (const [a, b] of rule.ranges) {
        expect(a).toBeLessThanOrEqual(b);
        expect(b).toBeLessThan(0x10000);
      }
    }
  });

  it('no code point is claimed by two rules', () => {
    const seen = new Map<number, string>();
    for (const rule of CHAR_RULES) {
      for (const [a, b] of rule.ranges) {
        for (let cp = a; cp <= b; cp++) {
          expect(seen.get(cp), `U+${cp.toString(16)} in "${rule.note}"`).toBeUndefined();
          seen.set(cp, rule.note);
        }
      }
    }
  });

  it('docs/text.md documents every rule group', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'text.md'), 'utf8');
    for (const group of RULE_GROUPS) expect(doc, group).toContain(`| \`${group}\` |`);
  });

  it('normalizeForMatch is the text of the match level', () => {
    expect(normalizeForMatch('الأُمَم المتحدة')).toBe('الامم المتحده');
  });
});

describe('offset map basics', () => {
  // [note, input, level, normalized unit index, expected original range]
  const MAP: [string, string, 'display' | 'match', number, [number, number]][] = [
    ['a dropped haraka leaves no unit: "ب" after the fatha maps to its own offset', 'بَب', 'match', 1, [2, 3]],
    ['both units of an expanded ligature map to the ligature', 'ﻻ', 'match', 1, [0, 1]],
    ['a composed letter maps to base + mark', 'ا\u0654', 'display', 0, [0, 2]],
    ['a surrogate pair maps to both of its units', '😀', 'match', 1, [0, 2]],
  ];
  it.each(MAP)('%s', (_note, input, level, unit, [s, e]) => {
    const { map } = normalize(input, level);
    expect([map.origStart[unit], map.origEnd[unit]]).toEqual([s, e]);
  });

  it('toOriginal and spanToNormalized round-trip a word with tatweel and harakat ("the Chinese")', () => {
    const original = 'قال الصِّيـــنيّ اليوم';
    const { text, map } = normalize(original, 'match');
    const at = text.indexOf('الصيني');
    const span = map.toOriginal(at, at + 'الصيني'.length);
    expect(original.slice(span.start, span.end)).toBe('الصِّيـــنيّ');
    expect(map.spanToNormalized(span.start, span.end)).toEqual({ start: at, end: at + 6 });
  });
});
