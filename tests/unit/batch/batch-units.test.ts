import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileGlob } from '../../../src/batch/glob.js';
import { orderedMap } from '../../../src/batch/ordered.js';
import { isCompleteOutput, outputPathFor, removeStaleTemps } from '../../../src/batch/out-dir.js';
import { assertUsableText, looksBinary } from '../../../src/batch/task.js';
import { writeFileAtomic } from '../../../src/io/write-atomic.js';
import { walkInputs } from '../../../src/io/walk.js';

const tmp = mkdtempSync(join(tmpdir(), 'newsnlp-batch-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('compileGlob', () => {
  it.each([
    { glob: '**/*.{txt,html,htm}', path: 'a.txt', match: true },
    { glob: '**/*.{txt,html,htm}', path: 'x/y/z.htm', match: true },
    { glob: '**/*.{txt,html,htm}', path: 'x/y/z.json', match: false },
    { glob: '*.txt', path: 'deep/down/a.txt', match: true }, // no slash: any depth, like .gitignore
    { glob: 'news/*.txt', path: 'news/a.txt', match: true },
    { glob: 'news/*.txt', path: 'news/2024/a.txt', match: false },
    { glob: 'news/**', path: 'news/2024/a.txt', match: true },
    { glob: 'a?.txt', path: 'ab.txt', match: true },
    { glob: '[!a]*.txt', path: 'b.txt', match: true },
    { glob: '[!a]*.txt', path: 'a.txt', match: false },
    { glob: 'file(1).txt', path: 'file(1).txt', match: true }, // regex characters are literal
    { glob: '**/الأخبار/*.txt', path: 'x/الأخبار/خبر.txt', match: true }, // Arabic folder and file names ("news", "a report")
  ])('$glob ~ $path → $match', ({ glob, path, match }) => {
    expect(compileGlob(glob)(path)).toBe(match);
  });
});

describe('orderedMap', () => {
  it('yields in input order whatever the completion order, with at most `capacity` in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const delays = [30, 1, 20, 0, 10, 5, 0, 15];
    const run = async (i: number): Promise<number> => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, delays[i]));
      inFlight--;
      return i;
    };
    const out: number[] = [];
    for await (const r of orderedMap(delays.keys(), run, 3)) out.push(r);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('yields a finished result while the source is still waiting for input (streaming)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    async function* source() {
      yield 1;
      await gate; // the next record arrives only after the first result was seen
      yield 2;
    }
    const seen: number[] = [];
    for await (const r of orderedMap(source(), async (x) => x * 10, 4)) {
      seen.push(r);
      if (r === 10) release();
    }
    expect(seen).toEqual([10, 20]);
  });
});

describe('walkInputs', () => {
  const root = join(tmp, 'corpus');
  mkdirSync(join(root, 'b', 'drafts'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const f of ['z.txt', 'a.txt', 'b/c.html', 'b/d.json', 'b/drafts/x.txt', '.hidden.txt', '.git/e.txt']) writeFileSync(join(root, f), 'نص');
  symlinkSync('..', join(root, 'b', 'up')); // a loop back to the corpus root

  it('walks recursively in sorted order, skipping hidden entries, other extensions and loops', () => {
    const r = walkInputs([root]);
    expect(r.files.map((f) => f.relative)).toEqual(['a.txt', 'z.txt', 'b/c.html', 'b/drafts/x.txt']);
    expect(r.loops.length).toBe(1);
  });

  it('--ignore prunes a folder; a hidden file named explicitly is taken', () => {
    const r = walkInputs([root, join(root, '.hidden.txt')], { ignore: ['drafts/**'] });
    expect(r.files.map((f) => f.relative)).toEqual(['a.txt', 'z.txt', 'b/c.html', '.hidden.txt']);
  });

  it('a broken link is listed in its place with its problem', () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.txt'), 'نص');
    writeFileSync(join(dir, 'c.txt'), 'نص');
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'b.txt'));
    const r = walkInputs([dir]);
    expect(r.files.map((f) => [f.relative, f.problem?.code])).toEqual([
      ['a.txt', undefined],
      ['b.txt', 'enoent'],
      ['c.txt', undefined],
    ]);
  });

  it('a file reached twice (folder and explicit) is listed once', () => {
    const r = walkInputs([join(root, 'a.txt'), root]);
    expect(r.files.filter((f) => f.relative === 'a.txt').length).toBe(1);
  });
});

describe('input refusals', () => {
  it.each([
    { note: 'PNG header: NULs on both byte parities', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], binary: true },
    { note: 'UTF-16LE Arabic "مصر " without BOM: NULs only on odd positions', bytes: [0x45, 0x06, 0x35, 0x06, 0x31, 0x06, 0x20, 0x00], binary: false },
    { note: 'UTF-8 Arabic text', bytes: [...Buffer.from('مصر')], binary: false },
  ])('looksBinary: $note', ({ bytes, binary }) => {
    expect(looksBinary(Uint8Array.from(bytes))).toBe(binary);
  });

  it.each([
    { note: 'empty', text: '', code: 'empty' },
    { note: 'only spaces and newlines', text: ' \n\t\n', code: 'empty' },
    { note: 'control characters of a binary decoded as text', text: 'ab\u0001\u0002\u0003cd', code: 'binary' },
    { note: 'mostly U+FFFD (wrong encoding)', text: '\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD', code: 'bad-encoding' },
    { note: 'a normal Arabic sentence ("Egypt welcomes the agreement")', text: 'مصر ترحب بالاتفاق.', code: null },
  ])('assertUsableText: $note', ({ text, code }) => {
    if (code === null) expect(() => assertUsableText(text)).not.toThrow();
    else expect(() => assertUsableText(text)).toThrow(expect.objectContaining({ code }));
  });
});

describe('out-dir helpers', () => {
  it('mirrors the tree and keeps the full input name', () => {
    expect(outputPathFor('/out', 'a/b.txt')).toBe('/out/a/b.txt.json');
  });

  it('atomic writes leave no temporary file; completeness needs the schema field', () => {
    const dir = join(tmp, 'out');
    writeFileAtomic(join(dir, 'x', 'a.txt.json'), JSON.stringify({ schema: 'newsnlp.extract/1' }));
    writeFileSync(join(dir, 'x', 'b.txt.json'), '{"schema": "newsnlp.extr'); // truncated by a crash
    writeFileSync(join(dir, 'x', '.b.txt.json.0123abcd.tmp'), 'partial');
    expect(isCompleteOutput(join(dir, 'x', 'a.txt.json'))).toBe(true);
    expect(isCompleteOutput(join(dir, 'x', 'b.txt.json'))).toBe(false);
    expect(removeStaleTemps(dir)).toBe(1);
    expect(readdirSync(join(dir, 'x')).sort()).toEqual(['a.txt.json', 'b.txt.json']);
    expect(readFileSync(join(dir, 'x', 'a.txt.json'), 'utf8')).toContain('schema');
  });
});
