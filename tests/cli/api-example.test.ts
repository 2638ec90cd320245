import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/api.md's example, run as written against the built package (`import … from 'newsnlp'`
 * resolves to dist/index.js through package.json "exports"; `npx tsc -p .` first).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
const example = /## Example[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

describe('docs/api.md', () => {
  it('has an example importing the package by name', () => {
    expect(example).toContain("from 'newsnlp'");
  });

  it('the example runs and its checks print true', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', example], { cwd: ROOT, encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('true'); // schema id
    expect(lines[lines.length - 1]).toBe('true'); // the code-point slice equals the mention text
    expect(out).toMatch(/^PERSON /m); // سيرجي لافروف (Sergei Lavrov) is a known person
  });

  it('importing the package has no side effects (nothing printed)', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', "import 'newsnlp';"], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toBe('');
  });
});
