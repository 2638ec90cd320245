#!/usr/bin/env node
import { run } from '../dist/cli/main.js';

// A closed stdout (`newsnlp extract … | head`) means the reader has all it wants: stop quietly
// instead of dying on an unhandled EPIPE.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2));
