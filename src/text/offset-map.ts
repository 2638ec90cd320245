import type { Span } from '../types.js';

/**
 * Maps every unit of a normalized string back to the range of the original string it came
 * from. Deleted characters leave no unit; expansions share their source range (ﻻ → لا: both
 * units map to the one ligature); compositions widen it (ا + U+0654 → one unit over both);
 * a dropped haraka, Quranic mark or tatweel right after a unit joins that unit's range, so a
 * word's original span ends after its last haraka (الصينيّ, not الصيني + a stray shadda).
 * All ranges are in UTF-16 code units. Invariants (tested in tests/invariants/text-*.test.ts):
 * origStart is non-decreasing, origStart[i] < origEnd[i] ≤ originalLength, and
 * `toOriginal(spanToNormalized(s, e))` lies inside [s, e) for unit-aligned s, e.
 *
 * Built by `normalize()` (src/text/normalize.ts) in one pass.
 */
export class OffsetMap {
  constructor(
    /** original start of normalized unit i */
    readonly origStart: Int32Array,
    /** original end of normalized unit i */
    readonly origEnd: Int32Array,
    /** length of the original string */
    readonly originalLength: number,
  ) {}

  get length(): number {
    return this.origStart.length;
  }

  /** Original span covered by the normalized half-open range [start, end). */
  toOriginal(start: number, end: number): Span {
    if (end <= start) {
      const at = start < this.origStart.length ? this.origStart[start] : this.originalLength;
      return { start: at, end: at };
    }
    return { start: this.origStart[start], end: this.origEnd[end - 1] };
  }

  /** First normalized unit whose source starts at or after original offset `o`. */
  toNormalized(o: number): number {
    let lo = 0;
    let hi = this.origStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.origStart[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Normalized range covering the original range [start, end). */
  spanToNormalized(start: number, end: number): Span {
    return { start: this.toNormalized(start), end: this.toNormalized(end) };
  }
}
