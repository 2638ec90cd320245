/**
 * Lexicons from users are data: whatever a user's TSV holds, extraction neither throws, nor
 * loops forever, nor breaks the result's invariants. For every lexicon kind the package ships
 * (read from lexicons/*.tsv at test time, so new kinds are covered automatically), each column
 * is filled in turn with a hostile value while the other columns get plausible ones. Cases run
 * in a child process with a time limit (a hang names its case instead of stalling the suite).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkResult } from '../invariants/invariant-checks.js';
import fc from 'fast-check';
import { articleText, FUZZ_SEED, fuzzRuns, LEXICON_DIR } from '../invariants/arbitraries.js';
import { ensureBuilt, runCasesInChild, type ExtractCase } from './watchdog.js';

/** Hostile cell values, each with why it is hostile. */
const HOSTILE: [string, string][] = [
  ['empty cell', ''],
  ['only spaces (trimmed to empty)', '   '],
  ['only a haraka (normalizes to empty)', '\u064e'],
  ['only tatweel (normalizes to empty)', '\u0640\u0640'],
  ['only bidi marks (normalize to empty)', '\u200f\u200e'],
  ['one letter (alef)', 'ا'],
  ['the article alone', 'ال'],
  ['the conjunction wa alone', 'و'],
  ['a very long form of 300 tokens ("said" repeated)', 'قال '.repeat(300).trim()],
  ['a form of 300 distinct-looking tokens', Array.from({ length: 300 }, (_, i) => 'كلمة' + String.fromCharCode(0x0628 + (i % 20))).join(' ')],
  ['a 20,000-character form without spaces', 'ب'.repeat(20000)],
  ['regex metacharacters (must be data, not a pattern)', '.*(a+)+$[\\'],
  ['template / code look-alike', '${process.exit(1)}'],
  ['prototype key', '__proto__'],
  ['lone surrogate', '\ud800'],
  ['a quote mark', '«'],
  ['a common word ("in")', 'في'],
  ['a carriage return inside the cell', 'الصين\r'],
];

function plausible(column: string): string {
  const byName: Record<string, string> = { id: 'test:hostile', rel: 'name', scope: 'line', slot: 'conj', kind: 'test', type: 'PERSON', name_en: 'Hostile' };
  return byName[column] ?? 'قال';
}

function shippedKinds(): { file: string; columns: string[] }[] {
  const out: { file: string; columns: string[] }[] = [];
  for (const f of readdirSync(LEXICON_DIR).filter((x) => x.endsWith('.tsv')).sort()) {
    const header = readFileSync(join(LEXICON_DIR, f), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((l) => l.trim() !== '' && !l.startsWith('#'));
    if (header) out.push({ file: f, columns: header.split('\t').map((c) => c.trim()) });
  }
  return out;
}

const ARTICLE = [
  'عنوان الخبر',
  '',
  'قال وزير الخارجية الصيني وانغ يي إن «الصين وروسيا» تعملان معا في إطار بريكس.',
  'وأضاف: "نحن ملتزمون بالتعاون"، مشيرا إلى أن الاجتماع المقبل في موسكو.',
  HOSTILE.map(([, v]) => (v.length > 400 ? v.slice(0, 400) : v)).join(' '),
  'ملفات تعريف الارتباط',
].join('\n');

interface NamedCase extends ExtractCase {
  note: string;
}

/** One case per (kind, column): a user file of that kind whose rows put each hostile value in that column. */
function buildCases(): NamedCase[] {
  const cases: NamedCase[] = [];
  for (const { file, columns } of shippedKinds()) {
    const kind = file.split('.')[0];
    for (const col of columns) {
      const rows = HOSTILE.map(([, value]) => columns.map((c) => (c === col ? value.replace(/\t|\n/g, ' ') : plausible(c))).join('\t'));
      cases.push({ note: `${kind}.tsv, column "${col}" holding each hostile value`, text: ARTICLE, lexicons: [{ name: `user/${kind}.hostile.tsv`, text: [columns.join('\t'), ...rows].join('\n') + '\n' }] });
    }
  }
  return cases;
}

describe('hostile user lexicons', () => {
  beforeAll(() => ensureBuilt());
  const cases = buildCases();

  it('covers every shipped lexicon kind', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it('never throw, hang or break an invariant', async () => {
    const out = await runCasesInChild(cases, 8_000, 3);
    const problems: string[] = [];
    for (const h of out.hung) problems.push(`HANG (killed after the time limit) on case ${h}: ${cases[h]?.note ?? '?'}`);
    for (const e of out.errors) problems.push(`THROW on case ${e.i} (${cases[e.i]?.note ?? '?'}): ${e.error.split('\n').slice(0, 3).join(' | ')}`);
    out.results.forEach((r, i) => {
      if (r) for (const p of checkResult(cases[i].text, r)) problems.push(`case ${i} (${cases[i].note}): ${p}`);
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it('random rows in random shipped kinds (fixed seed) never throw, hang or break an invariant', async () => {
    const kinds = shippedKinds();
    const cell = articleText(6).map((c) => c.replace(/[\t\n\r]/g, ' '));
    const lexicon = fc.tuple(fc.constantFrom(...kinds), fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 25 }));
    const samples = fc.sample(fc.tuple(lexicon, articleText(150)), { seed: FUZZ_SEED, numRuns: Math.min(fuzzRuns(40), 2000) });
    const random: NamedCase[] = samples.map(([[kind, rows], text], i) => ({
      note: `random ${kind.file} #${i}`,
      text,
      lexicons: [{ name: `user/${kind.file.split('.')[0]}.random.tsv`, text: [kind.columns.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n') + '\n' }],
    }));
    const out = await runCasesInChild(random, 8_000, 3);
    const problems: string[] = [];
    for (const h of out.hung) problems.push(`HANG on ${random[h].note}: ${JSON.stringify(random[h]).slice(0, 600)}`);
    for (const e of out.errors) problems.push(`THROW on ${random[e.i]?.note ?? e.i}: ${e.error.split('\n').slice(0, 3).join(' | ')} — case ${JSON.stringify(random[e.i] ?? null).slice(0, 600)}`);
    out.results.forEach((r, i) => {
      if (r) for (const p of checkResult(random[i].text, r)) problems.push(`${random[i].note}: ${p}`);
    });
    expect(problems).toEqual([]);
  }, 60_000);
});
