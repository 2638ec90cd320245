/**
 * The lexicon file format: UTF-8 TSV, `#` starts a comment line, blank lines are ignored, the
 * first other line is a header naming the columns. Every row keeps its provenance (file:line)
 * so lints and matches can point back to the line that produced them.
 */
export interface LexiconSource {
  /** Path or name shown in messages, e.g. `lexicons/place.tsv`. */
  name: string;
  text: string;
}

export interface LexiconRow {
  file: string;
  line: number;
  cells: Record<string, string>;
}

export interface ParsedLexicon {
  file: string;
  columns: string[];
  rows: LexiconRow[];
  problems: LexiconProblem[];
}

export interface LexiconProblem {
  file: string;
  line: number;
  code: string;
  message: string;
}

/** Version of what `parseLexicon` makes of a file; bump it when that changes (prebuilt bundles of the old form are then ignored). */
export const TSV_FORMAT_VERSION = 1;

export function parseLexicon(source: LexiconSource): ParsedLexicon {
  const lines = source.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let columns: string[] | null = null;
  const rows: LexiconRow[] = [];
  const problems: LexiconProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    if (!columns) {
      columns = cells.map((c) => c.trim());
      continue;
    }
    if (cells.length > columns.length) {
      problems.push({ file: source.name, line: i + 1, code: 'extra-columns', message: `${cells.length} columns, the header names ${columns.length}` });
      continue;
    }
    const record: Record<string, string> = {};
    columns.forEach((col, k) => {
      record[col] = (cells[k] ?? '').trim();
    });
    rows.push({ file: source.name, line: i + 1, cells: record });
  }
  return { file: source.name, columns: columns ?? [], rows, problems };
}

