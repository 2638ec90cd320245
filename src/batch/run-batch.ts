import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { CliError, EXIT, type CliIO } from '../cli/io.js';
import { makeRenderer, type OutputFlags, type Renderer } from '../cli/output.js';
import { InputError } from '../io/decode.js';
import { loadLexicons } from '../io/lexicon-files.js';
import { readStream, tooLarge } from '../io/read-input.js';
import { DEFAULT_GLOB, STDIN, walkInputs, type InputFile } from '../io/walk.js';
import { GlobError } from './glob.js';
import { orderedMap } from './ordered.js';
import { isCompleteOutput, outputPathFor, removeStaleTemps } from './out-dir.js';
import type { WorkerPool } from './pool.js';
import { emptyTotals, startProgress, summaryLine, type BatchTotals } from './progress.js';
import { decodeText, outcomeResult, runTask, type Outcome, type Task } from './task.js';

/**
 * Batches of `newsnlp extract` (folders, several inputs, --out-dir, --stdin-jsonl). Loaded by the
 * command only for a batch, so a single article does not pay for it at start-up.
 */
export interface BatchFlags extends OutputFlags {
  lexicon: string[];
  encoding?: string;
  glob: string[];
  ignore: string[];
  jobs?: number;
  outDir?: string;
  overwrite?: boolean;
  resume?: boolean;
  quiet?: boolean;
  /** false with --no-error-exit */
  errorExit: boolean;
  /** --max-bytes: one input (file, stdin, or JSONL record text) larger than this is refused. */
  maxBytes: number;
}

/** Below this many inputs the default is one job (thread start-up would cost more than it saves). */
export const SMALL_BATCH = 16;

/** Articles in flight per worker (queued, running or finished but waiting for their turn). */
const WINDOW_PER_JOB = 16;

/** Run tasks in the main thread (one job) or on worker threads; both yield outcomes in order. */
async function makeRunner(jobs: number, flags: BatchFlags): Promise<{ run: (t: Task) => Promise<Outcome>; capacity: number; close: () => Promise<void> }> {
  if (jobs <= 1) {
    const lex = loadLexicons({ extra: flags.lexicon });
    return { run: async (t) => runTask(t, lex), capacity: 1, close: async () => {} };
  }
  const { WorkerPool } = await import('./pool.js');
  const pool: WorkerPool = new WorkerPool(jobs, { lexicon: flags.lexicon.map((p) => resolve(p)) });
  // the window must be deep enough that one slow article at its head does not leave workers idle,
  // and small enough to bound memory (finished results are a few tens of kB each)
  return { run: (t) => pool.run(t), capacity: jobs * WINDOW_PER_JOB, close: () => pool.close() };
}

export async function runBatch(io: CliIO, inputs: string[], flags: BatchFlags, onlyInput = false): Promise<number> {
  const started = Date.now();
  const outDir = flags.outDir ? resolve(io.cwd, flags.outDir) : undefined;
  if (outDir) makeOutDir(outDir, flags.outDir!);
  let walk: ReturnType<typeof walkInputs>;
  try {
    // the out dir is walked like any folder: its .json outputs are not inputs under the default glob,
    // and inputs a user keeps there must not vanish silently
    walk = walkInputs(inputs.map((i) => (i === STDIN ? i : resolve(io.cwd, i))), { glob: flags.glob, ignore: flags.ignore });
  } catch (err) {
    if (err instanceof GlobError) throw new CliError(err.message);
    throw err;
  }
  // sources keep the user's spelling of the path (relative stays relative)
  const sourceOf = makeSourceNamer(io.cwd, inputs);
  if (walk.files.length === 0) throw new CliError(`${inputs.join(', ')}: no input files found (looked for ${flags.glob.length ? flags.glob.join(', ') : DEFAULT_GLOB})`);
  if (!flags.quiet) for (const loop of walk.loops) io.stderr.write(`newsnlp: ${sourceOf(loop)}: folder already walked (symbolic link loop or second link); skipped\n`);
  if (outDir) {
    const inputSet = new Set(walk.files.map((f) => resolve(f.path)));
    const clash = walk.files.find((f) => inputSet.has(outputPathFor(outDir, f.relative)));
    if (clash) throw new CliError(`${sourceOf(clash.path)}: its output would overwrite an input; choose another --out-dir`);
    if (flags.resume) removeStaleTemps(outDir);
  }
  const stdinTask = inputs.includes(STDIN) ? await stdinAsTask(io, flags) : undefined;
  const renderer = outDir ? null : await makeRenderer(io, flags, onlyInput ? 1 : 2);
  const totals = emptyTotals();
  totals.files = walk.files.length;
  // starting a worker costs about as much as analysing a dozen articles: small batches stay in one thread
  const jobs = Math.min(flags.jobs ?? (walk.files.length >= SMALL_BATCH ? availableParallelism() : 1), Math.max(1, walk.files.length));
  const runner = await makeRunner(jobs, flags);
  const progress = await startProgress(io, walk.files.length, !flags.quiet);
  let done = 0;
  try {
    const tasks = batchTasks(walk.files, flags, outDir, sourceOf, totals, () => progress.tick(++done), stdinTask);
    for await (const outcome of orderedMap(tasks, runner.run, runner.capacity)) {
      progress.tick(++done);
      if (outcome.ok) {
        countOk(totals, outcome);
        if (renderer) {
          writeArticle(renderer, outcome);
          await drained(io);
        }
      } else reportError(io, renderer, totals, outcome.source, outcome.error.code, outcome.error.message);
    }
  } finally {
    progress.stop();
    await runner.close();
  }
  renderer?.end();
  if (!flags.quiet) {
    if (totals.kept && !flags.resume) io.stderr.write(`newsnlp: ${totals.kept} outputs existed and were kept (--overwrite replaces them, --resume redoes incomplete ones)\n`);
    io.stderr.write(summaryLine(totals, Date.now() - started));
  }
  if (onlyInput && totals.errors) return EXIT.USAGE;
  return totals.errors && flags.errorExit ? EXIT.FAILED : EXIT.OK;
}

/** Tasks of a batch in input order; inputs whose output is kept are counted and skipped here. */
function* batchTasks(files: InputFile[], flags: BatchFlags, outDir: string | undefined, sourceOf: (p: string) => string, totals: BatchTotals, skipped: () => void, stdinTask?: Task): Generator<Task> {
  for (const file of files) {
    if (file.path === STDIN && stdinTask) {
      yield stdinTask;
      continue;
    }
    if (file.problem) {
      yield { kind: 'failed', source: sourceOf(file.path), error: { code: file.problem.code, message: file.problem.message } };
      continue;
    }
    const outPath = outDir ? outputPathFor(outDir, file.relative) : undefined;
    if (outPath && !flags.overwrite && existsSync(outPath) && (!flags.resume || isCompleteOutput(outPath))) {
      totals.kept++;
      skipped();
      continue;
    }
    yield { kind: 'file', path: file.path, source: sourceOf(file.path), encoding: flags.encoding, includeText: flags.includeText, outPath, maxBytes: flags.maxBytes };
  }
}

/** Create the output folder, or say in one line why it cannot be (a file in the way, no permission). */
function makeOutDir(outDir: string, given: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way; give a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
    throw new CliError(`--out-dir ${given}: cannot create the folder (${why})`);
  }
}

/** Standard input named among other inputs: read it whole, once; a decoding problem becomes its error record. */
async function stdinAsTask(io: CliIO, flags: BatchFlags): Promise<Task> {
  try {
    const bytes = await readStream(io.stdin, flags.maxBytes);
    const decoded = decodeText(bytes, flags.encoding);
    return { kind: 'text', text: decoded.text, source: STDIN, includeText: flags.includeText || decoded.format === 'html', warnings: decoded.warnings };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { kind: 'failed', source: STDIN, error: { code: err.code, message: err.message } };
  }
}

/** Map absolute paths back to the spelling the user gave (relative inputs give relative sources). */
function makeSourceNamer(cwd: string, inputs: string[]): (absolute: string) => string {
  const anyAbsolute = inputs.some((i) => i.startsWith('/'));
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return (absolute) => (!anyAbsolute && absolute.startsWith(prefix) ? absolute.slice(prefix.length) : absolute);
}

/** A worker's JSON text goes out as is where the format allows; otherwise it is parsed and rendered. */
function writeArticle(renderer: Renderer, outcome: Outcome & { ok: true }): void {
  if (outcome.jsonLine !== undefined && renderer.articleLine?.(outcome.jsonLine)) return;
  const result = outcomeResult(outcome);
  if (result) renderer.article(result);
}

function countOk(totals: BatchTotals, outcome: Outcome & { ok: true }): void {
  totals.ok++;
  totals.entities += outcome.stats.entities;
  totals.quotes += outcome.stats.quotes;
  totals.chars += outcome.stats.chars;
}

function reportError(io: CliIO, renderer: Renderer | null, totals: BatchTotals, source: string, code: string, message: string): void {
  totals.errors++;
  io.stderr.write(`newsnlp: ${source}: ${message.split('\n')[0]}\n`);
  renderer?.error(source, code, message);
}

/** Back-pressure: when stdout's buffer is full (a slow reader), wait until it drains. */
async function drained(io: CliIO): Promise<void> {
  const out = io.stdout as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  if (out.writableNeedDrain) await new Promise<void>((ok) => out.once('drain', () => ok()));
}

type JsonlItem = { task: Task } | { failed: Outcome };

/** `--stdin-jsonl`: one result line per input line, streamed, for distributed engines. */
export async function runStdinJsonl(io: CliIO, flags: BatchFlags): Promise<number> {
  const started = Date.now();
  const renderer = await makeRenderer(io, { ...flags, format: 'jsonl' }, 2);
  const runner = await makeRunner(flags.jobs ?? 1, flags);
  const totals = emptyTotals();
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  const run = (item: JsonlItem): Promise<Outcome> => ('failed' in item ? Promise.resolve(item.failed) : runner.run(item.task));
  try {
    for await (const outcome of orderedMap(jsonlItems(lines, flags), run, runner.capacity)) {
      totals.files++;
      if (outcome.ok) {
        countOk(totals, outcome);
        writeArticle(renderer, outcome);
        await drained(io);
      } else reportError(io, renderer, totals, outcome.source, outcome.error.code, outcome.error.message);
    }
  } finally {
    await runner.close();
  }
  renderer.end();
  if (!flags.quiet) io.stderr.write(summaryLine(totals, Date.now() - started));
  return totals.errors && flags.errorExit ? EXIT.FAILED : EXIT.OK;
}

async function* jsonlItems(lines: AsyncIterable<string>, flags: BatchFlags): AsyncGenerator<JsonlItem> {
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const fallback = `line ${lineNo}`;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch (err) {
      yield { failed: { ok: false, source: fallback, error: { code: 'bad-record', message: `not a JSON record: ${(err as Error).message}` } } };
      continue;
    }
    const source = typeof record?.id === 'string' || typeof record?.id === 'number' ? String(record.id) : fallback;
    if (typeof record?.text !== 'string') {
      yield { failed: { ok: false, source, error: { code: 'bad-record', message: 'the record has no "text" string' } } };
      continue;
    }
    if (Buffer.byteLength(record.text) > flags.maxBytes) {
      yield { failed: { ok: false, source, error: { code: 'too-large', message: tooLarge(flags.maxBytes).message } } };
      continue;
    }
    yield { task: { kind: 'text', text: record.text, source, includeText: flags.includeText } };
  }
}
