#!/usr/bin/env node
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// Per-article objects (tokens, spans) live exactly as long as their article. V8's allocation-site
// pretenuring samples them while an article is in progress, sees them all alive, and starts
// allocating them straight into the old generation, where dead articles then pile up until a full
// collection: peak memory of a 10,000-article batch went from 125 to 235 MB. The young generation
// is the right place for them. (A process-wide V8 switch, so it belongs here, not in the library.)
setFlagsFromString('--no-allocation-site-pretenuring');

const { run } = await import(cliModule());

// A closed stdout (`newsnlp extract … | head`) means the reader has all it wants: stop quietly.
// Any other failure to write the results (a full disk) is one clear line and exit code 2.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`newsnlp: cannot write the output: ${err.code === 'ENOSPC' ? 'no space left on the device' : err.message}\n`);
  process.exit(2);
});

process.exitCode = await run(process.argv.slice(2));

/**
 * The CLI bundled in one file by `npm run build` (faster to start), unless a later `tsc` run has
 * rebuilt the modules since: then the bundle is stale and the modules are loaded instead.
 */
function cliModule() {
  const modules = new URL('../dist/cli/main.js', import.meta.url);
  const bundle = new URL('../dist/cli/main.bundle.js', import.meta.url);
  try {
    return statSync(bundle).mtimeMs >= statSync(modules).mtimeMs ? bundle.href : modules.href;
  } catch {
    return modules.href;
  }
}
