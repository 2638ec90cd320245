/**
 * The CLI on random files (a few dozen spawned cases; the in-process decode property covers
 * many more): exit codes 0/1/2 only, stderr lines are messages (no stack trace, no internal
 * error), JSONL has one record per input, and every analysed record keeps the span invariants
 * against the text it embeds (--include-text).
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../src/result.js';
import { articleText, fileBytes, FUZZ_SEED, fuzzRuns } from '../invariants/arbitraries.js';
import { checkResult } from '../invariants/invariant-checks.js';
import { ensureBuilt, jsonLines, ROOT, runCli, stderrProblems, tempDir } from './cli-harness.js';

const FILES = Math.min(fuzzRuns(30), 400);

function randomFiles(dir: string): string[] {
  const binary = fc.sample(fileBytes(2000), { seed: FUZZ_SEED, numRuns: FILES });
  // half of them valid UTF-8 text from the random article generator, so analysis really runs
  const texts = fc.sample(articleText(200), { seed: FUZZ_SEED + 1, numRuns: FILES });
  const paths: string[] = [];
  binary.forEach((b, i) => {
    const p = join(dir, `bin-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(p, b);
    paths.push(p);
  });
  texts.forEach((t, i) => {
    const p = join(dir, `txt-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(p, t);
    paths.push(p);
  });
  return paths;
}

function stderrLinesAreMessages(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('newsnlp'))
    .map((l) => `stderr line without the "newsnlp" prefix: ${l.slice(0, 200)}`);
}

describe('CLI on random files', () => {
  let dir = '';
  let paths: string[] = [];
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
    paths = randomFiles(dir);
  });

  it('one batch over all files: exit 0/1, one record per file, invariants hold, clean stderr', () => {
    const r = runCli(['extract', ...paths, '--format', 'jsonl', '--include-text'], { timeoutMs: 120_000 });
    expect([0, 1], r.stderr.slice(-1500)).toContain(r.code);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(stderrLinesAreMessages(r.stderr)).toEqual([]);
    const recs = jsonLines(r.stdout);
    expect(recs).toHaveLength(paths.length);
    const problems: string[] = [];
    for (const rec of recs) {
      if (rec.error) continue;
      const res = rec as unknown as ExtractResult;
      if (typeof res.text !== 'string') {
        problems.push(`${res.source}: no text although --include-text`);
        continue;
      }
      for (const p of checkResult(res.text, res)) problems.push(`${res.source}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('each file alone: exit 0 or 2, JSON on success, one-line message on failure', () => {
    const sample = paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / 12)) === 0);
    for (const p of sample) {
      const r = runCli(['extract', p, '--format', 'json']);
      expect([0, 2], p).toContain(r.code);
      expect(stderrProblems(r.stderr), p).toEqual([]);
      expect(stderrLinesAreMessages(r.stderr), p).toEqual([]);
      if (r.code === 0) expect(() => JSON.parse(r.stdout), p).not.toThrow();
      else expect(r.stderr.trim().split('\n').length, p).toBeLessThanOrEqual(2);
    }
  });

  it('the same bytes on standard input behave like the file', () => {
    for (const p of paths.slice(0, 4)) {
      const viaFile = runCli(['extract', p, '--format', 'json']);
      const viaStdin = spawnSync('sh', ['-c', `"${process.execPath}" bin/newsnlp.js extract - --format json < "${p}"`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(viaStdin.status, p).toBe(viaFile.code);
      if (viaFile.code === 0) {
        const a = JSON.parse(viaFile.stdout) as ExtractResult;
        const b = JSON.parse(viaStdin.stdout) as ExtractResult;
        expect({ ...b, source: a.source }, p).toEqual(a);
      }
    }
  });

  it('output into a closed pipe (| head -c 1) ends quietly, without a stack trace', () => {
    const big = paths.find((p) => p.includes('txt-')) ?? paths[0];
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/newsnlp.js extract "${big}" "${big}" "${big}" --format jsonl --include-text | head -c 1 > /dev/null`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(stderrProblems(r.stderr)).toEqual([]);
  });
});
