/**
 * The seed article gives the same sentences (and the same normalized tokens) whatever shape
 * its text arrives in: UTF-8, UTF-8 with BOM, UTF-16LE, Windows-1256, CRLF line endings,
 * diacritics added to every word, and presentation forms. Entities and quotes are checked on
 * the same variants by their own tests; this file checks the text core they stand on.
 */
import iconv from 'iconv-lite';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/document.js';
import { decodeInput } from '../../src/io/read-input.js';
import { loadLexicons } from '../../src/io/lexicon-files.js';
import { detectBoilerplate } from '../../src/stages/boilerplate.js';
import { normalize } from '../../src/text/normalize.js';
import { splitSentences } from '../../src/text/sentences.js';
import { tokenize } from '../../src/text/tokens.js';

const SEED_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'seed-xinhua-wang-lavrov');
const seed = readFileSync(join(SEED_DIR, 'input.txt'), 'utf8');
const gold = JSON.parse(readFileSync(join(SEED_DIR, 'gold.json'), 'utf8')) as { sentences: { start: number; end: number; text: string }[]; boilerplate: { start: number; end: number }[] };
const lex = loadLexicons();
const reshaper = createRequire(import.meta.url)('arabic-reshaper') as { convertArabic(s: string): string };

/** Sentences (as match-normalized texts) and tokens' norms of a text, through the whole text core. */
function analyse(text: string) {
  const doc = makeDoc(text);
  const boilerplate = detectBoilerplate(doc, lex);
  const sentences = splitSentences(text, lex, boilerplate);
  const tokens = tokenize(doc.normalized, doc.map, sentences).filter((t) => t.sentence >= 0);
  return {
    sentences: sentences.map((s) => normalize(text.slice(s.start, s.end), 'match').text),
    title: sentences.findIndex((s) => s.title),
    tokens: tokens.map((t) => `${t.sentence}:${t.norm}`),
    boilerplate: boilerplate.length,
  };
}

/** A haraka after every Arabic letter (fatha, kasra, damma, sukun in turn; shadda + fatha now and then). */
function addDiacritics(text: string): string {
  const marks = ['\u064e', '\u0650', '\u064f', '\u0652', '\u0651\u064e'];
  let k = 0;
  return text.replace(/[\u0621-\u064a]/g, (ch) => ch + marks[k++ % marks.length]);
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

// [note, how to make the variant's bytes]
const VARIANTS: [string, () => Uint8Array][] = [
  ['UTF-8', () => utf8(seed)],
  ['UTF-8 with BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(seed)])],
  ['UTF-16LE with BOM', () => new Uint8Array(iconv.encode(seed, 'utf-16le', { addBOM: true }))],
  ['UTF-16LE without BOM', () => new Uint8Array(iconv.encode(seed, 'utf-16le'))],
  ['Windows-1256', () => new Uint8Array(iconv.encode(seed, 'windows-1256'))],
  ['CRLF line endings', () => utf8(seed.replace(/\n/g, '\r\n'))],
  ['diacritics on every letter', () => utf8(addDiacritics(seed))],
  ['presentation forms (shaped text, lam-alef ligatures)', () => utf8(reshaper.convertArabic(seed))],
  ['tatweel and bidi marks inside words', () => utf8(seed.replace(/([\u0628-\u064a])([\u0628-\u064a])/g, '$1\u0640$2').replace(/ /g, ' \u200f'))],
];

describe('seed article variants', () => {
  const reference = analyse(seed);

  it('the reference reproduces the gold sentences exactly', () => {
    const sentences = splitSentences(seed, lex, detectBoilerplate(makeDoc(seed), lex));
    expect(sentences.map((s) => [s.start, s.end])).toEqual(gold.sentences.map((s) => [s.start, s.end]));
    expect(sentences.map((s) => seed.slice(s.start, s.end))).toEqual(gold.sentences.map((s) => s.text));
    expect(sentences[0].title).toBe(true);
  });

  it.each(VARIANTS)('%s gives the same sentences and tokens', (_note, bytes) => {
    const decoded = decodeInput(bytes());
    const variant = analyse(decoded.text);
    expect(variant.sentences).toEqual(reference.sentences);
    expect(variant.title).toBe(reference.title);
    expect(variant.tokens).toEqual(reference.tokens);
    expect(variant.boilerplate).toBe(1);
  });
});
