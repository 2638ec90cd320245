import { extract } from '../extract.js';
import { InputError, type Decoded } from '../io/decode.js';
import { decodeInput, readInputFile } from '../io/read-input.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import type { Lexicons } from '../lexicon/lexicons.js';
import type { ExtractResult } from '../result.js';
import type { Diagnostic } from '../types.js';

/**
 * One unit of batch work, the same in the main thread (--jobs 1) and in a worker: read and
 * decode the input, refuse what is not text, extract, and either return the result or write it
 * to its output file. Every failure about the input becomes an error outcome, never a throw.
 */

export type Task =
  | { kind: 'file'; path: string; source: string; encoding?: string; includeText?: boolean; outPath?: string; maxBytes?: number }
  | { kind: 'text'; text: string; source: string; includeText?: boolean; warnings?: Diagnostic[] }
  /** An input already known to be bad (e.g. stdin that failed to decode): it keeps its place in the output. */
  | { kind: 'failed'; source: string; error: { code: string; message: string } };

export interface TaskStats {
  chars: number;
  entities: number;
  quotes: number;
}

export type Outcome =
  | {
      ok: true;
      source: string;
      stats: TaskStats;
      /** The result (main thread); absent when written to outPath or sent as `jsonLine`. */
      result?: ExtractResult;
      /**
       * The result as one JSONL line in UTF-8, from a worker: posting bytes (transferred, not
       * copied) is far cheaper than cloning the object, and the main thread, which every worker
       * waits on, writes them as they are instead of encoding text.
       */
      jsonLine?: Uint8Array;
    }
  | { ok: false; source: string; error: { code: string; message: string } };

export function runTask(task: Task, lex: Lexicons, options: { asJsonLine?: boolean } = {}): Outcome {
  if (task.kind === 'failed') return { ok: false, source: task.source, error: task.error };
  let decoded: Decoded;
  try {
    decoded = task.kind === 'file' ? readTextFile(task.path, task.encoding, task.maxBytes) : { text: task.text, encoding: 'utf-8', warnings: task.warnings ?? [] };
    assertUsableText(decoded.text);
  } catch (err) {
    if (err instanceof InputError) return { ok: false, source: task.source, error: { code: err.code, message: err.message } };
    throw err;
  }
  let result: ExtractResult;
  try {
    result = extract(decoded.text, lex, { source: task.source, warnings: decoded.warnings, includeText: task.includeText || decoded.format === 'html' });
  } catch (err) {
    // A pipeline bug on one odd article must not sink a batch of thousands: record it and go on.
    return { ok: false, source: task.source, error: { code: 'internal-error', message: `internal error (please report with this input): ${firstLine(err)}` } };
  }
  const stats = { chars: decoded.text.length, entities: result.entities.length, quotes: result.quotes.length };
  if (task.kind === 'file' && task.outPath) {
    try {
      writeFileAtomic(task.outPath, JSON.stringify(result) + '\n');
    } catch (err) {
      // a full disk, a file in the way, no permission: this output fails, the batch goes on
      return { ok: false, source: task.source, error: { code: 'write-failed', message: `cannot write ${task.outPath}: ${describeWriteError(err)}` } };
    }
    return { ok: true, source: task.source, stats };
  }
  return options.asJsonLine ? { ok: true, source: task.source, stats, jsonLine: utf8.encode(JSON.stringify(result) + '\n') } : { ok: true, source: task.source, stats, result };
}

// TextEncoder gives each line its own ArrayBuffer (Buffer.from may hand out a slice of a shared pool, which cannot be transferred)
const utf8 = new TextEncoder();

/** One line for an error record (a stack trace does not belong in a data stream). */
function firstLine(err: unknown): string {
  return String(err instanceof Error ? `${err.name}: ${err.message}` : err).split('\n')[0];
}

function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way of its folder';
  return (err as Error).message;
}

/** The result of a successful outcome, whichever thread made it. */
export function outcomeResult(outcome: Outcome & { ok: true }): ExtractResult | undefined {
  return outcome.result ?? (outcome.jsonLine !== undefined ? (JSON.parse(new TextDecoder().decode(outcome.jsonLine)) as ExtractResult) : undefined);
}

/** Read a file, refusing binary content from its first bytes (one read of the file). */
export function readTextFile(path: string, encoding?: string, maxBytes?: number): Decoded {
  return readInputFile(path, { encoding, maxBytes, looksBinary });
}

/** Decode bytes given in memory (stdin), with the same refusals as files. */
export function decodeText(bytes: Uint8Array, encoding?: string): Decoded {
  if (!encoding && looksBinary(bytes)) throw new InputError('binary', 'looks like a binary file, not text');
  const decoded = decodeInput(bytes, { encoding });
  assertUsableText(decoded.text);
  return decoded;
}

/**
 * NUL bytes in text files only come from UTF-16, where they all fall on the same byte parity
 * (the high byte of ASCII characters); NULs on both parities in the first block mean binary.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i & 1 ? odd++ : even++);
  return even > 0 && odd > 0;
}

/** Text that cannot be an article: empty, control characters (binary decoded as text), or mostly U+FFFD (wrong encoding). */
export function assertUsableText(text: string): void {
  if (text.trim().length === 0) throw new InputError('empty', 'is empty (no text to analyse)');
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let control = 0;
  let replaced = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
    else if (c === 0xfffd) replaced++;
  }
  if (control > 0 && control * 100 > sample.length) throw new InputError('binary', 'looks like a binary file, not text (control characters)');
  if (replaced * 5 > sample.length) throw new InputError('bad-encoding', 'most bytes are not valid in the detected encoding; give the right one with --encoding');
}
