#!/usr/bin/env node
import { run } from '../dist/cli/main.js';

// A closed stdout (`newsnlp extract … | head`) means the reader has all it wants: stop quietly.
// Any other failure to write the results (a full disk) is one clear line and exit code 2.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`newsnlp: cannot write the output: ${err.code === 'ENOSPC' ? 'no space left on the device' : err.message}\n`);
  process.exit(2);
});

process.exitCode = await run(process.argv.slice(2));
