import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import type { CheckFlags } from '../../check/run-check.js';
import { CliError, type CliIO } from '../io.js';

/** `newsnlp check`: the options here; the work in src/check/run-check.ts, loaded when the command runs. */
export function checkCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('check')
    .description('run every fixture case (input + gold.json) and score the extraction against the gold')
    .argument('[fixtures-dir]', 'folder of case folders, each with input.txt and gold.json', 'fixtures')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option('--min-f1 <number>', 'fail (exit 1) when a per-type entity F1 or the end-to-end quote F1 is under this (0–1)', parseUnit)
    .option('--update', 'rewrite the machine snapshots (<case>/snapshot.json); gold.json is never written; refused when CI=true')
    .option('-v, --verbose', 'also list notes that do not fail a case: extra findings in subset mode (they lower precision), quote kind mismatches')
    .option('-l, --lexicon <path>', 'extra lexicon file or folder (repeatable)', (v: string, acc: string[]) => acc.concat(v), [] as string[])
    .addHelpText('after', '\nExit codes: 0 all cases pass · 1 a case fails or a metric is under --min-f1 · 2 an invalid fixture (gold text ≠ input) or a usage error')
    .action(async (dir: string, flags: CheckFlags) => {
      const { runCheck } = await import('../../check/run-check.js');
      setExit(runCheck(io, resolve(io.cwd, dir), flags));
    });
}

function parseUnit(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new CliError(`--min-f1 takes a number between 0 and 1, not "${value}"`);
  return n;
}

