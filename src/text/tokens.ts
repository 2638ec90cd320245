import type { Sentence, Token } from '../types.js';
import { FormTable, hashUnits } from './forms.js';
import type { OffsetMap } from './offset-map.js';

/**
 * Tokenize normalized text (normally the match level). Words are runs of letters of one
 * script (Arabic, or Latin with glued digits: G20); numbers keep inner separators between
 * digits (3.5, 2.000.000, 1,5, 12/08/2014, 05:01); single Arabic letters joined by dots are
 * one abbreviation (ق.م, ص.ب, أ.ف.ب); URLs are one token; every other non-space
 * character is its own punctuation token. Offsets point into the original text through the
 * map, so `original.slice(start, end)` is the token as written (with its diacritics, tatweel
 * or presentation forms) and `norm` is its normalized form. Each token's `form` is interned in
 * `forms` (see forms.ts): pass the table of the lexicons the stages will use, so their per-form
 * facts are shared across documents.
 */
const SPACE = 0;
const ARABIC = 1;
const LATIN = 2;
const DIGIT = 3;
const PUNCT = 4;
const HIGH_SURROGATE = 5;

/** Character class of every UTF-16 unit, built once. */
const CLASS: Uint8Array = buildClassTable();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(0x10000).fill(PUNCT);
  const set = (a: number, b: number, k: number) => t.fill(k, a, b + 1);
  for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) t[c] = SPACE;
  set(0x2000, 0x200a, SPACE);
  set(0x30, 0x39, DIGIT);
  set(0x41, 0x5a, LATIN);
  set(0x61, 0x7a, LATIN);
  set(0xc0, 0x24f, LATIN);
  t[0xd7] = PUNCT;
  t[0xf7] = PUNCT;
  set(0x0610, 0x061a, ARABIC); // marks that survive a non-match level stay inside their word
  set(0x0620, 0x065f, ARABIC);
  set(0x0660, 0x0669, DIGIT);
  set(0x066e, 0x06d3, ARABIC);
  set(0x06d5, 0x06ed, ARABIC);
  set(0x06f0, 0x06f9, DIGIT);
  set(0x06fa, 0x06ff, ARABIC);
  set(0x0750, 0x077f, ARABIC);
  set(0x08a0, 0x08ff, ARABIC);
  set(0xfb50, 0xfdff, ARABIC);
  set(0xfe70, 0xfefc, ARABIC);
  t[0x200c] = ARABIC; // joiners inside a word (levels that keep them)
  t[0x200d] = ARABIC;
  set(0xd800, 0xdbff, HIGH_SURROGATE);
  return t;
}

/** Separators that stay inside a number when a digit follows: . , : / and the Arabic decimal and thousands signs. */
function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f || c === 0x066b || c === 0x066c;
}

const URL_AT = /(?:https?:\/\/|www\.)[^\s<>«»"“”]+/y;

/** Length of a URL starting at i (trailing punctuation left out), or 0. */
function urlLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c !== 0x68 && c !== 0x77 && c !== 0x48 && c !== 0x57) return 0;
  URL_AT.lastIndex = i;
  const m = URL_AT.exec(s);
  if (!m) return 0;
  let len = m[0].length;
  while (len > 0 && /[.,;:!?)\]}'"»]/.test(m[0][len - 1])) len--;
  return len;
}

function isSingleArabicLetterAt(s: string, k: number): boolean {
  return k < s.length && CLASS[s.charCodeAt(k)] === ARABIC && (k + 1 >= s.length || CLASS[s.charCodeAt(k + 1)] !== ARABIC);
}

/** Single letters joined by dots are one abbreviation token: ق.م, ص.ب, أ.ف.ب, ج.م.ع. */
function dottedInitialsEnd(s: string, j: number): number {
  let end = j;
  while (s.charCodeAt(end) === 0x2e && isSingleArabicLetterAt(s, end + 1)) end += 2;
  return end;
}

const KIND_NAMES: readonly Token['kind'][] = ['word', 'latin', 'number', 'punct', 'other'];
const WORD = 0;
const LATIN_WORD = 1;
const NUMBER = 2;
const PUNCT_MARK = 3;
const OTHER = 4;

/**
 * Token bounds, kinds, hashes and form indexes of the document being tokenized: the three passes
 * of `tokenize` hand them on in typed arrays, reused across documents (see `scratchFor`).
 */
class Scratch {
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  hashes = new Int32Array(1024);
  kinds = new Uint8Array(1024);
  formIndex = new Int32Array(1024);

  /** Room for up to `n` tokens (a text of n units has at most n). */
  fit(n: number): void {
    if (n <= this.starts.length) return;
    const size = Math.max(n, this.starts.length * 2);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.kinds = new Uint8Array(size);
    this.formIndex = new Int32Array(size);
  }
}

/** Reused for documents up to this many units (about 17 MB of buffers); a longer one gets its own, freed after it. */
const SCRATCH_KEPT_UNITS = 1 << 20;
const kept = new Scratch();

function scratchFor(n: number): Scratch {
  const scratch = n <= SCRATCH_KEPT_UNITS ? kept : new Scratch();
  scratch.fit(n);
  return scratch;
}

/**
 * Three passes: find the tokens' bounds (and hash their units), intern them all, then build the
 * token objects. Interning in a pass of its own lets the table's cache misses overlap (see
 * `FormTable.internAll`); the output is what one fused pass would give.
 */
export function tokenize(normalized: string, map: OffsetMap, sentences: readonly Sentence[] = [], forms: FormTable = new FormTable()): Token[] {
  forms.beginDocument();
  const scratch = scratchFor(normalized.length);
  const count = findTokens(normalized, scratch);
  forms.internAll(normalized, scratch.starts, scratch.ends, scratch.hashes, count, scratch.formIndex);
  return buildTokens(count, map, sentences, forms, scratch);
}

/** Bounds, kinds and unit hashes of the tokens of `normalized`, into `out`; returns their count. */
function findTokens(normalized: string, out: Scratch): number {
  const { starts, ends, hashes, kinds } = out;
  const n = normalized.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const k = CLASS[normalized.charCodeAt(i)];
    if (k === SPACE) {
      i++;
      continue;
    }
    let j = i + 1;
    let kind: number;
    if (k === ARABIC) {
      while (j < n && CLASS[normalized.charCodeAt(j)] === ARABIC) j++;
      if (j === i + 1) j = dottedInitialsEnd(normalized, j);
      kind = WORD;
    } else if (k === LATIN) {
      const url = urlLength(normalized, i);
      if (url > 0) {
        j = i + url;
        kind = OTHER;
      } else {
        // digits glued to Latin letters stay (G20, COVID19)
        while (j < n) {
          const kj = CLASS[normalized.charCodeAt(j)];
          if (kj === LATIN || kj === DIGIT) j++;
          else break;
        }
        kind = LATIN_WORD;
      }
    } else if (k === DIGIT) {
      while (j < n) {
        const c = normalized.charCodeAt(j);
        if (CLASS[c] === DIGIT) j++;
        else if (isNumberSeparator(c) && j + 1 < n && CLASS[normalized.charCodeAt(j + 1)] === DIGIT) j += 2;
        else break;
      }
      kind = NUMBER;
    } else if (k === HIGH_SURROGATE) {
      // a surrogate pair is one token (emoji, rare letters)
      const d = j < n ? normalized.charCodeAt(j) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) j++;
      kind = OTHER;
    } else kind = PUNCT_MARK;
    starts[count] = i;
    ends[count] = j;
    kinds[count] = kind;
    hashes[count] = hashUnits(normalized, i, j);
    count++;
    i = j;
  }
  return count;
}

function buildTokens(count: number, map: OffsetMap, sentences: readonly Sentence[], forms: FormTable, found: Scratch): Token[] {
  const { starts, ends, kinds, formIndex } = found;
  const { origStart, origEnd } = map;
  const tokens: Token[] = new Array(count);
  let sentence = 0;
  for (let t = 0; t < count; t++) {
    const i = starts[t];
    const j = ends[t];
    const start = origStart[i];
    const end = origEnd[j - 1];
    while (sentence < sentences.length && sentences[sentence].end <= start) sentence++;
    const inSentence = sentence < sentences.length && sentences[sentence].start <= start;
    const form = forms.form(formIndex[t]);
    tokens[t] = {
      index: t,
      start,
      end,
      nStart: i,
      nEnd: j,
      norm: form.norm,
      form,
      kind: KIND_NAMES[kinds[t]],
      sentence: inSentence ? sentence : -1,
    };
  }
  return tokens;
}
