import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_BATCH } from '../../src/batch/run-batch.js';
import { DEFAULT_GLOB } from '../../src/io/walk.js';
import { cli, ensureBuilt, SEED } from './cli-helpers.js';

// End-to-end tests of `newsnlp extract` on single inputs: they spawn the built binary.
const tmp = mkdtempSync(join(tmpdir(), 'newsnlp-cli-extract-'));
beforeAll(ensureBuilt);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('newsnlp extract: single inputs', () => {
  it('one file → one JSON object with the schema and the path as source', () => {
    const r = cli(['extract', SEED, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe('newsnlp.extract/1');
    expect(out.source).toBe(SEED);
    expect(out.sentences.length).toBeGreaterThan(0);
  });

  it('standard input → source "-"', () => {
    // "Egypt and Jordan discussed cooperation."
    const r = cli(['extract', '--format', 'json'], { input: 'بحثت مصر والأردن التعاون.\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source).toBe('-');
  });

  it('several files → JSONL, one object per line, in the order given', () => {
    const a = join(tmp, 'a.txt');
    const b = join(tmp, 'b.txt');
    writeFileSync(a, 'قال الوزير إن الاجتماع كان مثمرا.\n'); // "The minister said the meeting was fruitful."
    writeFileSync(b, 'وصل الرئيس إلى القاهرة.\n'); // "The president arrived in Cairo."
    const r = cli(['extract', b, a]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.source)).toEqual([b, a]);
  });

  it('"-" among files reads standard input at its place in the output', () => {
    const a = join(tmp, 'first.txt');
    writeFileSync(a, 'قال الوزير إن الاجتماع كان مثمرا.\n'); // "The minister said the meeting was fruitful."
    const r = cli(['extract', a, '-', '--format', 'jsonl'], { input: 'وصل الرئيس إلى القاهرة.\n' }); // "The president arrived in Cairo."
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).source)).toEqual([a, '-']);
  });

  it('--out-dir with standard input is a usage error', () => {
    expect(cli(['extract', '--out-dir', join(tmp, 'o')], { input: 'نص' }).code).toBe(2);
  });

  it('an unknown file → one line on stderr, nothing on stdout, exit 2', () => {
    const r = cli(['extract', join(tmp, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
  });

  it.each([
    { note: 'a binary file', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1]), message: /binary/ },
    { note: 'an empty file', bytes: Buffer.alloc(0), message: /empty/ },
  ])('$note as the only input → one-line error, exit 2', ({ bytes, message }) => {
    const p = join(tmp, `bad-${bytes.length}.txt`);
    writeFileSync(p, bytes);
    const r = cli(['extract', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help states the real defaults (kept as literals so batch modules load lazily)', () => {
    const help = cli(['extract', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`default ${DEFAULT_GLOB}`);
    expect(help).toContain(`batches under ${SMALL_BATCH} files`);
  });

  it.each([
    { args: ['--resume'], message: /--resume needs --out-dir/ },
    { args: ['--stdin-jsonl', 'x.txt'], message: /--stdin-jsonl reads standard input only/ },
    { args: ['--jobs', '0'], message: /--jobs takes a whole number/ },
    { args: ['x.txt', '--lexicon', '/no/such/lexicon.tsv'], message: /--lexicon \/no\/such\/lexicon\.tsv: no such file/ },
  ])('usage error $args → exit 2', ({ args, message }) => {
    const r = cli(['extract', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
