/**
 * User lexicons through the CLI: paths that do not exist or are not what they seem, symlinks
 * leading out of the folder the user named, malformed rows. Lexicons are data: a bad one is
 * reported with file:line (or at least the file), never a crash or a stack trace, and never
 * followed outside what the user named.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, stderrProblems, tempDir } from './cli-harness.js';

// "The minister met Zaidun Omranov yesterday." — a person the built-in lexicons do not know
const ARTICLE = 'التقى الوزير زيدون عمرانوف أمس.\n';
const PERSON_HEADER = 'id\trel\tform\tname_en';
const PERSON_ROW = 'test:zaidun\tname\tزيدون عمرانوف\tZaidun Omranov';

function article(d: string): string {
  const f = join(d, 'article.txt');
  writeFileSync(f, ARTICLE);
  return f;
}

function personIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { entities: { id: string }[] }).entities.map((e) => e.id);
}

beforeAll(() => ensureBuilt());

describe('--lexicon paths', () => {
  it('a user lexicon is used (control case for the tests below)', () => {
    const d = tempDir();
    writeFileSync(join(d, 'person.mine.tsv'), `${PERSON_HEADER}\n${PERSON_ROW}\n`);
    const r = runCli(['extract', article(d), '--lexicon', join(d, 'person.mine.tsv'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(personIds(r.stdout)).toContain('test:zaidun');
  });

  it('a missing lexicon path: exit 2, one line naming it, no stack trace', () => {
    const d = tempDir();
    const r = runCli(['extract', article(d), '--lexicon', join(d, 'no-such-lexicon.tsv')]);
    expect(r.code).toBe(2);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('no-such-lexicon.tsv');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a folder named like a lexicon inside the lexicon folder: no crash', () => {
    const d = tempDir();
    const lex = join(d, 'lex');
    mkdirSync(join(lex, 'place.tsv'), { recursive: true });
    writeFileSync(join(lex, 'person.tsv'), `${PERSON_HEADER}\n${PERSON_ROW}\n`);
    const r = runCli(['extract', article(d), '--lexicon', lex, '--format', 'json']);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect([0, 2]).toContain(r.code);
    if (r.code === 0) expect(personIds(r.stdout)).toContain('test:zaidun');
    else expect(r.stderr).toContain('place.tsv');
  });

  it('a symlink inside the lexicon folder that leads outside it is not followed (and is reported)', () => {
    const d = tempDir();
    const outside = join(d, 'elsewhere');
    mkdirSync(outside);
    writeFileSync(join(outside, 'person.tsv'), `${PERSON_HEADER}\n${PERSON_ROW}\n`);
    const lex = join(d, 'lex');
    mkdirSync(lex);
    symlinkSync(join(outside, 'person.tsv'), join(lex, 'person.tsv'));
    const r = runCli(['extract', article(d), '--lexicon', lex, '--format', 'json']);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(personIds(r.stdout)).not.toContain('test:zaidun');
    expect(r.stderr).toMatch(/person\.tsv/);
  });

  it('a lexicon file the user names directly may be a symlink (the user named it)', () => {
    const d = tempDir();
    writeFileSync(join(d, 'real.tsv'), `${PERSON_HEADER}\n${PERSON_ROW}\n`);
    symlinkSync(join(d, 'real.tsv'), join(d, 'person.link.tsv'));
    const r = runCli(['extract', article(d), '--lexicon', join(d, 'person.link.tsv'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(personIds(r.stdout)).toContain('test:zaidun');
  });
});

describe('malformed user lexicons are reported with file:line', () => {
  // line 2 has one column too many; line 3 is fine
  const BAD = `${PERSON_HEADER}\ntest:a\tname\tاسم أول\tFirst\textra\n${PERSON_ROW}\n`;

  it('extract warns with file:line on stderr and still uses the good rows', () => {
    const d = tempDir();
    writeFileSync(join(d, 'person.bad.tsv'), BAD);
    const r = runCli(['extract', article(d), '--lexicon', join(d, 'person.bad.tsv'), '--format', 'json']);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/person\.bad\.tsv:2\b/);
    expect(r.code).toBe(0);
    expect(personIds(r.stdout)).toContain('test:zaidun');
  });

  it('`newsnlp lexicon check` reports the row with file:line and a non-zero exit', () => {
    const d = tempDir();
    writeFileSync(join(d, 'person.bad.tsv'), BAD);
    const r = runCli(['lexicon', 'check', join(d, 'person.bad.tsv')]);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.stdout + r.stderr).toMatch(/person\.bad\.tsv:2\b/);
    expect(r.code).not.toBe(0);
  });

  const hostileFiles: [string, string | Buffer][] = [
    ['empty file', ''],
    ['header only', PERSON_HEADER + '\n'],
    ['random binary bytes', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256))],
    ['Windows-1256 bytes instead of UTF-8 (the name زيد)', Buffer.from([0x69, 0x64, 0x09, 0x72, 0x65, 0x6c, 0x09, 0x66, 0x6f, 0x72, 0x6d, 0x0a, 0x78, 0x09, 0x6e, 0x61, 0x6d, 0x65, 0x09, 0xd2, 0xed, 0xcf, 0x0a])],
    ['CRLF line ends and a BOM', '\ufeff' + `${PERSON_HEADER}\r\n${PERSON_ROW}\r\n`],
    ['a 100,000-character line', `${PERSON_HEADER}\nx\tname\t${'ب'.repeat(100_000)}\tX\n`],
  ];
  it.each(hostileFiles)('%s: no crash, no stack trace', (_note, content) => {
    const d = tempDir();
    writeFileSync(join(d, 'person.hostile.tsv'), content);
    const r = runCli(['extract', article(d), '--lexicon', join(d, 'person.hostile.tsv'), '--format', 'json']);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect([0, 2]).toContain(r.code);
    if (r.code === 0) expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
