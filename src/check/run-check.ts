import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, type CliIO } from '../cli/io.js';
import { extract } from '../extract.js';
import { loadLexicons } from '../io/lexicon-files.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import type { Lexicons } from '../lexicon/lexicons.js';
import { compare } from './compare.js';
import { discoverCases, loadCase, SNAPSHOT_NAME, type LoadedCase } from './fixture-files.js';
import { InvalidFixtureError, validateGold } from './gold.js';
import { toJUnit } from './junit.js';
import { formatJson, formatText, summarize, type CheckCase } from './report.js';

/**
 * The body of `newsnlp check` (loaded only when the command runs, so other commands do not pay
 * for it at start-up): run every case, summarize, print, write JUnit and snapshots.
 */
export interface CheckFlags {
  format: 'text' | 'json';
  junit?: string;
  minF1?: number;
  update?: boolean;
  verbose?: boolean;
  lexicon: string[];
}

export function runCheck(io: CliIO, dir: string, flags: CheckFlags): number {
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
