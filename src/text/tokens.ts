import type { Sentence, Token } from '../types.js';
import type { OffsetMap } from './offset-map.js';

/**
 * Tokenize the match-level normalized text. Words are runs of letters (Arabic or Latin);
 * numbers keep internal separators (3.5, 2.000.000, 1,5); every other non-space character is
 * its own punctuation token. Offsets point into the original text through the map.
 */
const enum C {
  Space,
  Arabic,
  Latin,
  Digit,
  Punct,
}

function classify(c: number): C {
  if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0b || c === 0x0c) return C.Space;
  if (c >= 0x30 && c <= 0x39) return C.Digit;
  if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff)) return C.Arabic;
  // marks that survive a non-match level stay inside their word
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670) return C.Arabic;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) return C.Latin;
  if (c === 0x2028 || c === 0x2029 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a)) return C.Space;
  return C.Punct;
}

function isLetterClass(k: C): boolean {
  return k === C.Arabic || k === C.Latin;
}

export function tokenize(normalized: string, map: OffsetMap, sentences: readonly Sentence[] = []): Token[] {
  const tokens: Token[] = [];
  const n = normalized.length;
  let i = 0;
  let sentence = 0;
  while (i < n) {
    const k = classify(normalized.charCodeAt(i));
    if (k === C.Space) {
      i++;
      continue;
    }
    let j = i + 1;
    let kind: Token['kind'];
    if (isLetterClass(k)) {
      // Arabic and Latin letters do not mix in one token; digits glued to letters do (e.g. G20)
      while (j < n) {
        const kj = classify(normalized.charCodeAt(j));
        if (kj === k || (kj === C.Digit && k === C.Latin)) j++;
        else break;
      }
      kind = k === C.Arabic ? 'word' : 'latin';
    } else if (k === C.Digit) {
      while (j < n) {
        const c = normalized.charCodeAt(j);
        const kj = classify(c);
        if (kj === C.Digit) j++;
        else if ((c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f) && j + 1 < n && classify(normalized.charCodeAt(j + 1)) === C.Digit) j += 2;
        else break;
      }
      kind = 'number';
    } else {
      // a surrogate pair is one token
      const c = normalized.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && j < n) j++;
      kind = k === C.Punct ? 'punct' : 'other';
    }
    const span = map.toOriginal(i, j);
    while (sentence < sentences.length && sentences[sentence].end <= span.start) sentence++;
    const inSentence = sentence < sentences.length && sentences[sentence].start <= span.start;
    tokens.push({
      index: tokens.length,
      start: span.start,
      end: span.end,
      nStart: i,
      nEnd: j,
      norm: normalized.slice(i, j),
      kind,
      sentence: inSentence ? sentence : -1,
    });
    i = j;
  }
  return tokens;
}
