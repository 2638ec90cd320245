import { Command, Option } from 'commander';
import type { ChalkInstance } from 'chalk';
import { ALWAYS_KEPT, isProjectableField, projectFields, PROJECTABLE_FIELDS, renderJson, renderJsonLine, type ProjectableField } from '../render/json.js';
import { decideShape, SHAPE_MODES, type ShapeMode } from '../render/shape.js';
import { TSV_TABLES, tsvHeader, tsvRows, type TsvTable } from '../render/tsv.js';
import type { ExtractResult } from '../result.js';
import { CliError, EXIT, type CliIO } from './io.js';

/**
 * The seam between the extract command (inputs, batches) and rendering (formats). The extract
 * command adds these options and hands each result to the renderer; everything about formats
 * lives here and in src/render/. This is the only place that decides colors (chalk) and
 * shaping from flags, environment and terminal.
 */
export interface OutputFlags {
  format?: string;
  /** true: --color, false: --no-color, undefined: decide from NO_COLOR/FORCE_COLOR/terminal. */
  color?: boolean;
  /** Embed the analysed text as "text". Set by a preAction hook too when the output needs the text. */
  includeText?: boolean;
  fields?: string;
  table?: string;
  highlight?: boolean;
  shape?: string;
  width?: string;
}

export const FORMATS = ['json', 'jsonl', 'pretty', 'tsv', 'conll', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const OUTPUT_HELP = `
Output:
  default format: pretty on a terminal, json for one input otherwise, jsonl for several
  json/jsonl/tsv/conll are never colored or shaped; offsets are Unicode code points
  colors: --no-color or NO_COLOR turn them off, --color or FORCE_COLOR force them
  --shape auto shapes Arabic only on terminals known not to (NEWSNLP_SHAPE=always|never overrides)

Output examples:
  newsnlp extract article.txt --format pretty --highlight
  newsnlp extract article.txt --format json --fields entities,quotes
  newsnlp extract *.txt --format jsonl --include-text > batch.jsonl
  newsnlp extract article.txt --format tsv --table quotes > quotes.tsv
  newsnlp extract article.txt --format conll > article.conll
  newsnlp extract a.txt b.txt --format html > report.html
  newsnlp extract article.txt --shape always --highlight | less`;

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format (default: pretty on a terminal, json for one input otherwise, jsonl for several)').choices(FORMATS))
    .addOption(new Option('--table <table>', 'tsv: one row per entity mention, per quote or per sentence (default: entities)').choices(TSV_TABLES))
    .option('--fields <list>', `json/jsonl: keep only these parts, comma-separated (${PROJECTABLE_FIELDS.join(', ')}); ${ALWAYS_KEPT.join(', ')} are always kept`)
    .option('--include-text', 'embed the analysed text in the JSON output as "text"')
    .option('--highlight', 'pretty: also print the article with entities and quotes colored inline')
    .option('--color', 'force colors in pretty output (FORCE_COLOR works too)')
    .option('--no-color', 'no colors in pretty output (NO_COLOR is honoured too)')
    .addOption(new Option('--shape <mode>', 'reshape and reorder Arabic for terminals that cannot (pretty only)').choices(SHAPE_MODES).default('auto'))
    .option('--width <columns>', 'pretty: wrap to this width (default: the terminal width, else 80)')
    .addHelpText('after', OUTPUT_HELP)
    .hook('preAction', (_cmd, action) => {
      // conll, html, --highlight and --fields text show the article itself: ask the extract step
      // for the text (the action reads its options after this hook)
      if (needsText(action.opts<OutputFlags>())) action.setOptionValue('includeText', true);
    });
}

/** Formats that render the article text itself (and `--fields text`) need the text. */
export function needsText(flags: OutputFlags): boolean {
  return flags.format === 'conll' || flags.format === 'html' || flags.highlight === true || splitFields(flags.fields).includes('text');
}

function splitFields(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

export interface Renderer {
  /** Format actually used. */
  format: string;
  /** Write one article's result. */
  article(result: ExtractResult): void;
  /**
   * Write one article given as its JSONL line in UTF-8 (what a worker thread sends), when this
   * format can use it as is; false when the caller must parse it and call `article`. Saves the
   * main thread a parse, a stringify and an encoding per article in JSONL batches.
   */
  articleLine?(line: Uint8Array): boolean;
  /** Write an error record for an input that failed (formats that stream records only). */
  error(source: string, code: string, message: string): void;
  /** Called once after the last article. */
  end(): void;
}

/** Chalk level from flags, environment and terminal. chalk 5 ignores NO_COLOR, so we decide:
 * --no-color > --color > FORCE_COLOR > NO_COLOR > TERM=dumb > stdout is a terminal. */
export function colorLevel(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  const forcedLevel = force === undefined ? undefined : force === '0' || force === 'false' ? 0 : (['1', '2', '3'].includes(force) ? Number(force) : 1) as 1 | 2 | 3;
  if (flag === true) return forcedLevel || 1;
  if (forcedLevel !== undefined) return forcedLevel as 0 | 1 | 2 | 3;
  if (env.NO_COLOR) return 0;
  if (env.TERM === 'dumb') return 0;
  return isTTY ? 1 : 0;
}

/** The renderer for the flags; the modules of a format (and chalk) are loaded only when it is used. */
export async function makeRenderer(io: CliIO, flags: OutputFlags, inputCount: number): Promise<Renderer> {
  const format = chooseFormat(io, flags, inputCount);
  checkFlagCombinations(format, flags);
  switch (format) {
    case 'json':
    case 'jsonl':
      return jsonRenderer(io, format, parseFields(flags), inputCount);
    case 'tsv':
      return tsvRenderer(io, (flags.table as TsvTable | undefined) ?? 'entities');
    case 'conll':
      return conllRenderer(io, await import('../render/conll.js'));
    case 'html':
      return htmlRenderer(io, inputCount, await import('../render/html.js'));
    default:
      return prettyRenderer(io, flags, await import('chalk'), await import('../render/pretty.js'), await import('../render/highlight.js'));
  }
}

function chooseFormat(io: CliIO, flags: OutputFlags, inputCount: number): Format {
  if (flags.format) return flags.format as Format;
  if (flags.highlight || io.stdout.isTTY) return 'pretty';
  return inputCount > 1 ? 'jsonl' : 'json';
}

function checkFlagCombinations(format: Format, flags: OutputFlags): void {
  const misuse = (flag: string, formats: string) => new CliError(`${flag} applies to --format ${formats} only (got --format ${format}); drop it or change the format`, EXIT.USAGE);
  if (flags.fields !== undefined && format !== 'json' && format !== 'jsonl') throw misuse('--fields', 'json or jsonl');
  if (flags.table !== undefined && format !== 'tsv') throw misuse('--table', 'tsv');
  if (flags.highlight && format !== 'pretty') throw misuse('--highlight', 'pretty');
  if (flags.width !== undefined && !/^[1-9]\d*$/.test(flags.width)) throw new CliError(`--width wants a positive number of columns, got "${flags.width}"`, EXIT.USAGE);
}

function parseFields(flags: OutputFlags): ProjectableField[] | undefined {
  if (flags.fields === undefined) return undefined;
  const fields = splitFields(flags.fields);
  const unknown = fields.filter((f) => !isProjectableField(f) && !(ALWAYS_KEPT as readonly string[]).includes(f));
  if (unknown.length) throw new CliError(`--fields: unknown field "${unknown[0]}"; choose from ${PROJECTABLE_FIELDS.join(', ')}`, EXIT.USAGE);
  return fields.filter(isProjectableField);
}

function jsonRenderer(io: CliIO, format: 'json' | 'jsonl', fields: ProjectableField[] | undefined, inputCount: number): Renderer {
  // json with several inputs is one array, so the output stays one valid JSON document
  const asArray = format === 'json' && inputCount > 1;
  let written = 0;
  const write = (record: unknown) => {
    if (format === 'jsonl') io.stdout.write(renderJsonLine(record));
    else if (!asArray) io.stdout.write(renderJson(record));
    else io.stdout.write((written === 0 ? '[\n' : ',\n') + renderJson(record).trimEnd());
    written++;
  };
  return {
    format,
    article: (result) => write(fields ? projectFields(result, fields) : result),
    articleLine: (line) => {
      if (format !== 'jsonl' || fields) return false;
      io.stdout.write(line);
      written++;
      return true;
    },
    error: (source, code, message) => {
      if (inputCount > 1) write({ source, error: { code, message } });
    },
    end: () => {
      if (asArray) io.stdout.write(written ? '\n]\n' : '[]\n');
    },
  };
}

function tsvRenderer(io: CliIO, table: TsvTable): Renderer {
  let headerWritten = false;
  const header = () => {
    if (!headerWritten) io.stdout.write(tsvHeader(table));
    headerWritten = true;
  };
  return {
    format: 'tsv',
    article: (result) => {
      header();
      io.stdout.write(tsvRows(result, table));
    },
    error: () => {}, // reported on stderr by the command; a table has no room for it
    end: header,
  };
}

function requireText(result: ExtractResult, format: string): string {
  if (result.text === undefined) throw new CliError(`${result.source}: --format ${format} needs the article text, which the extract step did not include`, EXIT.USAGE);
  return result.text;
}

function conllRenderer(io: CliIO, { renderConll, CONLL_HEADER }: typeof import('../render/conll.js')): Renderer {
  io.stdout.write(CONLL_HEADER);
  let first = true;
  return {
    format: 'conll',
    article: (result) => {
      io.stdout.write((first ? '' : '\n') + renderConll(result, requireText(result, 'conll')));
      first = false;
    },
    error: () => {},
    end: () => {},
  };
}

function htmlRenderer(io: CliIO, inputCount: number, { htmlArticle, htmlError, htmlFoot, htmlHead }: typeof import('../render/html.js')): Renderer {
  let index = 0;
  const head = (source: string) => {
    if (index === 0) io.stdout.write(htmlHead(inputCount > 1 ? `newsnlp report — ${inputCount} articles` : `newsnlp report — ${source}`));
  };
  return {
    format: 'html',
    article: (result) => {
      head(result.source);
      io.stdout.write(htmlArticle(result, requireText(result, 'html'), index++));
    },
    error: (source, code, message) => {
      head(source);
      io.stdout.write(htmlError(source, code, message, index++));
    },
    end: () => {
      head('no input');
      io.stdout.write(htmlFoot());
    },
  };
}

function prettyRenderer(
  io: CliIO,
  flags: OutputFlags,
  { Chalk }: typeof import('chalk'),
  { renderPretty }: typeof import('../render/pretty.js'),
  { renderHighlight }: typeof import('../render/highlight.js'),
): Renderer {
  const isTTY = io.stdout.isTTY === true;
  const chalk: ChalkInstance = new Chalk({ level: colorLevel(flags.color, io.env, isTTY) });
  const shape = decideShape((flags.shape as ShapeMode | undefined) ?? 'auto', isTTY, io.env);
  const width = flags.width ? Number(flags.width) : io.stdout.columns || Number(io.env.COLUMNS) || 80;
  const options = { chalk, shape, width };
  let count = 0;
  return {
    format: 'pretty',
    article: (result) => {
      if (count++ > 0) io.stdout.write(chalk.dim('─'.repeat(Math.min(width, 80))) + '\n');
      io.stdout.write(renderPretty(result, options));
      if (flags.highlight) io.stdout.write('\n' + renderHighlight(result, requireText(result, 'pretty --highlight'), options));
    },
    error: () => {},
    end: () => {},
  };
}
