import type { CaseReport } from './compare.js';
import { addCounts, emptyCounts, prf, sumByType, type Counts, type Prf } from './scoring.js';

/** One fixture case as `newsnlp check` sees it. */
export interface CheckCase {
  name: string;
  status: 'pass' | 'fail' | 'invalid';
  report?: CaseReport;
  /** Why the fixture is invalid (gold does not fit its input). */
  problems?: string[];
  /** State of the machine snapshot (`snapshot.json`), when snapshots are in use. */
  snapshot?: 'same' | 'changed' | 'missing' | 'updated';
}

export interface CheckSummary {
  cases: CheckCase[];
  entities: Record<string, Prf & Counts>;
  cue: Prf & Counts;
  endToEnd: Prf & Counts;
  /** Among required quotes whose cue was found, the share with the right speaker. */
  speakerAccuracy: number;
  /** Metrics under --min-f1, e.g. `PERSON F1 0.812 < 0.9`. */
  belowMinF1: string[];
  exitCode: 0 | 1 | 2;
}

const withPrf = (c: Counts): Prf & Counts => ({ ...c, ...prf(c) });

/**
 * Aggregate the cases: per-type P/R/F1 over all cases, cue and end-to-end quote scores, and the
 * exit code (2 when a fixture is invalid, 1 when a case fails or a metric is under minF1).
 */
export function summarize(cases: CheckCase[], options: { minF1?: number } = {}): CheckSummary {
  const reports = cases.flatMap((c) => (c.report ? [c.report] : []));
  const entities = Object.fromEntries(Object.entries(sumByType(reports.map((r) => r.entities))).map(([t, c]) => [t, withPrf(c)]));
  const cue = reports.reduce((acc, r) => addCounts(acc, r.quotes.cue), emptyCounts());
  const endToEnd = reports.reduce((acc, r) => addCounts(acc, r.quotes.endToEnd), emptyCounts());
  const speakerAccuracy = cue.found === 0 ? 1 : endToEnd.found / cue.found;
  const belowMinF1: string[] = [];
  if (options.minF1 !== undefined) {
    for (const [type, m] of Object.entries(entities)) if (m.support > 0 && m.f1 < options.minF1) belowMinF1.push(`${type} F1 ${m.f1.toFixed(3)} < ${options.minF1}`);
    const e2e = withPrf(endToEnd);
    if (e2e.support > 0 && e2e.f1 < options.minF1) belowMinF1.push(`quote end-to-end F1 ${e2e.f1.toFixed(3)} < ${options.minF1}`);
  }
  const exitCode = cases.some((c) => c.status === 'invalid') ? 2 : cases.some((c) => c.status === 'fail') || belowMinF1.length ? 1 : 0;
  return { cases, entities, cue: withPrf(cue), endToEnd: withPrf(endToEnd), speakerAccuracy, belowMinF1, exitCode };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

/** The human report: per-case status and diff, then the metrics table. */
export function formatText(summary: CheckSummary, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  for (const c of summary.cases) {
    const mark = c.status === 'pass' ? 'PASS' : c.status === 'fail' ? 'FAIL' : 'INVALID';
    const notes = [c.snapshot && c.snapshot !== 'same' ? `snapshot ${c.snapshot}` : '', c.report?.xpassed.length ? `xfail parts now pass: ${c.report.xpassed.join(', ')}` : ''].filter(Boolean);
    lines.push(`${mark.padEnd(7)} ${c.name}${notes.length ? `  (${notes.join('; ')})` : ''}`);
    for (const p of c.problems ?? []) lines.push(`          ${p}`);
    for (const part of c.report?.parts ?? []) {
      const notes = options.verbose ? part.notes : [];
      if (part.passed && notes.length === 0) {
        if (part.notes.length) lines.push(`    ${part.part}: ${part.notes.length} notes (extra findings or kind mismatches; not failing; --verbose lists them)`);
        continue;
      }
      lines.push(`    ${part.part}${part.xfail ? ' (xfail)' : ''}:${!options.verbose && part.notes.length ? ` (+${part.notes.length} notes: extra findings or kind mismatches, not failing; --verbose lists them)` : ''}`);
      for (const d of part.diff) lines.push(`      ${d}`);
      for (const n of notes) lines.push(`      (info) ${n}`);
    }
  }
  const passed = summary.cases.filter((c) => c.status === 'pass').length;
  const invalid = summary.cases.filter((c) => c.status === 'invalid').length;
  lines.push('', `${passed}/${summary.cases.length} cases passed${invalid ? `, ${invalid} invalid` : ''}`, '');
  lines.push('type            P      R     F1   gold');
  for (const [type, m] of Object.entries(summary.entities)) lines.push(`${type.padEnd(12)} ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)}  ${String(m.support).padStart(5)}`);
  lines.push(`${'quote cue'.padEnd(12)} ${pct(summary.cue.precision)}  ${pct(summary.cue.recall)}  ${pct(summary.cue.f1)}  ${String(summary.cue.support).padStart(5)}`);
  lines.push(`${'quote e2e'.padEnd(12)} ${pct(summary.endToEnd.precision)}  ${pct(summary.endToEnd.recall)}  ${pct(summary.endToEnd.f1)}  ${String(summary.endToEnd.support).padStart(5)}`);
  lines.push(`speaker accuracy (cue found): ${pct(summary.speakerAccuracy).trim()}%`);
  for (const b of summary.belowMinF1) lines.push(`under --min-f1: ${b}`);
  return lines.join('\n') + '\n';
}

/** The machine report (`--format json`). */
export function formatJson(summary: CheckSummary): string {
  return JSON.stringify({ schema: 'newsnlp.check/1', ...summary }, null, 2) + '\n';
}
