import type { Lexicons } from '../lexicon/lexicons.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { BoilerplateSpan, Span } from '../types.js';
import type { TextDoc } from '../document.js';

/**
 * Web-page residue (cookie notices, "read also", share and follow lines, copyright footers,
 * photo credits, newsletter prompts) found from `lexicons/boilerplate.tsv`
 * (columns: phrase, kind, scope, anchor; see the file's header).
 *
 * Matching is linear in the text: the match-level text is read as word and punctuation
 * tokens (without building them), phrases are indexed by a key of their first token (first
 * unit, last unit, length), and each text token is compared only with the few phrases sharing
 * that key. A match marks its whole line (scope `line`) or its line and
 * everything after it (scope `tail`, e.g. the cookie notice a scraper leaves at the end of a
 * page; only in the second half of the text, elsewhere it marks its line), or its line and the
 * list of headlines under it when the phrase is a heading alone on its line (scope `list`: the
 * links a "read also" or "related" box leaves in scraped text). The anchor guards
 * against phrases that could occur in article prose:
 *   any   = anywhere in the line;
 *   start = the phrase opens the line (after bullets or an opening bracket) and the line is short;
 *   alone = the line holds nothing but the phrase (and punctuation).
 */
type Scope = 'line' | 'tail' | 'list';
type Anchor = 'any' | 'start' | 'alone';

interface BoilerplatePhrase {
  tokens: string[];
  /** The first token's key, compared part by part (small integers: no float key per text token). */
  firstUnit: number;
  lastUnit: number;
  keyLength: number;
  kind: string;
  scope: Scope;
  anchor: Anchor;
}

/** A line longer than this (in word tokens) is prose: `start` phrases do not mark it. */
const MAX_SHORT_LINE_WORDS = 20;

interface PhraseIndex {
  /**
   * Phrases (in lexicon order) by the `keySlot` of their first token; a slot may also hold
   * phrases of other first tokens, told apart by their key. No string is built per text token, and
   * an array read by a small slot is cheaper than a map lookup with a large numeric key (one
   * text token in eight shares a key with some phrase: من, كل, قد …).
   */
  bySlot: (BoilerplatePhrase[] | undefined)[];
  /**
   * One bit per slot, set where bySlot holds phrases: read for every text token, so it is kept
   * small (512 bytes) — a larger table was evicted by the other stages and missed the cache per token.
   */
  slotBits: Uint32Array;
  size: number;
}

/** Slots for phrase keys: small enough that slotBits (512 bytes) and bySlot stay in cache between the other stages. */
const SLOT_BITS = 12;
const KEY_FILTER_SIZE = 1 << SLOT_BITS;

/**
 * A token's key is its first unit, last unit (both folded) and length (capped at 63): distinct
 * enough that the Arabic article ال does not make every word a candidate. The slot is a small
 * hash of the key: tokens with equal keys have equal slots.
 */
function keySlot(firstUnit: number, lastUnit: number, keyLength: number): number {
  // multiplicative (Fibonacci) hashing: the top bits of the product mix all parts of the key
  return Math.imul((firstUnit << 10) ^ (lastUnit << 4) ^ keyLength, 0x9e3779b1) >>> (32 - SLOT_BITS);
}

/** Latin capitals fold to lower case; everything else compares as is (the text is match-normalized). */
function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

function phraseIndex(lex: Lexicons): PhraseIndex {
  return lex.compiled('boilerplate', () => {
    const bySlot: (BoilerplatePhrase[] | undefined)[] = new Array(KEY_FILTER_SIZE).fill(undefined);
    const slotBits = new Uint32Array(KEY_FILTER_SIZE >>> 5);
    let size = 0;
    for (const row of lex.rows('boilerplate')) {
      const tokens = textTokens(normalizeForMatch(row.cells.phrase ?? '')).map((t) => t.text);
      if (tokens.length === 0) continue;
      const phrase: BoilerplatePhrase = {
        tokens,
        firstUnit: fold(tokens[0].charCodeAt(0)),
        lastUnit: fold(tokens[0].charCodeAt(tokens[0].length - 1)),
        keyLength: Math.min(tokens[0].length, 63),
        kind: row.cells.kind || 'boilerplate',
        scope: row.cells.scope === 'tail' || row.cells.scope === 'list' ? row.cells.scope : 'line',
        anchor: row.cells.anchor === 'start' || row.cells.anchor === 'alone' ? row.cells.anchor : 'any',
      };
      const slot = keySlot(phrase.firstUnit, phrase.lastUnit, phrase.keyLength);
      (bySlot[slot] ??= []).push(phrase);
      slotBits[slot >>> 5] |= 1 << (slot & 31);
      size++;
    }
    return { bySlot, slotBits, size };
  });
}

interface TextToken extends Span {
  text: string;
  word: boolean;
}

const WORD_UNIT = 1;
const BLANK_UNIT = 2;

/** WORD_UNIT for letters and digits, BLANK_UNIT for white space, 0 for the rest: one read per unit instead of a chain of range tests. */
const UNIT_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const words: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x0621, 0x064a], [0x066e, 0x06d3], [0x06fa, 0x06ff], [0x0750, 0x077f]];
  for (const [a, b] of words) t.fill(WORD_UNIT, a, b + 1);
  for (const c of [0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]) t[c] = BLANK_UNIT;
  return t;
})();

function isWordUnit(c: number): boolean {
  return UNIT_CLASS[c] === WORD_UNIT;
}

function isBlankUnit(c: number): boolean {
  return UNIT_CLASS[c] === BLANK_UNIT;
}

/** Words (letters and digits, Latin lower-cased) and single punctuation marks of normalized text. */
function textTokens(s: string): TextToken[] {
  const out: TextToken[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isBlankUnit(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    const word = isWordUnit(c);
    if (word) while (j < n && isWordUnit(s.charCodeAt(j))) j++;
    const raw = s.slice(i, j);
    out.push({ start: i, end: j, text: word && /[A-Z]/.test(raw) ? raw.toLowerCase() : raw, word });
    i = j;
  }
  return out;
}

/** Leading marks that do not stop a phrase from opening its line: bullets, dashes, brackets. */
const LINE_OPENERS = new Set(['-', '–', '—', '•', '*', '|', '(', '[', '«', '"', '“', '·', '►', '▪', '●', '>', ':']);

export function detectBoilerplate(doc: TextDoc, lex: Lexicons): BoilerplateSpan[] {
  const { bySlot, slotBits, size } = phraseIndex(lex);
  if (size === 0) return [];
  const norm = doc.normalized;
  const text = doc.original;
  const found: BoilerplateSpan[] = [];
  // A line already marked whole needs no more matching: without this, a long line repeating a
  // phrase would be rescanned (lineAround, anchored) once per repetition — quadratic.
  let markedLineEnd = -1;
  let markedTail = false;
  let triedTailInLine = -1;
  const n = norm.length;
  const origStart = doc.map.origStart;
  // the token walk of nextTokenStart/tokenEnd inlined: this loop reads every unit of the text
  for (let i = 0; i < n; ) {
    const firstCode = norm.charCodeAt(i);
    const cls = UNIT_CLASS[firstCode];
    if (cls === BLANK_UNIT) {
      i++;
      continue;
    }
    let end = i + 1;
    let lastCode = firstCode;
    if (cls === WORD_UNIT) {
      for (; end < n; end++) {
        const c = norm.charCodeAt(end);
        // Arabic letters (most units) are word units without the table read
        if ((c < 0x0621 || c > 0x064a) && UNIT_CLASS[c] !== WORD_UNIT) break;
        lastCode = c;
      }
    }
    const firstUnit = fold(firstCode);
    const lastUnit = fold(lastCode);
    const keyLength = Math.min(end - i, 63);
    const slot = keySlot(firstUnit, lastUnit, keyLength);
    if ((slotBits[slot >>> 5] & (1 << (slot & 31))) === 0) {
      i = end;
      continue;
    }
    const candidates = bySlot[slot]!;
    const at = origStart[i];
    if (at >= markedLineEnd || !markedTail) {
      for (let k = 0; k < candidates.length; k++) {
        const p = candidates[k];
        // another first token sharing the slot (its key differs)
        if (p.firstUnit !== firstUnit || p.lastUnit !== lastUnit || p.keyLength !== keyLength) continue;
        // inside a marked line only a tail phrase can still add something (the rest of the page)
        if (at < markedLineEnd && (p.scope !== 'tail' || triedTailInLine === markedLineEnd)) continue;
        if (at < markedLineEnd) triedTailInLine = markedLineEnd;
        const matchEnd = matchAt(norm, i, end, p.tokens);
        if (matchEnd < 0) continue;
        const first = doc.map.toOriginal(i, end);
        const last = doc.map.toOriginal(matchEnd - 1, matchEnd);
        const line = lineAround(text, first.start);
        if (!anchored(text, line, first.start, last.end, p.anchor)) continue;
        const tail = p.scope === 'tail' && line.start >= text.length / 2;
        const list = p.scope === 'list' && anchored(text, line, first.start, last.end, 'alone');
        const spanEnd = tail ? trimEnd(text, line.start, text.length) : list ? headlineListEnd(text, line.end) : line.end;
        found.push({ start: line.start, end: spanEnd, kind: p.kind });
        markedLineEnd = Math.max(markedLineEnd, spanEnd);
        markedTail = tail;
        break;
      }
    }
    i = end;
  }
  return mergeSpans(text, found);
}

function nextTokenStart(s: string, i: number): number {
  while (i < s.length && isBlankUnit(s.charCodeAt(i))) i++;
  return i;
}

/** End of the token starting at i: a run of word units, or one punctuation unit. */
function tokenEnd(s: string, i: number): number {
  if (!isWordUnit(s.charCodeAt(i))) return i + 1;
  let j = i + 1;
  while (j < s.length && isWordUnit(s.charCodeAt(j))) j++;
  return j;
}

/** End (in the normalized text) of `phrase` matched token by token from the token text[i, firstEnd), or -1. */
function matchAt(s: string, i: number, firstEnd: number, phrase: readonly string[]): number {
  let at = i;
  for (let m = 0; m < phrase.length; m++) {
    if (m > 0) at = nextTokenStart(s, at);
    if (at >= s.length) return -1;
    const end = m === 0 ? firstEnd : tokenEnd(s, at);
    const want = phrase[m];
    if (end - at !== want.length) return -1;
    for (let k = 0; k < want.length; k++) if (fold(s.charCodeAt(at + k)) !== want.charCodeAt(k)) return -1;
    at = end;
  }
  return at;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** The line holding original offset `at`, without surrounding white space. */
function lineAround(text: string, at: number): Span {
  let s = at;
  while (s > 0 && !isLineBreak(text.charCodeAt(s - 1))) s--;
  let e = at;
  while (e < text.length && !isLineBreak(text.charCodeAt(e))) e++;
  while (s < e && /\s/.test(text[s])) s++;
  return { start: s, end: trimEnd(text, s, e) };
}

function anchored(text: string, line: Span, from: number, to: number, anchor: Anchor): boolean {
  if (anchor === 'any') return true;
  const before = textTokens(normalizeForMatch(text.slice(line.start, from))).filter((t) => t.word || !LINE_OPENERS.has(t.text));
  if (before.length > 0) return false;
  const after = textTokens(normalizeForMatch(text.slice(to, line.end)));
  if (anchor === 'alone') return after.every((t) => !t.word);
  return after.filter((t) => t.word).length <= MAX_SHORT_LINE_WORDS;
}

/** A headline under a "read also" heading has at most this many words; a longer line is prose. */
const MAX_HEADLINE_WORDS = 20;
/** Headlines a box lists at most (with the markers some sites add: list 1 of 4 … end of list). */
const MAX_LIST_LINES = 16;

/**
 * End of the headlines listed right under a heading line ending at `from`: the following lines up
 * to the first blank line, while each reads as a headline (short, not closed by a full stop, which
 * ends article paragraphs). The heading's own end when no line follows as a headline.
 */
function headlineListEnd(text: string, from: number): number {
  let end = from;
  let at = from;
  for (let lines = 0; lines < MAX_LIST_LINES; lines++) {
    const next = nextLineStart(text, at);
    if (next < 0) break;
    const line = lineAround(text, next);
    if (line.start >= line.end || !readsAsHeadline(text, line)) break;
    end = line.end;
    at = line.end;
  }
  return end;
}

/** Start of the line after the one ending at `at`, or -1 when a blank line or the text's end comes first. */
function nextLineStart(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  if (i >= text.length) return -1;
  if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
  i++;
  let j = i;
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
  return j >= text.length || isLineBreak(text.charCodeAt(j)) ? -1 : i;
}

function readsAsHeadline(text: string, line: Span): boolean {
  const last = text.charCodeAt(line.end - 1);
  if (last === 0x2e || last === 0x06d4) return false; // . and the Arabic full stop ۔
  return textTokens(normalizeForMatch(text.slice(line.start, line.end))).filter((t) => t.word).length <= MAX_HEADLINE_WORDS;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Overlapping spans merge; neighbours of the same kind separated only by white space merge too. */
function mergeSpans(text: string, spans: BoilerplateSpan[]): BoilerplateSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: BoilerplateSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && (s.start <= last.end || (s.kind === last.kind && !/\S/.test(text.slice(last.end, s.start))))) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
