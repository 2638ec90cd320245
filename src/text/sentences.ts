import type { Lexicons } from '../lexicon/lexicons.js';
import type { Sentence, Span } from '../types.js';

/**
 * Sentence splitting over the ORIGINAL text (terminators are not touched by normalization).
 * Splits after runs of . ! ? ؟ ؛ … (with closing quotes/brackets kept in the sentence) and at
 * line breaks; never at the Arabic comma. Text inside `exclude` spans (boilerplate) yields no
 * sentence. The first line is a title when it has no terminator and a blank line follows.
 */
const TERMINATORS = new Set(['.', '!', '?', '؟', '؛', '…']);
const CLOSERS = new Set(['"', '»', '”', '’', "'", ')', ']', '}', '›']);

export function splitSentences(text: string, _lex: Lexicons | null, exclude: readonly Span[] = []): Sentence[] {
  const out: Sentence[] = [];
  const regions = complement(text.length, exclude);
  for (const region of regions) splitRegion(text, region.start, region.end, out);
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

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\u2009' || c === '\u202f';
}

function splitRegion(text: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  let i = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && (isSpace(text[s]) || text[s] === '\n')) s++;
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\n')) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  while (i < to) {
    const ch = text[i];
    if (ch === '\n' || ch === '\u2029' || ch === '\u2028') {
      push(i);
      start = i + 1;
      i++;
      continue;
    }
    if (TERMINATORS.has(ch) && !isInsideNumber(text, i)) {
      let j = i + 1;
      while (j < to && TERMINATORS.has(text[j])) j++;
      while (j < to && CLOSERS.has(text[j])) j++;
      push(j);
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  push(to);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= '0' && c <= '9') || (c >= '٠' && c <= '٩') || (c >= '۰' && c <= '۹'));
}

function isInsideNumber(text: string, i: number): boolean {
  return text[i] === '.' && isDigit(text[i - 1]) && isDigit(text[i + 1]);
}

function markTitle(text: string, sentences: Sentence[]): void {
  const first = sentences[0];
  if (!first) return;
  const last = text[first.end - 1];
  const followedByBlank = /^[ \t\r]*\n[ \t\r]*\n/.test(text.slice(first.end, first.end + 8));
  if (!TERMINATORS.has(last) && (followedByBlank || sentences.length === 1)) first.title = true;
}
