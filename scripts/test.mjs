#!/usr/bin/env node
// `npm test`: type-check and build, run vitest (args are passed on), then print one plain
// closing line `N passed, N failed[, N skipped]` that any CI log reader understands.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const build = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
if (build !== 0) {
  console.error('npm test: the TypeScript build failed (see above)');
  process.exit(build);
}
for (const [step, what] of [
  ['scripts/pack-lexicons.mjs', 'bundling the built-in lexicons'],
  ['scripts/bundle-cli.mjs', 'bundling the CLI'],
]) {
  const status = run(process.execPath, [join(root, step)]);
  if (status !== 0) {
    console.error(`npm test: ${what} failed (see above)`);
    process.exit(status);
  }
}
const report = join(root, '.tmp', 'vitest-report.json');
mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(report, { force: true });
const status = run(process.execPath, [
  join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\n0 passed, 1 failed');
}
process.exit(status);
