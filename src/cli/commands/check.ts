import { Command, Option } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compare } from '../../check/compare.js';
import { discoverCases, loadCase, SNAPSHOT_NAME, type LoadedCase } from '../../check/fixture-files.js';
import { InvalidFixtureError, validateGold } from '../../check/gold.js';
import { toJUnit } from '../../check/junit.js';
import { formatJson, formatText, summarize, type CheckCase } from '../../check/report.js';
import { extract } from '../../extract.js';
import { loadLexicons } from '../../io/lexicon-files.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import type { Lexicons } from '../../lexicon/lexicons.js';
import { CliError, EXIT, type CliIO } from '../io.js';

interface CheckFlags {
  format: 'text' | 'json';
  junit?: string;
  minF1?: number;
  update?: boolean;
  verbose?: boolean;
  lexicon: string[];
}

export function checkCommand(io: CliIO, setExit: (code: number) => void): Command {
  return new Command('check')
    .description('run every fixture case (input + gold.json) and score the extraction against the gold')
    .argument('[fixtures-dir]', 'folder of case folders, each with input.txt and gold.json', 'fixtures')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--junit <file>', 'also write a JUnit XML report to this file')
    .option('--min-f1 <number>', 'fail (exit 1) when a per-type entity F1 or the end-to-end quote F1 is under this (0–1)', parseUnit)
    .option('--update', `rewrite the machine snapshots (<case>/${SNAPSHOT_NAME}); gold.json is never written; refused when CI=true`)
    .option('-v, --verbose', 'also list notes that do not fail a case: extra findings in subset mode (they lower precision), quote kind mismatches')
    .option('-l, --lexicon <path>', 'extra lexicon file or folder (repeatable)', (v: string, acc: string[]) => acc.concat(v), [] as string[])
    .addHelpText('after', '\nExit codes: 0 all cases pass · 1 a case fails or a metric is under --min-f1 · 2 an invalid fixture (gold text ≠ input) or a usage error')
    .action((dir: string, flags: CheckFlags) => {
      setExit(runCheck(io, resolve(io.cwd, dir), flags));
    });
}

function parseUnit(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new CliError(`--min-f1 takes a number between 0 and 1, not "${value}"`);
  return n;
}

function runCheck(io: CliIO, dir: string, flags: CheckFlags): number {
  if (flags.update && /^(1|true|yes)$/i.test(io.env.CI ?? '')) throw new CliError('--update is refused under CI=true: snapshots are refreshed on a developer machine and committed');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: no such folder of fixtures`);
  for (const path of flags.lexicon) if (!existsSync(resolve(io.cwd, path))) throw new CliError(`--lexicon ${path}: no such file or folder`);
  const names = discoverCases(dir);
  if (names.length === 0) throw new CliError(`${dir}: no fixture cases (folders with a gold.json)`);
  const lex = loadLexicons({ extra: flags.lexicon });
  const cases = names.map((name) => runCase(lex, loadCase(dir, name), flags.update ?? false));
  const summary = summarize(cases, { minF1: flags.minF1 });
  io.stdout.write(flags.format === 'json' ? formatJson(summary) : formatText(summary, { verbose: flags.verbose }));
  if (flags.junit) writeFileAtomic(resolve(io.cwd, flags.junit), toJUnit(summary));
  return summary.exitCode;
}

function runCase(lex: Lexicons, loaded: LoadedCase | { name: string; problems: string[] }, update: boolean): CheckCase {
  if ('problems' in loaded) return { name: loaded.name, status: 'invalid', problems: loaded.problems };
  const problems = validateGold(loaded.gold, loaded.text);
  if (problems.length) return { name: loaded.name, status: 'invalid', problems };
  const result = extract(loaded.text, lex, { source: loaded.inputName, includeText: loaded.html });
  let report;
  try {
    report = compare(loaded.gold, result);
  } catch (err) {
    if (err instanceof InvalidFixtureError) return { name: loaded.name, status: 'invalid', problems: err.problems };
    throw err;
  }
  return { name: loaded.name, status: report.passed ? 'pass' : 'fail', report, snapshot: snapshotState(loaded, result, update) };
}

/** Machine snapshots record the last output so a change shows up in review; they never decide pass/fail. */
function snapshotState(loaded: LoadedCase, result: unknown, update: boolean): CheckCase['snapshot'] {
  const path = join(loaded.dir, SNAPSHOT_NAME);
  const content = JSON.stringify(result, null, 1) + '\n';
  if (update) {
    writeFileAtomic(path, content);
    return 'updated';
  }
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8') === content ? 'same' : 'changed';
}
