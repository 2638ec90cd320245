import type { ChalkInstance } from 'chalk';
import { hasRightToLeft, shapeLineWithSource } from './shape.js';

/**
 * Styled text for the terminal renderers: a plain string plus one style name per UTF-16 unit.
 * Keeping styles beside the text (rather than escape codes inside it) lets us wrap by display
 * width and reorder right-to-left lines visually, and only then paint with chalk.
 */
export interface StyledText {
  text: string;
  styles: (Style | undefined)[];
}

/** Style names; one color per entity type, the same in every terminal view. */
export type Style = 'PERSON' | 'LOCATION' | 'ORGANIZATION' | 'MISC' | 'quote' | 'cue' | 'speaker' | 'heading' | 'title' | 'dim' | 'warning' | 'boilerplate';

export function paintStyle(chalk: ChalkInstance, style: Style | undefined, s: string): string {
  switch (style) {
    case 'PERSON':
      return chalk.cyan(s);
    case 'LOCATION':
      return chalk.green(s);
    case 'ORGANIZATION':
      return chalk.magenta(s);
    case 'MISC':
      return chalk.yellow(s);
    case 'quote':
      return chalk.underline(s);
    case 'cue':
      return chalk.bold.yellow(s);
    case 'speaker':
      return chalk.bold.cyan(s);
    case 'heading':
      return chalk.bold(s);
    case 'title':
      return chalk.bold.underline(s);
    case 'dim':
    case 'boilerplate':
      return chalk.dim(s);
    case 'warning':
      return chalk.yellow(s);
    default:
      return s;
  }
}

/** Entity type → style (unknown extra kinds share the MISC color). */
export function typeStyle(type: string): Style {
  return type === 'PERSON' || type === 'LOCATION' || type === 'ORGANIZATION' ? type : 'MISC';
}

export function styled(text: string, style?: Style): StyledText {
  return { text, styles: new Array<Style | undefined>(text.length).fill(style) };
}

export function concat(...parts: StyledText[]): StyledText {
  return { text: parts.map((p) => p.text).join(''), styles: parts.flatMap((p) => p.styles) };
}

function slice(t: StyledText, start: number, end: number): StyledText {
  return { text: t.text.slice(start, end), styles: t.styles.slice(start, end) };
}

/** Overlay `style` on [start, end) of `t` (UTF-16 offsets); later overlays win. */
export function overlay(t: StyledText, start: number, end: number, style: Style): void {
  for (let i = Math.max(0, start); i < Math.min(end, t.text.length); i++) t.styles[i] = style;
}

const ZERO_WIDTH = /[\p{M}\p{Cf}]/u;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Terminal columns taken by `s`: combining marks and format controls take none, CJK two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

/**
 * Wrap to `width` columns at spaces (a word longer than a line is cut). Continuation lines get
 * `indent` spaces. Line breaks in the text start new lines.
 */
export function wrap(t: StyledText, width: number, indent = 0): StyledText[] {
  const lines: StyledText[] = [];
  let lineStart = 0;
  for (const para of t.text.split('\n')) {
    const paraEnd = lineStart + para.length;
    wrapParagraph(slice(t, lineStart, paraEnd), Math.max(10, width), indent, lines);
    lineStart = paraEnd + 1;
  }
  return lines;
}

function wrapParagraph(p: StyledText, width: number, indent: number, out: StyledText[]): void {
  let start = 0;
  let first = true;
  while (true) {
    const room = first ? width : width - indent;
    const end = breakPoint(p.text, start, room);
    const line = slice(p, start, end);
    trimEnd(line);
    out.push(first || indent === 0 ? line : concat(styled(' '.repeat(indent)), line));
    first = false;
    start = end;
    while (start < p.text.length && p.text[start] === ' ') start++;
    if (start >= p.text.length) return;
  }
}

/** End of the longest prefix of text[start..] fitting in `room` columns, ending at a space when possible. */
function breakPoint(text: string, start: number, room: number): number {
  let w = 0;
  let lastSpace = -1;
  let i = start;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const cw = displayWidth(ch);
    if (w + cw > room) break;
    if (ch === ' ') lastSpace = i;
    w += cw;
    i += ch.length;
  }
  if (i >= text.length) return text.length;
  if (text[i] === ' ') return i;
  return lastSpace > start ? lastSpace : Math.max(i, start + 1);
}

function trimEnd(t: StyledText): void {
  let n = t.text.length;
  while (n > 0 && t.text[n - 1] === ' ') n--;
  t.text = t.text.slice(0, n);
  t.styles.length = n;
}

/** Cut to at most `width` columns, ending with an ellipsis when cut (at a word boundary when possible). */
export function truncate(t: StyledText, width: number): StyledText {
  if (displayWidth(t.text) <= width) return t;
  const end = breakPoint(t.text, 0, Math.max(1, width - 1));
  const cut = slice(t, 0, end);
  trimEnd(cut);
  return concat(cut, styled('…', cut.styles[cut.styles.length - 1]));
}

export interface PaintOptions {
  chalk: ChalkInstance;
  /** Reshape and reorder right-to-left text for terminals that do not. */
  shape: boolean;
  /** Paragraph direction when shaping: 'rtl' for article text (then right-aligned to `width`). */
  direction?: 'ltr' | 'rtl';
  width?: number;
}

/** C0/C1 control characters (tab included: it breaks the width arithmetic). Untrusted input
 * could otherwise move the cursor, retitle the window or recolor the terminal (ESC sequences). */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** Replace control characters by U+FFFD, one for one (styles stay aligned). */
export function neutralizeControls(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\t' ? ' ' : '\ufffd'));
}

/** Paint one line (no line breaks): shape it if asked, then color runs of equal style. */
export function paintLine(line: StyledText, o: PaintOptions): string {
  let text = neutralizeControls(line.text);
  let styles = line.styles;
  let pad = '';
  if (o.shape && hasRightToLeft(text)) {
    const shaped = shapeLineWithSource(text, o.direction);
    text = shaped.text;
    styles = shaped.source.map((i) => line.styles[i]);
    if (o.direction === 'rtl' && o.width) pad = ' '.repeat(Math.max(0, o.width - displayWidth(text)));
  }
  let out = pad;
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || styles[i] !== styles[runStart]) {
      out += paintStyle(o.chalk, styles[runStart], text.slice(runStart, i));
      runStart = i;
    }
  }
  return out;
}
