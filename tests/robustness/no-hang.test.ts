/**
 * Inputs that once made newsnlp run for minutes or for ever (quadratic regular expressions,
 * loops that did not advance). Not a benchmark: each run only has to finish before a generous
 * watchdog (60 s) kills it; the fixed code takes well under a second. Timings live in
 * scripts/adversarial.mjs and docs/robustness.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, stderrProblems, tempDir } from './cli-harness.js';

const WATCHDOG_MS = 60_000;

// each input with the English note of what used to loop
const INPUTS: [string, string, string][] = [
  ['a 300 KB line of Latin letters ending in a dot (URL/e-mail regex rescanned the run from every position: minutes before the fix)', 'line.txt', 'نص ' + 'a'.repeat(300_000) + '.\n'],
  ['a 200 KB hyphenated Latin run (domain-name regex)', 'hyphens.txt', 'نص ' + 'ab-'.repeat(70_000) + '.\n'],
  ['100,000 reporting verbs in one sentence (the subject search walked back over the whole sentence for every cue: minutes before the fix)', 'cues.txt', Array.from({ length: 100_000 }, (_, i) => ['قال', 'وأضاف', 'أكد', 'وأوضح'][i % 4]).join(' ') + '.\n'],
  ['a boilerplate phrase ("cookie files") 50,000 times on one line (each hit rescanned and re-normalized the line)', 'boilerplate.txt', 'نص الخبر.\n' + 'ملفات تعريف الارتباط '.repeat(50_000) + '\n'],
  ['an HTML title holding 300,000 spaces (title split rescanned the blank run)', 'title.html', `<html><head><title>عنوان${' '.repeat(300_000)}الخبر | الموقع</title></head><body><p>${'قال الوزير إن الصين مهمة. '.repeat(5)}</p></body></html>`],
];

describe('inputs that used to run away finish', () => {
  let dir = '';
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
  });
  it.each(INPUTS)('%s', (_note, name, content) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    const r = runCli(['extract', p, '--format', 'json'], { timeoutMs: WATCHDOG_MS });
    expect(r.signal, 'killed by the watchdog: the run did not finish').toBeNull();
    expect(r.code).toBe(0);
    expect(stderrProblems(r.stderr)).toEqual([]);
  }, WATCHDOG_MS + 10_000);
});
