import type { ExtractResult } from '../result.js';

/** One article as indented JSON (a single input). */
export function renderJson(result: unknown): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** One record per line (JSONL): articles and error records of a batch. */
export function renderJsonLine(result: unknown): string {
  return JSON.stringify(result) + '\n';
}

/** Parts of a result that `--fields` may keep or drop. */
export const PROJECTABLE_FIELDS = ['title', 'sentences', 'boilerplate', 'entities', 'quotes', 'speakers', 'warnings', 'text'] as const;
export type ProjectableField = (typeof PROJECTABLE_FIELDS)[number];
/** Always kept: what a record is, where it comes from, and how its offsets count. */
export const ALWAYS_KEPT = ['schema', 'source', 'offsets'] as const;

/** An ExtractResult reduced to some fields; `fields` lists what was kept, so a reader can tell
 * "no quotes found" from "quotes not requested" (schema/extract.schema.json relaxes `required`
 * when it is present). */
export type ProjectedResult = Partial<ExtractResult> & Pick<ExtractResult, 'schema' | 'source' | 'offsets'> & { fields: ProjectableField[] };

export function isProjectableField(f: string): f is ProjectableField {
  return (PROJECTABLE_FIELDS as readonly string[]).includes(f);
}

export function projectFields(r: ExtractResult, fields: readonly ProjectableField[]): ProjectedResult {
  const out: Record<string, unknown> = { schema: r.schema, source: r.source, offsets: r.offsets, fields: [...fields] };
  for (const f of fields) if (r[f] !== undefined) out[f] = r[f];
  return out as ProjectedResult;
}
