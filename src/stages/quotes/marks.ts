import type { Diagnostic, Span } from '../../types.js';

/**
 * Quotation-mark spans over the ORIGINAL text. « » and “ ” pair by nesting; straight " toggles.
 * A quotation may run over several sentences, and over paragraphs when each new paragraph
 * reopens it (the press convention «… ¶ «… »). What cannot be paired is reported as a
 * diagnostic and the open quotation is closed at its paragraph's end, never thrown.
 */
export interface QuoteMarkSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quotation was never closed. */
  close: number;
  closed: boolean;
}

const PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '”', '‹': '›' };
const CLOSERS = new Set(Object.values(PAIRS));
const REVERSED: Record<string, string> = { '»': '«' };
const MARK_CLASS = [...Object.keys(PAIRS), ...CLOSERS, '"'].join('');
/** Every code unit the scanner reacts to (marks and the paragraph break), for a fast skip. */
const MARK_PATTERN = new RegExp(`[${MARK_CLASS}\\n]`, 'g');
/** The marks alone: while no quotation is open a paragraph break changes nothing, so skip to the next mark. */
const MARK_ONLY_PATTERN = new RegExp(`[${MARK_CLASS}]`, 'g');

export function isOpeningMark(ch: string): boolean {
  return ch in PAIRS || ch === '"';
}

export function isClosingMark(ch: string): boolean {
  return CLOSERS.has(ch) || ch === '"';
}

export function findQuoteMarks(text: string, regions: readonly Span[]): { spans: QuoteMarkSpan[]; diagnostics: Diagnostic[] } {
  const spans: QuoteMarkSpan[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const region of regions) scanRegion(text, region, spans, diagnostics);
  spans.sort((a, b) => a.open - b.open);
  return { spans, diagnostics };
}

interface Open {
  at: number;
  mark: string;
  /** The closing mark this opener waits for (» for «, or « for a reversed » … « pair). */
  expects: string;
}

function scanRegion(text: string, region: Span, spans: QuoteMarkSpan[], diagnostics: Diagnostic[]): void {
  const stack: Open[] = [];
  let straight: number | null = null;
  // the native regex scan jumps from mark to mark instead of testing every code unit in JS
  let from = region.start;
  for (;;) {
    const re: RegExp = stack.length === 0 && straight === null ? MARK_ONLY_PATTERN : MARK_PATTERN;
    re.lastIndex = from;
    const found = re.exec(text);
    if (!found || found.index >= region.end) break;
    const i = found.index;
    from = i + 1;
    const ch = text[i];
    if (ch === '\n') {
      const reopens = nextParagraphReopens(text, i, region.end, stack);
      if (!reopens) closeUnbalanced(stack, i, spans, diagnostics);
      if (straight !== null) {
        diagnostics.push(unclosed(straight, '"'));
        spans.push({ open: straight, close: trimEnd(text, i), closed: false });
        straight = null;
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (ch in PAIRS && !(top && top.expects === ch)) {
      // a paragraph that reopens a running quotation does not nest a new one
      if (top && isParagraphStart(text, i) && top.mark === ch) continue;
      stack.push({ at: i, mark: ch, expects: PAIRS[ch] });
    } else if (CLOSERS.has(ch) || (top && top.expects === ch)) {
      const k = findOpener(stack, ch);
      if (k < 0) {
        // scraped text sometimes writes the guillemets the other way round: » … «
        if (ch in REVERSED && text.indexOf(REVERSED[ch], i + 1) >= 0 && text.indexOf(REVERSED[ch], i + 1) < paragraphEnd(text, i, region.end)) {
          stack.push({ at: i, mark: ch, expects: REVERSED[ch] });
          continue;
        }
        diagnostics.push({ code: 'quote-unbalanced', message: `closing quote mark ${ch} without an opening one`, start: i, end: i + 1 });
        continue;
      }
      // openers above the match were never closed
      closeUnbalanced(stack.splice(k + 1), i, spans, diagnostics);
      const o = stack.pop()!;
      spans.push({ open: o.at, close: i, closed: true });
    } else if (ch === '"') {
      if (straight === null) straight = i;
      else {
        spans.push({ open: straight, close: i, closed: true });
        straight = null;
      }
    }
  }
  closeUnbalanced(stack, region.end, spans, diagnostics, text);
  if (straight !== null) {
    diagnostics.push(unclosed(straight, '"'));
    spans.push({ open: straight, close: trimEnd(text, region.end), closed: false });
  }
}

function findOpener(stack: Open[], closer: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].expects === closer) return k;
  return -1;
}

function paragraphEnd(text: string, i: number, end: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 || nl > end ? end : nl;
}

function closeUnbalanced(stack: Open[], at: number, spans: QuoteMarkSpan[], diagnostics: Diagnostic[], text?: string): void {
  while (stack.length > 0) {
    const o = stack.pop()!;
    diagnostics.push(unclosed(o.at, o.mark));
    spans.push({ open: o.at, close: text ? trimEnd(text, at) : at, closed: false });
  }
}

function unclosed(at: number, mark: string): Diagnostic {
  return { code: 'quote-unbalanced', message: `quote mark ${mark} is never closed; the quotation is taken to end with its paragraph`, start: at, end: at + 1 };
}

function trimEnd(text: string, at: number): number {
  let e = at;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

function isParagraphStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j--;
  return j < 0 || text[j] === '\n';
}

/**
 * True when the running quotation goes on past the paragraph break at `i`: the next non-blank
 * paragraph opens with the same mark (the press convention), or the next mark in the following
 * paragraphs is the one closing it (web copy often leaves the paragraphs of a long quotation
 * unmarked: «… ¶ … »). The look-ahead stops at another opening mark, a straight quote, after
 * three paragraph breaks or 1,500 characters.
 */
function nextParagraphReopens(text: string, i: number, end: number, stack: Open[]): boolean {
  if (stack.length === 0) return false;
  const top = stack[stack.length - 1];
  let j = i;
  while (j < end && /\s/.test(text[j])) j++;
  if (j < end && text[j] === top.mark) return true;
  // not for guillemets written the other way round (» … «): scraped text that does that pairs them badly anyway
  if (!(top.mark in PAIRS)) return false;
  // a real opening mark hugs the word after it («الفريق …), a real closing one the word before it
  // (… المسؤولية»); marks standing loose (دمار الانسانية «.) are scraped text's guesswork
  if (!isLetterOrDigit(text[top.at + 1])) return false;
  return closerAhead(text, i + 1, Math.min(end, i + 1 + MAX_CONTINUED), top.expects);
}

/** Characters a quotation may run on unmarked past a paragraph break, looking for its closing mark. */
const MAX_CONTINUED = 1500;
const MAX_CONTINUED_PARAGRAPHS = 3;

/** A letter or digit of any script. */
function isLetterOrDigit(ch: string | undefined): boolean {
  return !!ch && /[\p{L}\p{N}]/u.test(ch);
}

/** A letter or digit, or the punctuation a quotation ends on (. ! ؟). */
function isWordChar(ch: string | undefined): boolean {
  return !!ch && /[\p{L}\p{N}.!؟?]/u.test(ch);
}

function closerAhead(text: string, from: number, end: number, closer: string): boolean {
  let breaks = 0;
  for (let j = from; j < end; j++) {
    const ch = text[j];
    if (ch === '\n') {
      if (++breaks > MAX_CONTINUED_PARAGRAPHS) return false;
      continue;
    }
    if (ch === closer) return isWordChar(text[j - 1]);
    if (ch in PAIRS || CLOSERS.has(ch) || ch === '"') return false;
  }
  return false;
}
