import type { Entity, Gender, GrammaticalNumber, QuoteSpeaker, Token } from '../../types.js';
import { withoutArticle } from '../../text/clitics.js';
import type { CueEntry, NounInfo } from './lexicon.js';
import { conjStripped, isColon, isComma, isComplementizer, isWord, speakerNoun, stems } from './tokens.js';
import { afterDateline, earlySubject, resolveImplicit } from './implicit.js';
import { latest, RECENT, jointRecord, publicSpeaker, sentenceFirst, sentenceEnd, stopAt, opensQuotation, isCueToken, shortQuotation, isPrep, bareForms, bareOf, isDefiniteToken, normalizedText, normalizedHead, insidePrepositionalPhrase, hasPrepositionClitic, recordFrom, speakerRecord, type MentionRef, type Ctx, type CueHit, type SpeakerRecord, type OrgHead } from './context.js';

/**
 * Who speaks: the explicit subject after or before a cue, titles, descriptions, unknown names,
 * and the back-references of definite nouns.
 */

/** The explicit subject right after a verb cue (VSO), possibly behind a title phrase. */
export function subjectAfter(ctx: Ctx, hit: CueHit, history: readonly SpeakerRecord[]): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  const end = sentenceEnd(ctx, hit.index);
  // a resumptive pronoun of a relative clause stands before the subject (في وقت حذر فيه الوزير …)
  let j = ctx.q.words.resumptives.has(tokens[hit.index + 1]?.norm ?? '') ? hit.index + 2 : hit.index + 1;
  // قال كل من لافروف ووانغ يي: the list opener stands before the first of the coordinated subjects
  if (opensSubjectList(ctx, j)) j += 2;
  const first = tokens[j];
  if (j >= end || !isWord(first)) return null;
  if (isComplementizer(first, q, sets) || stopAt(ctx, first) || isPrep(ctx, first, hit.entry)) return null;
  // a verb before its subject stays singular (قال المسؤولون): a plural or dual verb has a dropped subject
  if (hit.entry.number !== 'sg') return null;
  const person = personAfterTitle(ctx, j, end);
  if (person) return personSpeaker(ctx, person, j, hit.entry);
  const lead = ctx.mentionAt.get(j);
  if (lead) return { record: entitySpeaker(ctx, lead, hit.entry.gender, 'sg'), next: lead.entity.type === 'PERSON' ? lead.mention.tokenEnd : relativeAdjectivesEnd(ctx, lead.mention.tokenEnd, end) };
  const noun = speakerNoun(first, q, sets);
  const described = noun ? nounSpeaker(ctx, j, end, noun, hit.entry.gender, history) : earlierNamesake(ctx, unknownName(ctx, hit, j, end) ?? definiteSubject(ctx, j, end, hit.entry.gender), j, history, hit.entry.gender);
  if (!described || described.record.entity) return described;
  return appositivePerson(ctx, described.record, described.next, end, hit.entry) ?? described;
}

/**
 * وقالت النعيم إن … after `سارة النعيم` was quoted: a one-word name in no entity (the entity stage
 * left the surname alone) is the earlier speaker of the verb's gender whose name ends with it, and
 * takes that speaker's entity and role; the span stays the surname. Only when the speakers of the
 * 64 latest records give one such person: two people sharing the word link neither.
 */
function earlierNamesake(ctx: Ctx, found: { record: SpeakerRecord; next: number } | null, j: number, history: readonly SpeakerRecord[], gender: Gender): { record: SpeakerRecord; next: number } | null {
  if (!found || found.record.entity || found.next !== j + 1) return found;
  const word = ctx.tokens[j].norm;
  let match: SpeakerRecord | undefined;
  for (let k = history.length - 1; k >= Math.max(0, history.length - RECENT); k--) {
    const r = history[k];
    if (!r.entity || r.number !== 'sg' || r.co) continue;
    const text = normalizedText(ctx, r.text);
    if (text.length <= word.length + 1 || !text.endsWith(word) || text.charCodeAt(text.length - word.length - 1) !== 0x20) continue;
    if (match && match.entity !== r.entity) return found;
    match ??= r;
  }
  if (!match || match.gender !== gender || !isPersonEntity(ctx, match.entity!)) return found;
  const own = found.record;
  return { record: speakerRecord(match.entity, own.text, own.start, own.end, false, match.role, gender, 'sg'), next: found.next };
}

/** Tokens a title after a speaker's name may span (رئيس مجلس الوزراء وزير الخارجية …). */
const MAX_TITLE_AFTER_NAME = 12;

/**
 * Where a title phrase right after a named speaker ends (the speaker's apposition, not the verb's
 * complement): أعرب الشيخ محمد … آل ثاني رئيس مجلس الوزراء وزير الخارجية عن ترحيب …. The phrase
 * starts with a person noun of `speaker-noun.tsv` and runs over words and mentions, without
 * punctuation or another cue, to the verb's own particle or a complementizer; else `at`.
 */
export function titleAfterNameEnd(ctx: Ctx, at: number, entry: CueEntry): number {
  const { tokens, q, sets } = ctx;
  const head = tokens[at];
  // a singular person noun: a plural one (دعا السوداني المواطنين إلى …) is the verb's object
  const noun = head && isWord(head) ? speakerNoun(head, q, sets) : undefined;
  if (!noun || noun.kind !== 'person' || noun.number !== 'sg' || ctx.mentionAt.has(at)) return at;
  const limit = Math.min(sentenceEnd(ctx, at), at + MAX_TITLE_AFTER_NAME);
  for (let k = at + 1; k < limit; k++) {
    const t = tokens[k];
    if (isPrep(ctx, t, entry) || isComplementizer(t, q, sets)) return k;
    const m = ctx.mentionAt.get(k);
    if (m) {
      k = m.mention.tokenEnd - 1;
      continue;
    }
    if (!isWord(t) || isCueToken(ctx, t)) return at;
  }
  return at;
}

/** Tokens j, j+1 are a two-word list opener (`function-word.tsv`, role list-opener: كل من) and a named entity follows. */
function opensSubjectList(ctx: Ctx, j: number): boolean {
  const { tokens } = ctx;
  const a = tokens[j];
  const b = tokens[j + 1];
  if (!a || !b || !isWord(a) || !isWord(b) || !ctx.mentionAt.has(j + 2)) return false;
  return ctx.q.words.listOpeners.has(a.norm + ' ' + b.norm);
}

/**
 * وأوضح رئيس فريق البحث، البروفيسور إبراهيم حطيط، أن …: a person named between commas right after a
 * description is who the description is; the description becomes the role. At most two title
 * words (البروفيسور، الدكتور) before the name, and a comma, complementizer or colon after it.
 */
export function appositivePerson(ctx: Ctx, described: SpeakerRecord, at: number, end: number, entry: CueEntry): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  // وزير الشؤون الخارجية … والمغاربة المقيمين بالخارج، السيد ناصر بوريطة، …: the title may run a few
  // words past where the description stopped; they belong to the role
  const comma = titleTailEnd(ctx, at, end);
  if (comma < 0) return null;
  if (comma > at && described.start !== undefined) {
    described = speakerRecord(described.entity, described.text, described.start, described.end, described.implicit, ctx.doc.original.slice(described.start, tokens[comma - 1].end), described.gender, described.number);
  }
  at = comma;
  for (let k = at + 1; k < Math.min(end, at + 4); k++) {
    const m = ctx.mentionAt.get(k);
    if (m) {
      if (m.entity.type !== 'PERSON') return null;
      const after = tokens[m.mention.tokenEnd];
      if (!(isComma(after) || isComplementizer(after, q, sets) || isColon(after))) return null;
      const person = personSpeaker(ctx, m, m.mention.tokenStart, entry).record;
      return { record: speakerRecord(person.entity, person.text, person.start, person.end, person.implicit, described.role ?? described.text, person.gender, person.number), next: m.mention.tokenEnd };
    }
    const t = tokens[k];
    if (!isWord(t) || isComplementizer(t, q, sets) || stopAt(ctx, t) || isCueToken(ctx, t)) return null;
  }
  return null;
}

/** Words a title may run past its description before the comma of an apposition. */
const MAX_TITLE_TAIL = 3;

/** The comma at `at`, or after at most three more title words (no stop word, cue, complementizer or mention); -1 if none. */
function titleTailEnd(ctx: Ctx, at: number, end: number): number {
  const { tokens, q, sets } = ctx;
  for (let k = at; k < Math.min(end, at + MAX_TITLE_TAIL + 1); k++) {
    const t = tokens[k];
    if (isComma(t)) return k;
    if (!isWord(t) || ctx.mentionAt.has(k) || isComplementizer(t, q, sets) || stopAt(ctx, t) || isCueToken(ctx, t)) return -1;
  }
  return -1;
}

/**
 * أعلن الصليب الأحمر اللبناني نقل …: definite relative adjectives (nisba, ـي/ـية) right after an
 * organization or place mention still qualify it (the entity stage may leave them out); they are
 * part of the subject, not the start of the content. At most two.
 */
export function relativeAdjectivesEnd(ctx: Ctx, k: number, end: number): number {
  let e = k;
  while (e < Math.min(end, k + 2) && isRelativeAdjective(ctx, ctx.tokens[e])) e++;
  return e;
}

function isRelativeAdjective(ctx: Ctx, t: Token): boolean {
  if (t.kind !== 'word' || stopAt(ctx, t) || isCueToken(ctx, t) || !t.norm.startsWith('ال')) return false;
  const bare = t.norm.slice(2);
  return bare.length >= 4 && (bare.endsWith('ي') || bare.endsWith('يه'));
}

/**
 * A definite noun phrase right after a clause-initial reporting verb is its subject far more
 * often than its object (أعلن البنك الآسيوي للتنمية منح …; objects are clauses or bare masdars:
 * أكد ضرورة …): up to four definite words.
 */
export function definiteSubject(ctx: Ctx, j: number, end: number, gender: Gender): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  let k = j;
  while (k < end && k < j + 4 && isWord(tokens[k]) && !stopAt(ctx, tokens[k]) && isDefiniteToken(ctx, tokens[k])) k++;
  if (k === j) return null;
  return { record: descriptionSpeaker(ctx, j, k, gender, 'sg'), next: k };
}

/**
 * A person named after a title phrase: وزير الخارجية الروسي سيرجي لافروف، المتحدث باسم الأمين
 * العام للأمم المتحدة ستيفان دوجاريك. The title runs over words and other mentions (at most 12
 * tokens); a place phrase with في/لدى is allowed only right before the name (ممثلتها في اليمن
 * أديل خضر), so that `الوزير في مؤتمر مع نظيره … لافروف` does not make Lavrov the speaker.
 */
export function personAfterTitle(ctx: Ctx, j: number, end: number): MentionRef | null {
  const { tokens, q, sets } = ctx;
  const limit = Math.min(end, j + 12);
  let k = j;
  while (k < limit) {
    const t = tokens[k];
    if (k > j && isNameAbbreviationDot(ctx, k)) {
      k++;
      continue;
    }
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




/** Token k is the dot closing an abbreviated title glued to it (د. م. أ.د.), not a boundary of the subject. */
export function isNameAbbreviationDot(ctx: Ctx, k: number): boolean {
  const dot = ctx.tokens[k];
  const word = ctx.tokens[k - 1];
  return dot.norm === '.' && word !== undefined && word.end === dot.start && isWord(word) && ctx.q.nameAbbreviations.has(word.norm);
}

export function placeBeforeName(ctx: Ctx, k: number, limit: number): MentionRef | null {
  if (!conjStripped(ctx.tokens[k], ctx.sets).some((c) => ctx.q.words.placePrepositions.has(c.form))) return null;
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
export function nounSpeaker(ctx: Ctx, j: number, end: number, noun: NounInfo, gender: Gender, history: readonly SpeakerRecord[]): { record: SpeakerRecord; next: number } {
  const stop = descriptionEnd(ctx, j, end);
  const named = ctx.mentionAt.get(j + 1);
  if ((noun.kind === 'institution' || noun.kind === 'document') && named && named.entity.type !== 'PERSON') {
    return { record: entitySpeaker(ctx, named, gender, 'sg'), next: Math.max(stop, named.mention.tokenEnd) };
  }
  const record = descriptionSpeaker(ctx, j, stop, gender, noun.number);
  if (noun.kind === 'document' && !record.entity) {
    // وأشار البيان، وجاء في بيانها، بيان الوزارة: a statement speaks for whoever issued it
    const issuer = statementIssuer(ctx, j, stop, history);
    // agreement stays the noun's (التقرير … وأوضح: masculine, whoever issued it)
    if (issuer) return { record: speakerRecord(issuer.entity, record.text, record.start, record.end, record.implicit, issuer.role, record.gender, record.number), next: stop };
  }
  const abbreviation = bracketedName(ctx, stop);
  if (abbreviation && !record.entity && noun.kind === 'institution') {
    // الهيئة العامة للمنشآت الصغيرة والمتوسطة (منشآت): the name in brackets is the organization
    return { record: speakerRecord(abbreviation.entity.id, record.text, record.start, record.end, record.implicit, record.role, record.gender, record.number), next: abbreviation.mention.tokenEnd + 1 };
  }
  if (noun.kind === 'person' && stop - j >= 2) {
    // وأكد وزير الخارجية أن … after «وزير الخارجية سامح شكري»: the title names that person again
    const title = normalizedText(ctx, record.text);
    const same = latest(history, (r) => r.entity && r.role && r.gender === gender && isPersonEntity(ctx, r.entity) && normalizedText(ctx, r.role).startsWith(title));
    if (same) return { record: speakerRecord(same.entity, record.text, record.start, record.end, record.implicit, same.role, record.gender, record.number), next: stop };
  }
  if (noun.kind === 'honorific') {
    // وأعرب سموه، وبين جلالته: the person last quoted with that gender
    // (the verb's agreement: a title honorific, معالي الوزيرة، is written the same for both)
    const earlier = latest(history, (r) => r.entity && r.gender === gender && isPersonEntity(ctx, r.entity));
    if (earlier) return { record: speakerRecord(earlier.entity, record.text, record.start, record.end, record.implicit, earlier.role || record.role, record.gender, record.number), next: stop };
  }
  if (isDefiniteShort(ctx, j, stop)) {
    if (noun.kind === 'person' && noun.number !== 'sg') {
      // وقال الوزيران، وأكد الجانبان، الزعيمان: the two (or more) named just before, as one joint speaker
      const group = jointAntecedent(ctx, history, j, stop, noun);
      if (group) return { record: speakerRecord(group.entity, record.text, record.start, record.end, record.implicit, group.role, group.gender, group.number, group.co?.map(asImplicitSpeaker)), next: stop };
    }
    if (noun.kind === 'person') {
      // only a speaker whose role has this noun: الوزيرة → وزيرة التخطيط, never المتهم → محامي الدفاع
      const head = [...bareForms(ctx, ctx.tokens[j])];
      const roleHas = (r: SpeakerRecord) => !!r.role && head.some((h) => h.length > 2 && normalizedText(ctx, r.role!).includes(h));
      const earlier = latest(history, (r) => r.entity && r.gender === gender && r.number === noun.number && isPersonEntity(ctx, r.entity) && roleHas(r));
      if (earlier) return { record: speakerRecord(earlier.entity, record.text, record.start, record.end, record.implicit, earlier.role || record.role, record.gender, record.number), next: stop };
      // المدرب السويسري after «السويسري مارسيل كولر»: the adjective names the same person
      const adjective = stop - j === 2 ? [...bareForms(ctx, ctx.tokens[j + 1])].filter((f) => f.length > 3) : [];
      const described = adjective.length ? latest(history, (r) => r.gender === gender && adjective.some((a) => normalizedText(ctx, `${r.text} ${r.role ?? ''}`).includes(a))) : undefined;
      if (described) return { record: recordFrom(described, false, described.gender, described.number), next: stop };
    }
    if (noun.kind === 'anaphor') {
      // يصلح خليل حمود شباكه … يقول الرجل الستيني: a generic person noun is the person just named
      const named = latestPersonMention(ctx, j, noun.gender);
      if (named) return { record: speakerRecord(named.entity.id, record.text, record.start, record.end, record.implicit, named.entity.role || record.role, record.gender, record.number), next: stop };
    }
    if (noun.kind === 'source' || noun.kind === 'person' || (noun.kind === 'institution' && !record.entity)) {
      // وقال مصدر أمني … وأضاف المصدر: the same anonymous source, named as first described;
      // أعلنت الهيئة العامة للغذاء والدواء … وأوضحت الهيئة: the same institution
      const earlier = sameDescription(ctx, history, j);
      if (earlier) return { record: recordFrom(earlier, false, earlier.gender, earlier.number), next: stop };
    }
  }
  return { record, next: stop };
}

/** Sentences back a definite statement (البيان) looks for the statement that introduced it. */
const STATEMENT_LOOKBACK = 6;

/**
 * Who issued the statement a document noun at `j` names (its description runs to `stop`):
 * - a genitive institution (بيان الوزارة): the organization that noun refers to;
 * - a possessive pronoun (بيانها، بيانه) or لها/له after it: the speaker a dropped subject of that
 *   gender would be (the latest agreeing speaker);
 * - definite and alone (البيان، التقرير): the statement introduced before with the same noun,
 *   indefinite, in its sentence or the six before (أصدرت الوزارة بيانا …، قالت الرئاسة في بيان
 *   …): the organization named right after it (بيان لوزارة الخارجية، بيان صادر عن الرئاسة), else
 *   the speaker quoted in that sentence, else that sentence's subject.
 * Only a named issuer (an entity) counts; otherwise null.
 */
function statementIssuer(ctx: Ctx, j: number, stop: number, history: readonly SpeakerRecord[]): SpeakerRecord | null {
  const { tokens } = ctx;
  const head = tokens[j];
  if (stop === j + 2 && isDefiniteToken(ctx, tokens[j + 1]) && speakerNoun(tokens[j + 1], ctx.q, ctx.sets)?.kind === 'institution') {
    const org = definiteInstitution(ctx, j + 1);
    return org ? speakerRecord(org.id, org.name, undefined, undefined, true, org.role, 'f', 'sg') : null;
  }
  const owner = possessiveAgreement(ctx, head, tokens[j + 1]);
  if (owner) {
    const r = resolveImplicit(ctx, history as SpeakerRecord[], owner.gender, owner.number, j);
    return r.entity ? r : null;
  }
  if (stop !== j + 1 || !isDefiniteToken(ctx, head)) return null;
  const own = bareForms(ctx, head);
  // the shortest form (بيان): a cheap substring test before any stem analysis of a word
  let core = '';
  for (const f of own) if (!core || f.length < core.length) core = f;
  const sentence = head.sentence;
  for (let p = j - 1; p >= 0 && sentence - tokens[p].sentence <= STATEMENT_LOOKBACK; p--) {
    const t = tokens[p];
    if (!isWord(t) || !t.norm.includes(core) || isDefiniteToken(ctx, t) || !sharesForm(ctx, t, own)) continue;
    const s = t.sentence;
    const named = issuerNamedAfter(ctx, p);
    if (named !== undefined) return named ? entitySpeaker(ctx, named, 'f', 'sg') : null;
    // the clause's speaker issued it only when the statement is its adjunct or object (قالت الوزارة
    // في بيان، أصدرت الرئاسة بيانا); a statement subject (وكشف تقرير …) has no other issuer there
    if (!statementAdjunctOrObject(ctx, p)) return null;
    const quoted = latest(history, (r) => ctx.recordSentence.get(r) === s && !!r.entity);
    if (quoted) return quoted;
    return earlySubject(ctx, s, p, 'f', 'sg') ?? earlySubject(ctx, s, p, 'm', 'sg');
  }
  return null;
}

/** Some bare form of `t` (an indefinite بيانا has its accusative alif) is one of `own`'s. */
function sharesForm(ctx: Ctx, t: Token, own: Set<string>): boolean {
  for (const f of bareForms(ctx, t)) if (own.has(f) || (f.endsWith('ا') && own.has(f.slice(0, -1)))) return true;
  return false;
}

/** Words after صادر عن searched for the issuer's name (بيان صادر عن بعثة الأمم المتحدة). */
const ISSUER_WORDS = 3;

/**
 * The entity right after a statement noun (بيان لوزارة الخارجية) or after its صادر عن (بيان صادر
 * عن بعثة الأمم المتحدة: within three words); null when صادر عن names no entity; undefined when
 * the statement names no issuer at all.
 */
function issuerNamedAfter(ctx: Ctx, p: number): MentionRef | null | undefined {
  const { tokens } = ctx;
  const m = ctx.mentionAt.get(p + 1);
  if (m) return m;
  const next = tokens[p + 1];
  if (!next || !ctx.q.words.issued.has(next.norm) || tokens[p + 2]?.norm !== 'عن') return undefined;
  for (let k = p + 3; k < Math.min(tokens.length, p + 3 + ISSUER_WORDS) && isWord(tokens[k]); k++) {
    const issuer = ctx.mentionAt.get(k);
    if (issuer) return issuer;
  }
  return null;
}

/** A statement noun in a prepositional adjunct (في بيان، ببيان) or an indefinite object (بيانا، تقريرا). */
function statementAdjunctOrObject(ctx: Ctx, p: number): boolean {
  const t = ctx.tokens[p];
  const prev = ctx.tokens[p - 1];
  if (prev && isWord(prev) && conjStripped(prev, ctx.sets).some((c) => c.form === 'في')) return true;
  if (t.norm.endsWith('ا')) return true;
  // ببيان، لتقرير: the preposition is the last proclitic before the noun
  return stems(t.norm, ctx.sets).some((c) => c.prefixLength > 0 && 'بل'.includes(t.norm.charAt(c.prefixLength - 1)) && ctx.q.speakerNouns.has(c.stem));
}

/** The agreement of a possessive pronoun on a statement noun (بيانها، بيانه، بيانهم) or of لها/له right after it. */
function possessiveAgreement(ctx: Ctx, head: Token, next: Token | undefined): { gender: Gender; number: GrammaticalNumber } | null {
  const pronoun = (s: string): { gender: Gender; number: GrammaticalNumber } | null =>
    s.endsWith('هم') ? { gender: 'm', number: 'pl' } : s.endsWith('ها') ? { gender: 'f', number: 'sg' } : s.endsWith('ه') ? { gender: 'm', number: 'sg' } : null;
  if (next && isWord(next) && (next.norm === 'لها' || next.norm === 'له' || next.norm === 'لهم')) return pronoun(next.norm);
  if (isDefiniteToken(ctx, head) || ctx.q.speakerNouns.has(head.norm)) return null;
  for (const c of stems(head.norm, ctx.sets)) if (!ctx.q.speakerNouns.has(c.stem) && ctx.q.speakerNouns.has(c.stem.replace(/(هم|ها|ه)$/, '').replace(/ت$/, 'ه'))) return pronoun(c.stem);
  return null;
}

/** Sentences back a dual or plural noun (الوزيران) looks for the group it names. */
const JOINT_LOOKBACK = 4;

/**
 * The group a definite dual or plural person noun names (الوزيران، الجانبان، الزعيمان): the
 * nearest joint speaker of as many (two for a dual, three or more for a plural) in its sentence or
 * the four before: a joint statement already quoted (history), else a sentence's coordinated or
 * meeting subject (بحث الوزير X ونظيره Y …، التقى X بـY …). A masculine noun covers any group
 * (الجانبان for two countries), a feminine one only a feminine group. A plural noun names only
 * persons (المسؤولون after «مصر وقطر والولايات المتحدة» is no one of them).
 */
function jointAntecedent(ctx: Ctx, history: readonly SpeakerRecord[], at: number, stop: number, noun: NounInfo): SpeakerRecord | null {
  const sentence = ctx.tokens[at].sentence;
  // الوزيران الأوروبيان: an adjective must be in the group's names or roles (as المدرب السويسري)
  const adjective = stop - at === 2 ? [...bareForms(ctx, ctx.tokens[at + 1])].filter((f) => f.length > 3) : [];
  const described = (r: SpeakerRecord) => {
    if (adjective.length === 0) return true;
    const words = normalizedText(ctx, [r.text, r.role ?? '', ...(r.co ?? []).map((c) => `${c.text} ${c.role ?? ''}`)].join(' '));
    return adjective.some((a) => words.includes(a.slice(0, -2)));
  };
  const fits = (r: SpeakerRecord | null): r is SpeakerRecord =>
    !!r && !!r.co && r.number === noun.number && (noun.gender !== 'f' || r.gender === 'f') && (noun.number === 'du' || (!!r.entity && isPersonEntity(ctx, r.entity))) && described(r);
  const genders: Gender[] = noun.gender === 'f' ? ['f'] : ['m', 'f'];
  for (let s = sentence; s >= Math.max(0, sentence - JOINT_LOOKBACK); s--) {
    const quoted = latest(history, (r) => ctx.recordSentence.get(r) === s && fits(r));
    if (quoted) return quoted;
    for (const g of genders) {
      const subject = earlySubject(ctx, s, s === sentence ? at : Number.MAX_SAFE_INTEGER, g, noun.number);
      if (fits(subject)) return subject;
    }
  }
  return noun.number === 'du' ? separatePair(ctx, history, at, noun, described) : null;
}

/**
 * قال شكري … وقال الصفدي … وأكد الوزيران: the two latest named speakers of its sentence or the
 * four before, quoted separately, as a joint record (in text order). When the noun is a title some
 * recent speaker's role holds (وزير in «وزير الخارجية»), both must hold it; a generic noun
 * (الجانبان، الطرفان) takes any two.
 */
function separatePair(ctx: Ctx, history: readonly SpeakerRecord[], at: number, noun: NounInfo, described: (r: SpeakerRecord) => boolean): SpeakerRecord | null {
  const sentence = ctx.tokens[at].sentence;
  const recent: SpeakerRecord[] = [];
  for (let k = history.length - 1; k >= Math.max(0, history.length - RECENT) && recent.length < 6; k--) {
    const r = history[k];
    const s = ctx.recordSentence.get(r);
    if (s === undefined || sentence - s > JOINT_LOOKBACK) break;
    if (r.entity && !r.co && !recent.some((x) => x.entity === r.entity)) recent.push(r);
  }
  const title = dualSingular(ctx, ctx.tokens[at]);
  const titled = (r: SpeakerRecord) => !!title && !!r.role && normalizedText(ctx, r.role).includes(title);
  const pool = recent.some(titled) ? recent.filter(titled) : recent;
  if (pool.length < 2) return null;
  const [later, earlier] = pool;
  if (noun.gender === 'f' && (later.gender !== 'f' || earlier.gender !== 'f')) return null;
  const first = (earlier.start ?? 0) <= (later.start ?? 0) ? earlier : later;
  const second = first === earlier ? later : earlier;
  const joint = jointRecord(recordFrom(first, false, first.gender, 'sg'), [publicSpeaker(recordFrom(second, true, second.gender, 'sg'))], [second.gender]);
  return described(joint) ? joint : null;
}

/** The singular of a dual noun (الوزيران → وزير، الوزيرتان → وزيره), normalized, or ''. */
function dualSingular(ctx: Ctx, t: Token): string {
  for (const f of bareForms(ctx, t)) {
    for (const suffix of ['ان', 'ين']) {
      if (!f.endsWith(suffix) || f.length < 5) continue;
      const base = f.slice(0, -suffix.length);
      const single = base.endsWith('ت') ? base.slice(0, -1) + 'ه' : base;
      if (ctx.q.speakerNouns.has(single)) return single;
    }
  }
  return '';
}

function asImplicitSpeaker(s: QuoteSpeaker): QuoteSpeaker {
  return { ...s, implicit: true };
}

/** The latest person mention of this gender before token `at`, in its sentence or the two before. */
export function latestPersonMention(ctx: Ctx, at: number, gender: Gender): MentionRef | null {
  const s = ctx.tokens[at].sentence;
  let best: MentionRef | null = null;
  for (const entity of ctx.entities) {
    if (entity.type !== 'PERSON' || (entity.gender ?? 'm') !== gender) continue;
    for (const mention of entity.mentions) {
      if (mention.tokenEnd > at || s - mention.sentence > 2) continue;
      if (!best || mention.tokenStart > best.mention.tokenStart) best = { entity, mention };
    }
  }
  return best;
}

/** The latest non-entity description whose head noun is this token's noun (المصدر → مصدر أمني). */
export function sameDescription(ctx: Ctx, history: readonly SpeakerRecord[], at: number): SpeakerRecord | null {
  const own = bareForms(ctx, ctx.tokens[at]);
  for (let k = history.length - 1; k >= Math.max(0, history.length - RECENT); k--) {
    const r = history[k];
    if (r.entity || !r.text) continue;
    const head = normalizedHead(ctx, r.text);
    if (own.has(head) || own.has(withoutArticle(head, ctx.sets) ?? '')) return r;
  }
  return null;
}


export function isDefiniteShort(ctx: Ctx, from: number, to: number): boolean {
  if (to - from > 2) return false;
  // the head may carry a preposition (ووفقا للمصادر، بحسب بالوزارة …): the article is still there
  for (let k = from; k < to; k++) if (!(k === from ? isDefiniteToken(ctx, ctx.tokens[k]) : conjStripped(ctx.tokens[k], ctx.sets).some((c) => c.form.startsWith('ال')))) return false;
  return true;
}


export function isPersonEntity(ctx: Ctx, id: string): boolean {
  ctx.personIds ??= new Set(ctx.entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
  return ctx.personIds.has(id);
}

/**
 * A name in no lexicon right before the complementizer, a colon, an appositive comma, the verb's
 * own particle or a clause-level word: وقال باسلمة إن، وشدد وانغ على، وقال كولر في المؤتمر.
 * At most three words, not definite (a definite word there is rather the verb's object).
 */
export function unknownName(ctx: Ctx, hit: CueHit, j: number, end: number): { record: SpeakerRecord; next: number } | null {
  const { tokens, q, sets } = ctx;
  let k = j;
  // وقالت كريستالينا جورجيفا المديرة العامة للصندوق … إن: a title after the name closes it
  while (k < end && k < j + 4 && isWord(tokens[k]) && !isComplementizer(tokens[k], q, sets) && !stopAt(ctx, tokens[k]) && !isPrep(ctx, tokens[k], hit.entry) && !isCueToken(ctx, tokens[k]) && !(k > j && isPersonTitle(ctx, tokens[k]))) {
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
  const nameAfterTitle = definite && k - j >= 2 && noDefiniteIn(ctx, j + 1, k);
  const titleFollows = !definite && isPersonTitle(ctx, follower) && (clauseFollows(ctx, k, end) || titleAfterNameEnd(ctx, k, hit.entry) > k);
  const closesName = definite
    ? isComplementizer(follower, q, sets) || isColon(follower) || (nameAfterTitle && isComma(follower)) || (stopAt(ctx, follower) && isWord(follower) && clauseFollows(ctx, k, end))
    : isComplementizer(follower, q, sets) || isColon(follower) || isComma(follower) || opensQuotation(ctx, follower) || isPrep(ctx, follower, hit.entry) || (isWord(follower) && stopAt(ctx, follower) && clauseFollows(ctx, k, end)) || titleFollows;
  if (!closesName) return null;
  // نقيب الصيادين في صور سامي رزق: a title in no lexicon, a place phrase, then the name
  const named = k - j < 2 ? k : placeThenName(ctx, k, end);
  return { record: descriptionSpeaker(ctx, j, named, hit.entry.gender, 'sg'), next: named };
}

/** A singular person noun of `speaker-noun.tsv` (المديرة، المتحدث، وزير): a title in apposition after a name. */
export function isPersonTitle(ctx: Ctx, t: Token | undefined): boolean {
  if (!t || !isWord(t)) return false;
  const noun = speakerNoun(t, ctx.q, ctx.sets);
  return !!noun && noun.kind === 'person' && noun.number === 'sg';
}

/** True when no token of [from, to) carries the article (tested in place, no slice). */
function noDefiniteIn(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isDefiniteToken(ctx, ctx.tokens[k])) return false;
  return true;
}

/** A complementizer or colon within a few tokens, with no other cue before it. */
export function clauseFollows(ctx: Ctx, from: number, end: number): boolean {
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
export function topicSubject(ctx: Ctx, hit: CueHit, history: readonly SpeakerRecord[]): SpeakerRecord | null {
  const { tokens, q, sets } = ctx;
  const first = sentenceFirst(ctx, hit.index);
  // the topic is a phrase, not a paragraph: look back a bounded number of tokens
  const from = Math.max(first, hit.index - 40);
  let a = hit.index - 1;
  while (a >= from && !conjStripped(tokens[a], sets).some((c) => c.form === 'اما')) a--;
  if (a < from || a + 1 >= hit.index) return null;
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
export function subjectBefore(ctx: Ctx, hit: CueHit, _history: readonly SpeakerRecord[]): SpeakerRecord | null {
  const { tokens, q, sets } = ctx;
  const first = sentenceFirst(ctx, hit.index);
  let k = subjectEndBefore(ctx, hit.index) - 1;
  const relative = k >= first && conjStripped(tokens[k], sets).some((c) => ctx.q.words.relatives.has(c.form));
  while (k >= first && conjStripped(tokens[k], sets).some((c) => ctx.q.words.relatives.has(c.form))) k--;
  if (k < first) return null;
  const m = ctx.mentionEndingAt.get(k + 1);
  if (m && insidePrepositionalPhrase(ctx, m)) return null; // وفي برلين أعلنت الوزارة …: a place, not the subject
  if (m && m.entity.type !== 'PERSON') {
    // والمتحدثة باسم البيت الأبيض أكدت: the organization is the genitive of a person description
    for (let p = m.mention.tokenStart - 1; p >= Math.max(first, m.mention.tokenStart - 4) && isWord(tokens[p]); p--) {
      if (speakerNoun(tokens[p], q, sets)?.kind === 'person') return descriptionSpeaker(ctx, p, k + 1, hit.entry.gender, hit.entry.number);
    }
  }
  if (m) return m.entity.type === 'PERSON' ? personSpeaker(ctx, m, m.mention.tokenStart, hit.entry).record : entitySpeaker(ctx, m, hit.entry.gender, hit.entry.number);
  for (let p = k; p >= Math.max(first, k - 4); p--) {
    if (!isWord(tokens[p])) return null;
    // a relative clause hangs on the nearest noun (المحكمة العليا الأمريكية التي اعتبرت)
    const opensPhrase = relative || p === first || !isWord(tokens[p - 1]) || isComplementizer(tokens[p - 1], q, sets);
    if (speakerNoun(tokens[p], q, sets) && opensPhrase) return descriptionSpeaker(ctx, p, k + 1, hit.entry.gender, hit.entry.number);
  }
  return relative ? null : clauseSubject(ctx, first, k + 1, hit);
}


/**
 * خبير المناخ سمير طنطاوي، وهو مستشار سابق …، قال إن: where the subject before the verb at `i`
 * ends, skipping back over one comma-bracketed clause inserted between it and the verb.
 */
export function subjectEndBefore(ctx: Ctx, i: number): number {
  const { tokens } = ctx;
  if (!isComma(tokens[i - 1])) return i;
  const first = sentenceFirst(ctx, i);
  for (let p = i - 2; p > Math.max(first, i - 20); p--) {
    if (!isComma(tokens[p])) continue;
    return ctx.q.words.insertedClause.has(tokens[p + 1]?.norm ?? '') ? p : i;
  }
  return i;
}


/**
 * SVO with a subject in no lexicon (لكن الشواهد السابقة تشير إلى أن …): the words from the clause
 * start (sentence start, comma, particle) to the verb, when there are one to four of them.
 */
export function clauseSubject(ctx: Ctx, first: number, to: number, hit: CueHit): SpeakerRecord | null {
  const { tokens, q, sets } = ctx;
  let p = to;
  // a subject has at most 4 words: stop looking further back (a sentence of many cues stays linear)
  while (p > first && to - p <= 4 && isWord(tokens[p - 1]) && !conjStripped(tokens[p - 1], sets).some((c) => ctx.q.words.clauseParticles.has(c.form)) && !isComplementizer(tokens[p - 1], q, sets)) p--;
  if (to - p < 1 || to - p > 4) return null;
  if (stopAt(ctx, tokens[p]) || conjStripped(tokens[p], sets).some((c) => ctx.q.words.relatives.has(c.form) || ctx.q.words.clauseOpeners.has(c.form))) return null;
  const opener = tokens[p - 1];
  if (p > first && isWord(opener) && !conjStripped(opener, sets).some((c) => ctx.q.words.clauseParticles.has(c.form)) && !isComplementizer(opener, q, sets)) return null;
  return descriptionSpeaker(ctx, p, to, hit.entry.gender, hit.entry.number);
}


export function personSpeaker(ctx: Ctx, m: MentionRef, titleStart: number, entry: CueEntry, trustVerb = true): { record: SpeakerRecord; next: number } {
  const text = ctx.doc.original;
  const title = titleStart < m.mention.tokenStart ? text.slice(ctx.tokens[titleStart].start, ctx.tokens[m.mention.tokenStart - 1].end) : undefined;
  const role = title ?? m.entity.role;
  // a verb next to its subject agrees with it in gender: trust the verb over the entity's guess
  const gender = trustVerb ? entry.gender : (m.entity.gender ?? entry.gender);
  return { record: speakerRecord(m.entity.id, m.mention.text, m.mention.start, m.mention.end, false, role || undefined, gender, 'sg'), next: m.mention.tokenEnd };
}


export function entitySpeaker(ctx: Ctx, m: MentionRef, gender: Gender, number: GrammaticalNumber): SpeakerRecord {
  return speakerRecord(m.entity.id, m.mention.text, m.mention.start, m.mention.end, false, m.entity.role || undefined, gender, number);
}

/** A description speaker over tokens [from, to): مصدر مسؤول، المتحدث باسم وزارة الخارجية. */
export function descriptionSpeaker(ctx: Ctx, from: number, to: number, gender: Gender, number: GrammaticalNumber): SpeakerRecord {
  const { tokens } = ctx;
  const start = withoutPreposition(ctx, tokens[from]);
  const end = tokens[to - 1].end;
  const definite = isDefiniteToken(ctx, tokens[from]);
  const institution = speakerNoun(tokens[from], ctx.q, ctx.sets)?.kind === 'institution';
  const linked = to - from <= 3 && definite && institution ? definiteInstitution(ctx, from) : null;
  return speakerRecord(linked?.id ?? null, ctx.doc.original.slice(start, end), start, end, false, undefined, gender, number === 'sg' && soundPlural(ctx, from, to) ? 'pl' : number);
}

/**
 * A description whose head or first adjective ends in the sound masculine plural ـون (الباحثون،
 * الوسطاء السعوديون) speaks of people in the plural: a later وأضافوا refers to it.
 */
export function soundPlural(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < Math.min(to, from + 2); k++) {
    if (conjStripped(ctx.tokens[k], ctx.sets).some((c) => c.form.length > 4 && c.form.endsWith('ون'))) return true;
  }
  return false;
}

/**
 * Where a description starts in the original: after a preposition attached to its first word
 * (وفقا لمصادر طبية → مصادر طبية), so the span holds the speaker and not the particle.
 */
export function withoutPreposition(ctx: Ctx, t: Token): number {
  const stripped = stems(t.norm, ctx.sets).find((c) => c.prefixLength > 0 && ctx.q.speakerNouns.has(bareOf(ctx, c.stem)));
  if (!stripped) return t.start;
  // ل + ال is written لل: the article's alef is not in the text, keep the whole word (للإحصائيات)
  if (stripped.definite && t.norm.slice(stripped.prefixLength, stripped.prefixLength + 2) !== 'ال') return t.start;
  return ctx.doc.map.toOriginal(t.nStart + stripped.prefixLength, t.nEnd).start;
}

/** Where a description after a cue ends: before a stop word, punctuation or complementizer (at most 8 words). */
/** Token `from` is a document noun (تقرير، بيانات، إحصائيات: speaker-noun.tsv kind document). */
function headsDocument(ctx: Ctx, from: number): boolean {
  return speakerNoun(ctx.tokens[from], ctx.q, ctx.sets)?.kind === 'document';
}

export function descriptionEnd(ctx: Ctx, from: number, end: number): number {
  const { tokens, q, sets } = ctx;
  const isDefinite = (t: Token) => isDefiniteToken(ctx, t);
  // after a definite head only definite words continue it (المتهم الرئيسي); an indefinite word
  // starts the verb's object (ونفى المتهم أي علاقة …), unless a linker (باسم) opened a genitive
  let open = !isDefinite(tokens[from]);
  let k = from + 1;
  while (k < end && k < from + 12) {
    const m = ctx.mentionAt.get(k);
    if (m) {
      // مصدر أمني لفرانس برس: a name behind a preposition is the addressee, not the description,
      // unless a name follows it: then it is a title's genitive (المديرة التنفيذية لبرنامج
      // الأغذية العالمي سيندي ماكين)
      // … but after a document noun the ل is a genitive: الإحصائيات الرسمية [للجيش الأميركي]
      if (hasPrepositionClitic(ctx, m) && !headsDocument(ctx, from)) {
        const after = Math.min(m.mention.tokenEnd, end);
        const person = ctx.mentionAt.get(after);
        if (person?.entity.type === 'PERSON') return person.mention.tokenEnd;
        const name = nameRunEnd(ctx, after, end);
        if (name > after) return name;
        break;
      }
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
    if (stopAt(ctx, t) && !(t.norm === 'عن' && ctx.q.words.issued.has(tokens[k - 1].norm))) {
      // المسؤول في نقابة سيبتو جون كينغ: a place phrase, then a name in no lexicon
      const named = placeThenName(ctx, k, end);
      if (named > k) k = named;
      else if (!isDefinite(tokens[from]) && AFFILIATED.has(speakerNoun(tokens[from], q, sets)?.kind ?? '')) k = affiliationEnd(ctx, k, end);
      break;
    }
    // a genitive with لـ continues a title (الأمين العام للأمم المتحدة، المدير التنفيذي لبرنامج …)
    // بالإفراج، كالعادة: ب or ك with the article starts a phrase of its own (لل is a genitive)
    if (!open && (t.norm.startsWith('بال') || t.norm.startsWith('كال'))) break;
    // رئيس الشركة وكبير إدارييها: a coordinated title goes on
    const coordinated = t.norm.startsWith('و') && conjStripped(t, sets).length > 1 && !isDefinite(t);
    if (coordinated) open = true;
    // a linker (باسم) or a genitive with لـ keeps the title open (asked once: both tests below use it)
    const linked = ctx.q.words.descriptionLinkers.has(t.norm) || lamGenitive(ctx, t);
    if (!open && !isDefinite(t) && !linked) {
      // …العميد يحيى سريع في بيان أن: a name in no lexicon closes the description
      const name = nameRunEnd(ctx, k, end);
      if (name > k) k = name;
      break;
    }
    if (linked || coordinated) open = true;
    // after a definite word an indefinite one cannot extend the chain (شركة تابي للتقنية المالية | إغلاق …)
    else if (open && isDefinite(t) && k > from) open = false;
    k++;
  }
  return k;
}

/**
 * مصدر في وزارة الزراعة، مسؤول في الشركة المستوردة، مصادر في الاتحاد الأفريقي: after an
 * indefinite head, في + an organization or place mention, or + a definite phrase of up to three
 * words, says where the source works and belongs to the description (في مؤتمر صحفي does not:
 * an indefinite word there is an adjunct). Returns the new end, or `k`.
 */
export function affiliationEnd(ctx: Ctx, k: number, end: number): number {
  const { tokens, sets } = ctx;
  if (tokens[k]?.norm !== 'في' || k + 1 >= end) return k;
  const m = ctx.mentionAt.get(k + 1);
  if (m) return m.entity.type === 'PERSON' ? k : Math.min(end, m.mention.tokenEnd);
  if (isSpeechOccasion(ctx, tokens[k + 1])) return k; // مسؤول في الاجتماع: where he spoke, not where he works
  let e = k + 1;
  while (e < Math.min(end, k + 4) && isWord(tokens[e]) && !stopAt(ctx, tokens[e]) && !isCueToken(ctx, tokens[e]) && stems(tokens[e].norm, sets).some((c) => c.definite && c.prefixLength === 0)) e++;
  return e > k + 1 ? e : k;
}

/**
 * After في/لدى in a title: up to two words or one organization/place mention, then a name run
 * (nameRunEnd). Returns the name's end, or `k` when no name follows.
 */
export function placeThenName(ctx: Ctx, k: number, end: number): number {
  if (!conjStripped(ctx.tokens[k], ctx.sets).some((c) => ctx.q.words.placePrepositions.has(c.form))) return k;
  // في مؤتمر صحفي مشترك إن: the occasion of the speech is the verb's adjunct, no place before a name
  if (isSpeechOccasion(ctx, ctx.tokens[k + 1])) return k;
  let p = k + 1;
  while (p < Math.min(end, k + 4)) {
    const m = ctx.mentionAt.get(p);
    if (m?.entity.type === 'PERSON') return k;
    const after = m ? m.mention.tokenEnd : p + 1;
    if (!m && (!isWord(ctx.tokens[p]) || isComplementizer(ctx.tokens[p], ctx.q, ctx.sets) || stopAt(ctx, ctx.tokens[p]))) return k;
    // the name is the run that a colon, comma or complementizer closes: نقابة سيبتو | جون كينغ:
    const name = nameRunEnd(ctx, after, end);
    if (name > after && (m || name - after >= 2)) return name;
    p = after;
  }
  return k;
}

/** A noun naming where or how something was said (`function-word.tsv` role speech-occasion: مؤتمر، المقابلة). */
export function isSpeechOccasion(ctx: Ctx, t: Token | undefined): boolean {
  if (!t || !isWord(t)) return false;
  for (const f of bareForms(ctx, t)) if (ctx.q.words.speechOccasions.has(f)) return true;
  return false;
}

/**
 * End of a run of one to three indefinite words starting at `k` that reads as a name: what
 * follows closes it (a complementizer, colon, comma, quotation, or a clause-level word before a
 * complementizer). Returns `k` when the run is rather an object (ونفى المتهم أي علاقة بالشركات).
 */
export function nameRunEnd(ctx: Ctx, k: number, end: number): number {
  const { tokens, q, sets } = ctx;
  let e = k;
  while (e < end && e < k + 3 && isWord(tokens[e]) && !isComplementizer(tokens[e], q, sets) && !stopAt(ctx, tokens[e]) && !isDefiniteToken(ctx, tokens[e])) e++;
  if (e === k) return k;
  const f = tokens[e];
  // a topic bounded by its verb (أما … سامي رزق فيؤكد): the verb closes the name
  if (e >= end) return f && f.sentence === tokens[k].sentence && isCueToken(ctx, f) ? e : k;
  // a bare comma closes a name only when it starts with a known given name (محمد العلي، … yes;
  // إغلاق جولة تمويل، … is the verb's object)
  const givenName = conjStripped(tokens[k], sets).some((c) => q.givenNames.has(c.form));
  // a reporting verb right after the run closes it too (أما نقيب الصيادين في صور سامي رزق فيؤكد)
  const closes = isComplementizer(f, q, sets) || isColon(f) || opensQuotation(ctx, f) || (givenName && isComma(f)) || (isWord(f) && stopAt(ctx, f) && clauseFollows(ctx, e, end)) || isCueToken(ctx, f);
  if (closes) return e;
  // a family name with the article (لينا الخطيب، أحمد الداود) closes the name, but only before a
  // complementizer, colon or quotation (دعم الحكومة، … would otherwise read as a name)
  const last = tokens[e + 1];
  const familyName = isWord(f) && stems(f.norm, sets).some((c) => c.definite && c.prefixLength === 0) && !stopAt(ctx, f);
  if (familyName && last && (isComplementizer(last, q, sets) || isColon(last) || opensQuotation(ctx, last))) return e + 1;
  return k;
}

/** An organization named in brackets right after a description: `( منشآت )`. */
function bracketedName(ctx: Ctx, at: number): MentionRef | null {
  if (ctx.tokens[at]?.norm !== '(') return null;
  const m = ctx.mentionAt.get(at + 1);
  if (!m || m.entity.type !== 'ORGANIZATION' || ctx.tokens[m.mention.tokenEnd]?.norm !== ')') return null;
  return m;
}

/** A noun with the preposition لـ attached (لاتفاقية، لبرنامج): the genitive of a title. */
function lamGenitive(ctx: Ctx, t: Token): boolean {
  return t.norm.length > 3 && t.norm.startsWith('ل') && !t.norm.startsWith('لل') && stems(t.norm, ctx.sets).some((c) => c.prefixLength === 1);
}

/** Description heads that may name where they work (مصدر في الوزارة، مسؤول في الشركة). */
const AFFILIATED = new Set(['source', 'person']);


/**
 * A lone definite institution noun (الوزارة، النيابة، الشركة) refers back to the latest
 * organization whose name starts with that noun or follows it (وزارة الصحة، النيابة العامة،
 * شركة أرامكو … وقالت الوزارة).
 */
export function definiteInstitution(ctx: Ctx, at: number): Entity | null {
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

/** Every organization mention with the bare forms of its head (and of a construct noun before it), in text order. */
export function organizationHeads(ctx: Ctx): OrgHead[] {
  if (ctx.orgHeads) return ctx.orgHeads;
  const out: OrgHead[] = [];
  for (const e of ctx.entities) {
    if (e.type !== 'ORGANIZATION') continue;
    for (const m of e.mentions) {
      const before = ctx.tokens[m.tokenStart - 1];
      // the noun before a name heads it only in a construct (وزارة الصحة، شركة أرامكو), never definite
      const construct = before && before.sentence === m.sentence && isWord(before) && !isDefiniteToken(ctx, before);
      const forms: string[] = [];
      pushBareForms(ctx, ctx.tokens[m.tokenStart], forms);
      if (construct) pushBareForms(ctx, before, forms);
      out.push({ entity: e, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, forms });
    }
  }
  ctx.orgHeads = out.sort((a, b) => a.tokenStart - b.tokenStart);
  return ctx.orgHeads;
}

/** The forms of `bareForms` appended to `out` (a repeat does no harm to the membership tests made on them). */
function pushBareForms(ctx: Ctx, t: Token, out: string[]): void {
  for (const c of stems(t.norm, ctx.sets)) {
    out.push(c.stem);
    const bare = c.definite ? withoutArticle(c.stem, ctx.sets) : null;
    if (bare) out.push(bare);
  }
}

/** The subject of the sentence a participle hangs on: its first person (else organization) before the participle. */
export function sentenceSubject(ctx: Ctx, i: number, entry: CueEntry): SpeakerRecord | null {
  const first = sentenceFirst(ctx, i);
  const end = sentenceEnd(ctx, i);
  let org: MentionRef | null = null;
  // تونس (رويترز) - أبقى البنك المركزي …، مشيرا: the agency in the dateline is not the subject
  for (let k = afterDateline(ctx, first, end); k < i; k++) {
    const m = ctx.mentionAt.get(k);
    if (!m) continue;
    if (m.entity.type === 'PERSON') return personSpeaker(ctx, m, k, entry).record;
    if (!org && m.entity.type === 'ORGANIZATION') org = m;
  }
  return org ? entitySpeaker(ctx, org, entry.gender, entry.number) : null;
}
