import type { Lexicons } from '../lexicon/lexicons.js';
import type { Entity, Quote, Sentence, Token } from '../types.js';
import type { TextDoc } from '../document.js';

/** Reported speech attribution. (Filled in by the quotes work.) */
export function findQuotes(_doc: TextDoc, _tokens: readonly Token[], _sentences: readonly Sentence[], _entities: readonly Entity[], _lex: Lexicons): Quote[] {
  return [];
}

/** Group quotes by speaker (entity id, or speaker text when no entity), in order of first quote. */
export function summarizeSpeakers(quotes: readonly Quote[]): { entity: string | null; text: string; role?: string; quotes: number[] }[] {
  const out = new Map<string, { entity: string | null; text: string; role?: string; quotes: number[] }>();
  quotes.forEach((q, i) => {
    const key = q.speaker.entity ?? `text:${q.speaker.text}`;
    let s = out.get(key);
    if (!s) out.set(key, (s = { entity: q.speaker.entity, text: q.speaker.text, ...(q.speaker.role ? { role: q.speaker.role } : {}), quotes: [] }));
    s.quotes.push(i);
  });
  return [...out.values()];
}
