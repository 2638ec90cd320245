import { describe, expect, it } from 'vitest';
import type { CaseReport } from '../../../src/check/compare.js';
import { toJUnit } from '../../../src/check/junit.js';
import { formatText, summarize, type CheckCase } from '../../../src/check/report.js';

const counts = (found: number, missed: number, correct: number, spurious: number) => ({ found, missed, correct, spurious });
const report = (passed: boolean, person = counts(2, 0, 2, 0)): CaseReport => ({
  passed,
  xpassed: [],
  parts: [{ part: 'entities', passed, xfail: false, diff: passed ? [] : ['missing PERSON «عمرو» 3–7 (amr)'], notes: ['unexpected PERSON «مصر» 9–12 (p:x)'] }],
  entities: { PERSON: person },
  quotes: { cue: counts(1, 0, 1, 0), endToEnd: counts(1, 0, 1, 0) },
});

describe('summarize: exit codes and metrics', () => {
  it.each([
    { note: 'all pass → 0', cases: [{ name: 'a', status: 'pass', report: report(true) }], minF1: undefined, exit: 0 },
    { note: 'a failing case → 1', cases: [{ name: 'a', status: 'pass', report: report(true) }, { name: 'b', status: 'fail', report: report(false) }], minF1: undefined, exit: 1 },
    { note: 'an invalid fixture wins over failures → 2', cases: [{ name: 'a', status: 'fail', report: report(false) }, { name: 'b', status: 'invalid', problems: ['x'] }], minF1: undefined, exit: 2 },
    { note: 'passing cases but a per-type F1 under --min-f1 → 1', cases: [{ name: 'a', status: 'pass', report: report(true, counts(1, 1, 1, 1)) }], minF1: 0.9, exit: 1 },
    { note: 'F1 at or above --min-f1 → 0', cases: [{ name: 'a', status: 'pass', report: report(true) }], minF1: 0.9, exit: 0 },
  ] as { note: string; cases: CheckCase[]; minF1?: number; exit: number }[])('$note', ({ cases, minF1, exit }) => {
    expect(summarize(cases, { minF1 }).exitCode).toBe(exit);
  });

  it('sums counts over cases before computing P/R/F1 (micro average)', () => {
    const s = summarize([
      { name: 'a', status: 'pass', report: report(true, counts(1, 1, 1, 0)) },
      { name: 'b', status: 'pass', report: report(true, counts(3, 0, 3, 1)) },
    ]);
    expect(s.entities.PERSON.recall).toBeCloseTo(4 / 5);
    expect(s.entities.PERSON.precision).toBeCloseTo(4 / 5);
    expect(s.entities.ALL.support).toBe(5);
  });

  it('the text report shows each case, its diff and the metrics table', () => {
    const text = formatText(summarize([{ name: 'case-a', status: 'fail', report: report(false) }]));
    expect(text).toMatch(/FAIL\s+case-a/);
    expect(text).toMatch(/missing PERSON «عمرو»/);
    expect(text).toMatch(/^PERSON\s+100\.0/m);
    expect(text).toMatch(/quote e2e/);
    expect(text).toMatch(/\+1 notes: extra findings/);
    expect(text).not.toMatch(/\(info\)/);
    expect(formatText(summarize([{ name: 'case-a', status: 'fail', report: report(false) }]), { verbose: true })).toMatch(/\(info\) unexpected PERSON «مصر»/);
  });
});

describe('toJUnit', () => {
  it('one testcase per case, failures and errors counted, text escaped', () => {
    const xml = toJUnit(
      summarize([
        { name: 'ok', status: 'pass', report: report(true) },
        { name: 'bad <one>', status: 'fail', report: report(false) },
        { name: 'broken', status: 'invalid', problems: ['title: text "a" ≠ input[0:1] "b"'] },
      ]),
    );
    expect(xml).toMatch(/<testsuite [^>]*tests="3" failures="1" errors="1"/);
    expect(xml).toContain('name="bad &lt;one&gt;"');
    expect(xml).toMatch(/<failure message="missing PERSON «عمرو» 3–7 \(amr\)">/);
    expect(xml).toContain('<error message="invalid fixture">title: text &quot;a&quot;');
    expect((xml.match(/<testcase /g) ?? []).length).toBe(3);
  });
});
