/**
 * Run cases in a child process with a time limit, so an input that makes the pipeline loop
 * forever fails the test (naming the case) instead of hanging the whole suite: a synchronous
 * infinite loop cannot be interrupted in-process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractResult } from '../../src/result.js';
import type { LexiconSource } from '../../src/lexicon/tsv.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'newsnlp.js');
const CHILD = fileURLToPath(new URL('./extract-cases-child.mjs', import.meta.url));

/** Build dist/ once if it is missing (CI runs `npm test`, which builds first). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli', 'main.js')) && existsSync(join(ROOT, 'dist', 'extract.js'))) return;
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT], { cwd: ROOT, stdio: 'ignore' });
}

export interface ExtractCase {
  text: string;
  lexicons?: LexiconSource[];
  /** false: leave out the built-in lexicons */
  builtin?: boolean;
}

export interface CaseOutcome {
  results: (ExtractResult | undefined)[];
  errors: { i: number; error: string }[];
  /** Index of the case still running when the time limit struck, or null. */
  hung: number | null;
}

export interface CasesOutcome {
  results: (ExtractResult | undefined)[];
  errors: { i: number; error: string }[];
  /** Indexes of the cases that were still running when a time limit struck. */
  hung: number[];
}

/**
 * Run every case in a child; a case running longer than `caseTimeoutMs` is a hang: the child is
 * killed and a new one resumes after that case, up to `maxHangs` hangs (so a bad build cannot
 * stall CI for long).
 */
export async function runCasesInChild(cases: ExtractCase[], caseTimeoutMs = 5_000, maxHangs = 3): Promise<CasesOutcome> {
  const all: CasesOutcome = { results: new Array(cases.length), errors: [], hung: [] };
  let from = 0;
  while (from < cases.length) {
    const part = await runChunk(cases.slice(from), caseTimeoutMs);
    part.results.forEach((r, k) => (all.results[from + k] = r));
    for (const e of part.errors) all.errors.push({ i: e.i < 0 ? e.i : from + e.i, error: e.error });
    if (part.hung === null) break;
    const hungAt = from + Math.max(0, part.hung);
    all.hung.push(hungAt);
    if (all.hung.length >= maxHangs) break;
    from = hungAt + 1;
  }
  return all;
}

function runChunk(cases: ExtractCase[], caseTimeoutMs: number): Promise<CaseOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'newsnlp-watchdog-'));
  const file = join(dir, 'cases.json');
  writeFileSync(file, JSON.stringify(cases));
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, caseTimeoutMs);
    };
    arm(); // also covers start-up
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (chunk.includes('"state":"start"')) arm();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status, signal) => {
      if (timer) clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolvePromise(parseOutcome({ stdout, stderr, status, signal: killed ? 'SIGKILL' : signal }, cases.length));
    });
  });
}

function parseOutcome(r: { stdout: string; stderr: string; status: number | null; signal: NodeJS.Signals | null }, n: number): CaseOutcome {
  const results: (ExtractResult | undefined)[] = new Array(n);
  const errors: { i: number; error: string }[] = [];
  let running: number | null = null;
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    let m: { i: number; state: string; result?: ExtractResult; error?: string };
    try {
      m = JSON.parse(line) as typeof m;
    } catch {
      continue; // the last line of a killed child may be cut short
    }
    if (m.state === 'start') running = m.i;
    else {
      running = null;
      if (m.state === 'done') results[m.i] = m.result;
      else errors.push({ i: m.i, error: m.error ?? '' });
    }
  }
  const killed = r.signal !== null;
  if (!killed && r.status !== 0) errors.push({ i: -1, error: `child exited ${r.status}: ${r.stderr.slice(0, 2000)}` });
  return { results, errors, hung: killed ? (running ?? -1) : null };
}
