/**
 * Random text for the robustness properties: the alphabet a scraper can hand us (Arabic with
 * harakat and tatweel, Latin, both digit systems, Arabic and Latin punctuation, every kind of
 * quote mark, controls, bidi marks, presentation forms, astral characters and LONE surrogates,
 * CR/LF/paragraph separators) mixed with fragments of real news phrasing taken from the
 * lexicons at test time, so the deeper stages (entities, quotes) see input they act on.
 *
 * Not a test file: imported by tests/invariants/*.test.ts and tests/robustness/*.test.ts.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LEXICON_DIR = fileURLToPath(new URL('../../lexicons/', import.meta.url));

/** numRuns from FUZZ_RUNS (npm run fuzz sets 20000), small by default so CI stays fast. */
export function fuzzRuns(defaultRuns: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : defaultRuns;
}

/** Fixed seed so a failure in CI reproduces; FUZZ_SEED overrides it for exploratory runs. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261124);

export function fuzzParams(defaultRuns: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns) };
}

const range = (a: number, b: number) => fc.integer({ min: a, max: b }).map((c) => String.fromCodePoint(c));

const arabicLetter = range(0x0621, 0x064a);
const haraka = range(0x064b, 0x0652);
const arabicIndicDigit = range(0x0660, 0x0669);
const persianDigit = range(0x06f0, 0x06f9);
const asciiDigit = range(0x30, 0x39);
const latinLetter = fc.oneof(range(0x41, 0x5a), range(0x61, 0x7a), range(0xc0, 0xff));
const presentationForm = fc.oneof(range(0xfb50, 0xfdff), range(0xfe70, 0xfefc));
const astral = fc.oneof(range(0x1f300, 0x1f64f), range(0x10000, 0x10ffff), range(0x1ee00, 0x1eeff));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.oneof(range(0x00, 0x1f), range(0x7f, 0x9f));
const bidiOrInvisible = fc.constantFrom('\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\u2060');
const space = fc.constantFrom(' ', ' ', ' ', '\t', '\u00a0', '\u2009', '\u202f', '\u3000');
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\u2028', '\u2029', '\u0085');
const punctuation = fc.constantFrom('؟', '،', '؛', '…', '.', '!', '?', ',', ';', ':', '-', '–', '—', '(', ')', '[', ']', '{', '}', '/', '%', '٪', '٫', '٬', '...', '!!', '؟!');
const quoteMark = fc.constantFrom('«', '»', '“', '”', '"', "'", '‘', '’', '‹', '›', '„', '«', '»');
const tatweel = fc.constant('\u0640');

/** Every phrase-like cell of every lexicon TSV (any column holding an Arabic letter). */
export function lexiconFragments(dir: string = LEXICON_DIR): string[] {
  const out = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.tsv'));
  } catch {
    return [];
  }
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(join(dir, f), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split(/\r?\n/)) {
      if (line.startsWith('#')) continue;
      for (const cell of line.split('\t')) if (/[\u0600-\u06ff]/.test(cell)) out.add(cell.trim());
    }
  }
  return [...out].sort();
}

/** Fixed Arabic news phrasing, in case the lexicons are still thin (reporting cues, titles, frames). */
const NEWS_PHRASES = [
  'قال', 'وقال', 'أكد', 'وأكد', 'أضاف', 'وأضاف', 'صرح', 'أعلن', 'أوضح', 'مشيرا إلى أن', 'وفقا لـ', 'بحسب',
  'حسبما أفاد', 'نقلا عن', 'في تصريح لـ', 'في بيان', 'وزير الخارجية', 'الرئيس', 'المتحدث باسم', 'رئيس الوزراء',
  'إن', 'أن', 'إنه', '"', '«', '»', ':', 'وكالة الأنباء', 'يوم الثلاثاء', 'الصين', 'روسيا', 'بريكس', 'للصين',
  'وانغ يي', 'سيرغي لافروف', 'اقرأ أيضا', 'ملفات تعريف الارتباط', 'بيان الخصوصية وسياسة ملفات تعريف الارتباط',
];

/** A fragment of news text: a lexicon form, a fixed phrase, possibly with a clitic glued in front. */
export function newsFragment(fragments: readonly string[] = lexiconFragments()): fc.Arbitrary<string> {
  const pool = [...new Set([...fragments, ...NEWS_PHRASES])];
  return fc.tuple(fc.constantFrom('', '', '', 'و', 'ب', 'ل', 'ال', 'وال', 'لل', 'فـ'), fc.constantFrom(...pool)).map(([c, p]) => c + p);
}

/** One "piece" of random text; weighted so Arabic and fragments dominate. */
export function piece(fragments?: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 20, arbitrary: arabicLetter },
    { weight: 4, arbitrary: haraka },
    { weight: 1, arbitrary: tatweel },
    { weight: 3, arbitrary: latinLetter },
    { weight: 2, arbitrary: fc.oneof(asciiDigit, arabicIndicDigit, persianDigit) },
    { weight: 10, arbitrary: space },
    { weight: 3, arbitrary: lineBreak },
    { weight: 4, arbitrary: punctuation },
    { weight: 4, arbitrary: quoteMark },
    { weight: 1, arbitrary: control },
    { weight: 1, arbitrary: bidiOrInvisible },
    { weight: 1, arbitrary: presentationForm },
    { weight: 1, arbitrary: astral },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 8, arbitrary: newsFragment(fragments).map((s) => ` ${s} `) },
  );
}

/** A random article: up to `maxPieces` pieces. */
export function articleText(maxPieces = 120, fragments?: readonly string[]): fc.Arbitrary<string> {
  return fc.array(piece(fragments), { maxLength: maxPieces }).map((a) => a.join(''));
}

/** Text over a tiny alphabet, so edge patterns (doubled marks, runs of terminators) are frequent. */
export function edgyText(maxLength = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom('ا', 'ل', 'أ', 'ﻷ', 'ﻻ', '\u064e', '\u0640', ' ', '\n', '\r', '.', '؟', '«', '»', '"', '\ud800', '\udc00', '😀', '\u200f', '٣', '3', ':', 'قال', 'الصين'), { maxLength })
    .map((a) => a.join(''));
}

/** Code-point slice of `text` (what the JSON contract's offsets mean). */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** Code points of a string, as an array of one-code-point strings (lone surrogates count as one). */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Byte strings as files, biased toward the interesting prefixes: BOMs, half BOMs, UTF-8 lead bytes, NULs. */
export function fileBytes(maxLength = 300): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb], [0xff], [0x00, 0x00, 0xfe, 0xff], [0xd8, 0xa7], [0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e]),
      fc.uint8Array({ maxLength }),
      fc.array(fc.constantFrom(0x00, 0x0a, 0x0d, 0xd8, 0xd9, 0xa7, 0xc3, 0xe2, 0x80, 0xf0, 0x9f, 0xbf, 0x3c, 0x3e), { maxLength: 40 }),
    )
    .map(([prefix, body, tail]) => Uint8Array.from([...prefix, ...body, ...tail]));
}
