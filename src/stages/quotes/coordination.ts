import type { Entity } from '../../types.js';
import { entityTypeOf, hasPrepositionClitic, insidePrepositionalPhrase, isCueToken, sentenceEnd, stopAt, type Ctx, type MentionRef } from './context.js';
import { conjStripped, isComma, isComplementizer, isWord, speakerNoun } from './tokens.js';

/**
 * Subjects coordinated with و: the speakers of a joint statement (قال لافروف ووانغ يي إن …) and
 * the joint subject a dual or plural pro-drop verb refers back to (التقى لافروف ووانغ يي …،
 * وأكدا أن …).
 */

/**
 * أعلن وزير الخارجية أحمد عطاف ونظيره الإسباني خوسيه مانويل ألباريس، اليوم، استئناف …: further
 * subjects coordinated with و (قال لافروف ووانغ يي، أعلنت مصر وقطر والولايات المتحدة) speak too,
 * and belong to the subject, not to the content. Each is a named entity of the subject's kind
 * (a person with a person; a country or organization with either), written right after و or
 * behind a title or relational noun of a few words (ونظيره الصيني وانغ يي). Returns them and where
 * the content may start.
 */
export function coordinatedSubjects(ctx: Ctx, subject: string | null, next: number): { end: number; mentions: MentionRef[] } {
  const kind = entityTypeOf(ctx, subject);
  const mentions: MentionRef[] = [];
  let at = next;
  if (kind === undefined) return { end: at, mentions };
  for (;;) {
    const m = coordinatedMentionAt(ctx, at, kind);
    if (!m) break;
    // the subject again (لافروف ولافروف) or a repeated one speaks once
    if (m.entity.id !== subject && !mentions.some((x) => x.entity === m.entity)) mentions.push(m);
    at = m.mention.tokenEnd;
  }
  return { end: at, mentions };
}

/** Words after the و-title before a coordinated subject (ووزير الخارجية الأمريكي أنتوني بلينكن); a longer phrase is more often a second role of the same person (ورئيس المجلس الأعلى للتأمين …). */
const MAX_COORDINATED_TITLE = 3;

/** The entity coordinated with و at token `at` (after an optional comma), if it is one of `kind`'s. */
function coordinatedMentionAt(ctx: Ctx, at: number, kind: Entity['type']): MentionRef | null {
  const { tokens } = ctx;
  if (isComma(tokens[at])) at++;
  const t = tokens[at];
  if (!t || t.kind !== 'word' || !t.norm.startsWith('و') || t.norm.length < 3) return null;
  const own = ctx.mentionAt.get(at);
  if (own) return compatibleSubject(own, kind) ? own : null;
  // behind a title: the و-word itself must be one (a participle or verb after و is not a subject)
  if (!speakerNoun(t, ctx.q, ctx.sets)) return null;
  const limit = Math.min(sentenceEnd(ctx, at), at + 1 + MAX_COORDINATED_TITLE);
  for (let k = at + 1; k < limit; k++) {
    const m = ctx.mentionAt.get(k);
    if (m) return compatibleSubject(m, kind) ? m : null;
    const w = tokens[k];
    if (!isWord(w) || isComplementizer(w, ctx.q, ctx.sets) || stopAt(ctx, w) || isCueToken(ctx, w)) return null;
  }
  return null;
}

/** A person speaks with persons; countries and organizations with each other. */
export function compatibleSubject(m: MentionRef, kind: Entity['type']): boolean {
  const other = m.entity.type;
  if (kind === 'PERSON' || other === 'PERSON') return kind === other;
  return (kind === 'LOCATION' || kind === 'ORGANIZATION') && (other === 'LOCATION' || other === 'ORGANIZATION');
}

/** Words of a clause searched for the one its subject met (التقى بوتين في الكرملين نظيره الصيني شي جين بينغ). */
const MAX_MEETING_WORDS = 8;

/**
 * التقى لافروف بوانغ يي / مع وانغ يي، استقبل بوتين في الكرملين نظيره الصيني شي جين بينغ: the
 * entity of the subject's kind the subject met in its clause, after a comitative (مع، attached ب:
 * `function-word.tsv`) or as the bare object; an entity in another prepositional phrase (في
 * الكرملين) is passed over. Stops at a complementizer, a cue or punctuation.
 */
export function meetingPartner(ctx: Ctx, subject: MentionRef, before: number): MentionRef | null {
  const { tokens } = ctx;
  const limit = Math.min(before, subject.mention.tokenEnd + MAX_MEETING_WORDS);
  for (let k = subject.mention.tokenEnd; k < limit; k++) {
    const other = ctx.mentionAt.get(k);
    if (other && other.entity !== subject.entity) {
      const via = linkBefore(ctx, other);
      // a bare object is a partner only between persons (استقبل X نظيره Y); المرصد … ومقره لندن is no meeting
      if (via === 'comitative' || (via === 'none' && subject.entity.type === 'PERSON')) return compatibleSubject(other, subject.entity.type) && other.mention.tokenEnd <= before ? other : null;
      if (via === 'none') return null;
      k = other.mention.tokenEnd - 1; // in another phrase: passed over
      continue;
    }
    const t = tokens[k];
    if (!isWord(t) || isComplementizer(t, ctx.q, ctx.sets) || isCueToken(ctx, t)) return null;
  }
  return null;
}

/** How a mention hangs on its clause: after a comitative, after another preposition, or bare. */
function linkBefore(ctx: Ctx, m: MentionRef): 'comitative' | 'preposition' | 'none' {
  const comitatives = ctx.q.words.comitatives;
  if (hasPrepositionClitic(ctx, m)) {
    const head = ctx.tokens[m.mention.tokenStart];
    return conjStripped(head, ctx.sets).some(({ form }) => comitatives.has(form.charAt(0))) ? 'comitative' : 'preposition';
  }
  const before = ctx.tokens[m.mention.tokenStart - 1];
  if (before && isWord(before) && conjStripped(before, ctx.sets).some(({ form }) => comitatives.has(form))) return 'comitative';
  return insidePrepositionalPhrase(ctx, m) ? 'preposition' : 'none';
}
