/**
 * The other commands on hostile input: `check` on malformed fixtures, `normalize`, `tag` and
 * `eval` on random bytes and hostile CoNLL. Each either works or fails with a message and
 * exit code 1/2 — never a stack trace, never an "internal error".
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileBytes, FUZZ_SEED } from '../invariants/arbitraries.js';
import { ensureBuilt, runCli, stderrProblems, tempDir } from './cli-harness.js';

// "The minister said that China is important." (input of the fixture cases)
const INPUT = 'قال الوزير إن الصين مهمة.\n';

beforeAll(() => ensureBuilt());

describe('check on malformed fixtures', () => {
  // each gold.json is broken in one way; the note says how
  const golds: [string, number, string][] = [
    ['not JSON', 2, '{"entities": ['],
    ['JSON but an array', 2, '[]'],
    ['null', 2, 'null'],
    ['entities is a string', 2, JSON.stringify({ offsets: 'codepoint', entities: 'PERSON' })],
    ['span out of range', 2, JSON.stringify({ offsets: 'codepoint', mode: 'subset', entities: [{ id: 'x', type: 'LOCATION', name: 'الصين', mentions: [{ start: 500, end: 505, text: 'الصين' }] }] })],
    ['negative and reversed span', 2, JSON.stringify({ offsets: 'codepoint', mode: 'subset', sentences: [{ start: 10, end: -3, text: '' }] })],
    ['mention text that does not match the input', 2, JSON.stringify({ offsets: 'codepoint', mode: 'subset', entities: [{ id: 'x', type: 'LOCATION', name: 'روسيا', mentions: [{ start: 12, end: 17, text: 'روسيا' }] }] })],
    ['quote with string offsets', 2, JSON.stringify({ offsets: 'codepoint', mode: 'subset', quotes: [{ speaker: null, cue: 'قال', cue_start: '0', cue_end: '3', sentence: 0, required: true }] })],
    ['unknown mode and offsets', 2, JSON.stringify({ offsets: 'bytes', mode: 'fuzzy' })],
    ['__proto__ key (no expectations: the case passes)', 0, '{"__proto__": {"polluted": true}, "offsets": "codepoint"}'],
  ];

  it.each(golds)('gold.json %s: exit %i, message, no stack trace', (_note, expected, gold) => {
    const d = tempDir();
    const c = join(d, 'fixtures', 'case-a');
    mkdirSync(c, { recursive: true });
    writeFileSync(join(c, 'input.txt'), INPUT);
    writeFileSync(join(c, 'gold.json'), gold);
    const r = runCli(['check', join(d, 'fixtures')]);
    expect(stderrProblems(r.stderr + r.stdout)).toEqual([]);
    expect(r.code, r.stderr + r.stdout.slice(0, 300)).toBe(expected);
  });

  it('a case folder without input.txt or gold.json, and an empty fixtures folder', () => {
    const d = tempDir();
    mkdirSync(join(d, 'fixtures', 'no-input'), { recursive: true });
    writeFileSync(join(d, 'fixtures', 'no-input', 'gold.json'), '{}');
    mkdirSync(join(d, 'fixtures', 'no-gold'), { recursive: true });
    writeFileSync(join(d, 'fixtures', 'no-gold', 'input.txt'), INPUT);
    mkdirSync(join(d, 'empty'));
    for (const dir of [join(d, 'fixtures'), join(d, 'empty'), join(d, 'missing')]) {
      const r = runCli(['check', dir]);
      expect(stderrProblems(r.stderr + r.stdout), dir).toEqual([]);
      expect([1, 2], dir).toContain(r.code);
    }
  });
});

describe('normalize, tag and eval on random bytes', () => {
  let files: string[] = [];
  beforeAll(() => {
    const d = tempDir();
    files = fc.sample(fileBytes(400), { seed: FUZZ_SEED + 3, numRuns: 6 }).map((b, i) => {
      const p = join(d, `r${i}.txt`);
      writeFileSync(p, b);
      return p;
    });
    // hostile CoNLL: a tab-less line, an unknown tag, an I- without B-, a 10,000-char token, a NUL
    const conll = ['قال\tO', 'الوزير', 'الصين\tB-LOC', 'روسيا\tI-XYZ', 'موسكو\tI-LOC', '', `${'ب'.repeat(10_000)}\tB-PERS`, '\u0000\tO', '\t\t\t', ''].join('\n');
    const p = join(d, 'hostile.conll');
    writeFileSync(p, conll);
    files.push(p);
  });

  const commands: [string, (f: string) => string[]][] = [
    ['normalize', (f) => ['normalize', f]],
    ['normalize --map', (f) => ['normalize', '--map', f]],
    ['tag', (f) => ['tag', f]],
    ['eval', (f) => ['eval', '--conll', f]],
  ];
  it.each(commands)('%s: no stack trace on any file', (_name, args) => {
    const problems: string[] = [];
    for (const f of files) {
      const r = runCli(args(f));
      if (![0, 1, 2].includes(r.code ?? -1)) problems.push(`${f}: exit ${r.code}`);
      for (const p of stderrProblems(r.stderr)) problems.push(`${f}: ${p}`);
    }
    expect(problems).toEqual([]);
  });
});
