/**
 * Counts and precision/recall/F1. Recall counts gold items (found / missed), precision counts
 * predictions (correct / spurious): with overlap matching one prediction can cover two gold
 * mentions or the other way round, so the two sides are counted separately.
 */

export interface Counts {
  /** Gold items found. */
  found: number;
  /** Gold items not found. */
  missed: number;
  /** Predictions that match gold. */
  correct: number;
  /** Predictions that match nothing (neutral ones are not counted at all). */
  spurious: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  /** Gold items counted (recall's denominator). */
  support: number;
}

export interface QuoteCounts {
  /** Cue detection: gold cue overlapped by a predicted cue in the same sentence. */
  cue: Counts;
  /** End to end: cue found and the speaker is right. */
  endToEnd: Counts;
}

export const emptyCounts = (): Counts => ({ found: 0, missed: 0, correct: 0, spurious: 0 });

export function addCounts(into: Counts, c: Counts): Counts {
  into.found += c.found;
  into.missed += c.missed;
  into.correct += c.correct;
  into.spurious += c.spurious;
  return into;
}

/** P/R/F1; an empty side counts as perfect (nothing to find, or nothing claimed). */
export function prf(c: Counts): Prf {
  const predicted = c.correct + c.spurious;
  const support = c.found + c.missed;
  const precision = predicted === 0 ? 1 : c.correct / predicted;
  const recall = support === 0 ? 1 : c.found / support;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support };
}

/** Sum per-type counts over cases; `ALL` is the micro total. */
export function sumByType(items: Record<string, Counts>[]): Record<string, Counts> {
  const total: Record<string, Counts> = {};
  for (const byType of items) {
    for (const [type, c] of Object.entries(byType)) addCounts((total[type] ??= emptyCounts()), c);
  }
  const all = emptyCounts();
  for (const c of Object.values(total)) addCounts(all, c);
  return { ...Object.fromEntries(Object.entries(total).sort(([a], [b]) => a.localeCompare(b))), ALL: all };
}
