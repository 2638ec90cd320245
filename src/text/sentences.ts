import type { Lexicons } from '../lexicon/lexicons.js';
import type { Sentence, Span } from '../types.js';
import { normalizeForMatch } from './normalize.js';

/**
 * Sentence splitting over the ORIGINAL text (terminators survive normalization unchanged, and
 * working on the original keeps offsets exact without a map). One pass over the text collects
 * the units any scan stops at (see eventsOf); each region is then split in one linear scan of those:
 *
 * - a sentence ends after a run of . ! ? ؟ ؛ … plus any closing quotes/brackets (`.»`, `؟"`),
 *   and at every line or paragraph break; never at the Arabic comma ، , nor right before one;
 * - a dot does not end a sentence inside a number (3.5, 2.000.000, 12.08.2014), a URL, an e-mail
 *   address or a domain name, after an abbreviation from `lexicons/abbreviation.tsv` (د. أ.د.
 *   ص.ب ق.م …; see AbbreviationPosition), after an initial (ف. , J.), inside dotted initials
 *   (أ.ف.ب), after a list number at the start of a line (1. ), or between Latin letters (file.pdf);
 * - an ellipsis (… , .. , . . .) does not end a sentence inside an open quotation that goes on
 *   after it, before a comma, or between brackets; other terminators inside quotations do (a
 *   quoted passage keeps its sentences; `findQuotations` tells which sentences one quotation spans);
 * - a missing space after a terminator, as scraped text has (`المنقحة .يمكنك`), still splits.
 * Text inside `exclude` spans (boilerplate) yields no sentence. The first line is the title
 * (`title: true`) when it is short, stands alone on its line and does not end with a full stop.
 */

const FULL_STOP = 0x2e;
const ELLIPSIS = 0x2026;

/** . ! ? ؟ ؛ … ‼ ⁇ ⁈ ⁉ ۔ */
const TERMINATORS = [FULL_STOP, 0x21, 0x3f, 0x061f, 0x061b, ELLIPSIS, 0x203c, 0x2047, 0x2048, 0x2049, 0x06d4];
/** LF, CR, NEL, line and paragraph separators. */
const LINE_BREAKS = [0x0a, 0x0d, 0x85, 0x2028, 0x2029];

/** Closing marks kept with the sentence they end, whatever the quote state. */
function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x203a || c === 0x29 || c === 0x5d || c === 0x7d || c === 0xfd3f || c === 0x300b || c === 0x300d;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200f) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x061c;
}

function isBlank(c: number): boolean {
  return isSpace(c) || isLineBreak(c);
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

function isLatinLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || isLatinLower(c) || (c >= 0xc0 && c <= 0x24f);
}

/** Arabic letters, marks and tatweel, presentation forms: what a word is made of. */
function isArabicWordChar(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x0620 && c <= 0x065f) || c === 0x0670 || (c >= 0x0671 && c <= 0x06d3) || (c >= 0x06d5 && c <= 0x06ed) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc) || c === 0x200c || c === 0x200d;
}

function isWordChar(c: number): boolean {
  return isArabicWordChar(c) || isLatinLetter(c);
}

// ---------------------------------------------------------------------------------------------
// Abbreviations

/**
 * before: a name or number follows (د. ص.ب Mr.): the dot never ends a sentence;
 * after: follows a number (ق.م هـ ج.م U.S.): the dot ends a sentence only at the end of a line;
 * final: often closes a sentence (إلخ etc. Inc.): the dot ends it unless the text goes on with a
 * digit, a comma, a bracket or a lower-case word.
 */
export type AbbreviationPosition = 'before' | 'after' | 'final';

/** Normalized abbreviation (without its final dot) → position. */
export type AbbreviationIndex = ReadonlyMap<string, AbbreviationPosition>;

function abbreviationKey(form: string): string {
  return normalizeForMatch(form).toLowerCase();
}

export function abbreviationIndex(lex: Lexicons | null): AbbreviationIndex {
  if (!lex) return new Map();
  return lex.compiled('abbreviations', () => {
    const index = new Map<string, AbbreviationPosition>();
    for (const row of lex.rows('abbreviation')) {
      const form = row.cells.form?.replace(/\.+$/, '');
      if (!form) continue;
      const key = abbreviationKey(form);
      // a form listed as `before` anywhere keeps its dot from ending a sentence
      const position = row.cells.position === 'after' || row.cells.position === 'final' ? row.cells.position : 'before';
      if (index.get(key) !== 'before') index.set(key, position);
    }
    return index;
  });
}

/**
 * What a full stop needs to know of the word before it, by the word as written (see dotWordFacts):
 * bits 0-1 its abbreviation position (0 none), bit 2 set when it normalizes to one letter that is
 * not Latin lower-case (a possible initial).
 */
type DotWordFacts = number;
const POSITION_CODES: readonly (AbbreviationPosition | undefined)[] = [undefined, 'before', 'after', 'final'];
const ONE_LETTER = 4;
/** A memo of dotWordFacts is dropped when it grows past this many word forms (a long batch). */
const MAX_DOT_WORD_FORMS = 1 << 16;

/** Facts by word form, per abbreviation index: normalizing the word before every full stop was most of the dot test. */
function dotWordMemo(lex: Lexicons | null): Map<string, DotWordFacts> {
  return lex ? lex.compiled('abbreviation-word-facts', () => new Map<string, DotWordFacts>()) : new Map();
}

function dotWordFacts(word: string, abbreviations: AbbreviationIndex, memo: Map<string, DotWordFacts>): DotWordFacts {
  let facts = memo.get(word);
  if (facts !== undefined) return facts;
  const letters = normalizeForMatch(word);
  facts = POSITION_CODES.indexOf(abbreviations.get(letters.toLowerCase())) & 3;
  if (letters.length === 1 && !isLatinLower(letters.charCodeAt(0))) facts |= ONE_LETTER;
  if (memo.size >= MAX_DOT_WORD_FORMS) memo.clear();
  memo.set(word, facts);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Quotations

/** One quotation: from its opening mark to its closing mark (inclusive), or to the end of its line when unclosed. */
export interface Quotation extends Span {
  /** The opening mark (« “ " …). */
  open: string;
  /** Offset of the closing mark, or -1 when the quotation is not closed before the line ends. */
  closeAt: number;
  /** The text between the marks. */
  content: Span;
}

const PAIRS: ReadonlyMap<number, number> = new Map([
  [0xab, 0xbb], // « »
  [0x201c, 0x201d], // “ ”
  [0x201e, 0x201c], // „ “
  [0x2039, 0x203a], // ‹ ›
  [0xfd3e, 0xfd3f], // ornate parentheses used as quotes
  [0x300a, 0x300b],
  [0x300c, 0x300d],
]);
const ASCII_QUOTE = 0x22;

/** Closing marks some RTL typography uses as openers, with the mark that then closes them. */
const MIRRORED: ReadonlyMap<number, number> = new Map([
  [0xbb, 0xab], // » … «
  [0x201d, 0x201c], // ” … “
  [0x203a, 0x2039], // › … ‹
]);

/** A mark at i stands where a quotation opens: nothing glued before it, a word or digit right after. */
function opensHere(text: string, i: number, from: number, to: number): boolean {
  const before = i > from ? text.charCodeAt(i - 1) : 0x20;
  const after = i + 1 < to ? text.charCodeAt(i + 1) : 0x20;
  return (isBlank(before) || before === 0x3a || before === 0x28) && (isWordChar(after) || isDigit(after));
}

/** What a character can do in a quotation scan (bit flags; 0 for almost every character). */
const LINE_BREAK_ROLE = 1;
const OPENER_ROLE = 2;
const CLOSER_ROLE = 4;
const QUOTE_ROLE: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (const c of LINE_BREAKS) t[c] = LINE_BREAK_ROLE;
  for (const [open, close] of PAIRS) {
    t[open] |= OPENER_ROLE;
    t[close] |= CLOSER_ROLE;
  }
  t[ASCII_QUOTE] = OPENER_ROLE | CLOSER_ROLE;
  return t;
})();

/**
 * Find the quotations of `text[from, to)`, one line at a time (a quotation never spans a line
 * break: scraped articles put one paragraph per line, and an unclosed mark would otherwise
 * swallow the rest of the article). Typed pairs nest; the ASCII double quote toggles.
 */
export function scanQuotations(text: string, from = 0, to = text.length): Quotation[] {
  const events = eventsOf(text, from, to);
  return quotationsAt(text, from, to, events, 0, events.length);
}

/** scanQuotations over the event positions events[e0, e1) of text[from, to) (see eventsOf). */
function quotationsAt(text: string, from: number, to: number, events: Int32Array, e0: number, e1: number): Quotation[] {
  const out: Quotation[] = [];
  const stack: { at: number; close: number }[] = [];
  const flushLine = (lineEnd: number) => {
    // unclosed quotations run to the end of their line
    for (const open of stack) out.push({ start: open.at, end: lineEnd, open: text[open.at], closeAt: -1, content: { start: open.at + 1, end: lineEnd } });
    stack.length = 0;
  };
  for (let e = e0; e < e1; e++) {
    const i = events[e];
    const c = text.charCodeAt(i);
    const role = QUOTE_ROLE[c];
    if (role === 0) continue;
    if (role & LINE_BREAK_ROLE) {
      if (stack.length) flushLine(trimmedEnd(text, from, i));
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && c === top.close) {
      stack.pop();
      out.push({ start: top.at, end: i + 1, open: text[top.at], closeAt: i, content: { start: top.at + 1, end: i } });
      continue;
    }
    if (c === ASCII_QUOTE) {
      const k = stack.findIndex((s) => s.close === ASCII_QUOTE);
      if (k >= 0) {
        // closes the open ASCII quotation; marks opened inside it and left open end here too
        for (let m = stack.length - 1; m > k; m--) out.push({ start: stack[m].at, end: i, open: text[stack[m].at], closeAt: -1, content: { start: stack[m].at + 1, end: i } });
        const open = stack[k];
        stack.length = k;
        out.push({ start: open.at, end: i + 1, open: '"', closeAt: i, content: { start: open.at + 1, end: i } });
      } else stack.push({ at: i, close: ASCII_QUOTE });
      continue;
    }
    if (role & OPENER_ROLE) stack.push({ at: i, close: PAIRS.get(c)! });
    else if (role & CLOSER_ROLE && opensHere(text, i, from, to)) {
      // a closing mark where a quotation opens: mirrored typography (»نعم« or ”نعم“)
      const mirror = MIRRORED.get(c);
      if (mirror !== undefined) stack.push({ at: i, close: mirror });
    }
  }
  if (stack.length) flushLine(trimmedEnd(text, from, to));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function trimmedEnd(text: string, from: number, end: number): number {
  while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** A quotation with the sentences it touches (indices into the sentence array). */
export interface SentenceQuotation extends Quotation {
  firstSentence: number;
  lastSentence: number;
}

/**
 * Every quotation of `text` with the range of sentences it overlaps. A quotation whose
 * `firstSentence < lastSentence` is a quoted passage of several sentences: the quotes stage
 * can attribute all of them to the speaker of the passage. Quotations inside no sentence
 * (boilerplate) are left out.
 */
export function findQuotations(text: string, sentences: readonly Span[]): SentenceQuotation[] {
  const out: SentenceQuotation[] = [];
  let s = 0;
  for (const q of scanQuotations(text)) {
    while (s < sentences.length && sentences[s].end <= q.start) s++;
    let last = s;
    while (last + 1 < sentences.length && sentences[last + 1].start < q.end) last++;
    if (s < sentences.length && sentences[s].start < q.end) out.push({ ...q, firstSentence: s, lastSentence: last });
  }
  return out;
}

/**
 * For each sentence, the index of the multi-sentence quotation it belongs to (into the array
 * `findQuotations` returns), or -1. Sentences sharing a number belong to one quoted passage.
 */
export function quotedPassageOfSentence(sentenceCount: number, quotations: readonly SentenceQuotation[]): Int32Array {
  const group = new Int32Array(sentenceCount).fill(-1);
  quotations.forEach((q, k) => {
    if (q.lastSentence <= q.firstSentence) return;
    for (let s = q.firstSentence; s <= q.lastSentence; s++) if (group[s] < 0) group[s] = k;
  });
  return group;
}

// ---------------------------------------------------------------------------------------------
// Protected spans: URLs, e-mail addresses, domain names

/**
 * URLs, e-mail addresses and domain names, matched only at the start of a word run (sticky, one
 * attempt per run): a global search would retry from every position of a long Latin run and go
 * quadratic (a 300 KB run of letters took minutes).
 */
const PROTECTED_AT = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>«»"“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|info|news|tv|io|me|ae|sa|eg|qa|kw|bh|om|jo|lb|sy|iq|ps|ma|dz|tn|ly|sd|ye|mr|uk|fr|ru|cn|de|us|ir|tr)\b/iy;

/** Where a URL-ish run may start: after white space or an opening mark. */
function isRunOpener(c: number): boolean {
  return c <= 0x20 || c === 0x3c || c === 0x3e || c === 0xab || c === 0xbb || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x28 || c === 0x5b || c === 0x7b || c === 0x27 || c === 0x60c || c === 0x61b || c === 0x3a || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

/** Every PROTECTED_AT alternative opens with [A-Za-z0-9_.+-] (h, f, w, an e-mail or domain character). */
function mayStartProtected(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0x2b || c === 0x2d;
}

/**
 * URL-ish spans where no dot ends a sentence (trailing punctuation is not part of them). Only
 * runs holding a dot or an @ are tried, each once, from its start: linear in the region.
 */
function protectedSpans(text: string, from: number, to: number, events: Int32Array, e0: number, e1: number): Span[] {
  const out: Span[] = [];
  let coveredTo = from; // runs before this were tried already
  for (let e = e0; e < e1; e++) {
    const k = events[e];
    const c = text.charCodeAt(k);
    if (c !== 0x2e && c !== 0x40) continue;
    if (k < coveredTo) continue;
    let start = k;
    while (start > coveredTo && !isRunOpener(text.charCodeAt(start - 1))) start--;
    let runEnd = k + 1;
    while (runEnd < to && !isRunOpener(text.charCodeAt(runEnd))) runEnd++;
    coveredTo = runEnd;
    if (!mayStartProtected(text.charCodeAt(start))) continue; // most runs are Arabic words: no regex call
    PROTECTED_AT.lastIndex = start;
    const m = PROTECTED_AT.exec(text);
    if (!m || start + m[0].length > to) continue;
    let end = start + m[0].length;
    while (end > start && /[.,;:!?)\]}'"»]/.test(text[end - 1])) end--;
    if (end > start) out.push({ start, end });
    coveredTo = Math.max(coveredTo, end);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The splitter

interface Region {
  text: string;
  from: number;
  to: number;
  /** Positions of the region's units that have a role in the scans (see eventsOf), in events[e0, e1). */
  events: Int32Array;
  e0: number;
  e1: number;
  abbreviations: AbbreviationIndex;
  dotWords: Map<string, DotWordFacts>;
  protect: Span[];
  quotes: QuoteIndex;
}

/**
 * The region's quotations, indexed for linear-time questions during the scan: which closing
 * marks close a quotation, and the quotation reaching furthest among those opened before a point.
 */
interface QuoteIndex {
  closers: Set<number>;
  sorted: Quotation[];
  /** furthest[k]: index of the quotation with the largest content end among sorted[0..k]. */
  furthest: Int32Array;
  /** Number of quotations starting before the last point asked about (only moves forward). */
  opened: number;
}

function quoteIndex(quotes: Quotation[]): QuoteIndex {
  const furthest = new Int32Array(quotes.length);
  quotes.forEach((q, k) => {
    furthest[k] = k > 0 && quotes[furthest[k - 1]].content.end >= q.content.end ? furthest[k - 1] : k;
  });
  return { closers: new Set(quotes.map((q) => q.closeAt).filter((c) => c >= 0)), sorted: quotes, furthest, opened: 0 };
}

/** Of the quotations opened before offset i, the one whose content reaches furthest (i only grows between calls). */
function furthestOpenBefore(index: QuoteIndex, i: number): Quotation | null {
  while (index.opened < index.sorted.length && index.sorted[index.opened].start < i) index.opened++;
  return index.opened > 0 ? index.sorted[index.furthest[index.opened - 1]] : null;
}

export function splitSentences(text: string, lex: Lexicons | null, exclude: readonly Span[] = []): Sentence[] {
  const out: Sentence[] = [];
  const abbreviations = abbreviationIndex(lex);
  const dotWords = dotWordMemo(lex);
  const events = eventsOf(text, 0, text.length);
  let e0 = 0;
  for (const { start: from, end: to } of complement(text.length, exclude)) {
    while (e0 < events.length && events[e0] < from) e0++;
    let e1 = e0;
    while (e1 < events.length && events[e1] < to) e1++;
    const protect = protectedSpans(text, from, to, events, e0, e1);
    const quotes = quoteIndex(quotationsAt(text, from, to, events, e0, e1));
    splitRegion({ text, from, to, events, e0, e1, abbreviations, dotWords, protect, quotes }, out);
    e0 = e1;
  }
  markTitle(text, out);
  return out;
}

function complement(length: number, exclude: readonly Span[]): Span[] {
  const sorted = [...exclude].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start > at) out.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}

/** LINE_BREAK_ROLE for line breaks, TERMINATOR_ROLE for terminators, 0 for the rest: one read per character. */
const TERMINATOR_ROLE = 2;
const BREAK_ROLE: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (const c of TERMINATORS) t[c] = TERMINATOR_ROLE;
  for (const c of LINE_BREAKS) t[c] = LINE_BREAK_ROLE;
  return t;
})();

/** Units some scan of this file stops at: terminators, line breaks, quotation marks, the @ of an address. */
const EVENT: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (BREAK_ROLE[c] !== 0 || QUOTE_ROLE[c] !== 0) t[c] = 1;
  t[0x40] = 1;
  return t;
})();

/**
 * Positions in text[from, to) of the units EVENT marks, ascending. The one pass over every unit:
 * the quotation, protected-span and splitting scans then visit only these (about 1 unit in 80).
 */
function eventsOf(text: string, from: number, to: number): Int32Array {
  const out = eventBuffer(to - from);
  let count = 0;
  for (let i = from; i < to; i++) if (EVENT[text.charCodeAt(i)] !== 0) out[count++] = i;
  return out.subarray(0, count);
}

/** Event positions, reused across calls (they live for one split): growing a fresh array per text cost a sixth of the pass. */
let eventScratch = new Int32Array(4096);
/** Texts longer than this get their own buffer, so one huge text does not pin it for the process's life. */
const MAX_SCRATCH_EVENTS = 1 << 20;

function eventBuffer(units: number): Int32Array {
  if (units <= eventScratch.length) return eventScratch;
  if (units > MAX_SCRATCH_EVENTS) return new Int32Array(units);
  eventScratch = new Int32Array(Math.min(Math.max(units, eventScratch.length * 2), MAX_SCRATCH_EVENTS));
  return eventScratch;
}

/** End of the terminator run starting at i; dots spaced out as in `. . .` are one run. */
function terminatorRunEnd(text: string, i: number, to: number): number {
  let j = i + 1;
  for (;;) {
    while (j < to && BREAK_ROLE[text.charCodeAt(j)] === TERMINATOR_ROLE) j++;
    if (text.charCodeAt(j - 1) === FULL_STOP && text.charCodeAt(j) === 0x20 && j + 1 < to && text.charCodeAt(j + 1) === FULL_STOP) j += 2;
    else return j;
  }
}

function splitRegion(r: Region, out: Sentence[]): void {
  const { text, to } = r;
  let start = r.from;
  let protectAt = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const { events, e1 } = r;
  let e = r.e0;
  let i = r.from;
  while (i < to) {
    // units between events have no role: jump to the next event at or after i
    while (e < e1 && events[e] < i) e++;
    if (e === e1) break;
    i = events[e];
    const c = text.charCodeAt(i);
    const role = BREAK_ROLE[c];
    if (role === 0) {
      i++;
      continue;
    }
    if (role === LINE_BREAK_ROLE) {
      push(i);
      start = ++i;
      continue;
    }
    let j = terminatorRunEnd(text, i, to);
    while (protectAt < r.protect.length && r.protect[protectAt].end <= i) protectAt++;
    const inProtected = protectAt < r.protect.length && r.protect[protectAt].start <= i;
    if (inProtected || !endsSentence(r, i, j)) {
      i = j;
      continue;
    }
    j = skipClosers(r, j);
    if (commaFollows(text, j, to)) {
      // «نعم.»، قال: a quoted sentence embedded in a longer one
      i = j;
      continue;
    }
    push(j);
    start = j;
    i = j;
  }
  push(to);
}

function commaFollows(text: string, j: number, to: number): boolean {
  const c = nextNonSpace(text, j, to);
  return c === 0x060c || c === 0x2c;
}

/** After a terminator run, closing marks belong to the sentence being ended. */
function skipClosers(r: Region, j: number): number {
  const { text, to } = r;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (isCloser(c) || r.quotes.closers.has(j)) j++;
    else if ((c === ASCII_QUOTE || c === 0x27) && closesQuotation(r, j)) j++;
    else break;
  }
  return j;
}

/** An ASCII quote right after a terminator closes a quotation, unless a word is glued to it (it opens the next). */
function closesQuotation(r: Region, j: number): boolean {
  if (r.quotes.closers.has(j)) return true;
  const next = j + 1 < r.to ? r.text.charCodeAt(j + 1) : 0x20;
  return !isWordChar(next) && !isDigit(next);
}

/** Whether the terminator run text[i, j) ends a sentence. */
function endsSentence(r: Region, i: number, j: number): boolean {
  const { text } = r;
  const runLength = j - i;
  const first = text.charCodeAt(i);
  const isEllipsis = first === ELLIPSIS || (first === FULL_STOP && runLength >= 2 && allDots(text, i, j));
  if (isEllipsis && insideBrackets(text, i, j, r)) return false; // (...) marks an omission
  if (isEllipsis) return ellipsisEnds(r, i, j);
  if (runLength === 1 && first === FULL_STOP) return dotEnds(r, i);
  return true;
}

/** Dots, possibly spaced out (`. . .`). */
function allDots(text: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (text.charCodeAt(k) !== FULL_STOP && text.charCodeAt(k) !== 0x20) return false;
  return true;
}

/** An ellipsis between an opening and a closing bracket: `(...)`, `[…]`. */
function insideBrackets(text: string, i: number, j: number, r: Region): boolean {
  const before = prevNonSpace(text, i, r.from);
  const after = nextNonSpace(text, j, r.to);
  return (before === 0x28 || before === 0x5b) && (after === 0x29 || after === 0x5d);
}

/** An ellipsis goes on inside a quotation that continues after it, and before a comma. */
function ellipsisEnds(r: Region, i: number, j: number): boolean {
  const next = nextNonSpace(r.text, j, r.to);
  if (next === 0x060c || next === 0x2c || isLatinLower(next)) return false;
  const q = furthestOpenBefore(r.quotes, i);
  if (!q || q.content.end <= j) return true;
  // inside a quotation that goes on after the ellipsis, unless its closing mark comes right after
  return q.closeAt >= 0 && nextNonSpaceAt(r.text, j, r.to) === q.closeAt;
}

/** A single full stop at text[i]: the cases where it does not end a sentence. */
function dotEnds(r: Region, i: number): boolean {
  const { text } = r;
  const prev = visibleNeighbour(text, i, -1);
  const next = visibleNeighbour(text, i, 1);
  if (isDigit(prev) && isDigit(next)) return false; // 3.5, 2.000.000, 12.08.2014
  if (isLatinLetter(prev) && isLatinLetter(next)) return false; // file.pdf, Node.js
  const word = wordAround(text, i, r.from, r.to);
  const facts = word.text ? dotWordFacts(word.text, r.abbreviations, r.dotWords) : 0;
  const abbreviation = POSITION_CODES[facts & 3];
  if (abbreviation) {
    if (word.end > i + 1) return false; // an inner dot of ق.م, ص.ب, U.S
    if (abbreviation === 'final') return !continues(text, i + 1, r.to);
    // a `before` abbreviation after a number reads as `after` (2010 م. = ميلادي, not مهندس)
    if (abbreviation === 'before' && !isDigit(prevNonSpace(text, word.start, r.from))) return false;
    return endsLine(text, skipClosers(r, i + 1), r.to);
  }
  if (word.end > i + 1) return !isWordChar(prev) || gluedBetweenWords(text, i); // المنقحة .يمكنك, المنقحة.يمكنك
  if (isInitial(text, word, r.from, facts)) return false;
  if (isListNumber(text, i, r.from)) return false;
  return true;
}

/**
 * The dotted word around the dot at i: letters and inner dots (ق.م, U.S). `end` is i + 1 when
 * nothing is glued after the dot; `text` leaves out the final dot.
 */
function wordAround(text: string, i: number, from: number, to: number): Span & { text: string } {
  const innerDot = (k: number, lo: number, hi: number) => k > lo && k + 1 < hi && text.charCodeAt(k) === FULL_STOP && isWordChar(text.charCodeAt(k - 1)) && isWordChar(text.charCodeAt(k + 1));
  let s = i;
  while (s > from && (isWordChar(text.charCodeAt(s - 1)) || innerDot(s - 1, from, to))) s--;
  let e = i + 1;
  while (e < to && (isWordChar(text.charCodeAt(e)) || innerDot(e, from, to))) e++;
  return { start: s, end: e, text: text.slice(s, e === i + 1 ? i : e) };
}

/** A dot glued between two words of two letters or more (المنقحة.يمكنك), not between initials (أ.ف.ب). */
function gluedBetweenWords(text: string, i: number): boolean {
  return lettersAround(text, i, -1) >= 2 && lettersAround(text, i, 1) >= 2;
}

/** Letters (not marks, tatweel or joiners) of the word next to the dot at i, counted up to 2. */
function lettersAround(text: string, i: number, step: -1 | 1): number {
  let letters = 0;
  for (let k = i + step; k >= 0 && k < text.length && letters < 2; k += step) {
    const c = text.charCodeAt(k);
    if (isInvisible(c)) continue;
    if (!isWordChar(c)) break;
    letters++;
  }
  return letters;
}

/** Characters normalization drops (marks, tatweel, joiners, bidi and zero-width controls): they do not separate what they sit between. */
function isInvisible(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x0610 && c <= 0x061a) || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x08d3 && c <= 0x08ff) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x061c || c === 0xfeff || c === 0xad || c === 0x2060;
}

/** The nearest visible character before (step -1) or after (step 1) offset i, or 0. */
function visibleNeighbour(text: string, i: number, step: -1 | 1): number {
  for (let k = i + step; k >= 0 && k < text.length; k += step) {
    const c = text.charCodeAt(k);
    if (!isInvisible(c)) return c;
  }
  return 0;
}

/** A single letter before the dot, itself after a space or an opening: an initial (ج. بوش, J. Smith). */
function isInitial(text: string, word: Span & { text: string }, from: number, facts: DotWordFacts): boolean {
  if ((facts & ONE_LETTER) === 0) return false;
  return word.start === from || !isWordChar(text.charCodeAt(word.start - 1));
}

/** `1.` or `12.` opening a line: a list number, not a sentence. */
function isListNumber(text: string, i: number, from: number): boolean {
  let s = i;
  while (s > from && isDigit(text.charCodeAt(s - 1))) s--;
  if (s === i || i - s > 3) return false;
  let k = s;
  while (k > from && isSpace(text.charCodeAt(k - 1))) k--;
  return k === from || isLineBreak(text.charCodeAt(k - 1));
}

/** What follows a dot continues the sentence: a digit (alone or after و/ف), a comma, a closing bracket, a lower-case word. */
function continues(text: string, j: number, to: number): boolean {
  const k = nextNonSpaceAt(text, j, to);
  const c = k < to ? text.charCodeAt(k) : 0;
  if ((c === 0x0648 || c === 0x0641) && k + 1 < to && isDigit(text.charCodeAt(k + 1))) return true; // ق.م. و5000 ق.م.
  return isDigit(c) || c === 0x060c || c === 0x2c || c === 0x29 || c === 0x3a || c === 0x061b || c === 0x3b || isLatinLower(c);
}

/** Only white space is left on the line after j. */
function endsLine(text: string, j: number, to: number): boolean {
  const k = nextNonSpaceAt(text, j, to);
  return k >= to || isLineBreak(text.charCodeAt(k));
}

function nextNonSpaceAt(text: string, j: number, to: number): number {
  while (j < to && isSpace(text.charCodeAt(j))) j++;
  return j;
}

function nextNonSpace(text: string, j: number, to: number): number {
  const k = nextNonSpaceAt(text, j, to);
  return k < to ? text.charCodeAt(k) : 0;
}

function prevNonSpace(text: string, i: number, from: number): number {
  let k = i;
  while (k > from && isSpace(text.charCodeAt(k - 1))) k--;
  return k > from ? text.charCodeAt(k - 1) : 0;
}

// ---------------------------------------------------------------------------------------------
// Title

const MAX_TITLE_WORDS = 30;

/**
 * The first sentence is the headline when it is a whole line of its own, has at most
 * MAX_TITLE_WORDS words and does not end with a full stop, a semicolon or a dash (a dateline);
 * a headline may end with ؟ or !.
 */
function markTitle(text: string, sentences: Sentence[]): void {
  const first = sentences[0];
  if (!first || !isWholeLine(text, first)) return;
  const last = text.charCodeAt(first.end - 1);
  if (last === FULL_STOP || last === 0x061b) return;
  // a dateline on its own line (بكين 24 نوفمبر (شينخوا) --) leads into the text: not a headline
  if (last === 0x2d || last === 0x2013 || last === 0x2014) return;
  if (wordCount(text, first, MAX_TITLE_WORDS + 1) > MAX_TITLE_WORDS) return;
  first.title = true;
}

function isWholeLine(text: string, s: Span): boolean {
  let a = s.start;
  while (a > 0 && isSpace(text.charCodeAt(a - 1))) a--;
  let b = s.end;
  while (b < text.length && isSpace(text.charCodeAt(b))) b++;
  return (a === 0 || isLineBreak(text.charCodeAt(a - 1))) && (b === text.length || isLineBreak(text.charCodeAt(b)));
}

/** Words of s, counted up to `limit` (a long first line is read no further than needed). */
function wordCount(text: string, s: Span, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let k = s.start; k < s.end && n < limit; k++) {
    const blank = isBlank(text.charCodeAt(k));
    if (!blank && !inWord) n++;
    inWord = !blank;
  }
  return n;
}
