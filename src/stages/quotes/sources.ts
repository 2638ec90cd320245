import type { Quote, Token } from '../../types.js';
import type { CueEntry } from './lexicon.js';
import { conjStripped, isColon, isComma, isComplementizer, isWord, speakerNoun } from './tokens.js';
import { isCueToken, isDefiniteToken, opensQuotation, latest, publicSpeaker, sentenceFirst, sentenceEnd, inside, insidePrepositionalPhrase, type Ctx, type AttributionHit, type SpeakerRecord, type Content } from './context.js';
import { nounSpeaker, personSpeaker, entitySpeaker, descriptionSpeaker, descriptionEnd } from './speakers.js';
import { contentFrom, skipParenthetical, withoutTrailingCredit, withoutTrailingPunctuation } from './content.js';
import { resolveImplicit } from './implicit.js';

/**
 * Quotes without a reporting verb at their head: attribution phrases (بحسب، وفقا لـ …) and
 * colon quotations (`الكرملين: «…»`).
 */

export function quoteFromAttribution(ctx: Ctx, hit: AttributionHit, history: SpeakerRecord[], done: readonly Quote[]): { quote: Quote; record?: SpeakerRecord } | null {
  const { tokens, q, sets } = ctx;
  const first = sentenceFirst(ctx, hit.index);
  const end = sentenceEnd(ctx, hit.index);
  if (hit.phrase.pronoun) return pronounAttribution(ctx, hit, history, done, first, end);
  let src = hit.sourceAt;
  let cueEnd = src - 1;
  // حسبما ذكر X، بحسب ما أفادت X: a verb between the phrase and the source
  const verb = tokens[src] && firstCueEntry(conjStripped(tokens[src], sets), q.cues);
  if (verb && !hit.phrase.attached) {
    cueEnd = src;
    src++;
  }
  if (src >= end) return null;
  const source = attributionSource(ctx, hit, src, end, verb, history);
  if (!source) return null;
  const { record } = source;
  // وجاء في البيان أن …، وورد في التقرير: «…»: the phrase reports the clause right after its source
  // (جاء في المرتبة الأولى, جاء في إطار … are no speech), past a bracketed gloss of the source
  // (بيان الاتحاد الدولي لكرة القدم (فيفا) أن …)
  const after = hit.phrase.clauseOnly ? skipParenthetical(ctx, source.next, end) : source.next;
  if (hit.phrase.clauseOnly && !opensClauseAt(ctx, after)) return null;
  const content = attributedContent(ctx, hit.index, after, first, end);
  if (!content) return null;
  return { quote: attributionQuote(ctx, hit, cueEnd, record, content), record };
}

/** The quote of an attribution phrase (tokens hit.index … cueEnd are its cue). */
function attributionQuote(ctx: Ctx, hit: AttributionHit, cueEnd: number, record: SpeakerRecord, content: Content): Quote {
  const { tokens } = ctx;
  const text = ctx.doc.original;
  const cueStart = tokens[hit.index].start;
  const cueStop = tokens[cueEnd].end;
  return {
    speaker: publicSpeaker(record),
    cue: { start: cueStart, end: cueStop, text: text.slice(cueStart, cueStop), lemma: hit.phrase.text },
    content: { start: content.start, end: content.end, text: text.slice(content.start, content.end) },
    kind: content.kind,
    strength: hit.phrase.strength,
    sentence: tokens[hit.index].sentence,
  };
}

/**
 * …، على حد قوله: the source is the pronoun the phrase ends in; it refers back like a dropped
 * subject that agrees with it (the latest such speaker). The phrase vouches for the wording of a
 * quotation closing right before it («…»، على حد تعبيره: that quotation, direct), else for its
 * clause; nothing new when a quote found already holds that content (ورد الوزير بأن … "لا تملك
 * عصا سحرية"، على حد قوله).
 */
function pronounAttribution(ctx: Ctx, hit: AttributionHit, history: SpeakerRecord[], done: readonly Quote[], first: number, end: number): { quote: Quote } | null {
  const content = quotationJustBefore(ctx, hit.index, first) ?? attributedContent(ctx, hit.index, hit.sourceAt, first, end);
  if (!content || heldByRecentQuote(done, content)) return null;
  const { gender, number } = hit.phrase.pronoun!;
  return { quote: attributionQuote(ctx, hit, hit.sourceAt - 1, resolveImplicit(ctx, history, gender, number, hit.index), content) };
}

/**
 * The source after an attribution phrase: an entity, a speaker-noun description (وفقا لمصادر
 * طبية، بحسب بيانات الوزارة), or, after a verb (حسبما ذكر …) or at the end of its sentence
 * (…، بحسب الأمم المتحدة.), whatever noun phrase stands there; otherwise no source (بحسب الظروف).
 */
export function attributionSource(ctx: Ctx, hit: AttributionHit, src: number, end: number, verb: CueEntry | undefined, history: readonly SpeakerRecord[] = []): { record: SpeakerRecord; next: number } | null {
  const medium = directSource(ctx, hit, src, end, verb, history);
  if (!medium) return null;
  // حسب ما نقلت وكالة رويترز عن مصدر أمني: the medium relays; the source after عن speaks
  const an = ctx.tokens[medium.next];
  if (an && an.norm === 'عن' && medium.next + 1 < end) {
    const relayed = directSource(ctx, hit, medium.next + 1, end, verb);
    if (relayed && (relayed.record.entity || speakerNoun(ctx.tokens[medium.next + 1], ctx.q, ctx.sets))) return relayed;
  }
  return medium;
}


export function directSource(ctx: Ctx, hit: AttributionHit, src: number, end: number, verb: CueEntry | undefined, history: readonly SpeakerRecord[] = []): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  const m = ctx.mentionAt.get(src);
  if (m) {
    const record = m.entity.type === 'PERSON' ? personSpeaker(ctx, m, src, verb ?? fallbackEntry(hit), !!verb).record : entitySpeaker(ctx, m, m.entity.gender ?? 'f', 'sg');
    return { record, next: m.mention.tokenEnd };
  }
  const noun = speakerNoun(tokens[src], q, sets);
  // the history lets a definite statement (جاء في البيان) name its issuer
  if (noun) return nounSpeaker(ctx, src, end, noun, verb?.gender ?? noun.gender, history);
  const stop = descriptionEnd(ctx, src, end);
  // …، بحسب أوتشا.: a short name closing the sentence; بحسب نوع الوحدة السكنية is no source
  const closesSentence = isComma(tokens[hit.index - 1]) && stop >= end - 1 && stop - src <= 2 && !isDefiniteToken(ctx, tokens[src]);
  if (!verb && !closesSentence) return null;
  return { record: descriptionSpeaker(ctx, src, stop, verb?.gender ?? 'f', 'sg'), next: stop };
}

/**
 * What an attribution covers: the rest of the sentence when the phrase opens it (وبحسب الوزارة،
 * فإن …), else the sentence up to the phrase (…، بحسب الأمم المتحدة).
 */
export function attributedContent(ctx: Ctx, at: number, after: number, first: number, end: number): Content | null {
  const { tokens, q, sets } = ctx;
  const wordsBefore = wordsIn(tokens, first, at);
  let k = wordsBefore < 2 ? afterLateComplementizer(ctx, after, end) : after;
  let opensClause = false;
  // وجاء في نص البيان: «…»: a colon introduces the content as a complementizer does
  while (k < end && (isComma(tokens[k]) || isComplementizer(tokens[k], q, sets) || isColon(tokens[k]))) {
    if (isComplementizer(tokens[k], q, sets)) opensClause = true;
    k++;
  }
  const wordsAfter = wordsIn(tokens, k, end);
  // the phrase opens its sentence or a فإن clause (وبحسب الوزارة، فإن …): what follows; else what precedes
  if (wordsAfter >= 2 && (wordsBefore < 2 || opensClause)) return contentFrom(ctx, k, end);
  let e = at;
  while (e > first && tokens[e - 1].kind === 'punct' && !closesQuotationFrom(ctx, tokens[e - 1], tokens[first].start)) e--;
  return e > first ? { start: tokens[first].start, end: tokens[e - 1].end, kind: 'indirect', evidence: 'clause' } : null;
}

/** A complementizer, colon or opening quotation mark at token `k` (after an optional comma). */
function opensClauseAt(ctx: Ctx, k: number): boolean {
  const { tokens, q, sets } = ctx;
  const t = isComma(tokens[k]) ? tokens[k + 1] : tokens[k];
  return !!t && (isComplementizer(t, q, sets) || isColon(t) || opensQuotation(ctx, t));
}

/** A quote among the latest (the ones that can reach this far) whose content holds `content`. */
function heldByRecentQuote(done: readonly Quote[], content: Content): boolean {
  return latest(done, (q) => q.content.start <= content.start && content.end <= q.content.end) !== undefined;
}

/** The closed quotation ending right before token `at` (commas between), opened within the sentence, as direct content. */
function quotationJustBefore(ctx: Ctx, at: number, first: number): Content | null {
  let k = at - 1;
  while (k > first && isComma(ctx.tokens[k])) k--;
  const mark = k >= first ? ctx.markCloseAt.get(ctx.tokens[k].start) : undefined;
  if (!mark || mark.open < ctx.tokens[first].start) return null;
  const span = inside(ctx, mark);
  return span.end > span.start ? { start: span.start, end: span.end, kind: 'direct', evidence: 'clause' } : null;
}

/** `t` is the closing mark of a quotation opened at or after `from` (it stays with the content: الوضع "صعب"، على حد تعبيره). */
function closesQuotationFrom(ctx: Ctx, t: Token, from: number): boolean {
  const mark = ctx.markCloseAt.get(t.start);
  return mark !== undefined && mark.open >= from;
}


/** Words a source may run on by before its فإن clause (وبحسب وزارة الصحة في غزة، فإن …). */
const MAX_SOURCE_TAIL = 5;

/**
 * وبحسب وزارة الصحة في غزة، فإن …: a phrase opening its sentence, a source, a few more words
 * (its place or affiliation) and a comma before a complementizer: the clause starts at the
 * complementizer (returned), not at the source's end (`after`, returned when there is none).
 */
function afterLateComplementizer(ctx: Ctx, after: number, end: number): number {
  const { tokens, q, sets } = ctx;
  let words = 0;
  for (let k = after; k < end; k++) {
    const t = tokens[k];
    if (isComma(t) && k + 1 < end && isComplementizer(tokens[k + 1], q, sets)) return words > 0 ? k : after;
    if (!isWord(t) || isComplementizer(t, q, sets) || isCueToken(ctx, t) || ++words > MAX_SOURCE_TAIL) return after;
  }
  return after;
}

/** The cue entry of the first of the forms that has one (in place of map + find: no array per phrase). */
function firstCueEntry(forms: readonly { form: string }[], cues: ReadonlyMap<string, CueEntry>): CueEntry | undefined {
  for (const c of forms) {
    const entry = cues.get(c.form);
    if (entry) return entry;
  }
  return undefined;
}

/** Number of words among tokens [from, to) (counted in place: no slice and filter copies). */
function wordsIn(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (isWord(tokens[k])) n++;
  return n;
}

export function fallbackEntry(hit: AttributionHit): CueEntry {
  return { form: hit.phrase.text, lemma: hit.phrase.text, pos: 'verb', gender: 'm', number: 'sg', strength: hit.phrase.strength, prep: '', evidence: 'any', passive: false, tense: '' };
}

/**
 * `الكرملين: «…»` — a colon before a quotation, with a speaker and no verb; in a headline also
 * without quotation marks (`لافروف: الغرب يسعى …`), where the label-and-colon style is the norm.
 * The speaker is a mention ending at the colon or a short speaker-noun phrase before it.
 */
export function colonQuotes(ctx: Ctx, colons: readonly number[], existing: readonly Quote[], history: SpeakerRecord[]): Quote[] {
  const { tokens } = ctx;
  const out: Quote[] = [];
  // `colons`: the indices of the colon tokens inside sentences, in order (one scan finds them)
  for (const c of colons) {
    const colon = tokens[c];
    const next = tokens[colon.index + 1];
    if (!next || next.sentence !== colon.sentence) continue;
    const first = sentenceFirst(ctx, colon.index);
    const end = sentenceEnd(ctx, colon.index);
    const mark = next.kind === 'punct' ? ctx.markOpenAt.get(next.start) : undefined;
    const headline = colon.sentence === ctx.titleSentence && isWord(next) && !opensReportingClause(ctx, next.index);
    if (!mark && !headline) continue;
    const contentStart = mark ? inside(ctx, mark).start : next.start;
    if (existing.some((q) => q.content.start === contentStart)) continue;
    const record = colonSpeaker(ctx, colon, first);
    if (!record) continue;
    history.push(record);
    const speaker = publicSpeaker(record);
    const text = ctx.doc.original;
    const contentEnd = mark ? inside(ctx, mark).end : trimmedEnd(ctx, colon.index + 1, end);
    out.push({
      speaker,
      cue: { start: colon.start, end: colon.end, text: text.slice(colon.start, colon.end), lemma: ':' },
      content: { start: contentStart, end: contentEnd, text: text.slice(contentStart, contentEnd) },
      kind: mark ? 'direct' : 'indirect',
      strength: 'strong',
      sentence: colon.sentence,
    });
  }
  return out;
}


/**
 * السودان: الأمم المتحدة تحذر من مجاعة — after a headline's colon, a named subject right before a
 * reporting verb has its own say: the words before the colon are the story's topic, not a speaker.
 */
function opensReportingClause(ctx: Ctx, k: number): boolean {
  const subject = ctx.mentionAt.get(k);
  const verb = subject ? ctx.tokens[subject.mention.tokenEnd] : undefined;
  return !!verb && verb.sentence === ctx.tokens[k].sentence && isCueToken(ctx, verb);
}

export function colonSpeaker(ctx: Ctx, colon: Token, first: number): SpeakerRecord | null {
  const { tokens, q, sets } = ctx;
  const before = ctx.mentionEndingAt.get(colon.index);
  // على فيسبوك: ; محافظ الجيزة: — a name in a prepositional phrase or after a title is not the speaker
  const titled = before && before.entity.type !== 'PERSON' && speakerNoun(tokens[before.mention.tokenStart - 1], q, sets);
  if (before && (insidePrepositionalPhrase(ctx, before) || titled)) {
    const head = before.mention.tokenStart - 1;
    const noun = speakerNoun(tokens[head], q, sets);
    if (!noun || head < first) return null;
    return descriptionSpeaker(ctx, head, colon.index, noun.gender, noun.number);
  }
  if (before && before.mention.tokenStart >= first) {
    const entry: CueEntry = { form: ':', lemma: ':', pos: 'verb', gender: before.entity.gender ?? 'm', number: 'sg', strength: 'strong', prep: '', evidence: 'any', passive: false, tense: '' };
    return before.entity.type === 'PERSON' ? personSpeaker(ctx, before, before.mention.tokenStart, entry, false).record : entitySpeaker(ctx, before, entry.gender, 'sg');
  }
  let p = colon.index - 1;
  while (p > first && isWord(tokens[p - 1]) && colon.index - p < 6) p--;
  const noun = p < colon.index ? speakerNoun(tokens[p], q, sets) : undefined;
  return noun ? descriptionSpeaker(ctx, p, colon.index, noun.gender, noun.number) : null;
}

/** End offset of tokens [from, end) without the punctuation and credit that close them (the first token always stays). */
export function trimmedEnd(ctx: Ctx, from: number, end: number): number {
  const e = withoutTrailingCredit(ctx, from, withoutTrailingPunctuation(ctx, from, end));
  return ctx.tokens[Math.max(from + 1, e) - 1].end;
}
