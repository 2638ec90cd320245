import type { Gender, GrammaticalNumber, Token } from '../../types.js';
import { withoutArticle } from '../../text/clitics.js';
import { conjStripped, isWord, speakerNoun } from './tokens.js';
import { RECENT, latest, normalizedText, stopAt, insidePrepositionalPhrase, isCueToken, jointRecord, publicSpeaker, recordFrom, speakerRecord, type MentionRef, type Ctx, type SpeakerRecord } from './context.js';
import { coordinatedSubjects, meetingPartner } from './coordination.js';
import { descriptionEnd, descriptionSpeaker } from './speakers.js';

/**
 * Implicit (pro-drop) speakers: gender and number agreement with the latest speaker, the
 * subject of the sentence's first clause, and the fallbacks.
 */

/**
 * Pro-drop: the latest speaker whose gender and number agree with the verb; failing that, the
 * latest agreeing entity mentioned before the cue (persons default to masculine, organizations
 * and places to feminine when the entity stage gives no gender).
 */
export function resolveImplicit(ctx: Ctx, history: SpeakerRecord[], gender: Gender, number: GrammaticalNumber, at: number): SpeakerRecord {
  const sentence = ctx.tokens[at].sentence;
  const last = history[history.length - 1];
  // والتقى لافروف بنظيره …، وأكد أن …: a dropped subject in a coordinated clause is the subject
  // of the sentence's first clause, unless that clause was itself a quote (then history has it)
  if (!last || ctx.recordSentence.get(last) !== sentence) {
    const early = earlySubject(ctx, sentence, at, gender, number) ?? describedFirstSubject(ctx, history, sentence, at, gender, number);
    if (early) return early;
  }
  for (let k = history.length - 1; k >= Math.max(0, history.length - RECENT); k--) {
    const r = history[k];
    // an implicit speaker is not named in its clause: start/end point at its antecedent
    if (r.gender === gender && r.number === number) return recordFrom(r, true, r.gender, r.number);
  }
  // nobody quoted yet agrees: the subject of a recent sentence, else the latest agreeing mention
  for (let s = sentence - 1; s >= Math.max(0, sentence - 4); s--) {
    const early = earlySubject(ctx, s, Number.MAX_SAFE_INTEGER, gender, number);
    if (early) return early;
  }
  // وتحدث شهود عيان عن انفجارات. وقالوا إن …: a plural description subject of the sentence before
  if (number === 'pl') {
    const described = pluralDescriptionSubject(ctx, sentence - 1);
    if (described) return described;
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
  return speakerRecord(null, '', undefined, undefined, true, undefined, gender, number);
}

/**
 * A description headed by a plural person noun (شهود، مسؤولون، السكان) among the first tokens of a
 * sentence's first clause (its subject after the verb, or before it), as an implicit record.
 */
function pluralDescriptionSubject(ctx: Ctx, sentence: number): SpeakerRecord | null {
  if (sentence < 0) return null;
  const window = subjectWindow(ctx, sentence, Number.MAX_SAFE_INTEGER);
  if (!window) return null;
  const end = Math.min(window.end, ctx.sentEnd.get(sentence) ?? window.end);
  for (let k = window.start; k < end; k++) {
    const t = ctx.tokens[k];
    if (!isWord(t) || ctx.mentionAt.has(k)) continue;
    const noun = speakerNoun(t, ctx.q, ctx.sets);
    if (!noun || noun.kind !== 'person' || noun.number !== 'pl' || hasProclitic(ctx, t)) continue;
    const r = descriptionSpeaker(ctx, k, descriptionEnd(ctx, k, ctx.sentEnd.get(sentence) ?? k + 1), 'm', 'pl');
    return recordFrom(r, true, 'm', 'pl');
  }
  return null;
}

/**
 * وسجل اللاعب هدفين في الشوط الثاني، وأكد بعد المباراة أن …: with no named subject, a definite
 * singular person or institution noun right after the first word of the sentence (its verb) is
 * the subject of the first clause, when it agrees with the pro-drop verb. When the latest
 * agreeing speaker's text or role holds the noun (قال الوزير سامح شكري … والتقى الوزير …، وأكد),
 * that speaker is meant and the history keeps it (null here).
 */
function describedFirstSubject(ctx: Ctx, history: readonly SpeakerRecord[], sentence: number, at: number, gender: Gender, number: GrammaticalNumber): SpeakerRecord | null {
  if (number !== 'sg') return null;
  const window = subjectWindow(ctx, sentence, at);
  if (!window || window.start + 2 > window.end) return null;
  const verb = ctx.tokens[window.start];
  const k = window.start + 1;
  const t = ctx.tokens[k];
  if (!isWord(verb) || !isWord(t) || stopAt(ctx, verb) || ctx.mentionAt.has(window.start) || ctx.mentionAt.has(k)) return null;
  if (!conjStripped(t, ctx.sets).some((c) => c.form.startsWith('ال'))) return null;
  const noun = speakerNoun(t, ctx.q, ctx.sets);
  if (!noun || noun.number !== 'sg' || noun.gender !== gender || (noun.kind !== 'person' && noun.kind !== 'institution')) return null;
  const same = latest(history, (r) => r.gender === gender && r.number === number);
  const bare = withoutArticle(t.norm, ctx.sets) ?? t.norm;
  if (same && normalizedText(ctx, `${same.text} ${same.role ?? ''}`).includes(bare)) return null;
  // the head and its relative adjectives (المدرب السويسري، الوزارة الفلسطينية): a definite word of
  // another kind is the verb's object (وافتتح المحافظ المعرض …)
  let e = k + 1;
  while (e < at && e < k + 3 && isWord(ctx.tokens[e]) && isNisbaAdjective(ctx, ctx.tokens[e])) e++;
  return recordFrom(descriptionSpeaker(ctx, k, e, gender, number), true, gender, number);
}

/** A definite relative adjective (السويسري، الفلسطينية، الأمريكيون is no singular). */
function isNisbaAdjective(ctx: Ctx, t: Token): boolean {
  return conjStripped(t, ctx.sets).some((c) => c.form.startsWith('ال') && c.form.length > 4 && (c.form.endsWith('ي') || c.form.endsWith('يه')));
}

/** A word carrying a preposition (بشهود، للمسؤولين): not a subject. Only و/ف and the article may stand before the noun. */
function hasProclitic(ctx: Ctx, t: Token): boolean {
  return !conjStripped(t, ctx.sets).some((c) => ctx.q.speakerNouns.has(c.form) || ctx.q.speakerNouns.has(withoutArticle(c.form, ctx.sets) ?? ''));
}

/** Sentences back a turn-taking adjunct (من جانبه) looks for the other party. */
const TURN_LOOKBACK = 2;

/**
 * The speaker after a turn-taking adjunct (من جانبه، أكد أن …): the latest person or organization
 * of the verb's gender mentioned in its sentence or the two before, other than the speaker a plain
 * pro-drop verb would take (the one who spoke last): استقبل السيسي روبيو … من جانبه، أكد → Rubio.
 * Null when there is no such other party (the plain rule then applies).
 */
export function turnSpeaker(ctx: Ctx, history: SpeakerRecord[], gender: Gender, number: GrammaticalNumber, at: number): SpeakerRecord | null {
  if (number !== 'sg') return null;
  const last = latest(history, (r) => r.gender === gender && r.number === number);
  const sentence = ctx.tokens[at].sentence;
  let best: MentionRef | null = null;
  for (const entity of ctx.entities) {
    if ((entity.type !== 'PERSON' && entity.type !== 'ORGANIZATION') || entity.id === last?.entity) continue;
    for (const mention of entity.mentions) {
      if (mention.tokenEnd > at || sentence - mention.sentence > TURN_LOOKBACK) continue;
      if (best && mention.tokenStart <= best.mention.tokenStart) continue;
      const m = { entity, mention };
      if (mentionGender(ctx, m) === gender) best = m;
    }
  }
  return best ? implicitFrom(best, gender, number) : null;
}

/**
 * Grammatical gender of a mention: an organization agrees with its head noun when the lexicon
 * knows it (البنك المركزي، الجيش، المجلس: masculine; الوزارة، الشركة: feminine), else the
 * entity's gender; persons default to masculine, organizations and places to feminine.
 */
export function mentionGender(ctx: Ctx, m: MentionRef): Gender {
  if (m.entity.type === 'ORGANIZATION') {
    const head = speakerNoun(ctx.tokens[m.mention.tokenStart], ctx.q, ctx.sets);
    if (head && head.kind === 'institution') return head.gender;
  }
  return m.entity.gender ?? (m.entity.type === 'PERSON' ? 'm' : 'f');
}


export function implicitFrom(m: MentionRef, gender: Gender, number: GrammaticalNumber): SpeakerRecord {
  return speakerRecord(m.entity.id, m.mention.text, m.mention.start, m.mention.end, true, m.entity.role || undefined, gender, number);
}

/**
 * The subject of a sentence's first clause: an agreeing person or organization mention among
 * its first five tokens (after the verb in VSO: استقبل الرئيس الصيني شي جين بينغ …), not in a
 * prepositional phrase, ending before `before`.
 */
export function earlySubject(ctx: Ctx, sentence: number, before: number, gender: Gender, number: GrammaticalNumber): SpeakerRecord | null {
  if (number !== 'sg') return earlyJointSubject(ctx, sentence, before, gender, number);
  const window = subjectWindow(ctx, sentence, before);
  if (!window) return null;
  for (let k = window.start; k < window.end; k++) {
    const m = ctx.mentionAt.get(k);
    if (!m || m.mention.tokenEnd > before) continue;
    if (m.entity.type !== 'PERSON' && m.entity.type !== 'ORGANIZATION') continue;
    if (mentionGender(ctx, m) !== gender || insidePrepositionalPhrase(ctx, m)) continue;
    return implicitFrom(m, gender, number);
  }
  return null;
}

/**
 * The joint subject of a sentence's first clause, for a dual or plural pro-drop verb: التقى
 * لافروف ووانغ يي في موسكو، وأكدا أن … (two persons), بحثت مصر وقطر …، وأكدتا أن … (two
 * countries). The first mention among the clause's first five tokens and the entities coordinated
 * with it must be as many as the verb says (two for a dual, three or more for a plural) and agree
 * in gender; the first is the speaker, the others its co-speakers (all implicit).
 */
function earlyJointSubject(ctx: Ctx, sentence: number, before: number, gender: Gender, number: GrammaticalNumber): SpeakerRecord | null {
  // a longer window: a joint subject is checked by its coordination, and titles run long
  // (استقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الفرنسي …)
  const window = subjectWindow(ctx, sentence, before, JOINT_SUBJECT_WORDS);
  if (!window) return null;
  for (let k = window.start; k < window.end; k++) {
    const m = ctx.mentionAt.get(k);
    if (!m || m.mention.tokenEnd > before || insidePrepositionalPhrase(ctx, m)) continue;
    const coordinated = coordinatedSubjects(ctx, m.entity.id, m.mention.tokenEnd).mentions.filter((x) => x.mention.tokenEnd <= before);
    // two who met (التقى لافروف بوانغ يي …، وأكدا) are a dual subject too
    // (not when the clause reports speech: قال X … Y, the words after the subject are what was said)
    const partner = coordinated.length === 0 && number === 'du' && !cueBefore(ctx, window.start, k) ? meetingPartner(ctx, m, before) : null;
    const others = partner ? [partner] : coordinated;
    if (others.length === 0) continue;
    if (number === 'du' ? others.length !== 1 : others.length < 2) return null;
    const joint = jointWith(ctx, implicitFrom(m, mentionGender(ctx, m), 'sg'), others, true);
    return joint.gender === gender ? recordFrom(joint, true, joint.gender, joint.number) : null;
  }
  return null;
}

/** A reporting cue among tokens [from, to). */
function cueBefore(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isCueToken(ctx, ctx.tokens[k])) return true;
  return false;
}

/** Tokens of a sentence's first clause searched for a joint subject (a verb and a title of up to six words before the name). */
const JOINT_SUBJECT_WORDS = 8;

/** The tokens of a sentence's first clause where its subject stands: five (or `width`) after the dateline, before `before`. */
function subjectWindow(ctx: Ctx, sentence: number, before: number, width = 5): { start: number; end: number } | null {
  const first = ctx.sentStart.get(sentence);
  if (first === undefined) return null;
  const start = afterDateline(ctx, first, ctx.sentEnd.get(sentence) ?? first);
  return { start, end: Math.min(start + width, before) };
}

/** The joint record of `lead` and the entities coordinated with it (`implicit`: carried over to a later clause). */
export function jointWith(ctx: Ctx, lead: SpeakerRecord, mentions: readonly MentionRef[], implicit: boolean): SpeakerRecord {
  const others = mentions.map((m) => publicSpeaker(speakerRecord(m.entity.id, m.mention.text, m.mention.start, m.mention.end, implicit, m.entity.role || undefined, mentionGender(ctx, m), 'sg')));
  return jointRecord(lead, others, mentions.map((m) => mentionGender(ctx, m)));
}

/** The first token after a dateline (عمان، 20 مارس (بترا) - …), or `first` when there is none. */
export function afterDateline(ctx: Ctx, first: number, end: number): number {
  for (let k = first; k < Math.min(end, first + 10); k++) {
    const t = ctx.tokens[k];
    if (t.kind === 'punct' && (t.norm === '-' || t.norm === '–' || t.norm === '—')) return k + 1;
  }
  return first;
}
