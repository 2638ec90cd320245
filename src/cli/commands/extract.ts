import { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BatchFlags } from '../../batch/run-batch.js';
import { decodeText, runTask, type Task } from '../../batch/task.js';
import { InputError, type Decoded } from '../../io/decode.js';
import { loadLexicons, readLexiconSources, type SkippedLexicon } from '../../io/lexicon-files.js';
import { Lexicons } from '../../lexicon/lexicons.js';
import { DEFAULT_MAX_BYTES, readStream } from '../../io/read-input.js';
import { CliError, EXIT, type CliIO } from '../io.js';
import { addOutputOptions, makeRenderer } from '../output.js';

interface ExtractFlags extends BatchFlags {
  stdinJsonl?: boolean;
}

/** Same as DEFAULT_GLOB in src/io/walk.ts (not imported: walk.ts is loaded only for batches). */
const DEFAULT_GLOB_HELP = '**/*.{txt,html,htm}';
/** Same as SMALL_BATCH in src/batch/run-batch.ts. */
const SMALL_BATCH_HELP = 16;

const collect = (v: string, acc: string[]): string[] => acc.concat(v);


export function extractCommand(io: CliIO, setExit: (code: number) => void): Command {
  const cmd = new Command('extract')
    .description('extract sentences, entities and quotes from Arabic news articles (files, folders, or standard input)')
    .argument('[inputs...]', 'files or folders to read (folders recursively), or - for standard input (default when none is given)')
    .option('-l, --lexicon <path>', 'extra lexicon file or folder (repeatable)', collect, [] as string[])
    .option('--encoding <name>', 'force the input encoding (utf-8, utf-16le, windows-1256, …)')
    .option('--glob <pattern>', `files to take inside folders (repeatable; default ${DEFAULT_GLOB_HELP}; a pattern without / matches names at any depth)`, collect, [] as string[])
    .option('--ignore <pattern>', 'files or folders to leave out inside folders (repeatable), e.g. --ignore "drafts/**"', collect, [] as string[])
    .option('-j, --jobs <n>', `worker threads (default: number of cores; 1 for --stdin-jsonl and for batches under ${SMALL_BATCH_HELP} files)`, parseJobs)
    .option('-o, --out-dir <dir>', 'write one <input name>.json per input into this folder, mirroring the input tree, instead of standard output')
    .option('--overwrite', 'with --out-dir: replace existing outputs (default: keep them)')
    .option('--resume', 'with --out-dir: skip inputs whose output exists and is complete (continue an interrupted run)')
    .option('--stdin-jsonl', 'read JSONL records {"id": …, "text": …} from standard input and write one result line per record (for Hadoop Streaming, Spark RDD.pipe, GNU parallel --pipe)')
    .option('--max-bytes <size>', `refuse a single input larger than this (bytes, or with K/M/G suffix; default ${DEFAULT_MAX_BYTES / 1024 / 1024}M): protects memory from runaway files and streams`, parseSize, DEFAULT_MAX_BYTES)
    .option('-q, --quiet', 'no progress bar and no summary line on stderr')
    .option('--no-error-exit', 'exit 0 even when some inputs or records failed (their error records are in the output); for Spark and Hadoop, which fail a whole task on a non-zero exit');
  return addOutputOptions(cmd)
    .addHelpText(
      'after',
      `
Examples:
  newsnlp extract article.txt
  cat article.txt | newsnlp extract --format json
  newsnlp extract a.txt b.txt --format jsonl
  newsnlp extract corpus/ --jobs 4 > results.jsonl
  newsnlp extract corpus/ --out-dir results/ --resume
  newsnlp extract --stdin-jsonl < records.jsonl > results.jsonl

Batches: a bad input (unreadable, binary, empty, wrong encoding) gives an error record
{"source": …, "error": {"code", "message"}} in the output stream and a line on stderr; the batch
goes on and exits 1 at the end. A single input that fails exits 2. See docs/batch.md.`,
    )
    .action(async (inputs: string[], flags: ExtractFlags) => {
      setExit(await runExtract(io, inputs, flags));
    });
}

/** `--max-bytes`: a positive whole number of bytes, optionally with a K, M or G suffix (powers of 1024). */
export function parseSize(value: string): number {
  const m = /^\s*(\d+)\s*([kmg]?)i?b?\s*$/i.exec(value);
  const scale = m ? { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'] : 0;
  const n = m ? Number(m[1]) * scale : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`--max-bytes takes a positive size such as 1000000, 500K or 64M, not "${value}"`);
  return n;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new CliError(`--jobs takes a whole number from 1 to 256, not "${value}"`);
  return n;
}

async function runExtract(io: CliIO, inputs: string[], flags: ExtractFlags): Promise<number> {
  checkFlagCombinations(inputs, flags);
  warnAboutUserLexicons(io, flags.lexicon);
  const paths = inputs.length ? inputs : ['-'];
  const single = !flags.stdinJsonl && paths.length === 1 && (paths[0] === '-' || !isFolder(resolve(io.cwd, paths[0])));
  if (single && !flags.outDir) return runSingle(io, paths[0], flags);
  const batch = await import('../../batch/run-batch.js');
  if (flags.stdinJsonl) return batch.runStdinJsonl(io, flags);
  return batch.runBatch(io, paths, flags, single);
}

/** The user's lexicons are data: rows the parser rejects and files left unread are reported with file:line. */
function warnAboutUserLexicons(io: CliIO, paths: string[]): void {
  for (const p of paths) {
    const skipped: SkippedLexicon[] = [];
    const lex = new Lexicons(readLexiconSources(resolve(io.cwd, p), skipped));
    for (const s of skipped) io.stderr.write(`newsnlp: warning: ${s.path}: ${s.reason}\n`);
    for (const pr of lex.problems) io.stderr.write(`newsnlp: warning: ${pr.file}:${pr.line}: ${pr.message}; row ignored\n`);
  }
}

function checkFlagCombinations(inputs: string[], flags: ExtractFlags): void {
  if ((flags.resume || flags.overwrite) && !flags.outDir) throw new CliError(`--${flags.resume ? 'resume' : 'overwrite'} needs --out-dir`);
  if (flags.resume && flags.overwrite) throw new CliError('--resume and --overwrite exclude each other');
  if (flags.stdinJsonl && inputs.length) throw new CliError('--stdin-jsonl reads standard input only; give no input paths');
  if (flags.stdinJsonl && flags.outDir) throw new CliError('--stdin-jsonl writes to standard output; --out-dir is for files and folders');
  if (flags.stdinJsonl && flags.format && flags.format !== 'jsonl') throw new CliError('--stdin-jsonl writes JSONL; leave out --format or use --format jsonl');
  if (flags.outDir && flags.format && flags.format !== 'json') throw new CliError('--out-dir writes JSON files; --format does not apply');
  for (const path of flags.lexicon) if (!existsSync(path)) throw new CliError(`--lexicon ${path}: no such file or folder`);
  if (flags.outDir && (inputs.length === 0 || inputs.includes('-'))) throw new CliError('--out-dir needs files or folders as inputs (standard input has no name to mirror)');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One file or stdin to stdout; a failure is fatal (exit 2). */
async function runSingle(io: CliIO, path: string, flags: ExtractFlags): Promise<number> {
  const lex = loadLexicons({ extra: flags.lexicon });
  let task: Task;
  if (path === '-') {
    let decoded: Decoded;
    try {
      decoded = decodeText(await readStream(io.stdin, flags.maxBytes), flags.encoding);
    } catch (err) {
      if (err instanceof InputError) throw new CliError(`-: ${err.message}`);
      throw err;
    }
    task = { kind: 'text', text: decoded.text, source: '-', includeText: flags.includeText || decoded.format === 'html', warnings: decoded.warnings };
  } else {
    task = { kind: 'file', path: resolve(io.cwd, path), source: path, encoding: flags.encoding, includeText: flags.includeText, maxBytes: flags.maxBytes };
  }
  const outcome = runTask(task, lex);
  if (!outcome.ok) throw new CliError(`${path}: ${outcome.error.message}`);
  const renderer = await makeRenderer(io, flags, 1);
  renderer.article(outcome.result!);
  renderer.end();
  return EXIT.OK;
}

