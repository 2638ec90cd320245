import { chunks, type Chunk } from './conll.js';

/** Entity-level precision, recall and F1 per type and overall, with conlleval's semantics (exact span and type). */
export interface TypeScore {
  type: string;
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface ConllScore {
  tokens: number;
  sentences: number;
  byType: TypeScore[];
  overall: TypeScore;
  /** the figure for the three main types (persons, places, organizations) */
  main: TypeScore;
}

export const MAIN_TYPES = ['PERS', 'LOC', 'ORG'];

export function scoreConll(gold: readonly string[][], predicted: readonly string[][]): ConllScore {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const bump = (type: string, field: 'gold' | 'predicted' | 'correct') => {
    const c = counts.get(type) ?? { gold: 0, predicted: 0, correct: 0 };
    c[field]++;
    counts.set(type, c);
  };
  let tokens = 0;
  for (let s = 0; s < gold.length; s++) {
    tokens += gold[s].length;
    const g = chunks(gold[s]);
    const p = chunks(predicted[s]);
    const key = (c: Chunk) => `${c.type}:${c.start}:${c.end}`;
    const goldKeys = new Set(g.map(key));
    for (const c of g) bump(c.type, 'gold');
    for (const c of p) {
      bump(c.type, 'predicted');
      if (goldKeys.has(key(c))) bump(c.type, 'correct');
    }
  }
  const byType = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, c]) => prf(type, c.gold, c.predicted, c.correct));
  const sum = (types: string[] | null, name: string) => {
    const pick = byType.filter((t) => !types || types.includes(t.type));
    return prf(name, total(pick, 'gold'), total(pick, 'predicted'), total(pick, 'correct'));
  };
  return { tokens, sentences: gold.length, byType, overall: sum(null, 'overall'), main: sum(MAIN_TYPES, MAIN_TYPES.join('+')) };
}

function total(list: TypeScore[], field: 'gold' | 'predicted' | 'correct'): number {
  return list.reduce((n, t) => n + t[field], 0);
}

function prf(type: string, gold: number, predicted: number, correct: number): TypeScore {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { type, precision, recall, f1, gold, predicted, correct };
}
