import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt } from './cli-helpers.js';

/** tag / eval / lexicon check end to end, on a small hand-written CoNLL sample (not ANERcorp). */
const SAMPLE = join(import.meta.dirname, 'data', 'small.conll');

beforeAll(() => ensureBuilt(), 120_000);

describe('newsnlp tag', () => {
  it('prints one token TAB tag line per input token, blank lines between sentences', () => {
    const r = cli(['tag', '--input-format', 'conll', SAMPLE]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual(['وقال\tO', 'وزير\tO', 'الخارجية\tO', 'الروسي\tO', 'سيرجي\tB-PERS', 'لافروف\tI-PERS', 'في\tO', 'موسكو\tB-LOC', '.\tO']);
    expect(lines[9]).toBe('');
    expect(lines.slice(10, 13)).toEqual(['وأعلنت\tO', 'الأمم\tB-ORG', 'المتحدة\tI-ORG']);
    expect(lines.filter((l) => l !== '').length).toBe(25);
  });
  it('takes extra lexicons with --lexicon', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-lex-'));
    const conll = join(dir, 'in.conll');
    writeFileSync(conll, 'زار\tO\nزرقاوستان\tB-LOC\n\n');
    expect(cli(['tag', conll]).stdout).toContain('زرقاوستان\tO');
    writeFileSync(join(dir, 'place.mine.tsv'), 'id\trel\tform\nplace:zq\tname\tزرقاوستان\n');
    expect(cli(['tag', conll, '--lexicon', join(dir, 'place.mine.tsv')]).stdout).toContain('زرقاوستان\tB-LOC');
  });
  it('fails with exit 2 and a clear message for a missing file', () => {
    const r = cli(['tag', 'no-such-file.conll']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-file.conll');
  });
});

describe('newsnlp eval', () => {
  it('reports per-type and overall P/R/F1 as JSON (conlleval: exact spans)', () => {
    const r = cli(['eval', '--conll', SAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const byType = Object.fromEntries(j.byType.map((t: { type: string }) => [t.type, t]));
    expect(byType.LOC).toMatchObject({ gold: 2, predicted: 2, correct: 2, f1: 1 });
    expect(byType.ORG).toMatchObject({ gold: 1, correct: 1 });
    expect(j.main.type).toBe('PERS+LOC+ORG');
    expect(j.main.gold).toBe(5);
  });
  it('prints a table by default', () => {
    const r = cli(['eval', '--conll', SAMPLE]);
    expect(r.stdout).toMatch(/PERS\+LOC\+ORG\s+\d/);
  });
  it('needs --conll', () => {
    expect(cli(['eval']).code).toBe(2);
  });
});

describe('newsnlp lexicon check', () => {
  it('passes on the built-in lexicons', () => {
    expect(cli(['lexicon', 'check']).code).toBe(0);
  });
  it('reports file:line errors and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsnlp-lint-'));
    writeFileSync(join(dir, 'person.tsv'), 'id\trel\tform\nperson:a\tname\tفلان\nperson:b\tname\tفلان\n');
    const r = cli(['lexicon', 'check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/person\.tsv:3: error alias-conflict/);
  });
  it('has --help with examples', () => {
    expect(cli(['lexicon', 'check', '--help']).stdout).toContain('Examples:');
  });
});
