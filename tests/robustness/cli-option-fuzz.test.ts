/**
 * Random option values for every command (options read from each command's --help, so new
 * options are covered): whatever the values, the CLI ends with 0, 1 or 2 and a message, never
 * a stack trace or an "internal error". A fixed seed picks a few dozen combinations.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED, fuzzRuns } from '../invariants/arbitraries.js';
import { ensureBuilt, runCli, stderrProblems, tempDir } from './cli-harness.js';

const COMMANDS = ['extract', 'normalize', 'tag', 'eval', 'check', 'lexicon'];

/** Long options of a command, from its --help (`--name <value>` takes a value). */
function optionsOf(command: string): { name: string; takesValue: boolean }[] {
  const help = runCli([command, '--help']).stdout;
  const out: { name: string; takesValue: boolean }[] = [];
  for (const m of help.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)( [<[][^>\]]+[>\]])?/gm)) {
    if (m[1] === '--help' || m[1] === '--version') continue;
    out.push({ name: m[1], takesValue: Boolean(m[2]) });
  }
  return out;
}

describe('random option values', () => {
  let dir = '';
  let values: string[] = [];
  const options = new Map<string, { name: string; takesValue: boolean }[]>();
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    // "The minister said that China is important."
    writeFileSync(join(dir, 'folder', 'a.txt'), 'قال الوزير إن الصين مهمة.\n');
    writeFileSync(join(dir, 'file.txt'), 'قال الوزير إن الصين مهمة.\n');
    values = ['', '0', '-1', '1', '2', 'abc', '[z-a]', '{a,b', '**', '1e999', 'NaN', '99999999999999999999', join(dir, 'nope'), join(dir, 'folder'), join(dir, 'file.txt'), 'قال', 'json', 'html', 'entities,quotes', ',,,'];
    for (const c of COMMANDS) options.set(c, optionsOf(c));
  });

  it('never crash', () => {
    const runs = Math.min(fuzzRuns(30), 300);
    const plans = fc.sample(
      fc.record({
        command: fc.constantFrom(...COMMANDS),
        picks: fc.array(fc.record({ option: fc.nat(), value: fc.nat() }), { minLength: 1, maxLength: 3 }),
        input: fc.constantFrom('file', 'folder', 'none', 'nope'),
      }),
      { seed: FUZZ_SEED + 11, numRuns: runs },
    );
    const problems: string[] = [];
    for (const plan of plans) {
      const opts = options.get(plan.command) ?? [];
      const args: string[] = [plan.command];
      for (const p of plan.picks) {
        if (opts.length === 0) break;
        const o = opts[p.option % opts.length];
        args.push(o.name);
        if (o.takesValue) args.push(values[p.value % values.length]);
      }
      if (plan.input === 'file') args.push(join(dir, 'file.txt'));
      if (plan.input === 'folder') args.push(join(dir, 'folder'));
      if (plan.input === 'nope') args.push(join(dir, 'nope'));
      // run inside the temp dir: relative option values ('{a,b', 'abc') may name output files or folders
      const r = runCli(args, { cwd: dir, input: plan.input === 'none' ? 'قال الوزير.\n' : '', timeoutMs: 30_000 });
      const shown = args.map((a) => JSON.stringify(a)).join(' ');
      if (![0, 1, 2].includes(r.code ?? -1)) problems.push(`${shown}: exit ${r.code} signal ${r.signal}`);
      for (const s of stderrProblems(r.stderr).slice(0, 1)) problems.push(`${shown}: ${s}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
