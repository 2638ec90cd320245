/**
 * Spawning the built CLI for robustness tests: run it (optionally as an unprivileged user, so
 * permission errors are real even when the tests run as root), and check that what it printed
 * is the kind of output a user can act on (no stack traces, no "internal error").
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './watchdog.js';

export { ensureBuilt, ROOT, BIN } from './watchdog.js';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  cwd?: string;
  /** Run as uid/gid 65534 (nobody) through setpriv; only meaningful when we are root. */
  asNobody?: boolean;
  timeoutMs?: number;
  env?: Record<string, string>;
}

export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** Root can drop to user 65534 with setpriv (util-linux); without it, permission cases cannot be tested as root. */
export const CAN_DROP_PRIVILEGES = IS_ROOT && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

/** Permission cases are meaningful when not root, or when root can run the CLI as another user. */
export const PERMISSIONS_TESTABLE = !IS_ROOT || CAN_DROP_PRIVILEGES;

export function runCli(args: string[], o: RunOptions = {}): CliRun {
  const cmd = o.asNobody ? 'setpriv' : process.execPath;
  const argv = o.asNobody ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args] : [BIN, ...args];
  const r = spawnSync(cmd, argv, {
    cwd: o.cwd ?? ROOT,
    input: o.input,
    encoding: 'utf8',
    timeout: o.timeoutMs ?? 30_000,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...o.env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Problems with what the CLI wrote to stderr: stack traces, internal errors, unprefixed lines. */
export function stderrProblems(stderr: string): string[] {
  const problems: string[] = [];
  for (const line of stderr.split('\n')) {
    if (!line) continue;
    if (/^\s+at .+[(:]\d+/.test(line) || /^\s+at (file|node):/.test(line)) problems.push(`stack trace line: ${line}`);
    if (/internal error/i.test(line)) problems.push(`internal error: ${line}`);
  }
  return problems;
}

/** A world-readable temp folder (so the unprivileged user can reach files inside it). */
export function tempDir(prefix = 'newsnlp-rob-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(d, 0o755);
  return d;
}

/** Lines of JSONL output, parsed. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
