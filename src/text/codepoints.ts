/**
 * Conversion between UTF-16 offsets (what JavaScript strings index) and Unicode code point
 * offsets (what the JSON contract and Python's str use). Built once per text; O(1) when the
 * text has no astral characters, which is the common case for Arabic news.
 */
export interface CodePointIndex {
  /** Code point offset of UTF-16 offset `u` (0 ≤ u ≤ length). */
  toCodePoint(u: number): number;
  /** UTF-16 offset of code point offset `c`. */
  toUtf16(c: number): number;
}

const IDENTITY: CodePointIndex = { toCodePoint: (u) => u, toUtf16: (c) => c };

/** A surrogate pair (no `u` flag: the class and the pair are UTF-16 units). */
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

/** `surrogatePairs` false (the caller's pass over the text found none) skips the scan for them. */
export function codePointIndex(text: string, surrogatePairs?: boolean): CodePointIndex {
  // the regex engine's native scan answers the common case (no astral character) in half the time of a JS loop
  if (surrogatePairs === false || !SURROGATE_PAIR.test(text)) return IDENTITY;
  const astral: number[] = []; // UTF-16 offsets of the high surrogate of each pair
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i);
        i++;
      }
    }
  }
  if (astral.length === 0) return IDENTITY;
  return {
    toCodePoint(u: number): number {
      // pairs that start strictly before u, each counting one unit less
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (astral[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      // an offset falling inside a pair (u = pair+1) counts that pair as well
      return u - lo;
    },
    toUtf16(c: number): number {
      let lo = 0;
      let hi = astral.length;
      // the k-th pair starts at code point astral[k] - k
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (astral[mid] - mid < c) lo = mid + 1;
        else hi = mid;
      }
      return c + lo;
    },
  };
}
