import type { Token } from '../../types.js';
import { conjStripped, isColon, isComma, isDefiniteForm, isWord, speakerNoun } from './tokens.js';
import { isSpeechOccasion } from './speakers.js';
import { afterPrivative, isComplementizerForm, stopAt, hasPrepositionClitic, nextBoundaryAfter, sentenceFirst, sentenceEnd, inside, opensQuotation, shortQuotation, isPrep, type Ctx, type CueHit, type Content } from './context.js';

/**
 * What a cue introduces: a complementizer, colon or quotation after the subject, or a
 * noun-phrase complement, and where the content ends.
 */

/**
 * What the cue introduces, searched from token `from` (after the subject) within the sentence:
 * a complementizer or colon (indirect, or direct when a quote mark opens right after), a quote
 * mark right away, or else a bare noun-phrase complement (evidence `np`).
 */
export const PARENS = new Set(['(', ')', '[', ']', '-', '–']);


export function complementAfter(ctx: Ctx, hit: CueHit, from: number, laterSegments = true): Content | null {
  const { tokens, q, sets } = ctx;
  const end = sentenceEnd(ctx, hit.index);
  const limit = Math.min(end, from + 20);
  // The complement follows the subject and its adjuncts directly, or right after a comma that
  // closes an inserted phrase (قال وانغ، وهو أيضا عضو …، إنه). A complementizer deep inside a
  // later comma segment belongs to another clause (… تهدد سلامة بلاده، فعزم … بأنه).
  let segment = 0;
  let segmentStart = from;
  for (let k = from; k < limit; k++) {
    const t = tokens[k];
    if (k > from && ctx.boundaries.has(k)) break;
    const rightAfterComma = k > from && isComma(tokens[k - 1]);
    // وأن after a noun phrase coordinates another clause; it does not open this cue's content
    if (isComplementizerForm(ctx, t) || isColon(t)) {
      // a colon before a quotation is this verb's, however many inserted phrases stand before it
      const colonQuotation = isColon(t) && laterSegments && opensQuotation(ctx, tokens[k + 1]);
      // (also after a comma and a short adjunct: قال الصندوق، الذي قاد الجولة، في بيان إنه)
      const afterInserted = rightAfterComma || (segment > 0 && adjunctOnly(ctx, segmentStart, k));
      if (segment === 0 || (afterInserted && laterSegments) || colonQuotation) return contentFrom(ctx, k + 1, end);
      break;
    }
    if (opensQuotation(ctx, t) && (k === from || (rightAfterComma && laterSegments))) return contentFrom(ctx, k, end);
    const quotedName = t.kind === 'punct' ? shortQuotation(ctx, t) : undefined;
    if (quotedName) {
      // قال لـ«النهار»: … — a quoted name in the adjuncts, not the content
      while (k + 1 < limit && tokens[k + 1].start <= quotedName.close) k++;
      continue;
    }
    if (isComma(t)) {
      segment++;
      segmentStart = k + 1;
    } else if (t.kind === 'punct' && !PARENS.has(t.norm)) break;
  }
  const afterPlace = placeAdjunctEnd(ctx, from, end, hit);
  let start = skipParenthetical(ctx, afterPlace, end);
  // في السعودية، سحب …: the comma closing the place adjunct
  if (start === afterPlace && afterPlace > from && isComma(tokens[start])) start++;
  start = afterTimeAdverbial(ctx, start, end);
  start = afterAddressee(ctx, start, end);
  start = afterOccasion(ctx, hit, start, end);
  const viaPrep = isPrep(ctx, tokens[start], hit.entry);
  if (viaPrep) start++;
  if (start >= end || !isWord(tokens[start])) return null;
  // وقال الوزير كلمته أمام الحضور: the speech named, none of it reported
  if (namesOwnSpeech(ctx, start)) return null;
  const c = contentFrom(ctx, start, end);
  // built field by field: an object spread is a slow generic copy in V8
  return c ? { start: c.start, end: c.end, kind: c.kind, evidence: 'np', viaPrep } : null;
}


/**
 * A noun-phrase object that names a speech itself (`function-word.tsv` role speech-noun): with a
 * possessive (قال كلمته، خطابها) or indefinite with no genitive after it (قال كلمة قصيرة، خطابا).
 * It reports none of the speech. A genitive (اعتبر تصريحات رايس تهديدا، تصريحات الوزير) names
 * someone else's words, which a stance verb does report on, so it stays.
 */
function namesOwnSpeech(ctx: Ctx, k: number): boolean {
  const forms = ctx.q.words.speechNounForms;
  const norm = ctx.tokens[k].norm;
  // most objects are no speech noun with or without an attached conjunction: no clitic readings then
  if (!forms.has(norm) && !ctx.sets.conj.some((c) => norm.startsWith(c) && forms.has(norm.slice(c.length)))) return false;
  for (const { form } of conjStripped(ctx.tokens[k], ctx.sets)) {
    if (!forms.has(form)) continue;
    // a possessive is the speaker's own speech; a bare or tanween form only without a genitive after it
    if (!ctx.q.words.speechNouns.has(form) && !(form.endsWith('ا') && ctx.q.words.speechNouns.has(form.slice(0, -1)))) return true;
    const next = ctx.tokens[k + 1];
    return !(next && isWord(next) && (ctx.mentionAt.has(k + 1) || isDefiniteForm(next.norm, ctx.sets)));
  }
  return false;
}

/** Tokens an occasion adjunct before a noun-phrase content may span (خلال كلمة له أمس أمام مجلس الأمن). */
const MAX_OCCASION = 12;

/**
 * وأكد الوزير خلال لقائه نظيره الفرنسي أهمية …، ونفت الوزارة في بيان صحة …: an adjunct naming
 * the occasion (a stop word, then a noun of `function-word.tsv` role speech-occasion) between the
 * subject and a noun-phrase content is not the content. A verb with its own particle takes its
 * content from that particle when it comes later in the clause (ودعا أنان خلال كلمة له أمس أمام
 * مجلس الأمن إلى عقد …); otherwise the adjunct is the occasion noun with له/لها, a time
 * adverbial, a named addressee with لـ, and, after a noun with a possessive (لقائه، استقباله)
 * or before مع, the person met (a mention, or a person noun with its definite words); else
 * `from`.
 */
function afterOccasion(ctx: Ctx, hit: CueHit, from: number, end: number): number {
  const { tokens } = ctx;
  if (from + 2 >= end || !stopAt(ctx, tokens[from]) || !isWord(tokens[from]) || !isOccasionNoun(ctx, tokens[from + 1])) return from;
  if (hit.entry.prep) {
    for (let k = from + 2; k < Math.min(end, from + MAX_OCCASION); k++) {
      const t = tokens[k];
      if (!isWord(t) || ctx.boundaries.has(k) || isComplementizerForm(ctx, t)) break;
      if (isPrep(ctx, t, hit.entry)) return k;
    }
  }
  const noun = tokens[from + 1];
  let k = from + 2;
  if (PRONOUN_LAM.has(tokens[k].norm)) k++;
  // في كلمة متلفزة مساء الأحد: one indefinite adjective, when an adverbial or addressee follows it
  // (or a listed occasion adjective: في بيان مصور، في مؤتمر صحفي، في رسالة إلكترونية, whose ال-like
  // start is no article)
  const listed = k < end && ctx.q.words.occasionAdjectives.has(tokens[k].norm);
  const adjective = k === from + 2 && k + 1 < end && isWord(tokens[k]) && !isDefiniteForm(noun.norm, ctx.sets) && (listed || !isDefiniteForm(tokens[k].norm, ctx.sets)) && !stopAt(ctx, tokens[k]);
  if (adjective && (listed || afterTimeAdverbial(ctx, k + 1, end) > k + 1 || afterAddressee(ctx, k + 1, end) > k + 1 || PRONOUN_LAM.has(tokens[k + 1].norm))) k += PRONOUN_LAM.has(tokens[k + 1].norm) ? 2 : 1;
  k = afterTimeAdverbial(ctx, k, end);
  k = afterAddressee(ctx, k, end);
  const withPossessive = !isDefiniteForm(noun.norm, ctx.sets) && POSSESSIVE_ENDINGS.some((p) => noun.norm.endsWith(p));
  // خلال لقائه [مع] نظيره …: the one met, after a possessive occasion noun or a comitative word (function-word.tsv)
  const withWord = k < end && ctx.q.words.comitatives.has(tokens[k].norm);
  if (k < end && (withPossessive || withWord)) k = afterPersonMet(ctx, withWord ? k + 1 : k, end);
  k = afterTimeAdverbial(ctx, k, end);
  // the adjunct goes on past what these rules know (أمام مجلس الأمن، التي بثت أمس، لإحدى القنوات):
  // leave the content as it was rather than start it inside the adjunct
  const t = tokens[k];
  if (k >= end || !isWord(t) || isComplementizerForm(ctx, t) || stopAt(ctx, t) || ctx.q.words.relatives.has(t.norm) || conjStripped(t, ctx.sets).some((c) => c.form.startsWith('ل'))) return from;
  return k;
}

/** A speech-occasion noun, also with a possessive (استقباله، مباحثاتها، كلمتها). */
function isOccasionNoun(ctx: Ctx, t: Token): boolean {
  if (isSpeechOccasion(ctx, t)) return true;
  if (!isWord(t)) return false;
  const occasions = ctx.q.words.speechOccasions;
  for (const { form } of conjStripped(t, ctx.sets)) {
    for (const p of POSSESSIVE_ENDINGS) {
      if (!form.endsWith(p) || form.length - p.length < 3) continue;
      const base = form.slice(0, -p.length);
      if (occasions.has(base) || (base.endsWith('ت') && occasions.has(base.slice(0, -1) + 'ه'))) return true;
    }
  }
  return false;
}

const PRONOUN_LAM = new Set(['له', 'لها', 'لهم', 'لهما']);
const POSSESSIVE_ENDINGS = ['هما', 'هم', 'ها', 'ه'];

/** After the person met in an occasion (نظيره الفرنسي، وزير الخارجية الأمريكي، الرئيس ماكرون). */
function afterPersonMet(ctx: Ctx, k: number, end: number): number {
  const { tokens } = ctx;
  const m = ctx.mentionAt.get(k);
  if (m) return m.mention.tokenEnd;
  if (!speakerNoun(tokens[k], ctx.q, ctx.sets)) return k;
  let j = k + 1;
  while (j < end && j < k + 5 && isWord(tokens[j]) && (isDefiniteForm(tokens[j].norm, ctx.sets) || ctx.mentionAt.has(j)) && !stopAt(ctx, tokens[j])) {
    const inner = ctx.mentionAt.get(j);
    j = inner ? inner.mention.tokenEnd : j + 1;
  }
  return j;
}

/**
 * وأكدت مصادر مطلعة للجزيرة نت صحة الأنباء: a named addressee with لـ right after the subject is
 * who was told, not what was said; the noun-phrase content starts after it.
 */
function afterAddressee(ctx: Ctx, from: number, end: number): number {
  const m = ctx.mentionAt.get(from);
  if (!m || m.mention.tokenEnd >= end || !ctx.tokens[from].norm.startsWith('ل') || !hasPrepositionClitic(ctx, m)) return from;
  const next = m.mention.tokenEnd;
  return isWord(ctx.tokens[next]) ? next : from;
}

/** Words an adjunct between an inserted phrase's comma and the complementizer may have (في بيان، خلال مؤتمر صحفي). */
const MAX_ADJUNCT_WORDS = 4;

/**
 * Tokens [from, to) are a short adjunct: a stop word (في، خلال …) and at most three more words,
 * none opening a coordinated clause with و/ف (خلال العملية وأبلغته أن: another clause's verb).
 */
function adjunctOnly(ctx: Ctx, from: number, to: number): boolean {
  if (to - from < 2 || to - from > MAX_ADJUNCT_WORDS || !stopAt(ctx, ctx.tokens[from])) return false;
  for (let k = from; k < to; k++) {
    const t = ctx.tokens[k];
    // (a word merely starting with و, وزارة، is no conjunction: a speaker noun or a name)
    if (!isWord(t) || (k > from && conjStripped(t, ctx.sets).length > 1 && !ctx.mentionAt.has(k) && !speakerNoun(t, ctx.q, ctx.sets))) return false;
  }
  return true;
}

/**
 * أعلنت الهيئة في السعودية، مساء الثلاثاء، سحب …: a place adjunct (في + a place mention) after
 * the subject is not the complement; skip it (and its comma) unless في is the verb's own particle.
 */
export function placeAdjunctEnd(ctx: Ctx, from: number, end: number, hit: CueHit): number {
  const t = ctx.tokens[from];
  if (!t || t.norm !== 'في' || hit.entry.prep === 'في') return from;
  const place = ctx.mentionAt.get(from + 1);
  if (!place || place.entity.type !== 'LOCATION' || place.mention.tokenEnd >= end) return from;
  return place.mention.tokenEnd;
}

/** Time words and date numbers an adverbial may hold (اليوم الأحد، مساء أمس، يوم 24 نوفمبر). */
const MAX_TIME_ADVERBIAL = 4;

/**
 * أعلنت المؤسسة اليوم الأحد رفع طاقتها …: a time adverbial between the subject and a noun-phrase
 * complement is not the complement; the content starts after it (when a word follows).
 */
export function afterTimeAdverbial(ctx: Ctx, from: number, end: number): number {
  const { tokens } = ctx;
  let k = from;
  while (k < end && k - from < MAX_TIME_ADVERBIAL && (ctx.q.timeWords.has(tokens[k].norm) || (k > from && tokens[k].kind === 'number'))) k++;
  return k > from && k < end && isWord(tokens[k]) ? k : from;
}

/** Skip an adverbial between commas, or a bracketed gloss, after the subject (أعلنت السعودية، اليوم الثلاثاء، تمديد …). */
export function skipParenthetical(ctx: Ctx, from: number, end: number): number {
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
export function contentFrom(ctx: Ctx, k: number, sentEnd: number): Content | null {
  const { tokens } = ctx;
  if (k >= sentEnd) return null;
  const t = tokens[k];
  const m = t.kind === 'punct' ? ctx.markOpenAt.get(t.start) : undefined;
  if (m?.closed) return directContent(inside(ctx, m));
  // an unclosed mark (scraped text) runs to its paragraph's end, but no further than the next
  // reporting clause: 100,000 stray marks and cues on one line made the output quadratic
  if (m) return directContent(untilNextClause(ctx, k, inside(ctx, m)));
  // k < sentEnd here: the clause runs to the next boundary after k, or the sentence end
  let e = nextBoundaryAfter(ctx, k, sentEnd);
  // drop trailing punctuation and the conjunction-less comma before the next cue
  e = withoutTrailingPunctuation(ctx, k, e);
  // …، على حد قوله / تعبيره: the speaker's own attribution closing the content is not part of it
  if (e - k > 3 && tokens[e - 2].norm === 'حد' && conjStripped(tokens[e - 3], ctx.sets).some((c) => c.form === 'علي')) {
    e = withoutTrailingPunctuation(ctx, k, e - 3);
  }
  // …، فيما أعلن الصليب الأحمر: a clause particle before the next cue opens that cue's clause
  if (e < sentEnd && e > k + 1 && ctx.q.words.clauseLinks.has(tokens[e - 1].norm)) {
    e = withoutTrailingPunctuation(ctx, k, e - 1);
  }
  // …، لكنه لم يوضح: a negation or condition particle before the next cue, and a "but (he)" before
  // it, open the writer's next clause
  if (e < sentEnd && e > k + 1 && conjStripped(tokens[e - 1], ctx.sets).some((c) => ctx.q.words.nonAssertives.has(c.form))) {
    e = withoutTrailingPunctuation(ctx, k, e - 1);
    if (e > k + 1 && (ctx.q.words.clauseLinks.has(tokens[e - 1].norm) || ctx.q.words.pronounSubjects.has(tokens[e - 1].norm))) e = withoutTrailingPunctuation(ctx, k, e - 1);
  }
  // …، دون أن يوضح / من دون أن تكشف: "without" and its أن before the next cue
  if (e < sentEnd && e > k + 2 && ctx.q.complementizers.has(tokens[e - 1].norm) && afterPrivative(ctx, e - 1)) {
    e -= 2;
    if (e > k + 1 && tokens[e - 1].norm === 'من') e--;
    e = withoutTrailingPunctuation(ctx, k, e);
  }
  e = withoutTrailingCredit(ctx, k, e);
  if (e <= k) return null;
  return { start: t.start, end: tokens[e - 1].end, kind: 'indirect', evidence: 'clause' };
}

/** The span of an unclosed quotation opened at token k, cut before the next cue or attribution. */
function untilNextClause(ctx: Ctx, k: number, span: { start: number; end: number }): { start: number; end: number } {
  const { tokens } = ctx;
  // the quotation's first word may itself be a reporting verb («يقولون لنا …»): it cuts nothing
  let e = k + 2;
  while (e < tokens.length && tokens[e].start < span.end && !ctx.boundaries.has(e)) e++;
  if (e >= tokens.length || tokens[e].start >= span.end) return span;
  while (e > k + 1 && tokens[e - 1].kind === 'punct') e--;
  return { start: span.start, end: Math.max(span.start, tokens[e - 1].end) };
}


/**
 * The end of tokens [k, e) without the punctuation that closes the clause (. ، ؛ : ! ؟ …). Marks
 * that belong to the words keep their place: a percent or per-mille sign (بلغ 3.5%), and a closing
 * bracket or quote mark whose opener is inside the content (بنحو 20 مليارا (5%)، «…» قالها).
 */
export function withoutTrailingPunctuation(ctx: Ctx, k: number, e: number): number {
  const { tokens } = ctx;
  const contentStart = tokens[k].start;
  while (e > k) {
    const last = tokens[e - 1];
    if (last.kind !== 'punct' || belongsToWords(last) || closesInside(ctx, last, contentStart) || closesBracketFrom(tokens, k, e - 1)) break;
    e--;
  }
  return e;
}

/** Signs written after a number, part of what is said. */
function belongsToWords(t: Token): boolean {
  const c = t.norm.charCodeAt(0);
  return t.norm.length === 1 && (c === 0x25 || c === 0x066a || c === 0x2030 || c === 0xb0);
}

const OPENER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** Token `at` is a closing bracket whose opener stands in [k, at) unclosed. */
function closesBracketFrom(tokens: readonly Token[], k: number, at: number): boolean {
  const opener = OPENER_OF[tokens[at].norm];
  if (!opener) return false;
  const closer = tokens[at].norm;
  let depth = 0;
  for (let i = at - 1; i >= k; i--) {
    const n = tokens[i].norm;
    if (n === closer) depth++;
    else if (n === opener && depth-- === 0) return true;
  }
  return false;
}

/** Tokens in a credit's brackets at most (أرشيفية - رويترز، وكالة الصحافة الفرنسية). */
const MAX_CREDIT_TOKENS = 6;

/**
 * …عاجزة عن مواجهة الحرب (الجزيرة): a bracketed credit closing a caption names the picture's or the
 * report's source, not words of the speaker. Its words are all credits (`function-word.tsv`) or an
 * organization's mention, with dashes or slashes between them.
 */
export function withoutTrailingCredit(ctx: Ctx, k: number, e: number): number {
  const { tokens } = ctx;
  if (e - k < 4 || tokens[e - 1].norm !== ')') return e;
  let open = e - 2;
  while (open > k && e - 2 - open < MAX_CREDIT_TOKENS && tokens[open].norm !== '(') open--;
  if (tokens[open].norm !== '(' || open === e - 2 || open <= k) return e;
  for (let i = open + 1; i < e - 1; ) {
    const m = ctx.mentionAt.get(i);
    if (m?.entity.type === 'ORGANIZATION' && m.mention.tokenEnd <= e - 1) i = m.mention.tokenEnd;
    else if (ctx.q.words.credits.has(tokens[i].norm) || tokens[i].norm === '-' || tokens[i].norm === '/') i++;
    else return e;
  }
  return withoutTrailingPunctuation(ctx, k, open);
}

/** A closing quote mark whose quotation opened inside the content keeps its place in it. */
export function closesInside(ctx: Ctx, t: Token, contentStart: number): boolean {
  const m = ctx.markCloseAt.get(t.start);
  return !!m && m.open >= contentStart;
}

/** «…»، قال الوزير: the quotation stands before the cue. */
export function quotationBefore(ctx: Ctx, i: number): Content | null {
  const { tokens } = ctx;
  let k = i - 1;
  if (isComma(tokens[k])) k--;
  const t = tokens[k];
  if (!t || t.kind !== 'punct') return null;
  const m = ctx.markCloseAt.get(t.start);
  return m ? directContent(inside(ctx, m)) : null;
}

/** A quotation's span as direct content (built field by field: a spread is a slow generic copy). */
function directContent(span: { start: number; end: number }): Content {
  return { start: span.start, end: span.end, kind: 'direct', evidence: 'clause' };
}
