import type { Span } from '../types.js';

/**
 * Maps every unit of a normalized string back to the range of the original string it came
 * from. Deleted characters leave no unit; expansions share their source range. All ranges
 * are in UTF-16 code units.
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

export class OffsetMapBuilder {
  private units: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private len = 0;

  constructor(private readonly originalLength: number) {
    const cap = Math.max(16, originalLength + 16);
    this.units = new Uint16Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  push(unit: number, start: number, end: number): void {
    if (this.len === this.units.length) this.grow();
    this.units[this.len] = unit;
    this.starts[this.len] = start;
    this.ends[this.len] = end;
    this.len++;
  }

  private grow(): void {
    const cap = this.units.length * 2;
    const u = new Uint16Array(cap);
    u.set(this.units);
    const s = new Int32Array(cap);
    s.set(this.starts);
    const e = new Int32Array(cap);
    e.set(this.ends);
    this.units = u;
    this.starts = s;
    this.ends = e;
  }

  finish(): { text: string; map: OffsetMap } {
    const text = decodeUnits(this.units.subarray(0, this.len));
    return {
      text,
      map: new OffsetMap(this.starts.slice(0, this.len), this.ends.slice(0, this.len), this.originalLength),
    };
  }
}

const utf16 = new TextDecoder('utf-16le');

/** Build a string from UTF-16 units without the argument-count limits of fromCharCode. */
function decodeUnits(units: Uint16Array): string {
  if (units.length === 0) return '';
  // TextDecoder replaces lone surrogates with U+FFFD; fall back to chunked fromCharCode then.
  let hasLone = false;
  for (let i = 0; i < units.length; i++) {
    const c = units[i];
    if (c >= 0xd800 && c <= 0xdfff) {
      const hi = c <= 0xdbff;
      const next = units[i + 1];
      if (hi && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      hasLone = true;
      break;
    }
  }
  if (!hasLone) return utf16.decode(units);
  let out = '';
  for (let i = 0; i < units.length; i += 8192) {
    out += String.fromCharCode.apply(null, Array.from(units.subarray(i, i + 8192)));
  }
  return out;
}
