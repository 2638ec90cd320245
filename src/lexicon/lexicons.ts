import { normalizeForMatch } from '../text/normalize.js';
import { parseLexicon, type LexiconProblem, type LexiconRow, type LexiconSource, type ParsedLexicon } from './tsv.js';

/**
 * All lexicon data of a run: built-in files plus the user's, grouped by kind (the file name up
 * to its first dot: `person.tsv` and `person.mine.tsv` are both of kind `person`). Each stage
 * compiles the index it needs on first use (`compiled`), once per Lexicons object, so a worker
 * or a batch compiles each index once.
 */
export class Lexicons {
  readonly files: ParsedLexicon[];
  readonly problems: LexiconProblem[];
  private readonly byKind = new Map<string, LexiconRow[]>();
  private readonly cache = new Map<string, unknown>();

  /** `parsed`: files already parsed (the prebuilt built-in lexicons), loaded before `sources`. */
  constructor(sources: LexiconSource[], parsed: ParsedLexicon[] = []) {
    this.files = [...parsed, ...sources.map(parseLexicon)];
    this.problems = this.files.flatMap((f) => f.problems);
    for (const f of this.files) {
      const kind = kindOf(f.file);
      const list = this.byKind.get(kind) ?? [];
      for (const row of f.rows) list.push(row);
      this.byKind.set(kind, list);
    }
  }

  /** Rows of every file of `kind`, in load order (built-in first, then the user's). */
  rows(kind: string): LexiconRow[] {
    return this.byKind.get(kind) ?? [];
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }

  /**
   * The match-level form (`normalizeForMatch`, trimmed) of one column of every row of `kind`, in
   * row order. Normalized in one call over the joined cells: the normalizer's per-call set-up
   * dominated start-up for thousands of short cells. Memoized, so stages reading the same column
   * share it.
   */
  normalizedColumn(kind: string, column: string): readonly string[] {
    return this.compiled(`normalized:${kind}:${column}`, () => normalizeCells(this.rows(kind).map((r) => r.cells[column] ?? '')));
  }

  /** Memoized compiled index: `build` runs once per key per Lexicons object. */
  compiled<T>(key: string, build: (lex: Lexicons) => T): T {
    if (!this.cache.has(key)) this.cache.set(key, build(this));
    return this.cache.get(key) as T;
  }
}

export function kindOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.split('.')[0];
}

/** `normalizeForMatch(cell).trim()` of each cell, with one normalizer call (cells hold no line break). */
function normalizeCells(cells: readonly string[]): string[] {
  const out = normalizeForMatch(cells.join('\n')).split('\n');
  // a cell that normalizes to a different number of lines (not from a TSV file) falls back
  if (out.length !== cells.length) return cells.map((c) => normalizeForMatch(c).trim());
  for (let k = 0; k < out.length; k++) out[k] = out[k].trim();
  return out;
}
