/**
 * `newsnlp normalize` end to end: the built binary, as a user runs it.
 */
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, SEED } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'newsnlp-normalize-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('newsnlp normalize', () => {
  // [note, args, stdin, expected stdout]
  const CASES: [string, string[], string, string][] = [
    ['match is the default level ("to the United Nations")', [], 'إِلَى الأُمَمِ المُتَّحِدَة', 'الي الامم المتحده'],
    ['display keeps hamza, ى and harakat but expands ligatures', ['--level', 'display'], 'إِلَى اﻷمم', 'إِلَى الأمم'],
    ['none changes nothing', ['--level', 'none'], 'إِلَى اﻷمم', 'إِلَى اﻷمم'],
    ['--keep-diacritics keeps harakat at match', ['--keep-diacritics'], 'إِلَى', 'اِلَي'],
    ['--keep takes comma-separated groups', ['--keep', 'alef,alef-maksura'], 'إلى', 'إلى'],
    ['- reads standard input explicitly', ['-'], 'مدرسة', 'مدرسه'],
  ];
  it.each(CASES)('%s', (_note, args, input, expected) => {
    const r = cli(['normalize', ...args], { input });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('--map prints the offset map as JSON with code point offsets', () => {
    const r = cli(['normalize', '--map'], { input: 'إِلَى ﻻ 😀' });
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout) as { schema: string; normalized: string; offsets: string; map: number[][]; original_length: number };
    expect(rec.schema).toBe('newsnlp.normalize/1');
    expect(rec.offsets).toBe('codepoint');
    expect(rec.normalized).toBe('الي لا 😀');
    const original = [...'إِلَى ﻻ 😀'];
    expect(rec.original_length).toBe(original.length);
    // every row either maps 1:1 or groups units coming from one original range
    const norm = [...rec.normalized];
    for (const [ns, ne, os, oe] of rec.map) {
      expect(ne).toBeGreaterThan(ns);
      expect(oe).toBeGreaterThan(os);
      expect(ne).toBeLessThanOrEqual(norm.length);
      expect(oe).toBeLessThanOrEqual(original.length);
    }
    // the ligature is one group of two units from one character
    const lamAlef = original.indexOf('ﻻ');
    expect(rec.map).toContainEqual([4, 6, lamAlef, lamAlef + 1]);
  });

  it('reads files in any supported encoding', () => {
    const path = join(dir, 'cp1256.txt');
    writeFileSync(path, iconv.encode('التقى وزير الخارجية الصيني نظيره الروسي في موسكو اليوم', 'windows-1256'));
    const r = cli(['normalize', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('التقي وزير الخارجيه الصيني نظيره الروسي في موسكو اليوم');
    expect(r.stderr).toContain('windows-1256');
  });

  it('several files: each one normalized in order', () => {
    const r = cli(['normalize', SEED, SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('البريكس\n').length).toBeGreaterThan(2);
  });

  it('an unknown group is a usage error', () => {
    const r = cli(['normalize', '--keep', 'nonsense'], { input: 'x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown group');
  });

  it('a missing file: one-line error naming the file, exit 2', () => {
    const r = cli(['normalize', join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.txt');
  });

  it('an empty input is refused', () => {
    const r = cli(['normalize'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('empty');
  });

  it('--help shows the levels and an example', () => {
    const r = cli(['normalize', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--level');
    expect(r.stdout).toContain('Examples:');
  });
});
