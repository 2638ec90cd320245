import { createRequire } from 'node:module';

/**
 * Display shaping of right-to-left text for terminals that render left to right and do not
 * join Arabic letters: reshape to presentation forms (arabic-reshaper) and reorder each line
 * visually (bidi-js, the Unicode Bidirectional Algorithm). The only module that imports either
 * library; both are loaded lazily, on the first shaped line, so JSON/TSV/CoNLL never pay for them.
 * Shaping is a display transform only: machine formats are never shaped.
 */

type ShapeMode = 'auto' | 'always' | 'never';
export const SHAPE_MODES: readonly ShapeMode[] = ['auto', 'always', 'never'];
export type { ShapeMode };

interface BidiLevels {
  levels: Uint8Array;
  paragraphs: { start: number; end: number; level: number }[];
}
interface Bidi {
  getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl'): BidiLevels;
  getReorderedIndices(text: string, levels: BidiLevels, start?: number, end?: number): number[];
  getMirroredCharacter(ch: string): string | null;
}
/** Typed by the local declaration in ./arabic-reshaper.d.ts. */
type Reshaper = typeof import('arabic-reshaper');

let libs: { bidi: Bidi; reshaper: Reshaper } | undefined;

function loadLibs(): { bidi: Bidi; reshaper: Reshaper } {
  if (!libs) {
    const require = createRequire(import.meta.url);
    // bidi-js is CommonJS exporting a factory; arabic-reshaper is CommonJS without types.
    const bidiFactory = require('bidi-js') as () => Bidi;
    libs = { bidi: bidiFactory(), reshaper: require('arabic-reshaper') as Reshaper };
  }
  return libs;
}

/** Harakat and other Arabic marks dropped before reshaping (arabic-reshaper 1.1.0 duplicates
 * the alef of lam-alef when a haraka sits between them, and most terminals stack marks badly). */
const HARAKA = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/;
const MARK = /\p{M}/u;
/** Lam-alef ligatures produced by the reshaper from two letters (U+FEF5–U+FEFC). */
const isLamAlef = (ch: string): boolean => ch >= '\ufef5' && ch <= '\ufefc';

export interface ShapedLine {
  /** The line in visual (left-to-right display) order, reshaped. */
  text: string;
  /** For each UTF-16 unit of `text`, the UTF-16 index in the input line it comes from. */
  source: number[];
}

/**
 * Shape one line (no line breaks) for a left-to-right terminal. `direction` is the paragraph
 * direction: 'rtl' for article text, 'ltr' for a name inside an English layout; omitted, the
 * first strong character decides (UAX #9 rule P2).
 */
export function shapeLineWithSource(line: string, direction?: 'ltr' | 'rtl'): ShapedLine {
  const { bidi, reshaper } = loadLibs();
  // 1. drop harakat, remembering where each kept unit came from
  let bare = '';
  const bareSource: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (HARAKA.test(line[i])) continue;
    bare += line[i];
    bareSource.push(i);
  }
  // 2. reshape; the reshaper maps one letter to one form, except lam + alef → one ligature
  const shaped = reshaper.convertArabic(bare);
  const shapedSource: number[] = [];
  for (let s = 0, b = 0; s < shaped.length; s++) {
    shapedSource.push(bareSource[Math.min(b, bareSource.length - 1)] ?? 0);
    b += isLamAlef(shaped[s]) && !isLamAlef(bare[b]) ? 2 : 1;
  }
  // 3. reorder visually, mirroring brackets inside right-to-left runs
  const levels = bidi.getEmbeddingLevels(shaped, direction);
  const order = bidi.getReorderedIndices(shaped, levels);
  const visual = order.map((i) => ((levels.levels[i] & 1 ? bidi.getMirroredCharacter(shaped[i]) : null) ?? shaped[i]));
  // 4. a reversed run puts combining marks before their base letter: move them back after it
  const fixed = moveMarksAfterBase(visual, order, levels.levels);
  return { text: fixed.chars.join(''), source: fixed.order.map((i) => shapedSource[i]) };
}

function moveMarksAfterBase(chars: string[], order: number[], levels: Uint8Array): { chars: string[]; order: number[] } {
  const outChars: string[] = [];
  const outOrder: number[] = [];
  let k = 0;
  while (k < chars.length) {
    let m = k;
    while (m < chars.length && MARK.test(chars[m]) && levels[order[m]] & 1) m++;
    if (m > k && m < chars.length) {
      // chars[k..m) are marks of the base at chars[m] (they were after it before reversal)
      outChars.push(chars[m]);
      outOrder.push(order[m]);
      for (let j = m - 1; j >= k; j--) {
        outChars.push(chars[j]);
        outOrder.push(order[j]);
      }
      k = m + 1;
    } else {
      const end = Math.max(m, k + 1);
      for (let j = k; j < end; j++) {
        outChars.push(chars[j]);
        outOrder.push(order[j]);
      }
      k = end;
    }
  }
  return { chars: outChars, order: outOrder };
}

/** Shape a line for display (see shapeLineWithSource). */
export function shapeLine(line: string, direction?: 'ltr' | 'rtl'): string {
  return shapeLineWithSource(line, direction).text;
}

/** Shape text line by line (bidi reordering is per visual line: wrap first, then shape). */
export function shapeText(text: string, direction?: 'ltr' | 'rtl'): string {
  return text
    .split('\n')
    .map((l) => (hasRightToLeft(l) ? shapeLine(l, direction) : l))
    .join('\n');
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
export function hasRightToLeft(s: string): boolean {
  return RTL_CHAR.test(s);
}

/**
 * Decide whether to shape. `always`/`never` (the --shape flag) are obeyed. `auto`: the
 * environment variable `NEWSNLP_SHAPE` (always|never) decides if set (e.g. for `| less -R`);
 * otherwise never when stdout is not a terminal (a pipe or a file wants logical order), and on
 * a terminal shape only when it is known NOT to do bidi and Arabic joining itself; terminals
 * that do, or that we do not know, get the logical text (at least right to copy and paste).
 */
export function decideShape(mode: ShapeMode, isTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  const forced = env.NEWSNLP_SHAPE?.toLowerCase();
  if (forced === 'always' || forced === '1' || forced === 'true') return true;
  if (forced === 'never' || forced === '0' || forced === 'false') return false;
  if (!isTTY) return false;
  return terminalNeedsShaping(env);
}

/** Terminals that render Arabic right: Konsole, mlterm, GNOME Terminal and other VTE ≥ 0.58
 * (VTE_VERSION 5800, BiDi on by default), Apple Terminal. Terminals that do not: xterm, the
 * Linux console, VS Code (xterm.js), Windows Terminal, kitty, Alacritty, WezTerm and iTerm2
 * with their defaults. */
export function terminalNeedsShaping(env: Record<string, string | undefined>): boolean {
  const term = env.TERM ?? '';
  const program = env.TERM_PROGRAM ?? '';
  if (env.KONSOLE_VERSION || term.startsWith('mlterm') || program === 'Apple_Terminal') return false;
  if (env.VTE_VERSION) return Number(env.VTE_VERSION) < 5800;
  if (['vscode', 'WezTerm', 'iTerm.app', 'Hyper', 'Tabby'].includes(program)) return true;
  if (env.WT_SESSION || env.KITTY_WINDOW_ID || env.ALACRITTY_WINDOW_ID) return true;
  if (term === 'linux' || term.startsWith('xterm') || term === 'alacritty' || term.startsWith('rxvt')) return true;
  return false;
}
