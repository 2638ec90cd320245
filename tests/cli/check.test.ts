import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, SEED } from './cli-helpers.js';

/**
 * `newsnlp check` end to end on fixtures made in a temp folder. The golds are derived from what
 * the current pipeline outputs (so these tests do not depend on how good it is yet), then
 * changed on purpose to make a case fail or a fixture invalid.
 */
const tmp = mkdtempSync(join(tmpdir(), 'newsnlp-cli-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Result {
  title: { start: number; end: number; text: string } | null;
  sentences: { start: number; end: number; text: string }[];
  entities: { id: string; type: string; mentions: { start: number; end: number; text: string }[] }[];
}
let seedResult: Result;
const seedChars = Array.from(readFileSync(SEED, 'utf8').replace(/^\uFEFF/, ''));

beforeAll(() => {
  ensureBuilt();
  seedResult = JSON.parse(cli(['extract', SEED, '--format', 'json']).stdout) as Result;
});

/** A gold that agrees with the pipeline's own output on sentences and entities. */
function selfGold(): Record<string, unknown> {
  return {
    offsets: 'codepoint',
    description: 'derived from the current output (test of the checker, not of the pipeline)',
    mode: 'subset',
    sentences: seedResult.sentences,
    entities: seedResult.entities.map((e) => ({ id: e.id, type: e.type, mentions: e.mentions.map(({ start, end, text }) => ({ start, end, text })) })),
  };
}

/** A word of the seed no predicted mention overlaps (to plant a gold mention the pipeline misses). */
function uncoveredWord(): { start: number; end: number; text: string } {
  const covered = (s: number, e: number) => seedResult.entities.some((en) => en.mentions.some((m) => m.start < e && s < m.end));
  const text = seedChars.join('');
  for (const m of text.matchAll(/[\u0621-\u064A]{4,}/gu)) {
    const start = Array.from(text.slice(0, m.index)).length;
    const end = start + Array.from(m[0]).length;
    if (!covered(start, end)) return { start, end, text: m[0] };
  }
  throw new Error('no uncovered word');
}

function makeFixtures(name: string, cases: Record<string, Record<string, unknown>>): string {
  const dir = join(tmp, name);
  for (const [c, gold] of Object.entries(cases)) {
    mkdirSync(join(dir, c), { recursive: true });
    copyFileSync(SEED, join(dir, c, 'input.txt'));
    writeFileSync(join(dir, c, 'gold.json'), JSON.stringify(gold, null, 1));
  }
  return dir;
}

describe('newsnlp check', () => {
  it('all cases pass → exit 0, per-type metrics printed', () => {
    const dir = makeFixtures('all-pass', { 'case-a': selfGold(), 'case-b': selfGold() });
    const r = cli(['check', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS\s+case-a/);
    expect(r.stdout).toMatch(/2\/2 cases passed/);
    expect(r.stdout).toMatch(/^ALL\s+100\.0\s+100\.0\s+100\.0/m);
  });

  it('a case missing a gold mention → exit 1 with a readable diff; JSON and JUnit reports agree', () => {
    const bad = selfGold();
    const word = uncoveredWord();
    (bad.entities as unknown[]).push({ id: 'planted', type: 'PERSON', mentions: [word] });
    const dir = makeFixtures('one-fails', { 'case-ok': selfGold(), 'case-planted': bad });
    const junit = join(tmp, 'report.xml');
    const r = cli(['check', dir, '--junit', junit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL\s+case-planted/);
    expect(r.stdout).toContain(`missing PERSON «${word.text}» ${word.start}–${word.end} (planted)`);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/tests="2" failures="1" errors="0"/);
    const json = JSON.parse(cli(['check', dir, '--format', 'json']).stdout);
    expect(json.exitCode).toBe(1);
    expect(json.cases.map((c: { status: string }) => c.status)).toEqual(['pass', 'fail']); // sorted: case-ok, case-planted
  });

  it('--min-f1 fails passing cases when a metric is under it', (ctx) => {
    if (seedResult.entities.length === 0) ctx.skip(); // needs at least one predicted entity
    const gold = selfGold();
    (gold.entities as unknown[]).shift(); // its predicted mentions become spurious: precision < 1, the case still passes (subset)
    const dir = makeFixtures('min-f1', { 'case-a': gold });
    expect(cli(['check', dir]).code).toBe(0);
    expect(cli(['check', dir, '--min-f1', '0.1']).code).toBe(0);
    const strict = cli(['check', dir, '--min-f1', '1']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/under --min-f1: ALL F1/);
  });

  it('a gold span whose text does not match the input → invalid fixture, exit 2', () => {
    const gold = selfGold();
    gold.title = { start: 0, end: 4, text: 'خطأ!' }; // "error!" is not what the input has there
    const dir = makeFixtures('invalid', { 'case-ok': selfGold(), 'case-bad': gold });
    const r = cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/INVALID\s+case-bad/);
    expect(r.stdout).toMatch(/title: text "خطأ!" ≠ input\[0:4\]/);
  });

  it('--update writes snapshot.json, never gold.json, and is refused under CI=true', () => {
    const dir = makeFixtures('update', { 'case-a': selfGold() });
    const goldBefore = readFileSync(join(dir, 'case-a', 'gold.json'), 'utf8');
    const refused = cli(['check', dir, '--update'], { env: { CI: 'true' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refused under CI=true/);
    expect(existsSync(join(dir, 'case-a', 'snapshot.json'))).toBe(false);
    expect(cli(['check', dir, '--update']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'case-a', 'snapshot.json'), 'utf8')).schema).toBe('newsnlp.extract/1');
    expect(readFileSync(join(dir, 'case-a', 'gold.json'), 'utf8')).toBe(goldBefore);
    expect(cli(['check', dir]).stdout).not.toMatch(/snapshot changed/);
  });

  it('a folder without cases is a usage error (exit 2)', () => {
    mkdirSync(join(tmp, 'empty'), { recursive: true });
    expect(cli(['check', join(tmp, 'empty')]).code).toBe(2);
  });
});
