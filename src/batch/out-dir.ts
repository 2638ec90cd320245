import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_ID } from '../result.js';
import { TEMP_SUFFIX } from '../io/write-atomic.js';

/**
 * The --out-dir side of a batch: one `<input name>.json` per input (the input's full name is
 * kept, so `a.txt` and `a.html` never collide), mirroring the input tree.
 */
export function outputPathFor(outDir: string, relativeInput: string): string {
  return join(outDir, ...relativeInput.split('/')) + '.json';
}

/** An output is complete when it parses and carries the schema field (writes are atomic, so this is the norm). */
export function isCompleteOutput(path: string): boolean {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { schema?: unknown };
    return value !== null && typeof value === 'object' && value.schema === SCHEMA_ID;
  } catch {
    return false;
  }
}

const OUR_TEMP = new RegExp(`^\\..+\\.[0-9a-f]{8}${TEMP_SUFFIX.replace('.', '\\.')}$`);

/** Remove temporary files an interrupted run left behind (only names our atomic writer makes). */
export function removeStaleTemps(outDir: string): number {
  let removed = 0;
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) visit(join(dir, e.name));
      else if (e.isFile() && OUR_TEMP.test(e.name)) {
        rmSync(join(dir, e.name), { force: true });
        removed++;
      }
    }
  };
  visit(outDir);
  return removed;
}
