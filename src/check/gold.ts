/**
 * The gold format of a fixture case (docs/fixtures.md) and the validation of the gold against
 * its own input: every span carries its text, so a gold whose offsets drifted from the input is
 * caught before any scoring (an invalid fixture, not a failed case).
 */

export interface GoldSpan {
  start: number;
  end: number;
  text?: string;
}

export interface GoldEntity {
  id: string;
  type: string;
  name?: string;
  name_en?: string;
  role?: string;
  mentions: GoldSpan[];
}

export interface GoldQuote {
  speaker: string | null;
  speaker_text?: string;
  cue: string;
  cue_start: number;
  cue_end: number;
  sentence?: number;
  implicit_speaker?: boolean;
  kind?: 'direct' | 'indirect';
  required?: boolean;
}

export type GoldPart = 'title' | 'sentences' | 'boilerplate' | 'entities' | 'quotes';
export const GOLD_PARTS: readonly GoldPart[] = ['title', 'sentences', 'boilerplate', 'entities', 'quotes'];

export interface Gold {
  offsets?: 'codepoint';
  description?: string;
  mode?: 'subset' | 'exact';
  title?: GoldSpan | null;
  sentences?: GoldSpan[];
  boilerplate?: GoldSpan[];
  entities?: GoldEntity[];
  optional_spans?: GoldSpan[];
  absent?: { text: string; type?: string }[];
  quotes?: GoldQuote[];
  xfail?: GoldPart[];
}

/** A fixture whose gold does not fit its input or the format: exit 2 in `newsnlp check`. */
export class InvalidFixtureError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid fixture: ${problems.join('; ')}`);
    this.name = 'InvalidFixtureError';
  }
}

/** Check the gold's shape and that every span's text equals the input slice (code points). */
export function validateGold(gold: Gold, input: string): string[] {
  const problems: string[] = [];
  if (typeof gold !== 'object' || gold === null || Array.isArray(gold)) return ['gold.json is not a JSON object'];
  if (gold.offsets !== undefined && gold.offsets !== 'codepoint') problems.push(`offsets must be "codepoint", not ${JSON.stringify(gold.offsets)}`);
  if (gold.mode !== undefined && gold.mode !== 'subset' && gold.mode !== 'exact') problems.push(`mode must be "subset" or "exact", not ${JSON.stringify(gold.mode)}`);
  const chars = Array.from(input);
  const checkSpan = (where: string, s: GoldSpan, text = s.text): void => {
    if (!Number.isInteger(s?.start) || !Number.isInteger(s?.end) || s.start < 0 || s.end < s.start || s.end > chars.length) {
      problems.push(`${where}: bad span ${JSON.stringify({ start: s?.start, end: s?.end })} (input has ${chars.length} code points)`);
      return;
    }
    if (text === undefined) return;
    const slice = chars.slice(s.start, s.end).join('');
    if (slice !== text) problems.push(`${where}: text ${JSON.stringify(text)} ≠ input[${s.start}:${s.end}] ${JSON.stringify(slice)}`);
  };
  if (gold.title) checkSpan('title', gold.title);
  listOf(gold, 'sentences', problems).forEach((s, i) => checkSpan(`sentences[${i}]`, s));
  listOf(gold, 'boilerplate', problems).forEach((s, i) => checkSpan(`boilerplate[${i}]`, s));
  listOf(gold, 'optional_spans', problems).forEach((s, i) => checkSpan(`optional_spans[${i}]`, s));
  const ids = new Set<string>();
  listOf(gold, 'entities', problems).forEach((e, i) => {
    if (typeof e.id !== 'string' || typeof e.type !== 'string') problems.push(`entities[${i}]: needs a string id and type`);
    if (ids.has(e.id)) problems.push(`entities[${i}]: duplicate id ${JSON.stringify(e.id)}`);
    ids.add(e.id);
    if (!Array.isArray(e.mentions)) problems.push(`entities[${i}] (${e.id}): mentions must be a list`);
    else e.mentions.forEach((m, j) => checkSpan(`entities[${i}] (${e.id}).mentions[${j}]`, m));
  });
  listOf(gold, 'quotes', problems).forEach((q, i) => {
    checkSpan(`quotes[${i}].cue`, { start: q.cue_start, end: q.cue_end }, q.cue);
    if (q.speaker !== null && q.speaker !== undefined && !ids.has(q.speaker)) problems.push(`quotes[${i}]: speaker ${JSON.stringify(q.speaker)} is not a gold entity id`);
    if (q.sentence !== undefined && gold.sentences && !gold.sentences[q.sentence]) problems.push(`quotes[${i}]: sentence ${q.sentence} is not a gold sentence index`);
  });
  for (const part of gold.xfail ?? []) if (!GOLD_PARTS.includes(part)) problems.push(`xfail: unknown part ${JSON.stringify(part)} (one of ${GOLD_PARTS.join(', ')})`);
  return problems;
}

function listOf<K extends keyof Gold>(gold: Gold, key: K, problems: string[]): NonNullable<Gold[K]> & unknown[] {
  const value = gold[key];
  if (value === undefined || value === null) return [] as unknown as NonNullable<Gold[K]> & unknown[];
  if (!Array.isArray(value)) {
    problems.push(`${String(key)} must be a list`);
    return [] as unknown as NonNullable<Gold[K]> & unknown[];
  }
  return value as NonNullable<Gold[K]> & unknown[];
}
