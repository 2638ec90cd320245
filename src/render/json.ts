import type { ExtractResult } from '../result.js';

/** One article as pretty JSON (a single input) . */
export function renderJson(result: ExtractResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** One article per line (JSONL). */
export function renderJsonLine(result: unknown): string {
  return JSON.stringify(result) + '\n';
}
