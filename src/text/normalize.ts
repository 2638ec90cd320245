import type { NormalizeLevel } from '../types.js';
import { CHAR_RULES, COMPOSITIONS, EXTRA_EXPANSIONS, PRESENTATION_RANGES, RULE_GROUPS, digitValue, type RuleGroup } from './char-table.js';
import { OffsetMap } from './offset-map.js';

/**
 * Normalization in one pass over the original, driven by a table compiled per level from
 * `CHAR_RULES` (typed arrays indexed by UTF-16 unit, so the loop does no allocation per
 * character). Every normalized unit records the original range it came from; see OffsetMap.
 */
export interface NormalizeOptions {
  level?: NormalizeLevel;
  /** Rule groups left untouched at this level (e.g. `['diacritics']` keeps harakat at match). */
  keep?: readonly RuleGroup[];
}

export interface Normalized {
  text: string;
  map: OffsetMap;
  /** The original holds a surrogate pair (an astral character): without one, code point offsets are UTF-16 offsets. */
  surrogatePairs: boolean;
}

// What the table says to do with one UTF-16 unit.
const ONE = 0; // replaced by the single unit in `single` (itself when the unit is kept)
const DROP = 1;
const MANY = 3; // replaced by the string in `many` (several units, or a surrogate pair)
const COMPOSE_MARK = 4; // a combining madda/hamza: composes with the unit before it, else acts as `markFallback` says
const YEH_BY_POSITION = 5; // ى at the end of a word, ي inside it
const HIGH_SURROGATE = 6;
const ATTACH = 7; // dropped, but its range joins the unit before it (a haraka or tatweel after its letter)
const LOW_SURROGATE = 8; // kept as it is; met on its own (not after a high surrogate) it is a lone surrogate

/** Units a dropped mark may join: Arabic letters and (at display) the marks kept on them; never punctuation or space. */
const ATTACHES_TO: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const ranges: [number, number][] = [[0x0620, 0x065f], [0x066e, 0x06d3], [0x06d5, 0x06d5], [0x06fa, 0x06ff], [0x0670, 0x0670], [0x0750, 0x077f], [0x08a0, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfefc]];
  for (const [a, b] of ranges) t.fill(1, a, b + 1);
  return t;
})();

/** Groups whose dropped characters belong to the letter they follow. */
const ATTACHED_GROUPS: ReadonlySet<RuleGroup> = new Set(['diacritics', 'quranic-marks', 'tatweel']);

interface CompiledTable {
  action: Uint8Array;
  single: Uint16Array;
  many: Map<number, string>;
  /** base unit (as output) → (mark → precomposed letter) */
  compose: Map<number, Map<number, number>>;
  /** What a combining mark does when it composes with nothing (ONE = kept, DROP, ATTACH). */
  markFallback: Uint8Array;
}

const tables = new Map<string, CompiledTable>();

/** Every group name accepted by `keep`. */
export const NORMALIZE_GROUPS: readonly RuleGroup[] = RULE_GROUPS;

function tableKey(level: NormalizeLevel, keep: readonly RuleGroup[]): string {
  return `${level}|${[...keep].sort().join(',')}`;
}

/** The plain levels (nothing kept), looked up without building a key: normalize is called per word by lookups. */
const plainTables: Partial<Record<NormalizeLevel, CompiledTable>> = {};

function compiledTable(level: NormalizeLevel, keep: readonly RuleGroup[] = []): CompiledTable {
  if (keep.length === 0) return (plainTables[level] ??= buildTable(level, new Set()));
  const key = tableKey(level, keep);
  let t = tables.get(key);
  if (!t) {
    t = buildTable(level, new Set(keep));
    tables.set(key, t);
  }
  return t;
}

function buildTable(level: NormalizeLevel, keep: ReadonlySet<RuleGroup>): CompiledTable {
  const action = new Uint8Array(0x10000);
  const single = new Uint16Array(0x10000);
  const many = new Map<number, string>();
  const compose = new Map<number, Map<number, number>>();
  const markFallback = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) single[u] = u;
  for (let u = 0xd800; u <= 0xdbff; u++) action[u] = HIGH_SURROGATE;
  const t: CompiledTable = { action, single, many, compose, markFallback };
  if (level === 'none') return markLowSurrogates(t);

  const setReplacement = (cp: number, out: string) => {
    if (out === '') action[cp] = DROP;
    else if (out.length === 1) {
      action[cp] = ONE;
      single[cp] = out.charCodeAt(0);
    } else {
      action[cp] = MANY;
      many.set(cp, out);
    }
  };

  for (const rule of CHAR_RULES) {
    if (keep.has(rule.group)) continue;
    const act = level === 'display' ? rule.display : rule.match;
    if (act === 'keep') continue;
    for (const [a, b] of rule.ranges) {
      for (let cp = a; cp <= b; cp++) {
        if (act === 'drop') action[cp] = dropAction(rule.group);
        else if (act === 'digit') setReplacement(cp, String(digitValue(cp)));
        else if (act === 'yeh-by-position') action[cp] = YEH_BY_POSITION;
        else setReplacement(cp, act);
      }
    }
  }

  // Presentation forms: compatibility decomposition, then this level's rules on the result.
  if (!keep.has('presentation-forms')) {
    const expansions = new Map<number, string>(EXTRA_EXPANSIONS);
    for (const [a, b] of PRESENTATION_RANGES) {
      for (let cp = a; cp <= b; cp++) {
        const ch = String.fromCharCode(cp);
        const decomposed = expansions.get(cp) ?? ch.normalize('NFKC');
        if (decomposed === ch) continue;
        setReplacement(cp, applyRules(t, isolatedMark(decomposed)));
      }
    }
  }

  // Compositions look back at the unit already written, so ا + ٔ and an alef that a rule produced
  // compose alike, and a second pass finds nothing left to compose (match stays idempotent).
  for (const [base, mark, composed] of COMPOSITIONS) {
    let byMark = compose.get(base);
    if (!byMark) compose.set(base, (byMark = new Map()));
    byMark.set(mark, composed);
    if (action[composed] !== ONE) throw new Error(`precomposed U+${composed.toString(16)} must map to one unit`);
    if (action[mark] !== COMPOSE_MARK) {
      markFallback[mark] = action[mark];
      action[mark] = COMPOSE_MARK;
    }
  }
  return markLowSurrogates(t);
}

/** Low surrogates that no rule rewrites get their own action, so normalize knows without a second pass whether its output holds a lone one. */
function markLowSurrogates(t: CompiledTable): CompiledTable {
  for (let u = 0xdc00; u <= 0xdfff; u++) if (t.action[u] === ONE && t.single[u] === u) t.action[u] = LOW_SURROGATE;
  return t;
}

function dropAction(group: RuleGroup): number {
  return ATTACHED_GROUPS.has(group) ? ATTACH : DROP;
}

/** An isolated haraka form decomposes to space + mark(s); the space is not text. */
function isolatedMark(decomposed: string): string {
  return /^ [\u064b-\u065f\u0670]+$/.test(decomposed) ? decomposed.slice(1) : decomposed;
}

/** Apply a (partly built) table to a short string, composing where it can. */
function applyRules(t: CompiledTable, s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const a = t.action[c];
    if (a === DROP || a === ATTACH) continue;
    if (a === COMPOSE_MARK) {
      out += String.fromCharCode(t.single[c]);
      continue;
    }
    if (a === MANY) out += t.many.get(c)!;
    else if (a === YEH_BY_POSITION) out += 'ي';
    else out += String.fromCharCode(t.single[c]);
  }
  return out;
}

function isArabicLetter(c: number): boolean {
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfefc);
}

function isMarkOrJoiner(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || c === 0x200d || (c >= 0x06d6 && c <= 0x06ed);
}

/** Farsi yeh at display: ى when no Arabic letter follows (end of word), ي otherwise. */
function yehByPosition(s: string, next: number): number {
  let j = next;
  while (j < s.length && isMarkOrJoiner(s.charCodeAt(j))) j++;
  return j < s.length && isArabicLetter(s.charCodeAt(j)) ? 0x064a : 0x0649;
}

/**
 * Normalize `original` at `level` (default `match`), returning the shadow string and an offset
 * map whose every normalized unit points back to the original range it came from.
 */
export function normalize(original: string, levelOrOptions: NormalizeLevel | NormalizeOptions = 'match'): Normalized {
  const options = typeof levelOrOptions === 'string' ? { level: levelOrOptions } : levelOrOptions;
  const t = compiledTable(options.level ?? 'match', options.keep);
  const { action, single, many, compose, markFallback } = t;
  const n = original.length;
  let cap = n + 16;
  let units = unitBuffer(cap);
  let [starts, ends] = rangeArrays(cap);
  let len = 0;
  let loneSurrogate = false;
  let surrogatePairs = false;

  /** Make room for `extra` units beyond one unit per remaining source unit. */
  const reserve = (extra: number, remaining: number) => {
    const need = len + extra + remaining + 16;
    if (need <= cap) return;
    cap = Math.max(need, cap * 2);
    const u = unitBuffer(cap);
    u.set(units.subarray(0, len));
    const [s, e] = rangeArrays(cap);
    s.set(starts.subarray(0, len));
    e.set(ends.subarray(0, len));
    units = u;
    starts = s;
    ends = e;
  };

  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    const a = action[c];
    if (a === ONE) {
      units[len] = single[c];
      starts[len] = i;
      ends[len++] = i + 1;
      continue;
    }
    if (a === ATTACH) {
      // the mark's offset joins its letter, so a word's span covers its last haraka
      if (len > 0 && ends[len - 1] === i && ATTACHES_TO[units[len - 1]] === 1) ends[len - 1] = i + 1;
      continue;
    }
    if (a === DROP) continue;
    if (a === COMPOSE_MARK) {
      const composed = len > 0 && ends[len - 1] === i ? compose.get(units[len - 1])?.get(c) : undefined;
      if (composed !== undefined) {
        // the letter written last and this mark become the precomposed letter, through its own rule
        units[len - 1] = single[composed];
        ends[len - 1] = i + 1;
        continue;
      }
      const f = markFallback[c];
      if (f === ONE) {
        units[len] = single[c];
        starts[len] = i;
        ends[len++] = i + 1;
      } else if (f === ATTACH && len > 0 && ends[len - 1] === i && ATTACHES_TO[units[len - 1]] === 1) ends[len - 1] = i + 1;
      continue;
    }
    if (a === MANY) {
      const out = many.get(c)!;
      reserve(out.length, n - i);
      for (let k = 0; k < out.length; k++) {
        units[len] = out.charCodeAt(k);
        starts[len] = i;
        ends[len++] = i + 1;
      }
      continue;
    }
    if (a === YEH_BY_POSITION) {
      units[len] = yehByPosition(original, i + 1);
      starts[len] = i;
      ends[len++] = i + 1;
      continue;
    }
    if (a === LOW_SURROGATE) {
      loneSurrogate = true;
      units[len] = c;
      starts[len] = i;
      ends[len++] = i + 1;
      continue;
    }
    // HIGH_SURROGATE: a pair is copied whole and both units map to the pair
    const d = i + 1 < n ? original.charCodeAt(i + 1) : 0;
    if (d >= 0xdc00 && d <= 0xdfff) {
      surrogatePairs = true;
      units[len] = c;
      starts[len] = i;
      ends[len++] = i + 2;
      units[len] = d;
      starts[len] = i;
      ends[len++] = i + 2;
      i++;
    } else {
      loneSurrogate = true;
      units[len] = c;
      starts[len] = i;
      ends[len++] = i + 1;
    }
  }
  return {
    text: decodeUnits(units.subarray(0, len), loneSurrogate),
    map: new OffsetMap(starts.subarray(0, len), ends.subarray(0, len), n),
    surrogatePairs,
  };
}

/** The output units of `normalize`, reused across calls (they live only until decoded): allocating and zeroing them per text cost a third of the pass. */
let unitScratch = new Uint16Array(4096);
/** Texts longer than this get their own unit buffer, so one huge text does not pin its buffer for the process's life. */
const MAX_SCRATCH_UNITS = 1 << 20;

function unitBuffer(cap: number): Uint16Array {
  if (cap <= unitScratch.length) return unitScratch;
  if (cap > MAX_SCRATCH_UNITS) return new Uint16Array(cap);
  unitScratch = new Uint16Array(Math.min(Math.max(cap, unitScratch.length * 2), MAX_SCRATCH_UNITS));
  return unitScratch;
}

/** The map's start and end arrays as two views of one buffer: one backing-store allocation instead of two. */
function rangeArrays(cap: number): [Int32Array, Int32Array] {
  const buffer = new ArrayBuffer(cap * 8);
  return [new Int32Array(buffer, 0, cap), new Int32Array(buffer, cap * 4, cap)];
}

let scratch = new Uint16Array(256);

/**
 * Normalize a string for lookups (lexicon forms, words, user queries) at the match level: the
 * same table as `normalize`, without building an offset map (called once per word by lookups).
 */
export function normalizeForMatch(s: string): string {
  const { action, single, many, compose, markFallback } = compiledTable('match');
  const n = s.length;
  let len = 0;
  const room = (extra: number) => {
    if (len + extra <= scratch.length) return;
    const bigger = new Uint16Array(Math.max(scratch.length * 2, len + extra + 16));
    bigger.set(scratch.subarray(0, len));
    scratch = bigger;
  };
  room(n);
  // lastEnd mirrors the map's end of the last unit: marks compose or attach only right after it
  let lastEnd = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const a = action[c];
    if (a === ONE) {
      scratch[len++] = single[c];
      lastEnd = i + 1;
    } else if (a === DROP) continue;
    else if (a === ATTACH) {
      if (len > 0 && lastEnd === i && ATTACHES_TO[scratch[len - 1]] === 1) lastEnd = i + 1;
    } else if (a === COMPOSE_MARK) {
      const composed = len > 0 && lastEnd === i ? compose.get(scratch[len - 1])?.get(c) : undefined;
      if (composed !== undefined) {
        scratch[len - 1] = single[composed];
        lastEnd = i + 1;
      } else if (markFallback[c] === ONE) {
        scratch[len++] = single[c];
        lastEnd = i + 1;
      } else if (markFallback[c] === ATTACH && len > 0 && lastEnd === i && ATTACHES_TO[scratch[len - 1]] === 1) lastEnd = i + 1;
    } else if (a === MANY) {
      const out = many.get(c)!;
      room(out.length + (n - i));
      for (let k = 0; k < out.length; k++) scratch[len++] = out.charCodeAt(k);
      lastEnd = i + 1;
    } else {
      scratch[len++] = c; // surrogates are copied as they are; Farsi yeh does not occur at match
      lastEnd = i + 1;
    }
  }
  return decodeUnits(scratch.subarray(0, len), true);
}

// ignoreBOM: a U+FEFF kept in the text (level none) is content, not a byte-order mark
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Build a string from UTF-16 units; TextDecoder is fast but turns lone surrogates into U+FFFD.
 * `mayHoldLoneSurrogate` false (normalize tracked it) skips the check's pass over the units.
 */
function decodeUnits(units: Uint16Array, mayHoldLoneSurrogate: boolean): string {
  if (units.length === 0) return '';
  // short strings (lexicon forms, words): fromCharCode beats a TextDecoder call
  if (units.length <= 64) return String.fromCharCode.apply(null, units as unknown as number[]);
  if (!mayHoldLoneSurrogate || !hasLoneSurrogate(units)) return utf16.decode(units);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, Array.from(units.subarray(i, i + 8192)));
  return out;
}

function hasLoneSurrogate(units: Uint16Array): boolean {
  for (let i = 0; i < units.length; i++) {
    const c = units[i];
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < units.length && units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff) {
      i++;
      continue;
    }
    return true;
  }
  return false;
}
