import type { Lexicons } from '../lexicon/lexicons.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { BoilerplateSpan, Span } from '../types.js';
import type { TextDoc } from '../document.js';

/**
 * Web-page residue (cookie notices, "read also", share and follow lines, copyright footers,
 * photo credits, newsletter prompts) found from `lexicons/boilerplate.tsv`
 * (columns: phrase, kind, scope, anchor; see the file's header).
 *
 * Matching is linear in the text: the match-level text is cut into word and punctuation
 * tokens, phrases are indexed by their first token, and each text token is compared only with
 * the phrases that start with it. A match marks its whole line (scope `line`) or its line and
 * everything after it (scope `tail`, e.g. the cookie notice a scraper leaves at the end of a
 * page; only in the second half of the text, elsewhere it marks its line). The anchor guards
 * against phrases that could occur in article prose:
 *   any   = anywhere in the line;
 *   start = the phrase opens the line (after bullets or an opening bracket) and the line is short;
 *   alone = the line holds nothing but the phrase (and punctuation).
 */
type Scope = 'line' | 'tail';
type Anchor = 'any' | 'start' | 'alone';

interface BoilerplatePhrase {
  tokens: string[];
  kind: string;
  scope: Scope;
  anchor: Anchor;
}

/** A line longer than this (in word tokens) is prose: `start` phrases do not mark it. */
const MAX_SHORT_LINE_WORDS = 20;

interface PhraseIndex {
  byFirst: Map<string, BoilerplatePhrase[]>;
}

function phraseIndex(lex: Lexicons): PhraseIndex {
  return lex.compiled('boilerplate', () => {
    const byFirst = new Map<string, BoilerplatePhrase[]>();
    for (const row of lex.rows('boilerplate')) {
      const tokens = textTokens(normalizeForMatch(row.cells.phrase ?? '')).map((t) => t.text);
      if (tokens.length === 0) continue;
      const phrase: BoilerplatePhrase = {
        tokens,
        kind: row.cells.kind || 'boilerplate',
        scope: row.cells.scope === 'tail' ? 'tail' : 'line',
        anchor: row.cells.anchor === 'start' || row.cells.anchor === 'alone' ? row.cells.anchor : 'any',
      };
      const list = byFirst.get(tokens[0]) ?? [];
      list.push(phrase);
      byFirst.set(tokens[0], list);
    }
    return { byFirst };
  });
}

interface TextToken extends Span {
  text: string;
  word: boolean;
}

function isWordUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f);
}

function isBlankUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
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
  const { byFirst } = phraseIndex(lex);
  if (byFirst.size === 0) return [];
  const tokens = textTokens(doc.normalized);
  const text = doc.original;
  const found: BoilerplateSpan[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const candidates = byFirst.get(tokens[k].text);
    if (!candidates) continue;
    for (const p of candidates) {
      if (!matchesAt(tokens, k, p.tokens)) continue;
      const first = doc.map.toOriginal(tokens[k].start, tokens[k].end);
      const last = doc.map.toOriginal(tokens[k + p.tokens.length - 1].start, tokens[k + p.tokens.length - 1].end);
      const line = lineAround(text, first.start);
      if (!anchored(text, line, first.start, last.end, p.anchor)) continue;
      const tail = p.scope === 'tail' && line.start >= text.length / 2;
      found.push({ start: line.start, end: tail ? trimEnd(text, line.start, text.length) : line.end, kind: p.kind });
    }
  }
  return mergeSpans(text, found);
}

function matchesAt(tokens: readonly TextToken[], k: number, phrase: readonly string[]): boolean {
  if (k + phrase.length > tokens.length) return false;
  for (let m = 1; m < phrase.length; m++) if (tokens[k + m].text !== phrase[m]) return false;
  return true;
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
