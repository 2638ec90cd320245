import type { Quote, Token } from '../../types.js';
import { RECENT, entityTypeOf, publicSpeaker, recordFrom, type Ctx, type SpeakerRecord } from './context.js';
import { isWord } from './tokens.js';

/**
 * Interviews printed as questions and answers:
 *
 *     س: كيف ترون مستقبل العلاقات؟
 *     ج: العلاقات تمر بمرحلة جيدة …
 *
 * Each answer line (a marker of `function-word.tsv`, role interview-answer, then a colon, at the
 * start of a line) is a direct quote of the interviewee, once a question line has shown the
 * format. The interviewee is the latest person quoted before the answer (the introduction
 * usually quotes them or names them as the subject: قال الوزير في حوار مع …), else the person the
 * text before the first question mentions most. The answer runs to the end of its line; the
 * speaker is implicit and points at that person's mention.
 */
export function interviewAnswers(ctx: Ctx, colons: readonly number[], existing: readonly Quote[], history: readonly SpeakerRecord[]): Quote[] {
  const { tokens } = ctx;
  const words = ctx.q.words;
  const out: Quote[] = [];
  let firstQuestion = -1;
  let introPerson: SpeakerRecord | null | undefined;
  for (const c of colons) {
    const marker = tokens[c - 1];
    if (!marker || !isWord(marker) || !startsLine(ctx, c - 1)) continue;
    if (words.interviewQuestions.has(marker.norm)) {
      if (firstQuestion < 0) firstQuestion = c - 1;
      continue;
    }
    if (firstQuestion < 0 || !words.interviewAnswers.has(marker.norm)) continue;
    const end = lineEnd(ctx, c + 1);
    if (end <= c + 1) continue;
    const start = tokens[c + 1].start;
    if (existing.some((q) => q.content.start === start)) continue;
    const interviewee = latestPerson(ctx, history, marker.start) ?? (introPerson === undefined ? (introPerson = mostMentionedPerson(ctx, firstQuestion)) : introPerson);
    if (!interviewee) continue;
    out.push(answerQuote(ctx, marker, tokens[c], interviewee, start, contentEnd(ctx, c + 1, end)));
  }
  return out;
}

function answerQuote(ctx: Ctx, marker: Token, colon: Token, interviewee: SpeakerRecord, start: number, end: number): Quote {
  const text = ctx.doc.original;
  return {
    speaker: publicSpeaker(recordFrom(interviewee, true, interviewee.gender, interviewee.number)),
    cue: { start: marker.start, end: colon.end, text: text.slice(marker.start, colon.end), lemma: marker.norm },
    content: { start, end, text: text.slice(start, end) },
    kind: 'direct',
    strength: 'strong',
    sentence: marker.sentence,
  };
}

/** Token k opens a line (the first token, or a line break between it and the token before). */
function startsLine(ctx: Ctx, k: number): boolean {
  if (k === 0) return true;
  return hasLineBreak(ctx.doc.original, ctx.tokens[k - 1].end, ctx.tokens[k].start);
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2029) return true;
  }
  return false;
}

/** One past the last token of the line that token `from` is on (boilerplate ends it too). */
function lineEnd(ctx: Ctx, from: number): number {
  const { tokens } = ctx;
  let k = from;
  while (k < tokens.length && tokens[k].sentence >= 0 && (k === from || !hasLineBreak(ctx.doc.original, tokens[k - 1].end, tokens[k].start))) k++;
  return k;
}

/** End offset of tokens [from, end) without a final full stop (a question mark or quotation mark stays). */
function contentEnd(ctx: Ctx, from: number, end: number): number {
  let e = end;
  while (e > from + 1 && ctx.tokens[e - 1].kind === 'punct' && (ctx.tokens[e - 1].norm === '.' || ctx.tokens[e - 1].norm === '،' || ctx.tokens[e - 1].norm === ',')) e--;
  return ctx.tokens[e - 1].end;
}

/** The latest person quoted before `before` (an offset), among the recent speakers. */
function latestPerson(ctx: Ctx, history: readonly SpeakerRecord[], before: number): SpeakerRecord | null {
  for (let k = history.length - 1; k >= Math.max(0, history.length - RECENT); k--) {
    const r = history[k];
    if (r.start === undefined || r.start >= before || r.co) continue;
    if (entityTypeOf(ctx, r.entity) === 'PERSON') return r;
  }
  return null;
}

/** The person mentioned most before token `before` (the earliest on a tie), at its latest mention there. */
function mostMentionedPerson(ctx: Ctx, before: number): SpeakerRecord | null {
  let best: SpeakerRecord | null = null;
  let bestCount = 0;
  for (const e of ctx.entities) {
    if (e.type !== 'PERSON') continue;
    const seen = e.mentions.filter((m) => m.tokenEnd <= before);
    if (seen.length <= bestCount) continue;
    const m = seen[seen.length - 1];
    bestCount = seen.length;
    best = { entity: e.id, text: m.text, start: m.start, end: m.end, implicit: true, role: e.role || undefined, gender: e.gender ?? 'm', number: 'sg', co: undefined };
  }
  return best;
}
