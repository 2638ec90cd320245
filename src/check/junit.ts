import type { CheckSummary } from './report.js';

/** JUnit XML (one testcase per fixture case) for CI systems that display test reports. */
export function toJUnit(summary: CheckSummary, suiteName = 'newsnlp check'): string {
  const failures = summary.cases.filter((c) => c.status === 'fail').length;
  const errors = summary.cases.filter((c) => c.status === 'invalid').length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xml(suiteName)}" tests="${summary.cases.length}" failures="${failures}" errors="${errors}">`];
  out.push(`  <testsuite name="${xml(suiteName)}" tests="${summary.cases.length}" failures="${failures}" errors="${errors}" skipped="0">`);
  for (const c of summary.cases) {
    out.push(`    <testcase classname="fixtures" name="${xml(c.name)}">`);
    const diff = (c.report?.parts ?? []).filter((p) => !p.passed).flatMap((p) => [`${p.part}${p.xfail ? ' (xfail)' : ''}:`, ...p.diff.map((d) => `  ${d}`)]);
    if (c.status === 'invalid') out.push(`      <error message="invalid fixture">${xml((c.problems ?? []).join('\n'))}</error>`);
    else if (c.status === 'fail') out.push(`      <failure message="${xml(firstLine(diff))}">${xml(diff.join('\n'))}</failure>`);
    else if (diff.length) out.push(`      <system-out>${xml(diff.join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}

function firstLine(lines: string[]): string {
  return lines.find((l) => l.startsWith('  '))?.trim() ?? 'case failed';
}

/** Escape for XML text and attributes; drops characters XML 1.0 cannot carry. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
