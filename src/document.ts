import type { NormalizeLevel } from './types.js';
import { normalize, type NormalizeOptions } from './text/normalize.js';
import type { OffsetMap } from './text/offset-map.js';

/** The text being analysed: the original (sacred) and its match-level shadow with the map. */
export interface TextDoc {
  original: string;
  normalized: string;
  map: OffsetMap;
  /** The original holds a surrogate pair (normalize saw it in its pass); undefined when not known. */
  surrogatePairs?: boolean;
}

/** Normalize once (match level unless told otherwise); every stage reads `normalized` and maps back with `map`. */
export function makeDoc(original: string, level: NormalizeLevel | NormalizeOptions = 'match'): TextDoc {
  const { text, map, surrogatePairs } = normalize(original, level);
  return { original, normalized: text, map, surrogatePairs };
}
