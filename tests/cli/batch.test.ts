import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { cli, cliAsync, ensureBuilt, jsonLines, ROOT, SEED } from './cli-helpers.js';

// Batch behaviour of `newsnlp extract` on folders and --stdin-jsonl, through the built binary.
const tmp = mkdtempSync(join(tmpdir(), 'newsnlp-cli-batch-'));
const seedSentences = readFileSync(SEED, 'utf8')
  .split(/(?<=[.!؟])\s+/)
  .filter((s) => s.trim());
/** Article n: a rotating run of the seed's sentences, so articles differ in size and content. */
const article = (n: number): string => Array.from({ length: 1 + (n % 5) }, (_, k) => seedSentences[(n + k) % seedSentences.length]).join(' ') + '\n';

function makeCorpus(name: string, count: number, nested = true): string {
  const dir = join(tmp, name);
  for (let i = 0; i < count; i++) {
    const sub = nested ? join(dir, `part-${i % 3}`) : dir;
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `article-${String(i).padStart(3, '0')}.txt`), article(i));
  }
  return dir;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const hashTree = (dir: string): string => {
  const h = createHash('sha256');
  for (const f of listFiles(dir)) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex');
};

beforeAll(ensureBuilt);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('folders → JSONL', () => {
  it('a binary file in the middle gives an error record in its place; the batch goes on; exit 1', () => {
    const dir = makeCorpus('with-binary', 4, false);
    writeFileSync(join(dir, 'article-001b.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0]));
    const r = cli(['extract', dir, '--jobs', '1']);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => relative(dir, l.source as string))).toEqual(['article-000.txt', 'article-001.txt', 'article-001b.txt', 'article-002.txt', 'article-003.txt']);
    expect(lines[2]).toEqual({ source: join(dir, 'article-001b.txt'), error: { code: 'binary', message: expect.any(String) } });
    expect(lines.filter((l) => l.schema === 'newsnlp.extract/1')).toHaveLength(4);
    expect(r.stderr).toMatch(/article-001b\.txt: .*binary/);
    expect(r.stderr).toMatch(/5 files: 4 analysed, 1 error;/);
  });

  it('a symbolic link loop is walked once and the batch ends', () => {
    const dir = makeCorpus('with-loop', 3);
    symlinkSync('..', join(dir, 'part-0', 'back-to-root'));
    symlinkSync(join(dir, 'part-1'), join(dir, 'part-2', 'sibling'));
    const r = cli(['extract', dir]);
    expect(r.code).toBe(0);
    const sources = jsonLines(r.stdout).map((l) => relative(dir, l.source as string));
    expect(sources).toEqual(['part-0/article-000.txt', 'part-1/article-001.txt', 'part-2/article-002.txt']);
  });

  it('output order is the same with 1 and with 3 jobs (and across runs)', () => {
    const dir = makeCorpus('order', 40);
    const one = cli(['extract', dir, '--jobs', '1', '-q']);
    const three = cli(['extract', dir, '--jobs', '3', '-q']);
    expect(one.code).toBe(0);
    expect(jsonLines(three.stdout).map((l) => l.source)).toEqual(jsonLines(one.stdout).map((l) => l.source));
    expect(three.stdout).toBe(one.stdout);
    expect(jsonLines(one.stdout)).toHaveLength(40);
  });

  it('--glob and --ignore select files; hidden files are skipped unless named', () => {
    const dir = makeCorpus('select', 3, false);
    writeFileSync(join(dir, '.draft.txt'), article(7));
    writeFileSync(join(dir, 'page.html'), `<html><body><article><p>${article(8)}</p></article></body></html>`);
    writeFileSync(join(dir, 'notes.md'), article(9));
    const names = (args: string[]) => jsonLines(cli(['extract', ...args, '-q']).stdout).map((l) => relative(dir, l.source as string));
    expect(names([dir])).toEqual(['article-000.txt', 'article-001.txt', 'article-002.txt', 'page.html']);
    expect(names([dir, '--glob', '*.md'])).toEqual(['notes.md']);
    expect(names([dir, '--ignore', 'article-00[01].txt', '--ignore', '*.html'])).toEqual(['article-002.txt']);
    expect(names([dir, join(dir, '.draft.txt'), '--ignore', '*.html'])).toContain('.draft.txt');
  });
});

describe('--out-dir', () => {
  it('mirrors the tree, writes atomically, never touches inputs, keeps existing outputs unless --overwrite', () => {
    const dir = makeCorpus('outdir-in', 6);
    const out = join(tmp, 'outdir-out');
    const before = hashTree(dir);
    const r = cli(['extract', dir, '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(listFiles(out)).toEqual(listFiles(dir).map((f) => `${f}.json`));
    expect(listFiles(out).every((f) => !f.includes('.tmp'))).toBe(true);
    expect(hashTree(dir)).toBe(before);
    const target = join(out, 'part-0', 'article-000.txt.json');
    expect(JSON.parse(readFileSync(target, 'utf8')).schema).toBe('newsnlp.extract/1');

    writeFileSync(target, '{"schema":"newsnlp.extract/1","marker":true}\n');
    const again = cli(['extract', dir, '--out-dir', out]);
    expect(again.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('marker');
    expect(again.stderr).toMatch(/6 outputs existed and were kept/);

    expect(cli(['extract', dir, '--out-dir', out, '--overwrite', '-q']).code).toBe(0);
    expect(readFileSync(target, 'utf8')).not.toContain('marker');
  });

  it('an output folder inside the input folder is not read back as input', () => {
    const dir = makeCorpus('outdir-inside', 3, false);
    const r1 = cli(['extract', dir, '--out-dir', join(dir, 'results'), '--glob', '**/*', '-q']);
    expect(r1.code).toBe(0);
    expect(listFiles(join(dir, 'results'))).toEqual(['article-000.txt.json', 'article-001.txt.json', 'article-002.txt.json']);
  });
});

describe('--resume after an interrupted run', () => {
  it('a killed run leaves only complete outputs; --resume finishes the rest and redoes incomplete ones', async () => {
    const dir = makeCorpus('resume-in', 60);
    const out = join(tmp, 'resume-out');
    const child = cliAsync(['extract', dir, '--out-dir', out, '--jobs', '1']);
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (existsSync(out) && listFiles(out).filter((f) => f.endsWith('.json')).length >= 3) {
          child.kill('SIGKILL');
          clearInterval(poll);
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        done();
      });
    });
    for (const f of listFiles(out).filter((f) => f.endsWith('.json') && !f.split('/').pop()!.startsWith('.'))) {
      expect(() => JSON.parse(readFileSync(join(out, f), 'utf8')), f).not.toThrow(); // atomic: no half-written output
    }
    // simulate the other ways a run can stop: a truncated output, a lost one, a stray temp file
    const outputs = listFiles(out).filter((f) => f.endsWith('.txt.json'));
    writeFileSync(join(out, outputs[0]), '{"schema":"newsnlp.ext');
    if (outputs[1]) unlinkSync(join(out, outputs[1]));
    writeFileSync(join(out, 'part-0', '.article-999.txt.json.abcdef01.tmp'), 'partial');
    const keptIntact = outputs.slice(2);
    const mtimes = new Map(keptIntact.map((f) => [f, statSync(join(out, f)).mtimeMs]));

    const r = cli(['extract', dir, '--out-dir', out, '--resume']);
    expect(r.code).toBe(0);
    expect(listFiles(out)).toEqual(listFiles(dir).map((f) => `${f}.json`));
    for (const f of listFiles(out)) expect(JSON.parse(readFileSync(join(out, f), 'utf8')).schema).toBe('newsnlp.extract/1');
    for (const [f, m] of mtimes) expect(statSync(join(out, f)).mtimeMs, `${f} was redone`).toBe(m);
  });
});

describe('--stdin-jsonl', () => {
  const records = (n: number): string => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: article(i) })).join('\n') + '\n';

  it('one result line per record, source = id, bad records become error records (exit 1)', () => {
    const input = records(5) + 'not json\n' + JSON.stringify({ id: 42, body: 'no text' }) + '\n';
    const r = cli(['extract', '--stdin-jsonl'], { input });
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.source)).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3', 'doc-4', 'line 6', '42']);
    expect(lines[5].error).toMatchObject({ code: 'bad-record' });
    expect(lines[6].error).toMatchObject({ code: 'bad-record' });
    // Spark and Hadoop fail a whole task on a non-zero exit: --no-error-exit keeps the records and exits 0
    expect(cli(['extract', '--stdin-jsonl', '--no-error-exit', '-q'], { input }).code).toBe(0);
  });

  it('streams: a record\'s result comes out before the next record is sent', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsnlp.js'), 'extract', '--stdin-jsonl', '-q'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    const nextLine = () =>
      new Promise<string>((resolve) => {
        const check = () => {
          const i = buffered.indexOf('\n');
          if (i < 0) return false;
          lines.push(buffered.slice(0, i));
          buffered = buffered.slice(i + 1);
          resolve(lines[lines.length - 1]);
          return true;
        };
        if (!check()) child.stdout!.on('data', function onData(d) {
          buffered += String(d);
          if (check()) child.stdout!.off('data', onData);
        });
      });
    child.stdin!.write(JSON.stringify({ id: 'first', text: article(1) }) + '\n');
    expect(JSON.parse(await nextLine()).source).toBe('first'); // stdin is still open here
    child.stdin!.end(JSON.stringify({ id: 'second', text: article(2) }) + '\n');
    expect(JSON.parse(await nextLine()).source).toBe('second');
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
  });

  it('with --jobs 2 the order of records is kept', () => {
    const r = cli(['extract', '--stdin-jsonl', '--jobs', '2', '-q'], { input: records(50) });
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((l) => l.source)).toEqual(Array.from({ length: 50 }, (_, i) => `doc-${i}`));
  });

  const hasParallel = spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasParallel)('works as a GNU parallel --pipe step over 3,000 records (skipped when `parallel` is not installed: apt-get install parallel)', () => {
    const n = 3000;
    const input = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${i}`, text: seedSentences[i % seedSentences.length] })).join('\n') + '\n';
    const r = spawnSync('parallel', ['--will-cite', '--pipe', '-k', '-N', '600', '-j', '2', process.execPath, join(ROOT, 'bin', 'newsnlp.js'), 'extract', '--stdin-jsonl', '-q'], {
      input,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(n);
    expect(lines.map((l) => l.source)).toEqual(Array.from({ length: n }, (_, i) => `r${i}`));
    expect(lines.every((l) => l.schema === 'newsnlp.extract/1')).toBe(true);
  });
  if (!hasParallel) console.warn('GNU parallel not found: the --pipe contract test is skipped (apt-get install -y parallel)');
});

describe('progress and summary on stderr', () => {
  /** Run the CLI in process with a stderr that claims to be a terminal. */
  async function runWithTerminal(args: string[], isTTY: boolean) {
    let stderr = '';
    let stdout = '';
    const sink = (onData: (s: string) => void) => Object.assign(new Writable({ write: (chunk, _enc, done) => (onData(String(chunk)), done()) }), { isTTY, columns: 100 });
    const io = { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: ROOT };
    const code = await run(args, io);
    return { code, stdout, stderr };
  }

  it('a terminal gets a progress bar (files done/total, articles/s) and the summary line', async () => {
    const dir = makeCorpus('progress', 20, false);
    const r = await runWithTerminal(['extract', dir, '--jobs', '1', '--format', 'jsonl'], true);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\d+\/20 files \| \d+ articles\/s/);
    expect(r.stderr).toMatch(/newsnlp: 20 files: 20 analysed, 0 errors/);
    expect(jsonLines(r.stdout)).toHaveLength(20);
  });

  it.each([
    { note: 'stderr not a terminal: summary only', args: [], tty: false, bar: false, summary: true },
    { note: '--quiet on a terminal: neither', args: ['--quiet'], tty: true, bar: false, summary: false },
  ])('$note', async ({ args, tty, bar, summary }) => {
    const dir = makeCorpus(`progress-${tty}-${args.length}`, 3, false);
    const r = await runWithTerminal(['extract', dir, '--jobs', '1', '--format', 'jsonl', ...args], tty);
    expect(/files \|/.test(r.stderr)).toBe(bar);
    expect(/newsnlp: 3 files/.test(r.stderr)).toBe(summary);
  });
});
