import type { Diagnostic, Entity, Quote, Sentence, Token } from '../types.js';
import type { Lexicons } from '../lexicon/lexicons.js';
import type { TextDoc } from '../document.js';
import type { AttributionPhrase, CueEntry } from './quotes/lexicon.js';
import { findQuoteMarks } from './quotes/marks.js';
import { conjStripped, facts, isComma, isComplementizer, isWord, speakerNoun } from './quotes/tokens.js';
import { afterPrivative, latest, recordFrom, speakerRecord, setMarks, publicSpeaker, makeContext, stopAt, opensQuotation, sentenceRegions, insideClosedQuotation, sentenceFirst, sentenceEnd, clauseMarkAfter, sealBoundaries, dropMention, insidePrepositionalPhrase, type Ctx, type CueHit, type AttributionHit, type SpeakerRecord, type Content } from './quotes/context.js';
import { subjectAfter, subjectEndBefore, titleAfterNameEnd, isPersonTitle, personAfterTitle, nounSpeaker, topicSubject, subjectBefore, personSpeaker, entitySpeaker, descriptionSpeaker, sentenceSubject } from './quotes/speakers.js';
import { jointWith, resolveImplicit, turnSpeaker } from './quotes/implicit.js';
import { interviewAnswers } from './quotes/interview.js';
import { coordinatedSubjects } from './quotes/coordination.js';
import { complementAfter, quotationBefore } from './quotes/content.js';
import { quoteFromAttribution, directSource, colonQuotes } from './quotes/sources.js';

/**
 * Reported speech attribution (who said what). Mechanism only; the words come from lexicons:
 * `cue.tsv` (reporting verbs and participles with gender/number), `attribution.tsv` (بحسب،
 * وفقا لـ …), `complementizer.tsv` (إن، أن، بأن …), `speaker-noun.tsv` (مصدر، المتحدث، الوزارة …)
 * and `speaker-stop.tsv` (words that end a subject phrase). See docs/quotes.md for the choices.
 *
 * Walk the document in token order; for each cue decide (1) whether it really introduces speech
 * (a complementizer, colon or quote mark follows, or a clause-initial verb takes a noun-phrase
 * complement), (2) who speaks (explicit subject after or before the verb, the governing clause's
 * subject for a participle, or, when the subject is dropped, the last speaker whose gender and
 * number agree with the verb), and (3) the content span (to the clause end or closing mark).
 */

/** Reported speech attribution. `diagnostics`, when given, receives quote-mark problems. */
export function findQuotes(doc: TextDoc, tokens: readonly Token[], sentences: readonly Sentence[], entities: readonly Entity[], lex: Lexicons, diagnostics?: Diagnostic[]): Quote[] {
  return findQuotesIn(doc, tokens, sentences, entities, lex, diagnostics);
}

function findQuotesIn(doc: TextDoc, tokens: readonly Token[], sentences: readonly Sentence[], entities: readonly Entity[], lex: Lexicons, diagnostics?: Diagnostic[]): Quote[] {
  const ctx = makeContext(doc, tokens, sentences, entities, lex);
  const marks = findQuoteMarks(doc.original, sentenceRegions(sentences));
  setMarks(ctx, marks.spans);
  diagnostics?.push(...marks.diagnostics);

  const { speechWords, colons } = ctx;
  const cues = mannerParticiplesMerged(findCueHits(ctx, speechWords)).filter((h) => !insideClosedQuotation(ctx, tokens[h.index]));
  // an attribution phrase inside a quotation is the speaker's own wording ("تسير وفق البرنامج")
  const attributions = findAttributionHits(ctx, speechWords).filter((h) => !insideClosedQuotation(ctx, tokens[h.index]));
  // every cue ends the content of the cue before it (كتب محمد سالم - أكد المحافظ أن …: the
  // byline's كتب does not reach the governor's clause)
  // (a strict form that opens no clause, أنه لا يكتب, is an ordinary verb and ends nothing)
  // (nor does a participle that is an adjective: كان القرار متوقعا، …)
  // (nor does a verb that can report nothing: ونقلا عن مصادر، فإن واشنطن أبلغت بيروت بضرورة …,
  // nor one that is negated or supposed: قال إنه لن يقول إن …، ونفى أن يكون الرئيس قد قال إن …;
  // but a negated one after a pronoun subject or "without", لكنه لم يوضح، دون أن يوضح, is the
  // writer's next clause and ends the content)
  for (const h of cues) if ((h.entry.evidence !== 'strict' || strictFormHeadsClause(ctx, h)) && (h.entry.pos !== 'participle' || participleOpensClause(ctx, h)) && !(h.entry.pos === 'verb' && (reportsNothing(ctx, h) || notAsserted(ctx, h)))) ctx.boundaries.add(h.index);
  // لكنه لم يوضح …: the writer's clause about the speaker, never part of the content before it
  for (const h of cues) if (h.entry.pos === 'verb' && deniedOfSpeaker(ctx, h)) ctx.boundaries.add(h.index);
  for (const h of cues) if (h.entry.pos === 'participle') ctx.participles.add(h.index);
  for (const a of attributions) if (a.index > (ctx.sentStart.get(tokens[a.index].sentence) ?? 0)) ctx.boundaries.add(a.index);
  sealBoundaries(ctx);

  const quotes: Quote[] = [];
  const contentStarts = new Set<number>();
  const history: SpeakerRecord[] = [];
  // cues and attributions in token order (both lists are in order: merge them, a cue first on a tie)
  for (let c = 0, a = 0; c < cues.length || a < attributions.length; ) {
    const takeCue = a >= attributions.length || (c < cues.length && cues[c].index <= attributions[a].index);
    const quote: QuoteMade | null = takeCue ? quoteFromCue(ctx, cues[c++], history, quotes) : quoteFromAttribution(ctx, attributions[a++], history, quotes);
    if (!quote) continue;
    // وأضاف الوزير قائلا: «…» — the participle introduces the verb's own content: one quote
    if (contentStarts.has(quote.quote.content.start)) continue;
    contentStarts.add(quote.quote.content.start);
    quotes.push(quote.quote);
    if (quote.record && !quote.record.implicit) {
      history.push(quote.record);
      ctx.recordSentence.set(quote.record, quote.quote.sentence);
    }
    // after a joint statement a singular pro-drop verb still takes the first speaker, a dual or plural one all of them
    if (quote.joint) {
      history.push(quote.joint);
      ctx.recordSentence.set(quote.joint, quote.quote.sentence);
    }
  }
  // the loop made its quotes in token order; only colon quotes need sorting in
  const colonMade = colonQuotes(ctx, colons, quotes, history);
  const answers = interviewAnswers(ctx, colons, quotes, history);
  if (colonMade.length === 0 && answers.length === 0) return quotes;
  quotes.push(...colonMade, ...answers);
  return quotes.sort((a, b) => a.cue.start - b.cue.start);
}

/**
 * Group quotes by speaker (entity id, or speaker text when no entity), in order of first quote;
 * co-speakers included; a one-word speaker with no entity goes with the one earlier speaker whose
 * text ends with it (see surnameKey).
 */
export function summarizeSpeakers(quotes: readonly Quote[]): { entity: string | null; text: string; role?: string; quotes: number[] }[] {
  const out = new Map<string, { entity: string | null; text: string; role?: string; quotes: number[] }>();
  const byLastWord = new Map<string, string | null>();
  const add = (speaker: Quote['speaker'], i: number) => {
    const key = speaker.entity ?? surnameKey(byLastWord, speaker.text) ?? `text:${speaker.text}`;
    let s = out.get(key);
    if (!s) {
      out.set(key, (s = { entity: speaker.entity, text: speaker.text, ...(speaker.role ? { role: speaker.role } : {}), quotes: [] }));
      const space = speaker.entity ? -1 : speaker.text.lastIndexOf(' ');
      if (space > 0) {
        const last = speaker.text.slice(space + 1);
        byLastWord.set(last, byLastWord.has(last) ? null : key);
      }
    }
    if (!s.role && speaker.role) s.role = speaker.role;
    if (s.quotes[s.quotes.length - 1] !== i) s.quotes.push(i);
  };
  quotes.forEach((q, i) => {
    add(q.speaker, i);
    // a joint statement is each coordinated speaker's quote too
    if (q.coSpeakers) for (const co of q.coSpeakers) add(co, i);
  });
  return [...out.values()];
}


/**
 * A one-word speaker with no entity (وقالت جورجيفا) whose word ends the name of exactly one earlier
 * speaker with no entity either (المديرة العامة لصندوق النقد الدولي كريستالينا جورجيفا): the same
 * person, listed under that speaker. A definite word (الألماني) is a description, not a surname.
 * `byLastWord` maps the last word of each earlier entity-less speaker of several words to its
 * group key, or to null when two speakers share it (then neither is taken).
 */
function surnameKey(byLastWord: ReadonlyMap<string, string | null>, text: string): string | undefined {
  if (text.length < 3 || text.includes(' ') || text.startsWith('ال')) return undefined;
  return byLastWord.get(text) ?? undefined;
}

/** Cues among the candidate words (token indices in order). */
function findCueHits(ctx: Ctx, speechWords: readonly number[]): CueHit[] {
  const hits: CueHit[] = [];
  const { tokens, q, sets } = ctx;
  for (const i of speechWords) {
    const t = tokens[i];
    const f = facts(t, q, sets);
    if (!f.cueEntry) continue;
    // a person's name is not a verb; a one-word organization or place spelled like a reporting
    // verb after normalization (آفاد = أفاد) is far more often the verb
    const m = ctx.mentionAt.get(i);
    if (m && (m.entity.type === 'PERSON' || m.mention.tokenEnd - m.mention.tokenStart > 1)) continue;
    hits.push({ index: i, entry: f.cueEntry, conj: f.cueConj, manner: undefined, initial: undefined, headsClause: undefined, notAsserted: undefined });
    if (m) dropMention(ctx, m);
  }
  return hits;
}

/**
 * وأضاف قائلا: «…»، وتابع قائلا إن …: a participle right after a verb cue only says how the
 * verb's speaker spoke. It is one quote (the verb's); the verb's content starts after it.
 */
function mannerParticiplesMerged(hits: CueHit[]): CueHit[] {
  const out: CueHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && h.entry.pos === 'participle' && prev.entry.pos === 'verb' && h.index === prev.index + 1 && !h.conj) {
      prev.manner = h.index;
      continue;
    }
    out.push(h);
  }
  return out;
}


/** Attribution phrases opening at the candidate words (token indices in order); a match's words are not searched again. */
function findAttributionHits(ctx: Ctx, speechWords: readonly number[]): AttributionHit[] {
  const hits: AttributionHit[] = [];
  const { tokens } = ctx;
  let next = 0;
  for (const i of speechWords) {
    if (i < next) continue;
    // phrases starting with this word (with or without و), longest first: the longest match wins
    let best: AttributionHit | null = null;
    for (const phrase of facts(tokens[i], ctx.q, ctx.sets).attributions) {
      best = matchPhrase(ctx, i, phrase);
      if (best) break;
    }
    if (best) {
      hits.push(best);
      next = best.sourceAt;
    }
  }
  return hits;
}

/** Token `i` (whose form is `first`, maybe after و/ف) opens a clause: sentence start, an attached conjunction, punctuation or a clause opener before it. */
function phraseOpensClause(ctx: Ctx, i: number, first: string): boolean {
  const { tokens } = ctx;
  if (i === sentenceFirst(ctx, i) || tokens[i].norm !== first) return true;
  const prev = tokens[i - 1];
  return prev.kind === 'punct' || conjStripped(prev, ctx.sets).some((c) => ctx.q.words.clauseOpeners.has(c.form));
}

/** The phrase (whose first word the token's form already is) matched at token `i`, or null. */
function matchPhrase(ctx: Ctx, i: number, phrase: AttributionPhrase): AttributionHit | null {
  const { tokens } = ctx;
  const count = phrase.attached ? phrase.words.length - 1 : phrase.words.length;
  for (let k = 1; k < count; k++) {
    const t = tokens[i + k];
    if (!t || t.sentence !== tokens[i].sentence || t.norm !== phrase.words[k]) return null;
  }
  const next = tokens[i + count];
  if (!next || next.sentence !== tokens[i].sentence) return null;
  // وجاء في البيان أن …: a statement phrase opens its clause (اللقاء جاء في سياق …، الذي جاء في is the verb "came")
  if (phrase.clauseOnly && !phraseOpensClause(ctx, i, phrase.words[0])) return null;
  if (phrase.attached) {
    const particle = phrase.words[phrase.words.length - 1];
    if (!next.norm.startsWith(particle) || next.norm.length <= particle.length + 1) return null;
  }
  return { index: i, sourceAt: i + count, phrase };
}


/** A quote made from a cue, the speaker record it adds to the history, and a joint record when it has co-speakers. */
interface QuoteMade {
  quote: Quote;
  record?: SpeakerRecord;
  joint?: SpeakerRecord;
}

function quoteFromCue(ctx: Ctx, hit: CueHit, history: SpeakerRecord[], done: Quote[]): QuoteMade | null {
  if (hit.entry.pos === 'participle') return participleQuote(ctx, hit, history, done);
  if (hit.entry.pos === 'masdar') return masdarQuote(ctx, hit, history, done);
  if (hit.entry.pos === 'relay') return relayQuote(ctx, hit);
  return verbQuote(ctx, hit, history);
}

/**
 * ونقلت صحيفة «الشرق الأوسط» عن مصادر مطلعة أن …: the medium relays, the source after عن speaks.
 * With a verbal noun after the source (عن X قوله إن) the verbal noun makes the quote instead.
 */
function relayQuote(ctx: Ctx, hit: CueHit): { quote: Quote; record?: SpeakerRecord } | null {
  const { tokens } = ctx;
  const i = hit.index;
  if (!isClauseInitial(ctx, hit)) return null;
  // its content is a clause (a complementizer, colon or quotation after the source): none, no search
  if (!clauseMarkAfter(ctx, i)) return null;
  const end = sentenceEnd(ctx, i);
  let an = i + 1;
  while (an < Math.min(end, i + 9) && tokens[an].norm !== 'عن') an++;
  if (an >= Math.min(end, i + 9) || an + 1 >= end) return null;
  const entry = { ...hit.entry, pos: 'verb' as const };
  const source = directSource(ctx, { index: i, sourceAt: an + 1, phrase: { words: [], attached: false, text: hit.entry.lemma, strength: 'strong' } }, an + 1, end, entry);
  if (!source || (!source.record.entity && !speakerNoun(tokens[an + 1], ctx.q, ctx.sets))) return null;
  const next = tokens[source.next];
  if (next && conjStripped(next, ctx.sets).some((c) => ctx.q.cues.get(c.form)?.pos === 'masdar')) return null;
  const content = complementAfter(ctx, hit, source.next, true);
  if (!content || content.evidence !== 'clause') return null;
  return { quote: makeQuote(ctx, tokens[i], hit, source.record, content), record: source.record };
}

/**
 * نقلت وكالة الأنباء عن المتحدثة باسم المفوضية جمانة الغلاي قولها إن …: the speaker is the phrase
 * between عن and the verbal noun; without عن (وجدد تأكيده أن …) it is the governing clause's subject.
 */
function masdarQuote(ctx: Ctx, hit: CueHit, history: SpeakerRecord[], done: Quote[]): { quote: Quote; record?: SpeakerRecord } | null {
  const { tokens } = ctx;
  const i = hit.index;
  const content = complementAfter(ctx, hit, i + 1);
  if (!content || content.evidence !== 'clause') return null;
  const first = sentenceFirst(ctx, i);
  let an = i - 1;
  while (an >= Math.max(first, i - 9) && !conjStripped(tokens[an], ctx.sets).some((c) => c.form === 'عن')) an--;
  let record: SpeakerRecord | null = null;
  if (an >= first && an >= i - 9 && an + 1 < i) {
    const person = personAfterTitle(ctx, an + 1, i);
    const m = ctx.mentionAt.get(an + 1);
    const noun = speakerNoun(tokens[an + 1], ctx.q, ctx.sets);
    if (person) record = personSpeaker(ctx, person, an + 1, hit.entry).record;
    else if (m) record = entitySpeaker(ctx, m, hit.entry.gender, hit.entry.number);
    else if (noun) record = nounSpeaker(ctx, an + 1, i, noun, hit.entry.gender, history).record;
    else record = descriptionSpeaker(ctx, an + 1, i, hit.entry.gender, hit.entry.number);
  } else {
    const s = tokens[i].sentence;
    const governing = latest(done, (q) => q.sentence === s && q.cue.start < tokens[i].start);
    record = governing ? recordFrom(governing.speaker, governing.speaker.implicit, hit.entry.gender, hit.entry.number) : resolveImplicit(ctx, history, hit.entry.gender, hit.entry.number, i);
  }
  return { quote: makeQuote(ctx, tokens[i], hit, record, content), record };
}


function verbQuote(ctx: Ctx, hit: CueHit, history: SpeakerRecord[]): QuoteMade | null {
  const i = hit.index;
  const initial = isClauseInitial(ctx, hit);
  // a form that is also a preposition or noun (بين، طالب) reports speech only at a clause head
  if (hit.entry.evidence === 'strict' && !strictFormHeadsClause(ctx, hit)) return null;
  // nothing this verb could report (no noun-phrase content allowed, no complementizer, colon or
  // quotation after it, none closing right before it, no sentence before a bare reporting clause):
  // decided before the speaker search, which is the expensive part and cannot change that
  if (reportsNothing(ctx, hit)) return null;
  // هل قال الوزير إن …؟، لم يعلن الجيش، إذا قال …، أن يكون قد قال: a question, negation, condition
  // or supposition about what was said reports nothing
  if (notAsserted(ctx, hit)) return null;
  // وقيل إن …، وأُعلن أن …: passive reporting names no speaker; its clause is still what was reported
  if (isPassive(ctx, hit)) return passiveQuote(ctx, hit);
  // وكان الوزير قد قال …: the subject stands before قد
  const afterQad = !hit.conj && i > 0 && conjStripped(ctx.tokens[i - 1], ctx.sets).some((c) => c.form === 'قد');
  // SVO: a name right before a verb that opens no clause is its subject (أولمرت أبلغ أنان أن …)
  // (also across an inserted clause: سمير طنطاوي، وهو مستشار سابق …، قال إن)
  const subjectEnd = subjectEndBefore(ctx, i);
  const nameBefore = (!initial || subjectEnd < i) && ctx.mentionEndingAt.has(subjectEnd) && !insidePrepositionalPhrase(ctx, ctx.mentionEndingAt.get(subjectEnd)!);
  const early = afterQad || nameBefore ? subjectBefore(ctx, hit, history) : hit.conj === 'ف' ? topicSubject(ctx, hit, history) : null;
  const after = hit.manner !== undefined ? hit.manner + 1 : i + 1;
  let speaker = early ? { record: early, next: after } : hit.manner !== undefined ? null : subjectAfter(ctx, hit, history);
  if (!speaker && !hit.conj && !initial) {
    const before = subjectBefore(ctx, hit, history);
    if (before) speaker = { record: before, next: after };
  }
  const headsClause = initial || (!!speaker && speaker.next === after); // SVO: مصدرا عسكريا قال …
  // «…»، قال الوزير في مؤتمر صحفي: the quotation before the cue wins over a noun phrase after it
  const coordinated = speaker ? coordinatedSubjects(ctx, speaker.record.entity, speaker.next) : null;
  // أعرب الشيخ محمد … آل ثاني رئيس مجلس الوزراء وزير الخارجية عن …: a title after the name is the speaker's, not the content
  const clauseFrom = coordinated ? coordinated.end : after;
  // (also after a name in no lexicon, which a title closes: وأعربت كريستالينا جورجيفا المديرة العامة … عن)
  const from = speaker && (speaker.record.entity || isPersonTitle(ctx, ctx.tokens[clauseFrom])) ? titleAfterNameEnd(ctx, clauseFrom, hit.entry) : clauseFrom;
  // a clause after the verb is its content even when a quotation closes right before it
  // (يقول الكوني إن … "ليست مهنة"، ويضيف أنه …); without one, the quotation before it is
  // («…»، قال الوزير في مؤتمر صحفي), else a question or sentence before a bare reporting clause
  const ahead = complementAfter(ctx, hit, from, headsClause);
  const content = throughMannerParticiple(ctx, hit, from)
    ?? (ahead?.evidence === 'clause' ? ahead : null)
    ?? quotationBefore(ctx, i)
    ?? (speaker ? postposedContent(ctx, hit, speaker.next) : null)
    ?? ahead;
  if (!content || (content.evidence === 'np' && !acceptsNounPhrase(hit.entry, initial, !!speaker, !!content.viaPrep))) return null;
  if (!speaker && isByline(ctx, hit, content)) return null;
  // من جانبه، أكد أن …: "for his part" turns to the other party, not the one who spoke last
  const record = speaker ? speaker.record : (opensWithTurn(ctx, hit) ? turnSpeaker(ctx, history, hit.entry.gender, hit.entry.number, i) : null) ?? resolveImplicit(ctx, history, hit.entry.gender, hit.entry.number, i);
  const quote = makeQuote(ctx, ctx.tokens[i], hit, record, content);
  if (!coordinated || coordinated.mentions.length === 0) return { quote, record };
  const joint = jointWith(ctx, record, coordinated.mentions, false);
  quote.coSpeakers = joint.co;
  return { quote, record, joint };
}

/**
 * The cue's clause opens with a turn-taking adjunct and a comma (`function-word.tsv` role turn:
 * من جانبه، من جهتها، بدوره …): the sentence has nothing else before the cue.
 */
function opensWithTurn(ctx: Ctx, hit: CueHit): boolean {
  const { tokens } = ctx;
  const first = sentenceFirst(ctx, hit.index);
  let k = hit.index - 1;
  if (k < first || !isComma(tokens[k])) return false;
  const words = k - first;
  if (words < 1 || words > 2) return false;
  const text = words === 1 ? conjStripped(tokens[first], ctx.sets).map((c) => c.form) : conjStripped(tokens[first], ctx.sets).map((c) => c.form + ' ' + tokens[first + 1].norm);
  return text.some((t) => ctx.q.words.turns.has(t));
}

/**
 * The cue right after a question particle (`function-word.tsv` role interrogative: هل، وهل), a
 * negation or condition particle (role non-assertive: لم، لن، إذا، لو), or after قد behind a
 * subjunctive "be" at most four words before (role hypothetical: أن يكون الرئيس قد قال): nothing
 * was asserted to have been said.
 */
function notAsserted(ctx: Ctx, hit: CueHit): boolean {
  return (hit.notAsserted ??= particleDenies(ctx, hit));
}

function particleDenies(ctx: Ctx, hit: CueHit): boolean {
  if (hit.conj) return false;
  const { tokens } = ctx;
  const words = ctx.q.words;
  const prev = tokens[hit.index - 1];
  if (!prev || !isWord(prev) || prev.sentence !== tokens[hit.index].sentence) return false;
  // every particle (هل، لم، لن، إذا، لو، لئن، كلما، قد، أن) is short, with or without و/ف
  if (prev.norm.length > ctx.q.words.maxParticleLength) return false;
  for (const c of conjStripped(prev, ctx.sets)) if (words.interrogatives.has(c.form) || words.nonAssertives.has(c.form)) return true;
  // …، دون أن يوضح: what the speaker did not say
  if (afterPrivative(ctx, hit.index - 1) && ctx.q.complementizers.has(prev.norm)) return true;
  return supposed(ctx, hit);
}

/**
 * A verb cue negated right after a pronoun subject (لكنه لم يوضح، غير أنها لم تذكر), or after
 * "without" (دون أن يوضح): the writer saying what the speaker left out.
 */
function deniedOfSpeaker(ctx: Ctx, hit: CueHit): boolean {
  if (hit.conj || hit.index < 2) return false;
  const { tokens } = ctx;
  const words = ctx.q.words;
  const particle = tokens[hit.index - 1];
  const subject = tokens[hit.index - 2];
  if (!isWord(particle) || !isWord(subject) || subject.sentence !== tokens[hit.index].sentence || particle.norm.length > words.maxParticleLength) return false;
  if (ctx.q.complementizers.has(particle.norm) && afterPrivative(ctx, hit.index - 1)) return true; // …، دون أن يوضح
  return conjStripped(particle, ctx.sets).some((c) => words.nonAssertives.has(c.form)) && conjStripped(subject, ctx.sets).some((c) => words.pronounSubjects.has(c.form));
}

/** A cue after قد behind a subjunctive "be" (أن يكون الرئيس قد قال): part of a denial's or doubt's content. */
function supposed(ctx: Ctx, hit: CueHit): boolean {
  if (hit.conj) return false;
  const { tokens } = ctx;
  const prev = tokens[hit.index - 1];
  if (!prev || !isWord(prev) || !prev.norm.endsWith('قد') || !conjStripped(prev, ctx.sets).some((c) => c.form === 'قد')) return false;
  const first = sentenceFirst(ctx, hit.index);
  for (let k = hit.index - 2; k >= first && k >= hit.index - 6; k--) {
    if (!isWord(tokens[k])) return false;
    if (conjStripped(tokens[k], ctx.sets).some((c) => ctx.q.words.hypotheticals.has(c.form))) return true;
  }
  return false;
}

/**
 * A verb that cannot report anything: no noun-phrase content allowed (not at a clause head, or a
 * strict form), no complementizer, colon or quotation after it in its sentence, none closing right
 * before it, and not a bare reporting clause opening its sentence.
 */
function reportsNothing(ctx: Ctx, hit: CueHit): boolean {
  const i = hit.index;
  return !acceptsAnyNounPhrase(hit.entry, isClauseInitial(ctx, hit)) && !(i === sentenceFirst(ctx, i) && !hit.conj) && !clauseMarkAfter(ctx, i) && !quotationBefore(ctx, i);
}

/**
 * A passive reporting verb: a passive form of `cue.tsv` (subject none: قيل، يقال), or a past form
 * vowelled as a passive in the original (fuʿila: أُعلِن، ذُكِر، أُفِيد): a damma on its first
 * letter, a kasra after it, and no fatha before its last letter (the voice shows only in the vowel
 * marks; marks that do not spell the pattern, or none, leave it active). The present (يُذكر أن "it
 * is worth noting") is left out.
 */
function isPassive(ctx: Ctx, hit: CueHit): boolean {
  if (hit.entry.passive) return true;
  if (hit.entry.pos !== 'verb' || hit.entry.tense !== 'past') return false;
  const t = ctx.tokens[hit.index];
  const word = ctx.doc.original.slice(t.start, t.end);
  // skip an attached و/ف with its own marks, then the first letter: a damma must follow it
  let k = 0;
  if (hit.conj) for (k = 1; k < word.length && isArabicMark(word.charCodeAt(k)); k++);
  if (word.charCodeAt(k + 1) !== DAMMA) return false;
  let lastLetter = word.length - 1;
  while (lastLetter > k && isArabicMark(word.charCodeAt(lastLetter))) lastLetter--;
  let kasra = false;
  for (let p = k + 2; p < lastLetter; p++) {
    const c = word.charCodeAt(p);
    if (c === FATHA) return false;
    if (c === KASRA) kasra = true;
  }
  return kasra;
}

const FATHA = 0x064e;
const DAMMA = 0x064f;
const KASRA = 0x0650;

function isArabicMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

/**
 * وقيل إن …، ويقال إن …، وأُعلن أن …: the content with an unknown speaker (entity null, empty text,
 * implicit), which no later pro-drop verb takes up. Only a complementizer, colon or quotation
 * counts (no noun-phrase complement: أُعلن الحداد "mourning was declared").
 */
function passiveQuote(ctx: Ctx, hit: CueHit): QuoteMade | null {
  if (!isClauseInitial(ctx, hit)) return null;
  const content = complementAfter(ctx, hit, hit.index + 1, true);
  if (!content || content.evidence !== 'clause') return null;
  const record = speakerRecord(null, '', undefined, undefined, true, undefined, hit.entry.gender, hit.entry.number);
  return { quote: makeQuote(ctx, ctx.tokens[hit.index], hit, record, content) };
}

/**
 * كتب: محمد الخطيب — a byline, not speech: the verb opens its sentence, has no subject, and a colon
 * introduces a short name (at most four words, no quotation marks) ending the sentence without
 * a full stop.
 */
function isByline(ctx: Ctx, hit: CueHit, content: Content): boolean {
  const { tokens } = ctx;
  const first = sentenceFirst(ctx, hit.index);
  const end = sentenceEnd(ctx, hit.index);
  if (hit.index !== first || end - first > 8 || content.kind !== 'indirect' || !isColonToken(tokens[hit.index + 1])) return false;
  const last = tokens[end - 1];
  if (last.kind === 'punct' || content.end !== last.end) return false;
  let words = 0;
  for (let k = hit.index + 2; k < end; k++) if (isWord(tokens[k])) words++;
  return words <= 4;
}

function isColonToken(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && t.norm === ':';
}

/**
 * هل تستطيع الحكومة الوفاء بالتزاماتها؟ يتساءل البشير. — a reporting clause with nothing after
 * its subject but an adjunct (في ختام الحوار), opening its sentence without a conjunction: the
 * previous sentence of the same paragraph is what was said, verbatim.
 */
function postposedContent(ctx: Ctx, hit: CueHit, next: number): Content | null {
  const { tokens } = ctx;
  const first = sentenceFirst(ctx, hit.index);
  const end = sentenceEnd(ctx, hit.index);
  if (hit.conj || hit.index !== first || hit.entry.pos !== 'verb') return null;
  if (!onlyAdjunctFrom(ctx, next, end)) return null;
  const s = tokens[hit.index].sentence;
  const prevFirst = ctx.sentStart.get(s - 1);
  const prevEnd = ctx.sentEnd.get(s - 1);
  if (prevFirst === undefined || prevEnd === undefined || s - 1 === ctx.titleSentence) return null;
  const text = ctx.doc.original;
  if (text.slice(tokens[prevEnd - 1].end, tokens[first].start).includes('\n')) return null;
  let e = prevEnd;
  while (e > prevFirst && tokens[e - 1].kind === 'punct') e--;
  if (e - prevFirst < 3) return null;
  for (let k = prevFirst; k < e; k++) if (ctx.boundaries.has(k)) return null; // already someone's clause
  return { start: tokens[prevFirst].start, end: tokens[e - 1].end, kind: 'direct', evidence: 'clause' };
}

/** Nothing but punctuation, or a short adjunct opened by a clause-level word (في ختام الحوار), up to `end`. */
function onlyAdjunctFrom(ctx: Ctx, from: number, end: number): boolean {
  const { tokens } = ctx;
  let k = from;
  while (k < end && tokens[k].kind === 'punct' && !opensQuotation(ctx, tokens[k])) k++;
  if (k >= end) return true;
  if (!stopAt(ctx, tokens[k]) || end - k > 8) return false;
  for (let p = k; p < end; p++) {
    const t = tokens[p];
    if (isComplementizer(t, ctx.q, ctx.sets) || opensQuotation(ctx, t) || (t.kind === 'punct' && t.norm === ':')) return false;
  }
  return true;
}

/**
 * وتابع الوزير حديثه قائلا إن …: a participle a few words after the verb and its subject, with
 * no clause opener before it, says how the verb's speaker went on; its complement is the verb's.
 */
function throughMannerParticiple(ctx: Ctx, hit: CueHit, from: number): Content | null {
  const end = sentenceEnd(ctx, hit.index);
  for (let k = from; k < Math.min(end, from + 3); k++) {
    const t = ctx.tokens[k];
    if (ctx.participles.has(k)) {
      const c = complementAfter(ctx, hit, k + 1, true);
      return c && c.evidence === 'clause' ? c : null;
    }
    if (!isWord(t) || isComplementizer(t, ctx.q, ctx.sets)) return null;
  }
  return null;
}

/**
 * A verb without a complementizer, colon or quote mark (وأكد الوزير دعم بلاده …) reports speech
 * only at the head of its clause, and only when the form is not also a common noun or
 * preposition (evidence strict), or has its explicit subject (evidence subject: ونفى المتهم …).
 */
/** False when `acceptsNounPhrase` is false whatever the subject and particle. */
function acceptsAnyNounPhrase(entry: CueEntry, initial: boolean): boolean {
  return initial && entry.evidence !== 'strict';
}

function acceptsNounPhrase(entry: CueEntry, initial: boolean, explicitSubject: boolean, viaPrep: boolean): boolean {
  if (!initial || entry.evidence === 'strict') return false;
  if (entry.evidence === 'prep') return viaPrep;
  return entry.evidence === 'any' || explicitSubject;
}


function participleQuote(ctx: Ctx, hit: CueHit, history: SpeakerRecord[], done: Quote[]): { quote: Quote; record?: SpeakerRecord } | null {
  const { tokens } = ctx;
  const i = hit.index;
  const content = complementAfter(ctx, hit, i + 1);
  if (!content) return null;
  const afterComma = isComma(tokens[i - 1]) || hit.conj !== '';
  if (content.evidence === 'np' && (!afterComma || hit.entry.evidence !== 'any')) return null;
  const s = tokens[i].sentence;
  const governing = latest(done, (q) => q.sentence === s && q.cue.start < tokens[i].start);
  let record: SpeakerRecord;
  if (governing) record = recordFrom(governing.speaker, governing.speaker.implicit, hit.entry.gender, hit.entry.number);
  else record = sentenceSubject(ctx, i, hit.entry) ?? resolveImplicit(ctx, history, hit.entry.gender, hit.entry.number, i);
  return { quote: makeQuote(ctx, tokens[i], hit, record, content), record: recordFrom(record, true, record.gender, record.number) };
}


/**
 * A strict form (also a preposition or noun: عقب "after", بين "between") heads a clause where a
 * clause starts; right after a comma, not while an earlier reporting verb of the sentence is still
 * waiting for its complement (قال جيسوس، مدرب الهلال، عقب فوز فريقه …، إن: the preposition),
 * but yes after a fronted adjunct (وعن الوضع في ليبيا، يرى الكوني أن).
 */
function strictFormHeadsClause(ctx: Ctx, hit: CueHit): boolean {
  // asked for the boundaries and again by the verb: answered once per hit
  return (hit.headsClause ??= strictFormHeadsClauseNow(ctx, hit));
}

function strictFormHeadsClauseNow(ctx: Ctx, hit: CueHit): boolean {
  if (!isClauseInitial(ctx, hit)) return false;
  if (hit.conj !== '' || !isComma(ctx.tokens[hit.index - 1])) return true;
  const first = sentenceFirst(ctx, hit.index);
  // a bounded look back: the waiting verb is at most a title and an adjunct away
  for (let k = hit.index - 2; k >= Math.max(first, hit.index - 30); k--) {
    const t = ctx.tokens[k];
    if (isComplementizer(t, ctx.q, ctx.sets) || t.norm === ':' || opensQuotation(ctx, t)) return true;
    const f = t.kind === 'word' ? facts(t, ctx.q, ctx.sets) : undefined;
    if (f?.cueEntry && f.cueEntry.pos === 'verb') return false;
  }
  return true;
}

/** A participle after a comma or و (…، مضيفا), or right before its complementizer, colon or quotation. */
function participleOpensClause(ctx: Ctx, hit: CueHit): boolean {
  const next = ctx.tokens[hit.index + 1];
  return hit.conj !== '' || isComma(ctx.tokens[hit.index - 1]) || isComplementizer(next, ctx.q, ctx.sets) || (!!next && next.norm === ':') || opensQuotation(ctx, next);
}


function isClauseInitial(ctx: Ctx, hit: CueHit): boolean {
  return (hit.initial ??= clauseInitialNow(ctx, hit));
}

function clauseInitialNow(ctx: Ctx, hit: CueHit): boolean {
  const first = sentenceFirst(ctx, hit.index);
  if (hit.conj || hit.index === first) return true;
  const prev = ctx.tokens[hit.index - 1];
  if (prev.kind === 'punct') return true;
  if (conjStripped(prev, ctx.sets).some((c) => ctx.q.words.clauseOpeners.has(c.form) || ctx.q.words.pronounSubjects.has(c.form))) return true;
  // إلا أنه أشار، غير أنها أكدت: a concessive particle and a complementizer carrying the subject
  const before = ctx.tokens[hit.index - 2];
  return hit.index - 2 >= first && isComplementizer(prev, ctx.q, ctx.sets) && prev.norm.length > 2 && !!before && ctx.q.words.concessives.has(before.norm);
}




function makeQuote(ctx: Ctx, cueToken: Token, hit: CueHit, record: SpeakerRecord, content: Content): Quote {
  const text = ctx.doc.original;
  const speaker = publicSpeaker(record);
  return {
    speaker,
    // always present (undefined for most quotes): one object shape for every quote, no spread
    coSpeakers: record.co,
    cue: { start: cueToken.start, end: cueToken.end, text: text.slice(cueToken.start, cueToken.end), lemma: hit.entry.lemma },
    content: { start: content.start, end: content.end, text: text.slice(content.start, content.end) },
    kind: content.kind,
    strength: hit.entry.strength,
    sentence: cueToken.sentence,
  };
}

