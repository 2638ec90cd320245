import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLexicon, TSV_FORMAT_VERSION, type LexiconProblem, type LexiconRow, type LexiconSource, type ParsedLexicon } from '../lexicon/tsv.js';

/**
 * The built-in lexicons, parsed at build time into one JSON file (`npm run build`). Reading one
 * file and `JSON.parse` (native) costs about half of reading two dozen TSV files and parsing them
 * line by line in code that has not been optimized yet at start-up, which matters to an analyst
 * running one article and to every worker thread of a batch.
 *
 * The bundle records each source file's name, size and modification time, and the TSV format
 * version; if any differs from the lexicon folder now (someone edited a lexicon, or added one),
 * the bundle is ignored and the files are parsed as usual. A stale bundle is never used.
 */
export interface LexiconBundle {
  format: number;
  layout: number;
  sources: BundledSource[];
  files: BundledFile[];
}

/**
 * One parsed file, compactly: each row as its line and its cells in column order (the file name
 * and the column names once per file, not per row), which made the JSON half the size and
 * quicker to parse at every start.
 */
interface BundledFile {
  file: string;
  columns: string[];
  problems: LexiconProblem[];
  rows: (number | string)[][];
}

/** Version of the bundle's own layout (`BundledFile`); a bundle of another layout is ignored. */
const BUNDLE_LAYOUT = 2;

interface BundledSource {
  file: string;
  size: number;
  mtimeMs: number;
}

/** Parse the `*.tsv` files of `dir` (named `lexicons/<file>` like the built-ins) and write the bundle to `out`. */
export function writeLexiconBundle(dir: string, out: string, read: (dir: string) => LexiconSource[]): LexiconBundle {
  const sources = read(dir);
  const bundle: LexiconBundle = {
    format: TSV_FORMAT_VERSION,
    layout: BUNDLE_LAYOUT,
    sources: tsvFiles(dir).map((file) => describe(dir, file)),
    files: sources.map((s) => packFile(parseLexicon({ ...s, name: builtinName(s.name) }))),
  };
  writeFileSync(out, JSON.stringify(bundle));
  return bundle;
}

/** The parsed built-in lexicons from the bundle, or null when it is missing, unreadable or stale. */
export function readLexiconBundle(dir: string, path: string): ParsedLexicon[] | null {
  let bundle: LexiconBundle;
  try {
    bundle = JSON.parse(readFileSync(path, 'utf8')) as LexiconBundle;
  } catch {
    return null; // not built (a plain `tsc` build) or damaged: parse the files
  }
  return isCurrent(bundle, dir) ? bundle.files.map(unpackFile) : null;
}

function packFile(p: ParsedLexicon): BundledFile {
  return { file: p.file, columns: p.columns, problems: p.problems, rows: p.rows.map((r) => [r.line, ...p.columns.map((c) => r.cells[c])]) };
}

/** The parsed file again, row objects as `parseLexicon` makes them. */
function unpackFile(f: BundledFile): ParsedLexicon {
  const { file, columns } = f;
  const rows: LexiconRow[] = new Array(f.rows.length);
  for (let i = 0; i < rows.length; i++) {
    const packed = f.rows[i];
    const cells: Record<string, string> = {};
    for (let k = 0; k < columns.length; k++) cells[columns[k]] = packed[k + 1] as string;
    rows[i] = { file, line: packed[0] as number, cells };
  }
  return { file, columns, rows, problems: f.problems };
}

function isCurrent(bundle: LexiconBundle, dir: string): boolean {
  if (bundle.format !== TSV_FORMAT_VERSION || bundle.layout !== BUNDLE_LAYOUT || !Array.isArray(bundle.sources) || !Array.isArray(bundle.files)) return false;
  let files: string[];
  try {
    files = tsvFiles(dir);
  } catch {
    return false;
  }
  if (files.length !== bundle.sources.length) return false;
  return files.every((file, i) => {
    const was = bundle.sources[i];
    if (was.file !== file) return false;
    try {
      const now = describe(dir, file);
      return now.size === was.size && now.mtimeMs === was.mtimeMs;
    } catch {
      return false;
    }
  });
}

function tsvFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.tsv'))
    .sort();
}

function describe(dir: string, file: string): BundledSource {
  const st = statSync(join(dir, file));
  return { file, size: st.size, mtimeMs: st.mtimeMs };
}

/** How built-in lexicon files are named in messages and rows: `lexicons/<file>`. */
export function builtinName(path: string): string {
  return `lexicons/${path.split(/[\\/]/).pop()}`;
}
