#!/usr/bin/env node
/**
 * Throughput of the quote stage alone (findQuotes), over every fixture text: the earlier stages
 * run once per text, then findQuotes runs `rounds` times over all of them. Prints MB/s of UTF-8
 * input. Usage: npx tsc -p . && node scripts/quote-fixtures/bench-quotes.mjs [rounds]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, loadLexicons } from '../../dist/index.js';
import { findQuotes } from '../../dist/stages/quotes.js';

const rounds = Number(process.argv[2] ?? 40);
const root = new URL('../../fixtures/', import.meta.url).pathname;
const lex = loadLexicons();
const inputs = readdirSync(root)
  .map((d) => join(root, d, 'input.txt'))
  .filter(existsSync)
  .map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))
  .map((text) => ({ bytes: Buffer.byteLength(text), a: analyze(text, lex) }));
const bytes = inputs.reduce((s, x) => s + x.bytes, 0);
const run = () => { for (const { a } of inputs) findQuotes(a.doc, a.tokens, a.sentences, a.entities, lex, []); };
for (let k = 0; k < 5; k++) run(); // warm up
// CPU time of this process as well as wall time: the machine is shared, wall time is noisy
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (let k = 0; k < rounds; k++) run();
const s = Number(process.hrtime.bigint() - t0) / 1e9;
const c = process.cpuUsage(c0);
const cpu = (c.user + c.system) / 1e6;
const mb = (bytes * rounds) / 1e6;
console.log(`findQuotes: ${inputs.length} texts, ${(bytes / 1024).toFixed(1)} KB x ${rounds}: wall ${s.toFixed(2)} s = ${(mb / s).toFixed(2)} MB/s, cpu ${cpu.toFixed(2)} s = ${(mb / cpu).toFixed(2)} MB/s`);
