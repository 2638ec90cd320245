import type { Lexicons } from '../lexicon/lexicons.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { BoilerplateSpan } from '../types.js';
import type { TextDoc } from '../document.js';

/**
 * Web-page residue (cookie notices, "read also", share lines) found from `lexicons/boilerplate.tsv`
 * (columns: phrase, kind, scope). A `line` phrase marks the line that contains it; a `tail`
 * phrase marks its line and everything after it (a cookie notice at the end of a page).
 */
interface BoilerplatePhrase {
  norm: string;
  kind: string;
  scope: 'line' | 'tail';
}

function phrases(lex: Lexicons): BoilerplatePhrase[] {
  return lex.compiled('boilerplate', () =>
    lex.rows('boilerplate').map((r) => ({
      norm: normalizeForMatch(r.cells.phrase),
      kind: r.cells.kind || 'boilerplate',
      scope: r.cells.scope === 'tail' ? 'tail' : 'line',
    })),
  );
}

export function detectBoilerplate(doc: TextDoc, lex: Lexicons): BoilerplateSpan[] {
  const found: BoilerplateSpan[] = [];
  const text = doc.original;
  for (const p of phrases(lex)) {
    let from = 0;
    for (;;) {
      const at = doc.normalized.indexOf(p.norm, from);
      if (at < 0) break;
      from = at + p.norm.length;
      const orig = doc.map.toOriginal(at, at + p.norm.length);
      const lineStart = text.lastIndexOf('\n', orig.start - 1) + 1;
      let end: number;
      if (p.scope === 'tail') end = text.length;
      else {
        const nl = text.indexOf('\n', orig.end);
        end = nl < 0 ? text.length : nl;
      }
      found.push({ start: lineStart, end: trimEnd(text, lineStart, end), kind: p.kind });
      if (p.scope === 'tail') break;
    }
  }
  return mergeSpans(found);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function mergeSpans(spans: BoilerplateSpan[]): BoilerplateSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: BoilerplateSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
