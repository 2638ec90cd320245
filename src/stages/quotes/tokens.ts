import type { CliticSets } from '../../text/clitics.js';
import { stemCandidates, withoutArticle } from '../../text/clitics.js';
import type { Token } from '../../types.js';
import type { NounInfo, QuoteLexicon } from './lexicon.js';

/** Token-level helpers of the quote stage (all comparisons on match-normalized forms). */

/** The token's form without an attached conjunction (وقال → قال, فأضاف → اضاف), then the token itself. */
export function conjStripped(t: Token, sets: CliticSets): { form: string; conj: string }[] {
  const out = [{ form: t.norm, conj: '' }];
  for (const c of sets.conj) {
    if (t.norm.startsWith(c) && t.norm.length > c.length + 1) out.push({ form: t.norm.slice(c.length), conj: c });
  }
  return out;
}

export function isWord(t: Token | undefined): boolean {
  return !!t && (t.kind === 'word' || t.kind === 'latin');
}

export function isComma(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && (t.norm === '،' || t.norm === ',');
}

export function isColon(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && t.norm === ':';
}

export function isComplementizer(t: Token | undefined, q: QuoteLexicon, sets: CliticSets): boolean {
  if (!t || t.kind !== 'word') return false;
  return conjStripped(t, sets).some((c) => q.complementizers.has(c.form));
}

/** True for a clause-level word that ends a subject or description (في، خلال، اليوم …). */
export function isStop(t: Token | undefined, q: QuoteLexicon, sets: CliticSets): boolean {
  if (!t) return true;
  if (t.kind === 'punct' || t.kind === 'number') return true;
  return conjStripped(t, sets).some((c) => q.stops.has(c.form) || q.stops.has(withoutPronoun(c.form)));
}

const PRONOUN_SUFFIXES = ['هما', 'هم', 'ها', 'ه', 'نا', 'كم', 'ي'];

/** فيه → في، عليها → علي، منهم → من: a short particle with an attached pronoun. */
function withoutPronoun(form: string): string {
  for (const p of PRONOUN_SUFFIXES) if (form.endsWith(p) && form.length - p.length >= 2 && form.length - p.length <= 3) return form.slice(0, -p.length);
  return form;
}

/** Gender/number of a speaker noun heading this token (مصدر، المصادر، والمتحدث، بالوزارة …). */
export function speakerNoun(t: Token | undefined, q: QuoteLexicon, sets: CliticSets): NounInfo | undefined {
  if (!t || t.kind !== 'word') return undefined;
  for (const cand of stemCandidates(t.norm, sets)) {
    const hit = q.speakerNouns.get(cand.stem) ?? (cand.definite ? q.speakerNouns.get(withoutArticle(cand.stem, sets) ?? '') : q.speakerNouns.get(withoutPossessive(cand.stem)));
    if (hit) return hit;
  }
  return dualSpeakerNoun(t, q, sets);
}

/** Dual of a speaker noun (الوزيران، الطرفين، الجانبان): the noun's entry with number du. */
export function dualSpeakerNoun(t: Token | undefined, q: QuoteLexicon, sets: CliticSets): NounInfo | undefined {
  if (!t || t.kind !== 'word') return undefined;
  for (const cand of stemCandidates(t.norm, sets)) {
    const bare = cand.definite ? (withoutArticle(cand.stem, sets) ?? cand.stem) : cand.stem;
    for (const suffix of ['ان', 'ين']) {
      if (!bare.endsWith(suffix) || bare.length < 5) continue;
      const base = bare.slice(0, -suffix.length);
      const hit = q.speakerNouns.get(base) ?? (base.endsWith('ت') ? q.speakerNouns.get(base.slice(0, -1) + 'ه') : undefined);
      if (hit && hit.kind === 'person') return { ...hit, number: 'du' };
    }
  }
  return undefined;
}

const POSSESSIVES = ['هما', 'هم', 'ها', 'ه'];

/** ممثلتها → ممثله، مراسلنا → مراسل: a noun with a possessive pronoun, back to its base form. */
function withoutPossessive(stem: string): string {
  for (const p of [...POSSESSIVES, 'نا']) {
    if (!stem.endsWith(p) || stem.length - p.length < 3) continue;
    const base = stem.slice(0, -p.length);
    return base.endsWith('ت') ? base.slice(0, -1) + 'ه' : base;
  }
  return '';
}
