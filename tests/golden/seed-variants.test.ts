/**
 * The whole pipeline gives the same entities and quotes for the seed article whatever shape its
 * text arrives in (issue 3): encodings, CRLF, diacritics on every letter, presentation forms,
 * tatweel and bidi marks. Offsets differ between variants (diacritics add characters), so the
 * comparison is on what was found: entity ids, types, mentions per sentence; quotes' speakers,
 * cues and sentences. Every mention's text must still be its variant's original slice.
 */
import iconv from 'iconv-lite';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract.js';
import { decodeInput } from '../../src/io/read-input.js';
import { loadLexicons } from '../../src/io/lexicon-files.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import type { ExtractResult } from '../../src/result.js';

const seed = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'seed-xinhua-wang-lavrov', 'input.txt'), 'utf8');
const lex = loadLexicons();
const reshaper = createRequire(import.meta.url)('arabic-reshaper') as { convertArabic(s: string): string };
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function addDiacritics(text: string): string {
  const marks = ['\u064e', '\u0650', '\u064f', '\u0652', '\u0651\u064e'];
  let k = 0;
  return text.replace(/[\u0621-\u064a]/g, (ch) => ch + marks[k++ % marks.length]);
}

/** What was found, independent of offsets. */
function findings(r: ExtractResult) {
  return {
    sentences: r.sentences.length,
    entities: r.entities
      .map((e) => `${e.id}|${e.type}|${e.mentions.map((m) => `${m.sentence}:${normalizeForMatch(m.text)}`).join(',')}`)
      .sort(),
    quotes: r.quotes.map((q) => `${q.sentence}|${normalizeForMatch(q.cue.text)}|${q.cue.lemma}|${q.speaker.entity}|${q.speaker.implicit}`),
  };
}

const cp = (s: string) => Array.from(s);

// [note, the variant's bytes]
const VARIANTS: [string, () => Uint8Array][] = [
  ['UTF-8 with BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(seed)])],
  ['UTF-16LE with BOM', () => new Uint8Array(iconv.encode(seed, 'utf-16le', { addBOM: true }))],
  ['UTF-16BE with BOM', () => new Uint8Array(iconv.encode(seed, 'utf-16be', { addBOM: true }))],
  ['Windows-1256 (legacy Arabic code page)', () => new Uint8Array(iconv.encode(seed, 'windows-1256'))],
  ['CRLF line endings', () => utf8(seed.replace(/\n/g, '\r\n'))],
  ['a haraka after every letter', () => utf8(addDiacritics(seed))],
  ['presentation forms (pre-shaped text with lam-alef ligatures)', () => utf8(reshaper.convertArabic(seed))],
  ['tatweel inside words and RLM marks between them', () => utf8(seed.replace(/([\u0628-\u064a])([\u0628-\u064a])/g, '$1\u0640$2').replace(/ /g, ' \u200f'))],
];

describe('seed article: same entities and quotes in every shape', () => {
  const reference = findings(extract(seed, lex));

  it('the reference has the seed people, places and quotes', () => {
    expect(reference.entities.length).toBeGreaterThanOrEqual(9);
    expect(reference.quotes.length).toBeGreaterThanOrEqual(9);
  });

  it.each(VARIANTS)('%s', (_note, bytes) => {
    const text = decodeInput(bytes()).text;
    const result = extract(text, lex);
    expect(findings(result)).toEqual(reference);
    const points = cp(text);
    for (const e of result.entities) for (const m of e.mentions) expect(points.slice(m.start, m.end).join('')).toBe(m.text);
    for (const q of result.quotes) expect(points.slice(q.cue.start, q.cue.end).join('')).toBe(q.cue.text);
  });
});
