import type { NormalizeLevel } from '../types.js';
import { CHAR_RULES, digitValue } from './char-table.js';
import { OffsetMap, OffsetMapBuilder } from './offset-map.js';

/**
 * Per-level lookup table over the BMP: `undefined` keeps the unit, '' drops it, any other
 * string replaces it. Built once per level from CHAR_RULES plus the Unicode compatibility
 * decompositions of the Arabic presentation forms (so ﻷ becomes لأ, keeping its hamza, and
 * only then, at the match level, ا).
 */
type LevelTable = (string | undefined)[];

const tables = new Map<NormalizeLevel, LevelTable>();

function isPresentationForm(cp: number): boolean {
  return (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc);
}

function buildTable(level: NormalizeLevel): LevelTable {
  const table: LevelTable = new Array(0x10000);
  if (level === 'none') return table;
  for (const rule of CHAR_RULES) {
    const action = level === 'display' ? rule.display : rule.match;
    if (action === 'keep') continue;
    for (const [a, b] of rule.ranges) {
      for (let cp = a; cp <= b; cp++) {
        const digit = digitValue(cp);
        table[cp] = action === 'drop' ? '' : digit >= 0 && action === '' ? String(digit) : action;
      }
    }
  }
  for (let cp = 0xfb50; cp <= 0xfefc; cp++) {
    if (!isPresentationForm(cp)) continue;
    const decomposed = String.fromCharCode(cp).normalize('NFKC');
    if (decomposed === String.fromCharCode(cp)) continue;
    // Apply this level's rules to the decomposition, so a presentation form normalizes
    // exactly like its base letters would.
    let out = '';
    for (const ch of decomposed) {
      const mapped = table[ch.charCodeAt(0)];
      out += mapped === undefined ? ch : mapped;
    }
    table[cp] = out;
  }
  return table;
}

export function levelTable(level: NormalizeLevel): LevelTable {
  let t = tables.get(level);
  if (!t) {
    t = buildTable(level);
    tables.set(level, t);
  }
  return t;
}

export interface Normalized {
  text: string;
  map: OffsetMap;
}

/**
 * Normalize `original` at `level`, returning the shadow string and an offset map whose every
 * normalized unit points back to the original range it came from.
 */
export function normalize(original: string, level: NormalizeLevel = 'match'): Normalized {
  const table = levelTable(level);
  const builder = new OffsetMapBuilder(original.length);
  const n = original.length;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    // A surrogate pair is copied whole and maps to its two source units.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = original.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        builder.push(c, i, i + 2);
        builder.push(d, i, i + 2);
        i++;
        continue;
      }
    }
    const mapped = table[c];
    if (mapped === undefined) builder.push(c, i, i + 1);
    else for (let k = 0; k < mapped.length; k++) builder.push(mapped.charCodeAt(k), i, i + 1);
  }
  return builder.finish();
}

/** Normalize a short string for lookups (lexicon forms, user queries). */
export function normalizeForMatch(s: string): string {
  return normalize(s, 'match').text;
}
