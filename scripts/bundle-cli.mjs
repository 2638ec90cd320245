#!/usr/bin/env node
// Build step (after tsc): the CLI's own modules in one file, dist/cli/main.bundle.js, which
// bin/newsnlp.js loads while it is newer than dist/cli/main.js. Resolving and loading some fifty
// small ES modules is a tenth of a single-article run; one file cuts that to a third. Packages
// stay outside (imported from node_modules as usual), and dist/ keeps the module tree for the
// library API and the batch worker threads. The bundle sits in dist/cli/, at the same depth as
// every other module, so paths relative to import.meta.url (lexicons, package.json) still hold.
// commander, which every run loads, is bundled too: resolving and loading its seven files cost
// about 6 ms of a one-article run. Its require() of Node built-ins goes through the banner's require.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
/** Packages put in the bundle (the others stay imports from node_modules, loaded only when used). */
const INLINED = new Set(['commander']);
await build({
  entryPoints: [new URL('dist/cli/main.js', root).pathname],
  outfile: new URL('dist/cli/main.bundle.js', root).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}).filter((name) => !INLINED.has(name)),
  banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
  logLevel: 'warning',
});
