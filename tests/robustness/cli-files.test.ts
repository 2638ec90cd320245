/**
 * The CLI facing a hostile file system: missing, unreadable, empty and oversized inputs,
 * folders where files are expected, files that vanish between listing and reading, outputs
 * that cannot be written (permissions, a full disk). Every failure must be a clear one-line
 * message (never a stack trace), a batch must finish the other inputs, inputs are never
 * modified, and no partial output is left behind.
 *
 * Tests run as root in CI containers, where chmod does not stop reads: the permission cases
 * then run the CLI as the unprivileged user 65534 through setpriv instead of being skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, IS_ROOT, PERMISSIONS_TESTABLE, ROOT, jsonLines, runCli, stderrProblems, tempDir } from './cli-harness.js';

// "The Chinese foreign minister said that China and Russia work together." (a plain news sentence)
const ARTICLE = 'قال وزير الخارجية الصيني إن الصين وروسيا تعملان معا.\n';
// Same kind of sentence, second article: "Lavrov said in a statement that the meeting will be held in Moscow."
const ARTICLE2 = 'وقال لافروف في بيان إن الاجتماع سيعقد في موسكو.\n';

const dirs: string[] = [];
function workDir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

/** Every file under `dir`, relative, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Leftovers of non-atomic writes: anything that is not a finished .json (temp names, hidden files). */
function partialOutputs(outDir: string): string[] {
  return listFiles(outDir).filter((f) => !f.endsWith('.json') || f.split('/').some((part) => part.startsWith('.')) || /\.tmp|~$/.test(f));
}

/** Every .json output must parse: a truncated file means a non-atomic write. */
function unparsableOutputs(outDir: string): string[] {
  return listFiles(outDir)
    .filter((f) => f.endsWith('.json'))
    .filter((f) => {
      try {
        JSON.parse(readFileSync(join(outDir, f), 'utf8'));
        return false;
      } catch {
        return true;
      }
    });
}

function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listFiles(dir)) {
    const p = join(dir, f);
    try {
      out[f] = createHash('sha256').update(readFileSync(p)).digest('hex') + ':' + statSync(p).mtimeMs;
    } catch {
      out[f] = 'unreadable';
    }
  }
  return out;
}

beforeAll(() => ensureBuilt());
afterAll(() => {
  for (const d of dirs) {
    try {
      chmodSync(d, 0o755);
    } catch {
      /* already gone */
    }
    rmSync(d, { recursive: true, force: true });
  }
});

describe('a single input that cannot be analysed', () => {
  it('missing file: exit 2, one line naming the file, no stack trace', () => {
    const d = workDir();
    const r = runCli(['extract', join(d, 'nope.txt')]);
    expect(r.code).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nope.txt');
    expect(r.stdout).toBe('');
  });

  it.skipIf(!PERMISSIONS_TESTABLE)('unreadable file (run as an unprivileged user when we are root; skipped as root without setpriv): exit 2, "permission" message', () => {
    const d = workDir();
    const f = join(d, 'secret.txt');
    writeFileSync(f, ARTICLE);
    chmodSync(f, 0o000);
    const r = runCli(['extract', f], { asNobody: IS_ROOT });
    expect(r.code).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/secret\.txt/);
    expect(r.stderr).toMatch(/permission/i);
  });

  it('a folder given where an article is expected: no crash, and a failure names the folder', () => {
    const d = workDir();
    mkdirSync(join(d, 'article.txt'));
    const r = runCli(['extract', join(d, 'article.txt'), '--format', 'jsonl']);
    expect([0, 1, 2]).toContain(r.code);
    expect(stderrProblems(r.stderr)).toEqual([]);
    if (r.code !== 0) expect(r.stderr).toContain('article.txt');
  });

  it('empty file: exit 2 with a one-line error naming the file (issue 2: "binary or empty input")', () => {
    const d = workDir();
    const f = join(d, 'empty.txt');
    writeFileSync(f, '');
    const r = runCli(['extract', f]);
    expect(r.code).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('empty.txt');
  });

  it('stdout on a full disk (/dev/full): a clear error and a non-zero exit, no stack trace', () => {
    const d = workDir();
    const f = join(d, 'a.txt');
    writeFileSync(f, ARTICLE.repeat(50));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/newsnlp.js extract "${f}" --format json > /dev/full`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(stderrProblems(r.stderr)).toEqual([]);
  });
});

describe('--max-bytes: a single input above the limit is refused, not loaded', () => {
  it('--help documents --max-bytes and its default', () => {
    const r = runCli(['extract', '--help']);
    expect(r.stdout).toMatch(/--max-bytes/);
    expect(r.stdout).toMatch(/--max-bytes[\s\S]{0,300}default/i);
  });

  it('a file above the limit: exit 2, one line naming the file and the limit', () => {
    const d = workDir();
    const f = join(d, 'big.txt');
    writeFileSync(f, ARTICLE.repeat(40)); // ~4 KB
    const r = runCli(['extract', f, '--max-bytes', '1000']);
    expect(r.code).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('big.txt');
    expect(r.stderr).toMatch(/1000|limit|max-bytes/i);
    expect(r.stdout).toBe('');
  });

  it('a file under the limit is analysed normally', () => {
    const d = workDir();
    const f = join(d, 'small.txt');
    writeFileSync(f, ARTICLE);
    const r = runCli(['extract', f, '--max-bytes', '100000', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sentences.length).toBeGreaterThan(0);
  });

  it('standard input above the limit is refused too (stdin has no size to stat)', () => {
    const r = runCli(['extract', '-', '--max-bytes', '1000'], { input: ARTICLE.repeat(40) });
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.code).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/1000|limit|max-bytes/i);
  });

  it('in a list of inputs, the oversized one gets an error record and the others complete', () => {
    const d = workDir();
    writeFileSync(join(d, 'a.txt'), ARTICLE);
    writeFileSync(join(d, 'big.txt'), ARTICLE.repeat(40));
    writeFileSync(join(d, 'c.txt'), ARTICLE2);
    const r = runCli(['extract', join(d, 'a.txt'), join(d, 'big.txt'), join(d, 'c.txt'), '--max-bytes', '1000', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(stderrProblems(r.stderr)).toEqual([]);
    const recs = jsonLines(r.stdout);
    expect(recs.map((x) => String(x.source).split('/').pop())).toEqual(['a.txt', 'big.txt', 'c.txt']);
    expect(recs[1].error).toBeDefined();
    expect(recs[0].error).toBeUndefined();
    expect(recs[2].error).toBeUndefined();
  });

  it('an endless input (/dev/zero) is cut off at the limit instead of filling memory', () => {
    const r = runCli(['extract', '/dev/zero', '--max-bytes', '100000'], { timeoutMs: 20_000 });
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.signal, 'killed by the test time limit: the read never stopped').toBeNull();
    expect(r.code).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
  });

  it('an endless text stream on standard input (`yes | newsnlp`) stops at the limit', () => {
    // "The minister said." repeated for ever
    const r = spawnSync('sh', ['-c', `yes 'قال الوزير.' | "${process.execPath}" bin/newsnlp.js extract - --max-bytes 100000`], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal, 'killed by the test time limit: stdin was read without a limit').toBeNull();
    expect(r.stderr).not.toMatch(/unknown option/);
    expect(r.status).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
  });

  it('a bad --max-bytes value is a usage error (exit 2), not a crash', () => {
    for (const bad of ['-5', 'lots', '1e999']) {
      const r = runCli(['extract', '-', '--max-bytes', bad], { input: ARTICLE });
      expect(r.stderr, `--max-bytes ${bad}`).not.toMatch(/unknown option/);
      expect(r.code, `--max-bytes ${bad}`).toBe(2);
      expect(stderrProblems(r.stderr)).toEqual([]);
    }
  });
});

describe('a batch with bad files in it completes the rest', () => {
  // Pages a scraper saves when a download is cut short: each must be an error record, and the
  // articles around them must still be analysed.
  const brokenPages: [string, string][] = [
    ['doctype only', '<!doctype html>'],
    ['doctype and a comment', '<!DOCTYPE html><!-- cut -->'],
    ['an html tag and nothing else', '<html>'],
    ['a head without a body', '<html><head><title>عنوان</title></head>'],
    ['a body of scripts', '<html><body><script>var a = "قال";</script></body></html>'],
    ['20,000 nested inline tags (recursive DOM walks overflow the stack)', `<html><body>${'<b>'.repeat(20_000)}قال الوزير.</body></html>`],
  ];
  it.each(brokenPages)('a broken HTML page (%s) alone: exit 2 with a message, no stack trace', (_note, html) => {
    const d = workDir();
    writeFileSync(join(d, 'page.html'), html);
    const r = runCli(['extract', join(d, 'page.html')]);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect([0, 2]).toContain(r.code);
  });

  it('broken HTML pages inside a batch folder do not stop the batch', () => {
    const d = workDir();
    const src = join(d, 'in');
    mkdirSync(src);
    writeFileSync(join(src, 'a.txt'), ARTICLE);
    brokenPages.forEach(([, html], i) => writeFileSync(join(src, `p${i}.html`), html));
    writeFileSync(join(src, 'z.txt'), ARTICLE2);
    const r = runCli(['extract', src, '--format', 'jsonl', '--jobs', '2']);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect([0, 1]).toContain(r.code);
    const recs = jsonLines(r.stdout);
    expect(recs).toHaveLength(2 + brokenPages.length);
    expect(recs.filter((x) => x.sentences && /[az]\.txt$/.test(String(x.source)))).toHaveLength(2);
  });

  it('list of paths with a missing one in the middle: records in order, the gap is an error record, exit 1', () => {
    const d = workDir();
    writeFileSync(join(d, 'a.txt'), ARTICLE);
    writeFileSync(join(d, 'c.txt'), ARTICLE2);
    const r = runCli(['extract', join(d, 'a.txt'), join(d, 'gone.txt'), join(d, 'c.txt'), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(stderrProblems(r.stderr)).toEqual([]);
    const recs = jsonLines(r.stdout);
    expect(recs).toHaveLength(3);
    expect(recs[1].error).toBeDefined();
    expect(recs[2].sentences).toBeDefined();
  });

  it.skipIf(!PERMISSIONS_TESTABLE)('folder with an unreadable file, a vanished file (dangling link), a folder named like a file and an empty file (skipped as root without setpriv)', () => {
    const d = workDir();
    const src = join(d, 'in');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'a.txt'), ARTICLE);
    writeFileSync(join(src, 'sub', 'b.txt'), ARTICLE2);
    writeFileSync(join(src, 'locked.txt'), ARTICLE);
    chmodSync(join(src, 'locked.txt'), 0o000);
    symlinkSync(join(d, 'was-here.txt'), join(src, 'vanished.txt')); // listed, but gone when read
    mkdirSync(join(src, 'folder.txt'));
    writeFileSync(join(src, 'empty.txt'), '');
    const before = fingerprint(src);
    const r = runCli(['extract', src, '--format', 'jsonl'], { asNobody: IS_ROOT });
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.code).toBe(1);
    const recs = jsonLines(r.stdout);
    const bySource = new Map(recs.map((x) => [String(x.source).split('/').slice(-2).join('/'), x]));
    const find = (name: string) => [...bySource.entries()].find(([k]) => k.endsWith(name))?.[1];
    expect(find('a.txt')?.sentences).toBeDefined();
    expect(find('sub/b.txt')?.sentences).toBeDefined();
    expect(find('locked.txt')?.error, 'unreadable file gets an error record').toBeDefined();
    expect(find('empty.txt')?.error, 'empty file gets an error record').toBeDefined();
    // a vanished file is reported (error record or stderr line), never silently dropped
    expect(find('vanished.txt')?.error !== undefined || /vanished\.txt/.test(r.stderr)).toBe(true);
    chmodSync(join(src, 'locked.txt'), 0o644);
    const after = fingerprint(src);
    expect(after, 'inputs are never modified').toEqual({ ...before, 'locked.txt': after['locked.txt'] });
  });
});

describe('bad option values are usage errors (exit 2, one line), not crashes', () => {
  const cases: [string, string[]][] = [
    ['an invalid --glob character class', ['--glob', '[z-a].txt']],
    ['an unbalanced --glob brace', ['--glob', '{a,b.txt']],
    ['an invalid --ignore pattern', ['--ignore', '[z-a]']],
    ['--jobs 0', ['--jobs', '0']],
    ['--jobs -3', ['--jobs', '-3']],
    ['--jobs not a number', ['--jobs', 'many']],
    ['an unknown --encoding', ['--encoding', 'no-such-code-page']],
    ['--out-dir that is a file', ['--out-dir', '__FILE__']],
  ];
  it.each(cases)('%s', (_note, args) => {
    const d = workDir();
    const src = join(d, 'in');
    mkdirSync(src);
    writeFileSync(join(src, 'a.txt'), ARTICLE);
    writeFileSync(join(d, 'file'), 'x');
    const r = runCli(['extract', src, ...args.map((a) => (a === '__FILE__' ? join(d, 'file') : a))]);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect([1, 2]).toContain(r.code);
  });
});

describe('special files never block a batch', () => {
  it('a named pipe (FIFO) with no writer inside a batch folder is skipped or reported, not waited on', () => {
    const d = workDir();
    const src = join(d, 'in');
    mkdirSync(src);
    writeFileSync(join(src, 'a.txt'), ARTICLE);
    const made = spawnSync('mkfifo', [join(src, 'pipe.txt')]).status === 0;
    if (!made) return; // no mkfifo on this system: nothing to test
    const r = runCli(['extract', src, '--format', 'jsonl'], { timeoutMs: 20_000 });
    expect(r.signal, 'killed by the test time limit: the batch waited on the pipe').toBeNull();
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(jsonLines(r.stdout).some((x) => String(x.source).endsWith('a.txt') && x.sentences)).toBe(true);
  });
});

describe('--out-dir: outputs are written atomically, or not at all', () => {
  function batchInput(d: string, n: number, body = ARTICLE): string {
    const src = join(d, 'in');
    mkdirSync(join(src, 'sub'), { recursive: true });
    for (let i = 0; i < n; i++) writeFileSync(join(src, i % 2 ? 'sub' : '', `a${i}.txt`), body);
    return src;
  }

  it('writes one parsable .json per input and leaves no temporary files', () => {
    const d = workDir();
    const src = batchInput(d, 6);
    const out = join(d, 'out');
    const r = runCli(['extract', src, '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(listFiles(out).filter((f) => f.endsWith('.json'))).toHaveLength(6);
    expect(partialOutputs(out)).toEqual([]);
    expect(unparsableOutputs(out)).toEqual([]);
  });

  it('an --out-dir inside the input folder: the inputs already in it are analysed or reported, never silently dropped', () => {
    const d = workDir();
    const src = batchInput(d, 4); // in/a0.txt, in/sub/a1.txt, in/a2.txt, in/sub/a3.txt
    const r = runCli(['extract', src, '--out-dir', join(src, 'sub')]);
    expect(stderrProblems(r.stderr)).toEqual([]);
    const written = listFiles(join(src, 'sub')).filter((f) => f.endsWith('.json'));
    const mentioned = /sub/.test(r.stderr) && /a1\.txt|a3\.txt|out-dir|not read|skipp/i.test(r.stderr);
    expect(written.length === 4 || mentioned, `outputs: ${written.join(', ')}; stderr: ${r.stderr}`).toBe(true);
  });

  it('two runs writing the same --out-dir at once: every output complete, no temp file left', async () => {
    const d = workDir();
    const src = batchInput(d, 20);
    const out = join(d, 'out');
    const runOnce = () =>
      new Promise<number | null>((done) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'newsnlp.js'), 'extract', src, '--out-dir', out, '--overwrite', '--quiet'], { stdio: 'ignore' });
        child.on('close', (code) => done(code));
      });
    const codes = await Promise.all([runOnce(), runOnce()]);
    expect(codes).toEqual([0, 0]);
    expect(listFiles(out).filter((f) => f.endsWith('.json'))).toHaveLength(20);
    expect(unparsableOutputs(out)).toEqual([]);
    expect(partialOutputs(out)).toEqual([]);
  });

  it('an existing output is kept unless --overwrite', () => {
    const d = workDir();
    const src = batchInput(d, 2);
    const out = join(d, 'out');
    expect(runCli(['extract', src, '--out-dir', out]).code).toBe(0);
    const first = listFiles(out)[0];
    writeFileSync(join(out, first), '{"mine": true}\n');
    const r = runCli(['extract', src, '--out-dir', out]);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(readFileSync(join(out, first), 'utf8')).toBe('{"mine": true}\n');
    expect(runCli(['extract', src, '--out-dir', out, '--overwrite']).code).toBe(0);
    expect(readFileSync(join(out, first), 'utf8')).not.toBe('{"mine": true}\n');
  });

  it.skipIf(!PERMISSIONS_TESTABLE)('unwritable out dir: clear error, non-zero exit, nothing half-written (skipped as root without setpriv)', () => {
    const d = workDir();
    const src = batchInput(d, 3);
    const out = join(d, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    const r = runCli(['extract', src, '--out-dir', out], { asNobody: IS_ROOT });
    expect(r.code).not.toBe(0);
    expect([1, 2]).toContain(r.code);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/permission|EACCES|cannot write|not writable/i);
    expect(listFiles(out)).toEqual([]);
  });

  it('a file blocking a sub-folder of the out dir: that output fails, the others are written', () => {
    const d = workDir();
    const src = batchInput(d, 4);
    const out = join(d, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'sub'), 'not a folder'); // outputs for in/sub/* cannot be created
    const r = runCli(['extract', src, '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(listFiles(out).filter((f) => f.endsWith('.json')).length).toBe(2);
    expect(partialOutputs(out).filter((f) => f !== 'sub')).toEqual([]);
  });

  // A real full disk: a 64 KiB tmpfs. Needs mount rights (root in a container usually has them).
  const mountPoint = join(tempDir('newsnlp-tmpfs-'));
  dirs.push(mountPoint);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });
  it.skipIf(!mounted)('full disk (64 KiB tmpfs as --out-dir): clear errors, no truncated .json, no temp files (skipped when tmpfs cannot be mounted)', () => {
    const d = workDir();
    const src = batchInput(d, 12, ARTICLE.repeat(40)); // each result is several KiB; 12 overflow 64 KiB
    const r = runCli(['extract', src, '--out-dir', mountPoint, '--include-text']);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ENOSPC|space|full/i);
    expect(unparsableOutputs(mountPoint)).toEqual([]);
    expect(partialOutputs(mountPoint)).toEqual([]);
  });
});
