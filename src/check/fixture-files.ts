import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../io/decode.js';
import { readInputFile } from '../io/read-input.js';
import type { Gold } from './gold.js';

/**
 * The file side of fixtures (this module and the check command are the only parts of src/check
 * that touch the file system): discovering case folders and reading input + gold.
 */

/** Input file names a case folder may use, in order of preference. */
export const INPUT_NAMES = ['input.txt', 'input.html', 'input.htm'];
export const SNAPSHOT_NAME = 'snapshot.json';

/** Case folders under `dir`: sub-folders holding a gold.json, sorted by name. */
export function discoverCases(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && existsSync(join(dir, d.name, 'gold.json')))
    .map((d) => d.name)
    .sort();
}

export interface LoadedCase {
  name: string;
  dir: string;
  inputName: string;
  text: string;
  html: boolean;
  gold: Gold;
}

/** Read one case; a missing input or unreadable gold is an invalid fixture (`problems`). */
export function loadCase(dir: string, name: string): LoadedCase | { name: string; problems: string[] } {
  const caseDir = join(dir, name);
  const inputName = INPUT_NAMES.find((n) => existsSync(join(caseDir, n)) && statSync(join(caseDir, n)).isFile());
  if (!inputName) return { name, problems: [`no input file (${INPUT_NAMES.join(', ')})`] };
  let gold: Gold;
  try {
    gold = JSON.parse(readFileSync(join(caseDir, 'gold.json'), 'utf8')) as Gold;
  } catch (err) {
    return { name, problems: [`gold.json: ${(err as Error).message}`] };
  }
  try {
    const decoded = readInputFile(join(caseDir, inputName));
    return { name, dir: caseDir, inputName, text: decoded.text, html: decoded.format === 'html', gold };
  } catch (err) {
    if (err instanceof InputError) return { name, problems: [`${inputName}: ${err.message}`] };
    throw err;
  }
}
