import type { NormalizeLevel } from './types.js';
import { normalize } from './text/normalize.js';
import type { OffsetMap } from './text/offset-map.js';

/** The text being analysed: the original (sacred) and its match-level shadow with the map. */
export interface TextDoc {
  original: string;
  normalized: string;
  map: OffsetMap;
}

export function makeDoc(original: string, level: NormalizeLevel = 'match'): TextDoc {
  const { text, map } = normalize(original, level);
  return { original, normalized: text, map };
}
