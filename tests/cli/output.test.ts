import { Ajv } from 'ajv';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { colorLevel } from '../../src/cli/output.js';
import { TSV_COLUMNS } from '../../src/render/tsv.js';

/**
 * Output options end to end: spawn the built CLI (`npx tsc -p .` first; `npm test` does) for
 * every format, and run it in process (same code, fake streams) for the many flag and
 * environment combinations, and where the decision depends on stdout being a terminal.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'newsnlp.js');
const SEED = 'fixtures/seed-xinhua-wang-lavrov/input.txt';
const ESC = '\u001b[';
const PRESENTATION = /[\ufe70-\ufeff]/;
/** A second article, so batches hold two different files (the batch walker drops repeats). */
const SECOND = join(mkdtempSync(join(tmpdir(), 'newsnlp-output-')), 'second.txt');
writeFileSync(SECOND, 'قالت المتحدثة إن الاجتماع في القاهرة كان مثمرا.\n'); // "the spokeswoman said the meeting in Cairo was fruitful"
const validate = new Ajv().compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'extract.schema.json'), 'utf8')));

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'NEWSNLP_SHAPE', 'COLUMNS', 'TERM_PROGRAM', 'VTE_VERSION', 'KONSOLE_VERSION']) delete env[k];
  return { ...env, ...extra };
}

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env), encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage error is one line naming the problem, exit code 2. */
function expectOneLineUsageError(r: { code: number | null; stdout: string; stderr: string }, mention: string): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(mention);
}

describe('machine formats', () => {
  it('json: one valid record', () => {
    const r = cli(['extract', SEED, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(validate(JSON.parse(r.stdout))).toBe(true);
  });

  it('jsonl with a missing input: one line per input, an error record for the missing one, exit 1', () => {
    const r = cli(['extract', SEED, 'no/such/file.txt', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    for (const rec of records) expect(validate(rec), JSON.stringify(validate.errors)).toBe(true);
    expect(records.find((x) => 'error' in x)).toMatchObject({ source: 'no/such/file.txt' });
  });

  it('json with several inputs is one JSON array', () => {
    const r = cli(['extract', SEED, SECOND, '--format', 'json']);
    const parsed = JSON.parse(r.stdout);
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(2);
  });

  it('--fields keeps the listed parts plus schema/source/offsets; --include-text embeds the text', () => {
    const r = JSON.parse(cli(['extract', SEED, '--format', 'json', '--fields', 'entities,quotes', '--include-text']).stdout);
    expect(Object.keys(r).sort()).toEqual(['entities', 'fields', 'offsets', 'quotes', 'schema', 'source']);
    expect(validate(r)).toBe(true);
    const original = readFileSync(join(ROOT, SEED), 'utf8').replace(/^\ufeff/, '');
    const t = JSON.parse(cli(['extract', SEED, '--format', 'json', '--include-text']).stdout);
    expect(t.text).toBe(original);
    const f = JSON.parse(cli(['extract', SEED, '--format', 'json', '--fields', 'text']).stdout);
    expect(Object.keys(f).sort()).toEqual(['fields', 'offsets', 'schema', 'source', 'text']);
    expect(f.text).toBe(original);
  });

  it('tsv: header then rows of exactly the header width', () => {
    for (const table of ['entities', 'quotes', 'sentences'] as const) {
      const r = cli(['extract', SEED, '--format', 'tsv', '--table', table]);
      expect(r.code).toBe(0);
      // only the final line break goes: a row may end in empty cells (no co-speakers)
      const rows = r.stdout.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
      expect(rows[0]).toEqual(TSV_COLUMNS[table]);
      for (const row of rows) expect(row).toHaveLength(TSV_COLUMNS[table].length);
    }
  });

  it('conll: header, then token TAB tag lines and blank lines between sentences', () => {
    const r = cli(['extract', SEED, '--format', 'conll']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('# global.columns = TOKEN NER');
    const tokens = lines.filter((l) => l && !l.startsWith('#'));
    expect(tokens.length).toBeGreaterThan(100);
    for (const l of tokens) expect(l).toMatch(/^[^\t]+\t(O|[BI]-(PERS|LOC|ORG|MISC))$/);
    const json = JSON.parse(cli(['extract', SEED, '--format', 'json']).stdout);
    expect(r.stdout.split('\n\n').filter((b) => b.split('\n').some((l) => l && !l.startsWith('#')))).toHaveLength(json.sentences.length);
  });

  it('json is never shaped or colored, whatever the flags', () => {
    const plain = cli(['extract', SEED, '--format', 'json']).stdout;
    expect(cli(['extract', SEED, '--format', 'json', '--shape', 'always'], { FORCE_COLOR: '1' }).stdout).toBe(plain);
  });
});

describe('html', () => {
  it('one self-contained document, a section per article', () => {
    const r = cli(['extract', SEED, SECOND, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
    expect(r.stdout.match(/<section class="report"/g)).toHaveLength(2);
  });
});

describe('pretty, colors and shaping off a terminal (stdout is a pipe)', () => {
  it('no colors and no shaping by default off a terminal', () => {
    const r = cli(['extract', SEED, '--format', 'pretty']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).not.toMatch(PRESENTATION);
    expect(r.stdout).toMatch(/\d+ sentences · \d+ entities/);
  });

  it.each([
    ['FORCE_COLOR=1 forces colors', [], { FORCE_COLOR: '1' }, true],
    ['--color forces colors', ['--color'], {}, true],
    ['--no-color beats FORCE_COLOR', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['NO_COLOR keeps it plain', [], { NO_COLOR: '1' }, false],
  ])('%s', async (_note, flags, env, colored) => {
    const out = (await inProcess(['extract', SEED, '--format', 'pretty', ...flags], env)).stdout;
    expect(out.includes(ESC)).toBe(colored);
  });

  it.each([
    ['--shape always shapes', ['--shape', 'always'], {}, true],
    ['--shape never does not', ['--shape', 'never'], { NEWSNLP_SHAPE: 'always' }, false],
    ['NEWSNLP_SHAPE=always decides auto', [], { NEWSNLP_SHAPE: 'always' }, true],
  ])('%s', async (_note, flags, env, shaped) => {
    const out = (await inProcess(['extract', SEED, '--format', 'pretty', '--highlight', ...flags], env)).stdout;
    expect(PRESENTATION.test(out)).toBe(shaped);
  });

  it('--highlight prints the article after the summary, wrapped to --width', async () => {
    const out = (await inProcess(['extract', SEED, '--highlight', '--width', '60'], {})).stdout;
    expect(out).toContain('Legend:');
    for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });
});

/** Run the CLI in process with fake streams: isTTY and columns as a real terminal reports them. */
async function inProcess(args: string[], env: Record<string, string>, tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty, columns: tty ? 70 : undefined });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const code = await run(args, { stdout, stderr, stdin, env, cwd: ROOT });
  return { code, stdout: out, stderr: err };
}

describe('on a terminal (in process)', () => {
  it('pretty is the default and colored; NO_COLOR turns colors off', async () => {
    const colored = await inProcess(['extract', SEED], { TERM: 'xterm-256color', KONSOLE_VERSION: '1' }, true);
    expect(colored.code).toBe(0);
    expect(colored.stdout).toContain(ESC);
    expect(colored.stdout).not.toMatch(PRESENTATION); // Konsole shapes by itself
    const plain = await inProcess(['extract', SEED], { TERM: 'xterm-256color', NO_COLOR: '1' }, true);
    expect(plain.stdout).not.toContain(ESC);
  });

  it('auto shaping on a terminal known not to shape (the Linux console)', async () => {
    expect((await inProcess(['extract', SEED], { TERM: 'linux' }, true)).stdout).toMatch(PRESENTATION);
  });

  it.each([
    ['--no-color wins over everything', false, { FORCE_COLOR: '3' }, false, 0],
    ['--color forces level 1 off a terminal', true, {}, false, 1],
    ['FORCE_COLOR=3 gives level 3', undefined, { FORCE_COLOR: '3' }, false, 3],
    ['FORCE_COLOR=0 turns colors off on a terminal', undefined, { FORCE_COLOR: '0' }, true, 0],
    ['NO_COLOR turns colors off on a terminal', undefined, { NO_COLOR: '1' }, true, 0],
    ['an empty NO_COLOR is not set (no-color.org)', undefined, { NO_COLOR: '' }, true, 1],
    ['TERM=dumb has no colors', undefined, { TERM: 'dumb' }, true, 0],
    ['a pipe has no colors', undefined, {}, false, 0],
  ] as const)('colorLevel: %s', (_note, flag, env, tty, level) => {
    expect(colorLevel(flag, env, tty)).toBe(level);
  });
});

/** util-linux `script` gives the real binary a pseudo-terminal, so process.stdout.isTTY is true. */
const haveScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!haveScript)('on a real pseudo-terminal (util-linux script)', () => {
  const inTerminal = (env: Record<string, string>) =>
    spawnSync('script', ['-qec', `"${process.execPath}" bin/newsnlp.js extract ${SEED}`, '/dev/null'], { cwd: ROOT, env: cleanEnv(env), encoding: 'utf8', timeout: 30_000 }).stdout;

  it.each([
    ['the Linux console: pretty, colored, shaped', { TERM: 'linux' }, true, true],
    ['Konsole: pretty, colored, not shaped', { TERM: 'xterm-256color', KONSOLE_VERSION: '230800' }, true, false],
    ['NO_COLOR on the Linux console: shaped but plain', { TERM: 'linux', NO_COLOR: '1' }, false, true],
  ])('%s', (_note, env, colored, shaped) => {
    const out = inTerminal(env);
    expect(out).toMatch(/\d+ sentences · \d+ entities/);
    expect(out.includes(ESC)).toBe(colored);
    expect(PRESENTATION.test(out)).toBe(shaped);
  });
});

describe('usage errors are one line, exit 2', () => {
  it.each([
    ['--fields with an unknown part', ['--format', 'json', '--fields', 'entities,bogus'], '"bogus"'],
    ['--fields outside json', ['--format', 'tsv', '--fields', 'entities'], '--fields'],
    ['--table outside tsv', ['--format', 'json', '--table', 'quotes'], '--table'],
    ['--highlight outside pretty', ['--format', 'json', '--highlight'], '--highlight'],
    ['--width that is not a number', ['--width', 'wide'], '--width'],
  ])('%s', async (_note, args, mention) => {
    expectOneLineUsageError(await inProcess(['extract', SEED, ...args], {}), mention);
  });

  it('the same, through the real binary', () => {
    expectOneLineUsageError(cli(['extract', SEED, '--format', 'conll', '--fields', 'entities']), '--fields');
  });

  it('an unknown format names the choices', async () => {
    const r = await inProcess(['extract', SEED, '--format', 'xml'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('json, jsonl, pretty, tsv, conll, html');
  });
});

describe('--help', () => {
  it('shows the output options with examples', async () => {
    const r = await inProcess(['extract', '--help'], {});
    expect(r.code).toBe(0);
    for (const s of ['--format', '--table', '--fields', '--shape', '--highlight', 'Output examples:', '--format tsv --table quotes', '--format html > report.html']) expect(r.stdout).toContain(s);
  });
});
