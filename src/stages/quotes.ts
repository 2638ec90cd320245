import type { Lexicons } from '../lexicon/lexicons.js';
import { cliticSets, stemCandidates, withoutArticle, type CliticSets } from '../text/clitics.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { Diagnostic, Entity, Gender, GrammaticalNumber, Mention, Quote, QuoteSpeaker, Sentence, Span, Token } from '../types.js';
import type { TextDoc } from '../document.js';
import { quoteLexicon, type AttributionPhrase, type CueEntry, type NounInfo, type QuoteLexicon } from './quotes/lexicon.js';
import { findQuoteMarks, type QuoteMarkSpan } from './quotes/marks.js';
import { conjStripped, isColon, isComma, isComplementizer, isStop, isWord, speakerNoun } from './quotes/tokens.js';

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

interface MentionRef {
  entity: Entity;
  mention: Mention;
}

interface Ctx {
  doc: TextDoc;
  tokens: readonly Token[];
  entities: readonly Entity[];
  q: QuoteLexicon;
  sets: CliticSets;
  mentionAt: Map<number, MentionRef>;
  mentionEndingAt: Map<number, MentionRef>;
  marks: QuoteMarkSpan[];
  /** Per sentence index: first token and last token + 1. */
  sentStart: Map<number, number>;
  sentEnd: Map<number, number>;
  /** Token indices where an indirect content span must stop (next cue, attribution phrase). */
  boundaries: Set<number>;
  /** Token indices of participle cues. */
  participles: Set<number>;
  /** Sentence of each remembered speaker record (for pro-drop in coordinated clauses). */
  recordSentence: WeakMap<SpeakerRecord, number>;
  /** Index of the headline sentence, or -1. */
  titleSentence: number;
  /** Lazily built index of organization mention heads (see organizationHeads). */
  orgHeads?: OrgHead[];
}

interface CueHit {
  index: number;
  entry: CueEntry;
  conj: string;
  /** Token index of a manner participle right after the verb (وأضاف قائلا). */
  manner?: number;
}

interface AttributionHit {
  index: number;
  /** First token after the phrase (the one carrying an attached ل when `phrase.attached`). */
  sourceAt: number;
  phrase: AttributionPhrase;
}

/** A speaker as remembered for pro-drop resolution. */
interface SpeakerRecord extends QuoteSpeaker {
  gender: Gender;
  number: GrammaticalNumber;
}

interface Content {
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  /** clause: a complementizer, colon or quote mark opened it; np: a bare noun-phrase complement. */
  evidence: 'clause' | 'np';
  /** For np: the complement followed the verb's own particle (شدد على …). */
  viaPrep?: boolean;
}

/** Reported speech attribution. `diagnostics`, when given, receives quote-mark problems. */
export function findQuotes(doc: TextDoc, tokens: readonly Token[], sentences: readonly Sentence[], entities: readonly Entity[], lex: Lexicons, diagnostics?: Diagnostic[]): Quote[] {
  const ctx = makeContext(doc, tokens, sentences, entities, lex);
  const marks = findQuoteMarks(doc.original, sentenceRegions(sentences));
  ctx.marks = marks.spans;
  diagnostics?.push(...marks.diagnostics);

  const cues = mannerParticiplesMerged(findCueHits(ctx)).filter((h) => !insideClosedQuotation(ctx, tokens[h.index]));
  const attributions = findAttributionHits(ctx);
  // every cue ends the content of the cue before it (كتب محمد سالم - أكد المحافظ أن …: the
  // byline's كتب does not reach the governor's clause)
  for (const h of cues) ctx.boundaries.add(h.index);
  for (const h of cues) if (h.entry.pos === 'participle') ctx.participles.add(h.index);
  for (const a of attributions) if (a.index > (ctx.sentStart.get(tokens[a.index].sentence) ?? 0)) ctx.boundaries.add(a.index);

  const events: ({ type: 'cue'; hit: CueHit } | { type: 'attribution'; hit: AttributionHit })[] = [
    ...cues.map((hit) => ({ type: 'cue' as const, hit })),
    ...attributions.map((hit) => ({ type: 'attribution' as const, hit })),
  ].sort((a, b) => a.hit.index - b.hit.index);

  const quotes: Quote[] = [];
  const history: SpeakerRecord[] = [];
  for (const ev of events) {
    const quote = ev.type === 'cue' ? quoteFromCue(ctx, ev.hit, history, quotes) : quoteFromAttribution(ctx, ev.hit);
    if (!quote) continue;
    // وأضاف الوزير قائلا: «…» — the participle introduces the verb's own content: one quote
    if (quotes.some((q) => q.content.start === quote.quote.content.start)) continue;
    quotes.push(quote.quote);
    if (quote.record && !quote.record.implicit) {
      history.push(quote.record);
      ctx.recordSentence.set(quote.record, quote.quote.sentence);
    }
  }
  quotes.push(...colonQuotes(ctx, quotes, history));
  return quotes.sort((a, b) => a.cue.start - b.cue.start);
}

/** Group quotes by speaker (entity id, or speaker text when no entity), in order of first quote. */
export function summarizeSpeakers(quotes: readonly Quote[]): { entity: string | null; text: string; role?: string; quotes: number[] }[] {
  const out = new Map<string, { entity: string | null; text: string; role?: string; quotes: number[] }>();
  quotes.forEach((q, i) => {
    const key = q.speaker.entity ?? `text:${q.speaker.text}`;
    let s = out.get(key);
    if (!s) out.set(key, (s = { entity: q.speaker.entity, text: q.speaker.text, ...(q.speaker.role ? { role: q.speaker.role } : {}), quotes: [] }));
    if (!s.role && q.speaker.role) s.role = q.speaker.role;
    s.quotes.push(i);
  });
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------
// context

function makeContext(doc: TextDoc, tokens: readonly Token[], sentences: readonly Sentence[], entities: readonly Entity[], lex: Lexicons): Ctx {
  const mentionAt = new Map<number, MentionRef>();
  const mentionEndingAt = new Map<number, MentionRef>();
  const q = quoteLexicon(lex);
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      // a name never starts with إن/أن: such a mention is upstream noise, not a speaker
      if (q.complementizers.has(tokens[mention.tokenStart]?.norm ?? '')) continue;
      const prev = mentionAt.get(mention.tokenStart);
      if (!prev || prev.mention.tokenEnd < mention.tokenEnd) mentionAt.set(mention.tokenStart, { entity, mention });
      const prevEnd = mentionEndingAt.get(mention.tokenEnd);
      if (!prevEnd || prevEnd.mention.tokenStart > mention.tokenStart) mentionEndingAt.set(mention.tokenEnd, { entity, mention });
    }
  }
  const sentStart = new Map<number, number>();
  const sentEnd = new Map<number, number>();
  for (const t of tokens) {
    if (t.sentence < 0) continue;
    if (!sentStart.has(t.sentence)) sentStart.set(t.sentence, t.index);
    sentEnd.set(t.sentence, t.index + 1);
  }
  const titleSentence = sentences.findIndex((s) => s.title);
  return { doc, tokens, entities, q, sets: cliticSets(lex), titleSentence, mentionAt, mentionEndingAt, marks: [], sentStart, sentEnd, boundaries: new Set(), participles: new Set(), recordSentence: new WeakMap() };
}

/** Paragraph-level regions covered by sentences (boilerplate and gaps left out). */
function sentenceRegions(sentences: readonly Sentence[]): Span[] {
  if (sentences.length === 0) return [];
  return [{ start: sentences[0].start, end: sentences[sentences.length - 1].end }];
}

function insideClosedQuotation(ctx: Ctx, t: Token): boolean {
  return ctx.marks.some((m) => m.closed && m.open < t.start && t.end <= m.close);
}

function sentenceBounds(ctx: Ctx, i: number): [number, number] {
  const s = ctx.tokens[i].sentence;
  return [ctx.sentStart.get(s) ?? i, ctx.sentEnd.get(s) ?? i + 1];
}

// ---------------------------------------------------------------------------------------------
// cue and attribution detection

function findCueHits(ctx: Ctx): CueHit[] {
  const hits: CueHit[] = [];
  for (const t of ctx.tokens) {
    if (t.sentence < 0 || t.kind !== 'word') continue;
    // a person's name is not a verb; a one-word organization or place spelled like a reporting
    // verb after normalization (آفاد = أفاد) is far more often the verb
    const m = ctx.mentionAt.get(t.index);
    if (m && (m.entity.type === 'PERSON' || m.mention.tokenEnd - m.mention.tokenStart > 1)) continue;
    for (const c of conjStripped(t, ctx.sets)) {
      const entry = ctx.q.cues.get(c.form);
      if (entry) {
        hits.push({ index: t.index, entry, conj: c.conj });
        if (m) dropMention(ctx, m);
        break;
      }
    }
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

function dropMention(ctx: Ctx, m: MentionRef): void {
  ctx.mentionAt.delete(m.mention.tokenStart);
  if (ctx.mentionEndingAt.get(m.mention.tokenEnd) === m) ctx.mentionEndingAt.delete(m.mention.tokenEnd);
}

function findAttributionHits(ctx: Ctx): AttributionHit[] {
  const hits: AttributionHit[] = [];
  const { tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].sentence < 0 || tokens[i].kind !== 'word') continue;
    const firstForms = conjStripped(tokens[i], ctx.sets).map((c) => c.form);
    const candidates = firstForms.flatMap((f) => ctx.q.attributions.get(f) ?? []).sort((a, b) => b.words.length - a.words.length);
    for (const phrase of candidates) {
      const hit = matchPhrase(ctx, i, firstForms, phrase);
      if (hit) {
        hits.push(hit);
        i = hit.sourceAt - 1;
        break;
      }
    }
  }
  return hits;
}

function matchPhrase(ctx: Ctx, i: number, firstForms: string[], phrase: AttributionPhrase): AttributionHit | null {
  const { tokens } = ctx;
  const words = phrase.attached ? phrase.words.slice(0, -1) : phrase.words;
  if (!firstForms.includes(words[0])) return null;
  for (let k = 1; k < words.length; k++) {
    const t = tokens[i + k];
    if (!t || t.sentence !== tokens[i].sentence || t.norm !== words[k]) return null;
  }
  const next = tokens[i + words.length];
  if (!next || next.sentence !== tokens[i].sentence) return null;
  if (phrase.attached) {
    const particle = phrase.words[phrase.words.length - 1];
    if (!next.norm.startsWith(particle) || next.norm.length <= particle.length + 1) return null;
  }
  return { index: i, sourceAt: i + words.length, phrase };
}

// ---------------------------------------------------------------------------------------------
// quotes from verb and participle cues

const CLAUSE_OPENERS = new Set(['قد', 'لقد', 'كما', 'ثم', 'كان', 'وكان', 'حيث', 'فيما', 'بينما', 'عندما', 'حين', 'بعدما', 'اذ', 'حسبما', 'مثلما']);
const RELATIVES = new Set(['الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'قد', 'لقد', 'كان', 'كانت']);

function quoteFromCue(ctx: Ctx, hit: CueHit, history: SpeakerRecord[], done: Quote[]): { quote: Quote; record?: SpeakerRecord } | null {
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
  const [, end] = sentenceBounds(ctx, i);
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
  const [first] = sentenceBounds(ctx, i);
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
    const governing = [...done].reverse().find((q) => q.sentence === s && q.cue.start < tokens[i].start);
    record = governing ? { ...governing.speaker, gender: hit.entry.gender, number: hit.entry.number } : resolveImplicit(ctx, history, hit.entry.gender, hit.entry.number, i);
  }
  return { quote: makeQuote(ctx, tokens[i], hit, record, content), record };
}

function verbQuote(ctx: Ctx, hit: CueHit, history: SpeakerRecord[]): { quote: Quote; record?: SpeakerRecord } | null {
  const i = hit.index;
  const initial = isClauseInitial(ctx, hit);
  // وكان الوزير قد قال …: the subject stands before قد
  const afterQad = !hit.conj && i > 0 && conjStripped(ctx.tokens[i - 1], ctx.sets).some((c) => c.form === 'قد');
  // SVO: a name right before a verb that opens no clause is its subject (أولمرت أبلغ أنان أن …)
  const nameBefore = !initial && ctx.mentionEndingAt.has(i) && !insidePrepositionalPhrase(ctx, ctx.mentionEndingAt.get(i)!);
  const early = afterQad || nameBefore ? subjectBefore(ctx, hit, history) : hit.conj === 'ف' ? topicSubject(ctx, hit, history) : null;
  const after = hit.manner !== undefined ? hit.manner + 1 : i + 1;
  let speaker = early ? { record: early, next: after } : hit.manner !== undefined ? null : subjectAfter(ctx, hit, history);
  if (!speaker && !hit.conj && !initial) {
    const before = subjectBefore(ctx, hit, history);
    if (before) speaker = { record: before, next: after };
  }
  // a form that is also a preposition or noun (بين، طالب) reports speech only at a clause head
  if (hit.entry.evidence === 'strict' && !initial) return null;
  const headsClause = initial || (!!speaker && speaker.next === after); // SVO: مصدرا عسكريا قال …
  // «…»، قال الوزير في مؤتمر صحفي: the quotation before the cue wins over a noun phrase after it
  const from = speaker ? speaker.next : after;
  const content = throughMannerParticiple(ctx, hit, from) ?? quotationBefore(ctx, i) ?? complementAfter(ctx, hit, from, headsClause);
  if (!content || (content.evidence === 'np' && !acceptsNounPhrase(hit.entry, initial, !!speaker, !!content.viaPrep))) return null;
  const record = speaker ? speaker.record : resolveImplicit(ctx, history, hit.entry.gender, hit.entry.number, i);
  return { quote: makeQuote(ctx, ctx.tokens[i], hit, record, content), record };
}

/**
 * وتابع الوزير حديثه قائلا إن …: a participle a few words after the verb and its subject, with
 * no clause opener before it, says how the verb's speaker went on; its complement is the verb's.
 */
function throughMannerParticiple(ctx: Ctx, hit: CueHit, from: number): Content | null {
  const [, end] = sentenceBounds(ctx, hit.index);
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
  const governing = [...done].reverse().find((q) => q.sentence === s && q.cue.start < tokens[i].start);
  let record: SpeakerRecord;
  if (governing) record = { ...governing.speaker, gender: hit.entry.gender, number: hit.entry.number };
  else record = sentenceSubject(ctx, i, hit.entry) ?? resolveImplicit(ctx, history, hit.entry.gender, hit.entry.number, i);
  return { quote: makeQuote(ctx, tokens[i], hit, record, content), record: { ...record, implicit: true } };
}

function isClauseInitial(ctx: Ctx, hit: CueHit): boolean {
  const [first] = sentenceBounds(ctx, hit.index);
  if (hit.conj || hit.index === first) return true;
  const prev = ctx.tokens[hit.index - 1];
  if (prev.kind === 'punct') return true;
  return conjStripped(prev, ctx.sets).some((c) => CLAUSE_OPENERS.has(c.form));
}

function makeQuote(ctx: Ctx, cueToken: Token, hit: CueHit, record: SpeakerRecord, content: Content): Quote {
  const text = ctx.doc.original;
  const { gender: _g, number: _n, ...speaker } = record;
  return {
    speaker,
    cue: { start: cueToken.start, end: cueToken.end, text: text.slice(cueToken.start, cueToken.end), lemma: hit.entry.lemma },
    content: { start: content.start, end: content.end, text: text.slice(content.start, content.end) },
    kind: content.kind,
    strength: hit.entry.strength,
    sentence: cueToken.sentence,
  };
}

// ---------------------------------------------------------------------------------------------
// speakers

/** The explicit subject right after a verb cue (VSO), possibly behind a title phrase. */
function subjectAfter(ctx: Ctx, hit: CueHit, history: readonly SpeakerRecord[]): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  const [, end] = sentenceBounds(ctx, hit.index);
  // a resumptive pronoun of a relative clause stands before the subject (في وقت حذر فيه الوزير …)
  const j = RESUMPTIVES.has(tokens[hit.index + 1]?.norm ?? '') ? hit.index + 2 : hit.index + 1;
  const first = tokens[j];
  if (j >= end || !isWord(first)) return null;
  if (isComplementizer(first, q, sets) || stopAt(ctx, first) || isPrep(ctx, first, hit.entry)) return null;
  // a verb before its subject stays singular (قال المسؤولون): a plural or dual verb has a dropped subject
  if (hit.entry.number !== 'sg') return null;
  const person = personAfterTitle(ctx, j, end);
  if (person) return personSpeaker(ctx, person, j, hit.entry);
  const lead = ctx.mentionAt.get(j);
  if (lead) return { record: entitySpeaker(ctx, lead, hit.entry.gender, 'sg'), next: lead.mention.tokenEnd };
  const noun = speakerNoun(first, q, sets);
  if (noun) return nounSpeaker(ctx, j, end, noun, hit.entry.gender, history);
  return unknownName(ctx, hit, j, end) ?? definiteSubject(ctx, j, end, hit.entry.gender);
}

/**
 * A definite noun phrase right after a clause-initial reporting verb is its subject far more
 * often than its object (أعلن البنك الآسيوي للتنمية منح …; objects are clauses or bare masdars:
 * أكد ضرورة …): up to four definite words.
 */
function definiteSubject(ctx: Ctx, j: number, end: number, gender: Gender): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  let k = j;
  while (k < end && k < j + 4 && isWord(tokens[k]) && !stopAt(ctx, tokens[k]) && stemCandidates(tokens[k].norm, sets).some((c) => c.definite)) k++;
  if (k === j) return null;
  return { record: descriptionSpeaker(ctx, j, k, gender, 'sg'), next: k };
}

/**
 * A person named after a title phrase: وزير الخارجية الروسي سيرجي لافروف، المتحدث باسم الأمين
 * العام للأمم المتحدة ستيفان دوجاريك. The title runs over words and other mentions (at most 8
 * tokens); a place phrase with في/لدى is allowed only right before the name (ممثلتها في اليمن
 * أديل خضر), so that `الوزير في مؤتمر مع نظيره … لافروف` does not make Lavrov the speaker.
 */
function personAfterTitle(ctx: Ctx, j: number, end: number): MentionRef | null {
  const { tokens, q, sets } = ctx;
  const limit = Math.min(end, j + 8);
  let k = j;
  while (k < limit) {
    const t = tokens[k];
    if (!isWord(t) || isComplementizer(t, q, sets)) return null;
    const m = ctx.mentionAt.get(k);
    if (m?.entity.type === 'PERSON') return m;
    if (m) {
      k = m.mention.tokenEnd;
      continue;
    }
    if (k > j && stopAt(ctx, t)) return placeBeforeName(ctx, k, limit);
    k++;
  }
  return null;
}

const TITLE_PLACE_PREPS = new Set(['في', 'لدي']);
const RESUMPTIVES = new Set(['فيه', 'فيها', 'عنه', 'عنها']);
const ISSUED = new Set(['صادر', 'الصادر', 'صادره', 'الصادره']);

function placeBeforeName(ctx: Ctx, k: number, limit: number): MentionRef | null {
  if (!conjStripped(ctx.tokens[k], ctx.sets).some((c) => TITLE_PLACE_PREPS.has(c.form))) return null;
  const place = ctx.mentionAt.get(k + 1);
  const after = place ? place.mention.tokenEnd : k + 2;
  const person = after < limit + 2 ? ctx.mentionAt.get(after) : undefined;
  return person?.entity.type === 'PERSON' ? person : null;
}

/**
 * A description headed by a speaker noun. An institution or document noun followed by a name is
 * that organization (وزارة الصحة الأردنية، بيانات المركز الوطني …); a definite person noun alone
 * (الوزيرة، المدرب السويسري) is the latest person speaker of its gender; a definite institution
 * alone (الوزارة) is the latest organization it heads; anything else is a description.
 */
function nounSpeaker(ctx: Ctx, j: number, end: number, noun: NounInfo, gender: Gender, history: readonly SpeakerRecord[]): { record: SpeakerRecord; next: number } {
  const stop = descriptionEnd(ctx, j, end);
  const named = ctx.mentionAt.get(j + 1);
  if ((noun.kind === 'institution' || noun.kind === 'document') && named && named.entity.type !== 'PERSON') {
    return { record: entitySpeaker(ctx, named, gender, 'sg'), next: Math.max(stop, named.mention.tokenEnd) };
  }
  const record = descriptionSpeaker(ctx, j, stop, gender, noun.number);
  if (noun.kind === 'honorific') {
    // وأعرب سموه، وبين جلالته: the person last quoted with that gender
    const earlier = [...history].reverse().find((r) => r.entity && r.gender === noun.gender && isPersonEntity(ctx, r.entity));
    if (earlier) return { record: { ...record, entity: earlier.entity, ...(earlier.role ? { role: earlier.role } : {}) }, next: stop };
  }
  if (isDefiniteShort(ctx, j, stop)) {
    if (noun.kind === 'person') {
      // only a speaker whose role has this noun: الوزيرة → وزيرة التخطيط, never المتهم → محامي الدفاع
      const head = [...bareForms(ctx, ctx.tokens[j])];
      const roleHas = (r: SpeakerRecord) => !!r.role && head.some((h) => h.length > 2 && normalizeForMatch(r.role!).includes(h));
      const earlier = [...history].reverse().find((r) => r.entity && r.gender === gender && r.number === noun.number && isPersonEntity(ctx, r.entity) && roleHas(r));
      if (earlier) return { record: { ...record, entity: earlier.entity, ...(earlier.role ? { role: earlier.role } : {}) }, next: stop };
      // المدرب السويسري after «السويسري مارسيل كولر»: the adjective names the same person
      const adjective = stop - j === 2 ? [...bareForms(ctx, ctx.tokens[j + 1])].filter((f) => f.length > 3) : [];
      const described = adjective.length ? [...history].reverse().find((r) => r.gender === gender && adjective.some((a) => normalizeForMatch(`${r.text} ${r.role ?? ''}`).includes(a))) : undefined;
      if (described) return { record: { ...described, implicit: false }, next: stop };
    }
    if (noun.kind === 'source' || noun.kind === 'person') {
      // وقال مصدر أمني … وأضاف المصدر: the same anonymous source, named as first described
      const earlier = sameDescription(ctx, history, j);
      if (earlier) return { record: { ...earlier, implicit: false }, next: stop };
    }
  }
  return { record, next: stop };
}

/** The latest non-entity description whose head noun is this token's noun (المصدر → مصدر أمني). */
function sameDescription(ctx: Ctx, history: readonly SpeakerRecord[], at: number): SpeakerRecord | null {
  const own = bareForms(ctx, ctx.tokens[at]);
  for (let k = history.length - 1; k >= 0; k--) {
    const r = history[k];
    if (r.entity || !r.text) continue;
    const head = normalizeForMatch(r.text.split(/\s+/)[0]);
    if (own.has(head) || own.has(withoutArticle(head, ctx.sets) ?? '')) return r;
  }
  return null;
}

function isDefiniteShort(ctx: Ctx, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) if (!conjStripped(ctx.tokens[k], ctx.sets).some((c) => c.form.startsWith('ال'))) return false;
  return true;
}

function isPersonEntity(ctx: Ctx, id: string): boolean {
  return ctx.entities.some((e) => e.id === id && e.type === 'PERSON');
}

/**
 * A name in no lexicon right before the complementizer, a colon, an appositive comma, the verb's
 * own particle or a clause-level word: وقال باسلمة إن، وشدد وانغ على، وقال كولر في المؤتمر.
 * At most three words, not definite (a definite word there is rather the verb's object).
 */
function unknownName(ctx: Ctx, hit: CueHit, j: number, end: number): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  let k = j;
  while (k < end && k < j + 4 && isWord(tokens[k]) && !isComplementizer(tokens[k], q, sets) && !stopAt(ctx, tokens[k]) && !isPrep(ctx, tokens[k], hit.entry) && !isCueToken(ctx, tokens[k])) {
    // a mention inside the phrase belongs to it (ذكر موفد الجزيرة نت أن …)
    const m = k > j ? ctx.mentionAt.get(k) : undefined;
    k = m && m.entity.type !== 'PERSON' ? Math.min(end, m.mention.tokenEnd) : k + 1;
  }
  if (k === j || k - j > 3 || k >= end) return null;
  if (tokens[j].norm.length < 2) return null; // بـ"…": a particle, not a name
  const follower = tokens[k];
  const definite = conjStripped(tokens[j], sets).some((c) => c.form.startsWith('ال'));
  // a definite phrase is rather the verb's object (وأكد الاتفاق على …) unless a clause follows:
  // a reporting verb takes its clause after its subject (وأوضح الدفاع المدني في بيان أن …)
  // a name after a demonym or short title, in no lexicon (أكد السويسري مارسيل كولر، …): the words after the definite one are all indefinite
  const nameAfterTitle = definite && k - j >= 2 && tokens.slice(j + 1, k).every((t) => !stemCandidates(t.norm, sets).some((c) => c.definite));
  const closesName = definite
    ? isComplementizer(follower, q, sets) || isColon(follower) || (nameAfterTitle && isComma(follower)) || (stopAt(ctx, follower) && isWord(follower) && clauseFollows(ctx, k, end))
    : isComplementizer(follower, q, sets) || isColon(follower) || isComma(follower) || opensQuotation(ctx, follower) || isPrep(ctx, follower, hit.entry) || (isWord(follower) && stopAt(ctx, follower) && clauseFollows(ctx, k, end));
  return closesName ? { record: descriptionSpeaker(ctx, j, k, hit.entry.gender, 'sg'), next: k } : null;
}

/** A complementizer or colon within a few tokens, with no other cue before it. */
function clauseFollows(ctx: Ctx, from: number, end: number): boolean {
  for (let k = from; k < Math.min(end, from + 12); k++) {
    if (ctx.boundaries.has(k)) return false;
    if (isComplementizer(ctx.tokens[k], ctx.q, ctx.sets) || isColon(ctx.tokens[k])) return true;
  }
  return false;
}

/**
 * أما وزير الدولة كيم هاولز فوصف …، أما سلمى، وهي موظفة، فتقول …: the topic after أما is the
 * subject of the verb that فـ attaches to.
 */
function topicSubject(ctx: Ctx, hit: CueHit, history: readonly SpeakerRecord[]): SpeakerRecord | null {
  const { tokens, q, sets } = ctx;
  const [first] = sentenceBounds(ctx, hit.index);
  let a = hit.index - 1;
  while (a >= first && !conjStripped(tokens[a], sets).some((c) => c.form === 'اما')) a--;
  if (a < first || a + 1 >= hit.index) return null;
  const t = a + 1;
  const person = personAfterTitle(ctx, t, hit.index);
  if (person) return personSpeaker(ctx, person, t, hit.entry).record;
  const m = ctx.mentionAt.get(t);
  if (m) return entitySpeaker(ctx, m, hit.entry.gender, hit.entry.number);
  const noun = speakerNoun(tokens[t], q, sets);
  if (noun) return nounSpeaker(ctx, t, hit.index, noun, hit.entry.gender, history).record;
  let e = t;
  while (e < hit.index && isWord(tokens[e]) && e < t + 4) e++;
  return e > t ? descriptionSpeaker(ctx, t, e, hit.entry.gender, hit.entry.number) : null;
}

/** SVO or relative clause: the subject stands before the verb (الوزير أكد، الرئيس الذي قال). */
function subjectBefore(ctx: Ctx, hit: CueHit, _history: readonly SpeakerRecord[]): SpeakerRecord | null {
  const { tokens, q, sets } = ctx;
  const [first] = sentenceBounds(ctx, hit.index);
  let k = hit.index - 1;
  const relative = k >= first && conjStripped(tokens[k], sets).some((c) => RELATIVES.has(c.form));
  while (k >= first && conjStripped(tokens[k], sets).some((c) => RELATIVES.has(c.form))) k--;
  if (k < first) return null;
  const m = ctx.mentionEndingAt.get(k + 1);
  if (m && insidePrepositionalPhrase(ctx, m)) return null; // وفي برلين أعلنت الوزارة …: a place, not the subject
  if (m) return m.entity.type === 'PERSON' ? personSpeaker(ctx, m, m.mention.tokenStart, hit.entry).record : entitySpeaker(ctx, m, hit.entry.gender, hit.entry.number);
  for (let p = k; p >= Math.max(first, k - 4); p--) {
    if (!isWord(tokens[p])) return null;
    // a relative clause hangs on the nearest noun (المحكمة العليا الأمريكية التي اعتبرت)
    const opensPhrase = relative || p === first || !isWord(tokens[p - 1]) || isComplementizer(tokens[p - 1], q, sets);
    if (speakerNoun(tokens[p], q, sets) && opensPhrase) return descriptionSpeaker(ctx, p, k + 1, hit.entry.gender, hit.entry.number);
  }
  return relative ? null : clauseSubject(ctx, first, k + 1, hit);
}

const CLAUSE_PARTICLES = new Set(['لكن', 'ولكن', 'كما', 'ثم', 'بينما', 'فيما', 'اذ', 'حيث', 'ان', 'الا']);

/**
 * SVO with a subject in no lexicon (لكن الشواهد السابقة تشير إلى أن …): the words from the clause
 * start (sentence start, comma, particle) to the verb, when there are one to four of them.
 */
function clauseSubject(ctx: Ctx, first: number, to: number, hit: CueHit): SpeakerRecord | null {
  const { tokens, q, sets } = ctx;
  let p = to;
  while (p > first && isWord(tokens[p - 1]) && !conjStripped(tokens[p - 1], sets).some((c) => CLAUSE_PARTICLES.has(c.form)) && !isComplementizer(tokens[p - 1], q, sets)) p--;
  if (to - p < 1 || to - p > 4) return null;
  if (stopAt(ctx, tokens[p]) || conjStripped(tokens[p], sets).some((c) => RELATIVES.has(c.form) || CLAUSE_OPENERS.has(c.form))) return null;
  const opener = tokens[p - 1];
  if (p > first && isWord(opener) && !conjStripped(opener, sets).some((c) => CLAUSE_PARTICLES.has(c.form)) && !isComplementizer(opener, q, sets)) return null;
  return descriptionSpeaker(ctx, p, to, hit.entry.gender, hit.entry.number);
}

/** A mention governed by a preposition (في برلين، ببرلين، لدى الوزارة) cannot be a subject. */
function insidePrepositionalPhrase(ctx: Ctx, m: MentionRef): boolean {
  const head = ctx.tokens[m.mention.tokenStart];
  if (hasPrepositionClitic(ctx, m)) return true;
  const before = ctx.tokens[m.mention.tokenStart - 1];
  return !!before && before.sentence === head.sentence && isWord(before) && stopAt(ctx, before);
}

/**
 * True when the mention's first token carries ب/ل/ك before the name: the token without that
 * letter (or with ل + ال restored) is the entity's name or another of its mentions (ببرلين →
 * برلين، للصين → الصين), while a name that merely starts with the letter (لافروف) is not.
 */
function hasPrepositionClitic(ctx: Ctx, m: MentionRef): boolean {
  const names = new Set([m.entity.name, ...m.entity.mentions.map((x) => x.text)].map((t) => normalizeForMatch(t).split(/\s+/)[0]));
  const head = ctx.tokens[m.mention.tokenStart];
  return conjStripped(head, ctx.sets).some(({ form }) =>
    ctx.sets.prep.some((p) => form.startsWith(p) && (names.has(form.slice(p.length)) || (p === 'ل' && names.has('ا' + form.slice(p.length))))),
  );
}

function personSpeaker(ctx: Ctx, m: MentionRef, titleStart: number, entry: CueEntry, trustVerb = true): { record: SpeakerRecord; next: number } {
  const text = ctx.doc.original;
  const title = titleStart < m.mention.tokenStart ? text.slice(ctx.tokens[titleStart].start, ctx.tokens[m.mention.tokenStart - 1].end) : undefined;
  const role = title ?? m.entity.role;
  return {
    record: {
      entity: m.entity.id,
      text: m.mention.text,
      start: m.mention.start,
      end: m.mention.end,
      implicit: false,
      ...(role ? { role } : {}),
      // a verb next to its subject agrees with it in gender: trust the verb over the entity's guess
      gender: trustVerb ? entry.gender : (m.entity.gender ?? entry.gender),
      number: 'sg',
    },
    next: m.mention.tokenEnd,
  };
}

function entitySpeaker(ctx: Ctx, m: MentionRef, gender: Gender, number: GrammaticalNumber): SpeakerRecord {
  return { entity: m.entity.id, text: m.mention.text, start: m.mention.start, end: m.mention.end, implicit: false, ...(m.entity.role ? { role: m.entity.role } : {}), gender, number };
}

/** A description speaker over tokens [from, to): مصدر مسؤول، المتحدث باسم وزارة الخارجية. */
function descriptionSpeaker(ctx: Ctx, from: number, to: number, gender: Gender, number: GrammaticalNumber): SpeakerRecord {
  const { tokens } = ctx;
  const start = withoutPreposition(ctx, tokens[from]);
  const end = tokens[to - 1].end;
  const definite = stemCandidates(tokens[from].norm, ctx.sets).some((c) => c.definite);
  const institution = speakerNoun(tokens[from], ctx.q, ctx.sets)?.kind === 'institution';
  const linked = to - from === 1 && definite && institution ? definiteInstitution(ctx, from) : null;
  return { entity: linked?.id ?? null, text: ctx.doc.original.slice(start, end), start, end, implicit: false, gender, number: number === 'sg' && soundPlural(ctx, from, to) ? 'pl' : number };
}

/**
 * A description whose head or first adjective ends in the sound masculine plural ـون (الباحثون،
 * الوسطاء السعوديون) speaks of people in the plural: a later وأضافوا refers to it.
 */
function soundPlural(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 2); k++) {
    if (conjStripped(ctx.tokens[k], ctx.sets).some((c) => c.form.length > 4 && c.form.endsWith('ون'))) return true;
  }
  return false;
}

/**
 * Where a description starts in the original: after a preposition attached to its first word
 * (وفقا لمصادر طبية → مصادر طبية), so the span holds the speaker and not the particle.
 */
function withoutPreposition(ctx: Ctx, t: Token): number {
  const stripped = stemCandidates(t.norm, ctx.sets).find((c) => c.prefixLength > 0 && ctx.q.speakerNouns.has(bareOf(ctx, c.stem)));
  if (!stripped) return t.start;
  // ل + ال is written لل: the article's alef is not in the text, keep the whole word (للإحصائيات)
  if (stripped.definite && t.norm.slice(stripped.prefixLength, stripped.prefixLength + 2) !== 'ال') return t.start;
  return ctx.doc.map.toOriginal(t.nStart + stripped.prefixLength, t.nEnd).start;
}

function bareOf(ctx: Ctx, stem: string): string {
  return withoutArticle(stem, ctx.sets) ?? stem;
}

/** The text between a quotation's marks, without the spaces next to them. */
function inside(ctx: Ctx, m: QuoteMarkSpan): Span {
  const text = ctx.doc.original;
  let start = m.open + 1;
  let end = m.close;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * A clause-level word ending a subject (في، خلال، اليوم …). علي spelled with yeh before an
 * indefinite word is the given name, not على after normalization (وزير الداخلية علي يرلي كايا).
 */
function stopAt(ctx: Ctx, t: Token | undefined): boolean {
  if (!isStop(t, ctx.q, ctx.sets)) return false;
  if (t && t.norm === 'علي' && ctx.doc.original.slice(t.start, t.end).endsWith('ي')) {
    const next = ctx.tokens[t.index + 1];
    if (next && isWord(next) && next.sentence === t.sentence && !stemCandidates(next.norm, ctx.sets).some((c) => c.definite) && !isStop(next, ctx.q, ctx.sets)) return false;
  }
  return true;
}

/** True when a quotation (as paired by the mark scanner) opens at this token. */
function opensQuotation(ctx: Ctx, t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && ctx.marks.some((m) => m.open === t.start);
}

/** A reporting word (verb, participle, verbal noun) ends any subject phrase before it. */
function isCueToken(ctx: Ctx, t: Token): boolean {
  return t.kind === 'word' && conjStripped(t, ctx.sets).some((c) => ctx.q.cues.has(c.form));
}

/** A closed quotation of a few words opening at this token: a quoted name (صحيفة «المستقبل»). */
function shortQuotation(ctx: Ctx, t: Token): QuoteMarkSpan | undefined {
  return ctx.marks.find((m) => m.closed && m.open === t.start && m.close - m.open < 40 && !/[.!?؟]/.test(ctx.doc.original.slice(m.open, m.close)));
}

/** Where a description after a cue ends: before a stop word, punctuation or complementizer (at most 8 words). */
function descriptionEnd(ctx: Ctx, from: number, end: number): number {
  const { tokens, q, sets } = ctx;
  const isDefinite = (t: Token) => stemCandidates(t.norm, sets).some((c) => c.definite);
  // after a definite head only definite words continue it (المتهم الرئيسي); an indefinite word
  // starts the verb's object (ونفى المتهم أي علاقة …), unless a linker (باسم) opened a genitive
  let open = !isDefinite(tokens[from]);
  let k = from + 1;
  while (k < end && k < from + 8) {
    const m = ctx.mentionAt.get(k);
    if (m) {
      // مصدر أمني لفرانس برس: a name behind a preposition is the addressee, not the description
      if (hasPrepositionClitic(ctx, m)) break;
      k = Math.min(m.mention.tokenEnd, end);
      continue;
    }
    const t = tokens[k];
    const quotedName = t.kind === 'punct' && k === from + 1 ? shortQuotation(ctx, t) : undefined;
    if (quotedName) {
      // صحيفة «المستقبل»: a quoted name right after the head belongs to the description
      while (k < end && tokens[k].start <= quotedName.close) k++;
      continue;
    }
    if (!isWord(t) || isComplementizer(t, q, sets) || isCueToken(ctx, t)) break;
    // بيان صادر عن الرئاسة: the issuer belongs to the description
    if (stopAt(ctx, t) && !(t.norm === 'عن' && ISSUED.has(tokens[k - 1].norm))) {
      // المسؤول في نقابة سيبتو جون كينغ: a place phrase, then a name in no lexicon
      const named = placeThenName(ctx, k, end);
      if (named > k) k = named;
      break;
    }
    if (!open && !isDefinite(t) && !LINKERS.has(t.norm)) {
      // …العميد يحيى سريع في بيان أن: a name in no lexicon closes the description
      const name = nameRunEnd(ctx, k, end);
      if (name > k) k = name;
      break;
    }
    if (LINKERS.has(t.norm)) open = true;
    k++;
  }
  return k;
}

/**
 * After في/لدى in a title: up to two words or one organization/place mention, then a name run
 * (nameRunEnd). Returns the name's end, or `k` when no name follows.
 */
function placeThenName(ctx: Ctx, k: number, end: number): number {
  if (!conjStripped(ctx.tokens[k], ctx.sets).some((c) => TITLE_PLACE_PREPS.has(c.form))) return k;
  let p = k + 1;
  while (p < Math.min(end, k + 4)) {
    const m = ctx.mentionAt.get(p);
    if (m?.entity.type === 'PERSON') return k;
    const after = m ? m.mention.tokenEnd : p + 1;
    if (!m && !isWord(ctx.tokens[p])) return k;
    // the name is the run that a colon, comma or complementizer closes: نقابة سيبتو | جون كينغ:
    const name = nameRunEnd(ctx, after, end);
    if (name > after && (m || name - after >= 2)) return name;
    p = after;
  }
  return k;
}

/**
 * End of a run of one to three indefinite words starting at `k` that reads as a name: what
 * follows closes it (a complementizer, colon, comma, quotation, or a clause-level word before a
 * complementizer). Returns `k` when the run is rather an object (ونفى المتهم أي علاقة بالشركات).
 */
function nameRunEnd(ctx: Ctx, k: number, end: number): number {
  const { tokens, q, sets } = ctx;
  let e = k;
  while (e < end && e < k + 3 && isWord(tokens[e]) && !isComplementizer(tokens[e], q, sets) && !stopAt(ctx, tokens[e]) && !stemCandidates(tokens[e].norm, sets).some((c) => c.definite)) e++;
  if (e === k || e >= end) return k;
  const f = tokens[e];
  const closes = isComplementizer(f, q, sets) || isColon(f) || isComma(f) || opensQuotation(ctx, f) || (isWord(f) && stopAt(ctx, f) && clauseFollows(ctx, e, end));
  return closes ? e : k;
}

/** Words after which a description continues with any genitive (المتحدث باسم وزارة الخارجية). */
const LINKERS = new Set(['باسم', 'صادر', 'الصادر', 'صادره', 'الصادره']);

/**
 * A lone definite institution noun (الوزارة، النيابة، الشركة) refers back to the latest
 * organization whose name starts with that noun or follows it (وزارة الصحة، النيابة العامة،
 * شركة أرامكو … وقالت الوزارة).
 */
function definiteInstitution(ctx: Ctx, at: number): Entity | null {
  const own = bareForms(ctx, ctx.tokens[at]);
  const heads = organizationHeads(ctx);
  for (let k = heads.length - 1; k >= 0; k--) {
    const h = heads[k];
    if (h.tokenEnd > at) continue;
    // an organization named long before is not what a bare الوزارة points at
    if (ctx.tokens[at].sentence - ctx.tokens[h.tokenStart].sentence > 8) break;
    if (h.forms.some((f) => own.has(f))) return h.entity;
  }
  return null;
}

interface OrgHead {
  entity: Entity;
  tokenStart: number;
  tokenEnd: number;
  forms: string[];
}

/** Every organization mention with the bare forms of its head (and of a construct noun before it), in text order. */
function organizationHeads(ctx: Ctx): OrgHead[] {
  if (ctx.orgHeads) return ctx.orgHeads;
  const out: OrgHead[] = [];
  for (const e of ctx.entities) {
    if (e.type !== 'ORGANIZATION') continue;
    for (const m of e.mentions) {
      const before = ctx.tokens[m.tokenStart - 1];
      // the noun before a name heads it only in a construct (وزارة الصحة، شركة أرامكو), never definite
      const construct = before && before.sentence === m.sentence && isWord(before) && !stemCandidates(before.norm, ctx.sets).some((c) => c.definite);
      const tokens = construct ? [ctx.tokens[m.tokenStart], before] : [ctx.tokens[m.tokenStart]];
      out.push({ entity: e, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, forms: tokens.flatMap((t) => [...bareForms(ctx, t)]) });
    }
  }
  ctx.orgHeads = out.sort((a, b) => a.tokenStart - b.tokenStart);
  return ctx.orgHeads;
}

/** The token's stems without clitics or article (والوزارة, لوزارة, وزارة → وزاره). */
function bareForms(ctx: Ctx, t: Token): Set<string> {
  const out = new Set<string>();
  for (const c of stemCandidates(t.norm, ctx.sets)) {
    out.add(c.stem);
    const bare = c.definite ? withoutArticle(c.stem, ctx.sets) : null;
    if (bare) out.add(bare);
  }
  return out;
}

/** The subject of the sentence a participle hangs on: its first person (else organization) before the participle. */
function sentenceSubject(ctx: Ctx, i: number, entry: CueEntry): SpeakerRecord | null {
  const [first] = sentenceBounds(ctx, i);
  let org: MentionRef | null = null;
  for (let k = first; k < i; k++) {
    const m = ctx.mentionAt.get(k);
    if (!m) continue;
    if (m.entity.type === 'PERSON') return personSpeaker(ctx, m, k, entry).record;
    if (!org && m.entity.type === 'ORGANIZATION') org = m;
  }
  return org ? entitySpeaker(ctx, org, entry.gender, entry.number) : null;
}

/**
 * Pro-drop: the latest speaker whose gender and number agree with the verb; failing that, the
 * latest agreeing entity mentioned before the cue (persons default to masculine, organizations
 * and places to feminine when the entity stage gives no gender).
 */
function resolveImplicit(ctx: Ctx, history: SpeakerRecord[], gender: Gender, number: GrammaticalNumber, at: number): SpeakerRecord {
  const sentence = ctx.tokens[at].sentence;
  const last = history[history.length - 1];
  // والتقى لافروف بنظيره …، وأكد أن …: a dropped subject in a coordinated clause is the subject
  // of the sentence's first clause, unless that clause was itself a quote (then history has it)
  if (!last || ctx.recordSentence.get(last) !== sentence) {
    const early = earlySubject(ctx, sentence, at, gender, number);
    if (early) return early;
  }
  for (let k = history.length - 1; k >= 0; k--) {
    const r = history[k];
    // an implicit speaker is not named in its clause: start/end point at its antecedent
    if (r.gender === gender && r.number === number) return { ...r, implicit: true };
  }
  // nobody quoted yet agrees: the subject of a recent sentence, else the latest agreeing mention
  for (let s = sentence - 1; s >= Math.max(0, sentence - 4); s--) {
    const early = earlySubject(ctx, s, Number.MAX_SAFE_INTEGER, gender, number);
    if (early) return early;
  }
  let best: MentionRef | null = null;
  if (number === 'sg') {
    for (const entity of ctx.entities) {
      // a dateline or a place in passing is no speaker: only persons and organizations
      if (entity.type !== 'PERSON' && entity.type !== 'ORGANIZATION') continue;
      for (const mention of entity.mentions) {
        if (mention.tokenEnd > at || mentionGender(ctx, { entity, mention }) !== gender) continue;
        if (!best || mention.tokenStart > best.mention.tokenStart) best = { entity, mention };
      }
    }
  }
  if (best) return implicitFrom(best, gender, number);
  return { entity: null, text: '', implicit: true, gender, number };
}

/**
 * Grammatical gender of a mention: an organization agrees with its head noun when the lexicon
 * knows it (البنك المركزي، الجيش، المجلس: masculine; الوزارة، الشركة: feminine), else the
 * entity's gender; persons default to masculine, organizations and places to feminine.
 */
function mentionGender(ctx: Ctx, m: MentionRef): Gender {
  if (m.entity.type === 'ORGANIZATION') {
    const head = speakerNoun(ctx.tokens[m.mention.tokenStart], ctx.q, ctx.sets);
    if (head && head.kind === 'institution') return head.gender;
  }
  return m.entity.gender ?? (m.entity.type === 'PERSON' ? 'm' : 'f');
}

function implicitFrom(m: MentionRef, gender: Gender, number: GrammaticalNumber): SpeakerRecord {
  return { entity: m.entity.id, text: m.mention.text, start: m.mention.start, end: m.mention.end, implicit: true, ...(m.entity.role ? { role: m.entity.role } : {}), gender, number };
}

/**
 * The subject of a sentence's first clause: an agreeing person or organization mention among
 * its first five tokens (after the verb in VSO: استقبل الرئيس الصيني شي جين بينغ …), not in a
 * prepositional phrase, ending before `before`.
 */
function earlySubject(ctx: Ctx, sentence: number, before: number, gender: Gender, number: GrammaticalNumber): SpeakerRecord | null {
  if (number !== 'sg') return null;
  const first = ctx.sentStart.get(sentence);
  if (first === undefined) return null;
  const start = afterDateline(ctx, first, ctx.sentEnd.get(sentence) ?? first);
  for (let k = start; k < Math.min(start + 5, before); k++) {
    const m = ctx.mentionAt.get(k);
    if (!m || m.mention.tokenEnd > before) continue;
    if (m.entity.type !== 'PERSON' && m.entity.type !== 'ORGANIZATION') continue;
    if (mentionGender(ctx, m) !== gender || insidePrepositionalPhrase(ctx, m)) continue;
    return implicitFrom(m, gender, number);
  }
  return null;
}

/** The first token after a dateline (عمان، 20 مارس (بترا) - …), or `first` when there is none. */
function afterDateline(ctx: Ctx, first: number, end: number): number {
  for (let k = first; k < Math.min(end, first + 10); k++) {
    const t = ctx.tokens[k];
    if (t.kind === 'punct' && (t.norm === '-' || t.norm === '–' || t.norm === '—')) return k + 1;
  }
  return first;
}

// ---------------------------------------------------------------------------------------------
// content

function isPrep(ctx: Ctx, t: Token | undefined, entry: CueEntry): boolean {
  return !!t && !!entry.prep && conjStripped(t, ctx.sets).some((c) => c.form === entry.prep);
}

/**
 * What the cue introduces, searched from token `from` (after the subject) within the sentence:
 * a complementizer or colon (indirect, or direct when a quote mark opens right after), a quote
 * mark right away, or else a bare noun-phrase complement (evidence `np`).
 */
const PARENS = new Set(['(', ')', '[', ']', '-', '–']);

function complementAfter(ctx: Ctx, hit: CueHit, from: number, laterSegments = true): Content | null {
  const { tokens, q, sets } = ctx;
  const [, end] = sentenceBounds(ctx, hit.index);
  const limit = Math.min(end, from + 20);
  // The complement follows the subject and its adjuncts directly, or right after a comma that
  // closes an inserted phrase (قال وانغ، وهو أيضا عضو …، إنه). A complementizer deep inside a
  // later comma segment belongs to another clause (… تهدد سلامة بلاده، فعزم … بأنه).
  let segment = 0;
  for (let k = from; k < limit; k++) {
    const t = tokens[k];
    if (k > from && ctx.boundaries.has(k)) break;
    const rightAfterComma = k > from && isComma(tokens[k - 1]);
    // وأن after a noun phrase coordinates another clause; it does not open this cue's content
    if ((q.complementizers.has(t.norm) && t.kind === 'word') || isColon(t)) {
      // a colon before a quotation is this verb's, however many inserted phrases stand before it
      const colonQuotation = isColon(t) && laterSegments && opensQuotation(ctx, tokens[k + 1]);
      if (segment === 0 || (rightAfterComma && laterSegments) || colonQuotation) return contentFrom(ctx, k + 1, end);
      break;
    }
    if (opensQuotation(ctx, t) && (k === from || (rightAfterComma && laterSegments))) return contentFrom(ctx, k, end);
    const quotedName = t.kind === 'punct' ? shortQuotation(ctx, t) : undefined;
    if (quotedName) {
      // قال لـ«النهار»: … — a quoted name in the adjuncts, not the content
      while (k + 1 < limit && tokens[k + 1].start <= quotedName.close) k++;
      continue;
    }
    if (isComma(t)) segment++;
    else if (t.kind === 'punct' && !PARENS.has(t.norm)) break;
  }
  let start = skipParenthetical(ctx, from, end);
  const viaPrep = isPrep(ctx, tokens[start], hit.entry);
  if (viaPrep) start++;
  if (start >= end || !isWord(tokens[start])) return null;
  const c = contentFrom(ctx, start, end);
  return c ? { ...c, evidence: 'np', viaPrep } : null;
}

/** Skip an adverbial between commas, or a bracketed gloss, after the subject (أعلنت السعودية، اليوم الثلاثاء، تمديد …). */
function skipParenthetical(ctx: Ctx, from: number, end: number): number {
  const { tokens } = ctx;
  // an abbreviation or gloss in brackets after the subject: إدارة الكوارث التركية (آفاد) ارتفاع …
  if (tokens[from]?.norm === '(') {
    for (let k = from + 1; k < Math.min(end, from + 8); k++) if (tokens[k].norm === ')') return k + 1 < end ? skipParenthetical(ctx, k + 1, end) : from;
    return from;
  }
  if (!isComma(tokens[from])) return from;
  for (let k = from + 1; k < Math.min(end, from + 8); k++) {
    if (isComma(tokens[k])) return k + 1 < end ? skipParenthetical(ctx, k + 1, end) : from;
    if (!isWord(tokens[k]) && tokens[k].kind !== 'number') return from;
  }
  return from;
}

/** Content starting at token `k`: a quotation when a mark opens there, else to the clause end. */
function contentFrom(ctx: Ctx, k: number, sentEnd: number): Content | null {
  const { tokens } = ctx;
  if (k >= sentEnd) return null;
  const t = tokens[k];
  const m = t.kind === 'punct' ? ctx.marks.find((s) => s.open === t.start) : undefined;
  if (m) return { ...inside(ctx, m), kind: 'direct', evidence: 'clause' };
  let e = k;
  while (e < sentEnd && !(e > k && ctx.boundaries.has(e))) e++;
  // drop trailing punctuation and the conjunction-less comma before the next cue
  while (e > k && tokens[e - 1].kind === 'punct' && !closesInside(ctx, tokens[e - 1], t.start)) e--;
  if (e <= k) return null;
  return { start: t.start, end: tokens[e - 1].end, kind: 'indirect', evidence: 'clause' };
}

/** A closing quote mark whose quotation opened inside the content keeps its place in it. */
function closesInside(ctx: Ctx, t: Token, contentStart: number): boolean {
  return ctx.marks.some((m) => m.closed && m.close === t.start && m.open >= contentStart);
}

/** «…»، قال الوزير: the quotation stands before the cue. */
function quotationBefore(ctx: Ctx, i: number): Content | null {
  const { tokens } = ctx;
  let k = i - 1;
  if (isComma(tokens[k])) k--;
  const t = tokens[k];
  if (!t || t.kind !== 'punct') return null;
  const m = ctx.marks.find((s) => s.closed && s.close === t.start);
  return m ? { ...inside(ctx, m), kind: 'direct', evidence: 'clause' } : null;
}

// ---------------------------------------------------------------------------------------------
// attribution phrases and bare colon quotations

function quoteFromAttribution(ctx: Ctx, hit: AttributionHit): { quote: Quote; record?: SpeakerRecord } | null {
  const { tokens, q, sets } = ctx;
  const [first, end] = sentenceBounds(ctx, hit.index);
  let src = hit.sourceAt;
  let cueEnd = src - 1;
  // حسبما ذكر X، بحسب ما أفادت X: a verb between the phrase and the source
  const verb = tokens[src] && conjStripped(tokens[src], sets).map((c) => q.cues.get(c.form)).find(Boolean);
  if (verb && !hit.phrase.attached) {
    cueEnd = src;
    src++;
  }
  if (src >= end) return null;
  const source = attributionSource(ctx, hit, src, end, verb);
  if (!source) return null;
  const { record, next: after } = source;
  const content = attributedContent(ctx, hit.index, after, first, end);
  if (!content) return null;
  const text = ctx.doc.original;
  const cueStart = tokens[hit.index].start;
  const cueStop = tokens[cueEnd].end;
  const { gender: _g, number: _n, ...speaker } = record;
  return {
    quote: {
      speaker,
      cue: { start: cueStart, end: cueStop, text: text.slice(cueStart, cueStop), lemma: hit.phrase.text },
      content: { start: content.start, end: content.end, text: text.slice(content.start, content.end) },
      kind: content.kind,
      strength: hit.phrase.strength,
      sentence: tokens[hit.index].sentence,
    },
    record,
  };
}

/**
 * The source after an attribution phrase: an entity, a speaker-noun description (وفقا لمصادر
 * طبية، بحسب بيانات الوزارة), or, after a verb (حسبما ذكر …) or at the end of its sentence
 * (…، بحسب الأمم المتحدة.), whatever noun phrase stands there; otherwise no source (بحسب الظروف).
 */
function attributionSource(ctx: Ctx, hit: AttributionHit, src: number, end: number, verb: CueEntry | undefined): { record: SpeakerRecord; next: number } | null {
  const medium = directSource(ctx, hit, src, end, verb);
  if (!medium) return null;
  // حسب ما نقلت وكالة رويترز عن مصدر أمني: the medium relays; the source after عن speaks
  const an = ctx.tokens[medium.next];
  if (an && an.norm === 'عن' && medium.next + 1 < end) {
    const relayed = directSource(ctx, hit, medium.next + 1, end, verb);
    if (relayed && (relayed.record.entity || speakerNoun(ctx.tokens[medium.next + 1], ctx.q, ctx.sets))) return relayed;
  }
  return medium;
}

function directSource(ctx: Ctx, hit: AttributionHit, src: number, end: number, verb: CueEntry | undefined): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  const m = ctx.mentionAt.get(src);
  if (m) {
    const record = m.entity.type === 'PERSON' ? personSpeaker(ctx, m, src, verb ?? fallbackEntry(hit), !!verb).record : entitySpeaker(ctx, m, m.entity.gender ?? 'f', 'sg');
    return { record, next: m.mention.tokenEnd };
  }
  const noun = speakerNoun(tokens[src], q, sets);
  if (noun) return nounSpeaker(ctx, src, end, noun, verb?.gender ?? noun.gender, []);
  const stop = descriptionEnd(ctx, src, end);
  // …، بحسب أوتشا.: a short name closing the sentence; بحسب نوع الوحدة السكنية is no source
  const closesSentence = isComma(tokens[hit.index - 1]) && stop >= end - 1 && stop - src <= 2 && !stemCandidates(tokens[src].norm, sets).some((c) => c.definite);
  if (!verb && !closesSentence) return null;
  return { record: descriptionSpeaker(ctx, src, stop, verb?.gender ?? 'f', 'sg'), next: stop };
}

/**
 * What an attribution covers: the rest of the sentence when the phrase opens it (وبحسب الوزارة،
 * فإن …), else the sentence up to the phrase (…، بحسب الأمم المتحدة).
 */
function attributedContent(ctx: Ctx, at: number, after: number, first: number, end: number): Content | null {
  const { tokens, q, sets } = ctx;
  let k = after;
  let opensClause = false;
  while (k < end && (isComma(tokens[k]) || isComplementizer(tokens[k], q, sets))) {
    if (isComplementizer(tokens[k], q, sets)) opensClause = true;
    k++;
  }
  const wordsAfter = tokens.slice(k, end).filter(isWord).length;
  const wordsBefore = tokens.slice(first, at).filter(isWord).length;
  // the phrase opens its sentence or a فإن clause (وبحسب الوزارة، فإن …): what follows; else what precedes
  if (wordsAfter >= 2 && (wordsBefore < 2 || opensClause)) return contentFrom(ctx, k, end);
  let e = at;
  while (e > first && tokens[e - 1].kind === 'punct') e--;
  return e > first ? { start: tokens[first].start, end: tokens[e - 1].end, kind: 'indirect', evidence: 'clause' } : null;
}

function fallbackEntry(hit: AttributionHit): CueEntry {
  return { form: hit.phrase.text, lemma: hit.phrase.text, pos: 'verb', gender: 'm', number: 'sg', strength: hit.phrase.strength, prep: '', evidence: 'any' };
}

function tokenStartingAt(tokens: readonly Token[], start: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < start) lo = mid + 1;
    else if (tokens[mid].start > start) hi = mid - 1;
    else return tokens[mid];
  }
  return undefined;
}

/**
 * `الكرملين: «…»` — a colon before a quotation, with a speaker and no verb; in a headline also
 * without quotation marks (`لافروف: الغرب يسعى …`), where the label-and-colon style is the norm.
 * The speaker is a mention ending at the colon or a short speaker-noun phrase before it.
 */
function colonQuotes(ctx: Ctx, existing: readonly Quote[], history: SpeakerRecord[]): Quote[] {
  const { tokens } = ctx;
  const out: Quote[] = [];
  for (const colon of tokens) {
    if (!isColon(colon) || colon.sentence < 0) continue;
    const next = tokens[colon.index + 1];
    if (!next || next.sentence !== colon.sentence) continue;
    const [first, end] = sentenceBounds(ctx, colon.index);
    const mark = next.kind === 'punct' ? ctx.marks.find((m) => m.open === next.start) : undefined;
    const headline = colon.sentence === ctx.titleSentence && isWord(next);
    if (!mark && !headline) continue;
    const contentStart = mark ? inside(ctx, mark).start : next.start;
    if (existing.some((q) => q.content.start === contentStart)) continue;
    const record = colonSpeaker(ctx, colon, first);
    if (!record) continue;
    history.push(record);
    const { gender: _g, number: _n, ...speaker } = record;
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

function colonSpeaker(ctx: Ctx, colon: Token, first: number): SpeakerRecord | null {
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
    const entry: CueEntry = { form: ':', lemma: ':', pos: 'verb', gender: before.entity.gender ?? 'm', number: 'sg', strength: 'strong', prep: '', evidence: 'any' };
    return before.entity.type === 'PERSON' ? personSpeaker(ctx, before, before.mention.tokenStart, entry, false).record : entitySpeaker(ctx, before, entry.gender, 'sg');
  }
  let p = colon.index - 1;
  while (p > first && isWord(tokens[p - 1]) && colon.index - p < 6) p--;
  const noun = p < colon.index ? speakerNoun(tokens[p], q, sets) : undefined;
  return noun ? descriptionSpeaker(ctx, p, colon.index, noun.gender, noun.number) : null;
}

/** End offset of tokens [from, end) without trailing punctuation. */
function trimmedEnd(ctx: Ctx, from: number, end: number): number {
  let e = end;
  while (e > from + 1 && ctx.tokens[e - 1].kind === 'punct') e--;
  return ctx.tokens[e - 1].end;
}
