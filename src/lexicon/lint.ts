import { normalizeForMatch } from '../text/normalize.js';
import type { LexiconProblem } from './tsv.js';
import type { ParsedLexicon } from './tsv.js';
import { kindOf } from './lexicons.js';
import { jaroWinkler } from './similarity.js';

/**
 * Lint lexicon files: malformed ids or rel values, duplicate forms, a form under two ids
 * (an alias claimed twice), near-duplicate forms of different ids (likely spelling variants
 * that should be one entity), and one-word forms that are also stop words (ignored by the
 * matcher). Errors fail `newsnlp lexicon check`; warnings do not.
 */
export interface LintMessage extends LexiconProblem {
  severity: 'error' | 'warning';
}

const ID_RE = /^[a-z][a-z0-9-]*(?::[a-z0-9][a-z0-9.-]*)?$/;
/** `ambiguous`: the form also names another id on purpose (عمان: Amman and Oman) */
const RELS = new Set(['name', 'alias', 'abbr', 'block', 'ambiguous']);
const ENTITY_KINDS = new Set(['person', 'place', 'org']);
const NEAR_DUPLICATE = 0.97;

export function lintLexicons(files: readonly ParsedLexicon[], options: { nearDuplicates?: boolean } = {}): LintMessage[] {
  const out: LintMessage[] = [];
  for (const f of files) for (const p of f.problems) out.push({ ...p, severity: 'error' });
  const stop = new Set<string>();
  for (const f of files) if (kindOf(f.file) === 'stopword') for (const r of f.rows) if (r.cells.form) stop.add(normalizeForMatch(r.cells.form).trim());
  const seen = new Map<string, { id: string; file: string; line: number }>();
  const byPrefix = new Map<string, { form: string; id: string }[]>();
  for (const f of files) {
    if (!ENTITY_KINDS.has(kindOf(f.file))) continue;
    for (const col of ['id', 'rel', 'form']) {
      if (!f.columns.includes(col)) out.push({ file: f.file, line: 1, code: 'missing-column', message: `the header has no "${col}" column`, severity: 'error' });
    }
    for (const row of f.rows) {
      const { id, rel, form } = row.cells;
      const at = { file: row.file, line: row.line };
      if (!id || !ID_RE.test(id)) out.push({ ...at, code: 'bad-id', message: `malformed id "${id ?? ''}" (lowercase ascii, e.g. person:wang-yi)`, severity: 'error' });
      if (!RELS.has(rel)) out.push({ ...at, code: 'bad-rel', message: `rel "${rel ?? ''}" is not one of ${[...RELS].join(', ')}`, severity: 'error' });
      if (!form) {
        out.push({ ...at, code: 'empty-form', message: 'empty form', severity: 'error' });
        continue;
      }
      const key = normalizeForMatch(form).replace(/\s+/g, ' ').trim();
      if (rel !== 'block' && stop.has(key)) out.push({ ...at, code: 'common-word', message: `"${form}" is also a stop word: the matcher ignores it alone (write a longer form)`, severity: 'warning' });
      const prev = seen.get(key);
      if (prev && prev.id === id) out.push({ ...at, code: 'duplicate', message: `"${form}" repeats ${prev.file}:${prev.line} (same id ${id})`, severity: 'error' });
      else if (prev && rel !== 'ambiguous') out.push({ ...at, code: 'alias-conflict', message: `"${form}" is already an alias of ${prev.id} (${prev.file}:${prev.line})`, severity: 'error' });
      else seen.set(key, { id, ...at });
      if (options.nearDuplicates !== false && key.length >= 5 && !prev) {
        const p = key.slice(0, 2);
        const list = byPrefix.get(p) ?? [];
        for (const other of list) {
          if (other.id !== id && Math.abs(other.form.length - key.length) <= 1 && jaroWinkler(other.form, key) >= NEAR_DUPLICATE) {
            out.push({ ...at, code: 'near-duplicate', message: `"${form}" looks like "${other.form}" of ${other.id}: same entity?`, severity: 'warning' });
            break;
          }
        }
        list.push({ form: key, id });
        byPrefix.set(p, list);
      }
    }
  }
  return out;
}
