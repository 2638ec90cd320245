import type { ExtractResult, ResultQuote } from '../result.js';
import { InvalidFixtureError, validateGold, type Gold, type GoldPart, type GoldQuote, type GoldSpan } from './gold.js';
import { emptyCounts, type Counts, type QuoteCounts } from './scoring.js';

/**
 * compare(gold, result): the one scorer used by the golden test and by `newsnlp check`.
 * Entity mentions match by overlap and type, quotes by cue overlap in the same sentence (and the
 * same speaker for end to end), sentences/title/boilerplate exactly. Pure: no I/O.
 */

/** Entity types scored; predictions of other kinds (extra types) are ignored unless the gold uses them. */
export const SCORED_TYPES = ['PERSON', 'LOCATION', 'ORGANIZATION'] as const;

export interface PartReport {
  part: GoldPart;
  passed: boolean;
  /** The part is listed in the gold's `xfail`: its failure is reported, not fatal. */
  xfail: boolean;
  /** Readable diff lines: `missing …`, `unexpected …`, `wrong speaker …`. */
  diff: string[];
  /** Findings that do not fail the part (extra predictions in subset mode): shown with --verbose. */
  notes: string[];
}

export interface CaseReport {
  passed: boolean;
  /** xfail parts that passed: the xfail entry can go. */
  xpassed: GoldPart[];
  parts: PartReport[];
  entities: Record<string, Counts>;
  quotes: QuoteCounts;
}

interface FlatMention {
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const show = (s: { start: number; end: number; text?: string }): string => `«${s.text ?? ''}» ${s.start}–${s.end}`;

/**
 * Compare one extraction result with its gold. When `input` is given the gold is validated
 * against it first and an InvalidFixtureError is thrown on any mismatch.
 */
export function compare(gold: Gold, result: ExtractResult, input?: string): CaseReport {
  if (input !== undefined) {
    const problems = validateGold(gold, input);
    if (problems.length) throw new InvalidFixtureError(problems);
  }
  const exact = gold.mode === 'exact';
  const parts: PartReport[] = [];
  const part = (name: GoldPart, diff: string[], notes: string[] = []): void => {
    parts.push({ part: name, passed: diff.length === 0, xfail: (gold.xfail ?? []).includes(name), diff, notes });
  };
  if (gold.title !== undefined) part('title', compareTitle(gold.title, result.title));
  if (gold.sentences) part('sentences', compareExactSpans('sentence', gold.sentences, result.sentences));
  if (gold.boilerplate) part('boilerplate', compareExactSpans('boilerplate', gold.boilerplate, result.boilerplate));
  const scoredTypes = new Set<string>([...SCORED_TYPES, ...(gold.entities ?? []).map((e) => e.type)]);
  const entities = compareEntities(gold, result, scoredTypes, exact);
  if (gold.entities || gold.absent) part('entities', entities.diff, entities.notes);
  const quotes = compareQuotes(gold, result, exact);
  if (gold.quotes) part('quotes', quotes.diff, quotes.notes);
  const passed = parts.every((p) => p.passed || p.xfail);
  const xpassed = parts.filter((p) => p.passed && p.xfail).map((p) => p.part);
  return { passed, xpassed, parts, entities: entities.counts, quotes: quotes.counts };
}

function compareTitle(gold: GoldSpan | null, predicted: { start: number; end: number; text?: string } | null): string[] {
  if (gold === null) return predicted ? [`unexpected title ${show(predicted)}`] : [];
  if (!predicted) return [`missing title ${show(gold)}`];
  if (predicted.start !== gold.start || predicted.end !== gold.end) return [`title ${show(predicted)} should be ${show(gold)}`];
  return [];
}

function compareExactSpans(what: string, gold: GoldSpan[], predicted: { start: number; end: number; text?: string }[]): string[] {
  const key = (s: { start: number; end: number }): string => `${s.start}:${s.end}`;
  const predictedKeys = new Set(predicted.map(key));
  const goldKeys = new Set(gold.map(key));
  return [
    ...gold.filter((s) => !predictedKeys.has(key(s))).map((s) => `missing ${what} ${show(s)}`),
    ...predicted.filter((s) => !goldKeys.has(key(s))).map((s) => `unexpected ${what} ${show(s)}`),
  ];
}

function goldMentions(gold: Gold): FlatMention[] {
  return (gold.entities ?? []).flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text ?? '', type: e.type, entity: e.id })));
}

function predictedMentions(result: ExtractResult, scoredTypes: Set<string>): FlatMention[] {
  return result.entities
    .filter((e) => scoredTypes.has(e.type))
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: e.type, entity: e.id })));
}

function compareEntities(gold: Gold, result: ExtractResult, scoredTypes: Set<string>, exact: boolean): { diff: string[]; notes: string[]; counts: Record<string, Counts> } {
  const golds = goldMentions(gold);
  const preds = predictedMentions(result, scoredTypes);
  const optional = gold.optional_spans ?? [];
  const counts: Record<string, Counts> = {};
  const countsOf = (type: string): Counts => (counts[type] ??= emptyCounts());
  for (const type of new Set(golds.map((g) => g.type))) countsOf(type);
  const missing: string[] = [];
  const wrongType: string[] = [];
  for (const g of golds) {
    if (preds.some((p) => p.type === g.type && overlaps(p, g))) countsOf(g.type).found++;
    else {
      countsOf(g.type).missed++;
      const other = preds.find((p) => overlaps(p, g));
      if (other) wrongType.push(`wrong type ${g.type} ${show(g)} (${g.entity}) found as ${other.type} ${show(other)}`);
      else missing.push(`missing ${g.type} ${show(g)} (${g.entity})`);
    }
  }
  const unexpected: string[] = [];
  for (const p of preds) {
    if (golds.some((g) => g.type === p.type && overlaps(p, g))) countsOf(p.type).correct++;
    else if (optional.some((o) => overlaps(p, o))) continue; // optional: neither right nor wrong
    else {
      countsOf(p.type).spurious++;
      if (!golds.some((g) => overlaps(p, g))) unexpected.push(`unexpected ${p.type} ${show(p)} (${p.entity})`);
    }
  }
  const absentHits = (gold.absent ?? []).flatMap((a) =>
    preds.filter((p) => p.text === a.text && (!a.type || a.type === p.type)).map((p) => `absent finding came back: ${p.type} ${show(p)}`),
  );
  return { diff: [...missing, ...wrongType, ...(exact ? unexpected : []), ...absentHits], notes: exact ? [] : unexpected, counts };
}

/** Map each predicted entity id to the gold entity whose mentions it overlaps most. */
function alignEntities(golds: FlatMention[], result: ExtractResult): Map<string, string> {
  const aligned = new Map<string, string>();
  for (const e of result.entities) {
    const votes = new Map<string, number>();
    for (const m of e.mentions) for (const g of golds) if (overlaps(m, g)) votes.set(g.entity, (votes.get(g.entity) ?? 0) + 1);
    let best: string | undefined;
    for (const [id, n] of votes) if (best === undefined || n > (votes.get(best) ?? 0)) best = id;
    if (best !== undefined) aligned.set(e.id, best);
  }
  return aligned;
}

function compareQuotes(gold: Gold, result: ExtractResult, exact: boolean): { diff: string[]; notes: string[]; counts: QuoteCounts } {
  const counts: QuoteCounts = { cue: emptyCounts(), endToEnd: emptyCounts() };
  const golds = goldMentions(gold);
  const aligned = alignEntities(golds, result);
  const speakerIsRight = (g: GoldQuote, p: ResultQuote): boolean => {
    const spoken = p.speaker;
    if (g.speaker) {
      if (spoken.entity && aligned.get(spoken.entity) === g.speaker) return true;
      const span = spokenSpan(p);
      return span !== null && golds.some((m) => m.entity === g.speaker && overlaps(m, span));
    }
    if (g.speaker_text) return textsOverlap(spoken.text, g.speaker_text);
    return !(spoken.entity && aligned.has(spoken.entity));
  };
  const inGoldSentence = (g: GoldQuote, p: ResultQuote): boolean => {
    if (g.sentence === undefined) return true;
    // with gold sentences, "same sentence" is positional (robust to a different split elsewhere);
    // without them, the predicted sentence index must be the gold one
    const sentence = gold.sentences?.[g.sentence];
    return sentence ? p.cue.start >= sentence.start && p.cue.start < sentence.end : p.sentence === g.sentence;
  };
  const used = new Set<number>();
  const diff: string[] = [];
  const notes: string[] = [];
  for (const g of gold.quotes ?? []) {
    const required = g.required !== false;
    const cue = { start: g.cue_start, end: g.cue_end };
    const candidates = result.quotes.map((p, i) => ({ p, i })).filter(({ p, i }) => !used.has(i) && overlaps(p.cue, cue) && inGoldSentence(g, p));
    const match = candidates.find(({ p }) => speakerIsRight(g, p)) ?? candidates[0];
    const who = g.speaker ?? (g.speaker_text ? `«${g.speaker_text}»` : 'a non-entity speaker');
    if (!match) {
      if (required) {
        counts.cue.missed++;
        counts.endToEnd.missed++;
        diff.push(`missing quote cue «${g.cue}» ${g.cue_start}–${g.cue_end} (speaker ${who})`);
      }
      continue;
    }
    used.add(match.i);
    if (g.kind && match.p.kind !== g.kind) notes.push(`cue «${g.cue}» ${g.cue_start}–${g.cue_end}: kind ${match.p.kind}, gold says ${g.kind}`);
    if (!required) continue; // optional quote found: neutral
    counts.cue.found++;
    counts.cue.correct++;
    if (speakerIsRight(g, match.p)) {
      counts.endToEnd.found++;
      counts.endToEnd.correct++;
    } else {
      counts.endToEnd.missed++;
      counts.endToEnd.spurious++;
      diff.push(`wrong speaker for cue «${g.cue}» ${g.cue_start}–${g.cue_end}: got ${describeSpeaker(match.p)}, want ${who}`);
    }
  }
  result.quotes.forEach((p, i) => {
    if (used.has(i)) return;
    counts.cue.spurious++;
    counts.endToEnd.spurious++;
    (exact ? diff : notes).push(`unexpected quote cue ${show(p.cue)} (speaker ${describeSpeaker(p)})`);
  });
  return { diff, notes, counts };
}

function spokenSpan(p: ResultQuote): { start: number; end: number } | null {
  const { start, end } = p.speaker;
  return start !== undefined && end !== undefined ? { start, end } : null;
}

function describeSpeaker(p: ResultQuote): string {
  return `${p.speaker.entity ?? 'no entity'} «${p.speaker.text}»${p.speaker.implicit ? ' (implicit)' : ''}`;
}

/** Non-entity speakers: the predicted text and the gold text share a word (or one contains the other). */
function textsOverlap(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const words = new Set(b.split(/\s+/).filter((w) => w.length > 2));
  return a.split(/\s+/).some((w) => words.has(w));
}
