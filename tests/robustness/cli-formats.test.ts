/**
 * Every output format on hostile text (lone surrogates, controls, bidi overrides, markup,
 * tabs and newlines inside names) and hostile --stdin-jsonl records: no crash, no stack trace,
 * and the HTML report never lets article text through as markup.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleText, edgyText, FUZZ_SEED } from '../invariants/arbitraries.js';
import { ensureBuilt, jsonLines, runCli, stderrProblems, tempDir } from './cli-harness.js';

const FORMATS: string[][] = [['--format', 'json'], ['--format', 'jsonl'], ['--format', 'pretty'], ['--format', 'tsv'], ['--format', 'tsv', '--table', 'quotes'], ['--format', 'tsv', '--table', 'sentences'], ['--format', 'conll'], ['--format', 'html']];

// Fixed hostile articles, each with what it probes (English notes; the Arabic says "the minister said").
const HOSTILE_TEXTS: [string, string][] = [
  ['markup in the article (must be escaped in HTML)', 'قال الوزير <script>alert(1)</script> إن «<img src=x onerror=alert(2)>» مهم.'],
  ['lone surrogates around a quote', 'قال \ud800الوزير: «\udc00نعم».'],
  ['terminal escape sequences', 'قال الوزير \u001b[2J\u001b]0;pwned\u0007 إن الأمر مهم.'],
  ['bidi override inside a quote', 'قال الوزير: «\u202eabc\u202c».'],
  ['tabs and CR inside a sentence (TSV cells)', 'قال\tالوزير\rإن\tالصين مهمة.'],
  ['NUL characters', 'قال\u0000الوزير.'],
];

describe('every format on hostile text', () => {
  let dir = '';
  let files: [string, string][] = [];
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
    const random = [...fc.sample(articleText(80), { seed: FUZZ_SEED + 7, numRuns: 3 }), ...fc.sample(edgyText(60), { seed: FUZZ_SEED + 8, numRuns: 3 })];
    files = [...HOSTILE_TEXTS, ...random.map((t, i): [string, string] => [`random #${i}`, t])].map(([note, text], i) => {
      const p = join(dir, `h${i}.txt`);
      writeFileSync(p, text);
      return [note, p];
    });
  });

  it.each(FORMATS.map((f) => [f.join(' '), f]))('%s', (_name, format) => {
    // one batch run over every file per format (a process per file would be slow)
    const r = runCli(['extract', ...files.map(([, p]) => p), ...format, '--quiet']);
    const problems: string[] = [];
    if (![0, 1].includes(r.code ?? -1)) problems.push(`exit ${r.code}: ${r.stderr.slice(0, 500)}`);
    problems.push(...stderrProblems(r.stderr));
    if (format.includes('html') && /<script>alert|<img src=x/i.test(r.stdout)) problems.push('article markup reached the HTML report unescaped');
    if (format.includes('pretty') && /\u001b\]0;pwned/.test(r.stdout)) problems.push('a terminal escape sequence from the article reached the terminal');
    expect(problems).toEqual([]);
  });
});

describe('--stdin-jsonl with hostile records', () => {
  beforeAll(() => ensureBuilt());

  // one record per line; notes in English
  const records: [string, string][] = [
    ['a good record ("the minister said")', JSON.stringify({ id: 'ok-1', text: 'قال الوزير إن الصين مهمة.' })],
    ['not JSON', '{"id": "broken", "text": '],
    ['JSON but not an object', '[1, 2, 3]'],
    ['text missing', JSON.stringify({ id: 'no-text' })],
    ['text is a number', JSON.stringify({ id: 'num', text: 42 })],
    ['id is an object', JSON.stringify({ id: { a: 1 }, text: 'قال.' })],
    ['__proto__ key', '{"__proto__": {"polluted": true}, "id": "proto", "text": "قال."}'],
    ['lone surrogate escape in text', '{"id": "sur", "text": "\\ud800 قال"}'],
    ['an empty line', ''],
    ['a very long text (200,000 characters)', JSON.stringify({ id: 'long', text: 'قال الوزير. '.repeat(16_000) })],
    ['a good record at the end', JSON.stringify({ id: 'ok-2', text: 'وقال الرئيس إن روسيا مهمة.' })],
  ];

  it('bad records become error records, good ones are analysed, nothing crashes', () => {
    const r = runCli(['extract', '--stdin-jsonl'], { input: records.map(([, l]) => l).join('\n') + '\n', timeoutMs: 60_000 });
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect([0, 1]).toContain(r.code);
    const out = jsonLines(r.stdout);
    const ok = out.filter((x) => !x.error);
    expect(ok.length, 'good records analysed').toBeGreaterThanOrEqual(2);
    expect(out.some((x) => x.error), 'bad records reported').toBe(true);
    expect(JSON.stringify(out)).toContain('ok-2'); // the batch went on after the bad ones
  });
});
