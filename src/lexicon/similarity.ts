import { createRequire } from 'node:module';

/**
 * The one import site of `natural` (deep import: the package root loads ~0.4 s of modules we do
 * not use). Jaro-Winkler similarity in [0, 1] for spelling-variant coreference (لافروف /
 * لافرووف) and near-duplicate warnings in `newsnlp lexicon check`. Compare normalized strings.
 */
type JaroWinkler = (a: string, b: string) => number;

let jw: JaroWinkler | null = null;

export function jaroWinkler(a: string, b: string): number {
  if (!jw) jw = createRequire(import.meta.url)('natural/lib/natural/distance/jaro-winkler_distance') as JaroWinkler;
  return jw(a, b);
}
