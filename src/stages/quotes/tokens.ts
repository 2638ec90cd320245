import type { CliticSets } from '../../text/clitics.js';
import { stemCandidates, withoutArticle, type StemCandidate } from '../../text/clitics.js';
import type { Token } from '../../types.js';
import type { AttributionPhrase, CueEntry, NounInfo, QuoteLexicon } from './lexicon.js';

/**
 * Token-level helpers of the quote stage (all comparisons on match-normalized forms).
 *
 * Speed: every test here depends only on a token's normalized form and the compiled lexicons,
 * and the same forms recur across a document and across documents, so the answers are memoized
 * per form: a token's facts on its interned form (`facts`), answers about bare strings in caches
 * attached (weakly) to the compiled lexicon objects. Returned arrays are shared: callers must not
 * mutate them.
 */

/** Forms kept per cache before it is cleared, so a long batch run cannot grow memory without bound. */
const MAX_FORMS = 100_000;

function cacheFor<K extends object, V>(caches: WeakMap<K, Map<string, V>>, key: K): Map<string, V> {
  let c = caches.get(key);
  if (!c) caches.set(key, (c = new Map()));
  else if (c.size > MAX_FORMS) c.clear();
  return c;
}

export interface ConjForm {
  form: string;
  conj: string;
}

const strippedCache = new WeakMap<CliticSets, Map<string, readonly ConjForm[]>>();

/** The token's form without an attached conjunction (وقال → قال, فأضاف → اضاف), then the token itself. */
export function conjStripped(t: Token, sets: CliticSets): readonly ConjForm[] {
  const f = t.form.quote as FormFacts | undefined;
  if (f !== undefined && f.sets === sets) return f.forms;
  return strippedForms(t.norm, sets);
}

function strippedForms(norm: string, sets: CliticSets): readonly ConjForm[] {
  const cache = cacheFor(strippedCache, sets);
  let out = cache.get(norm);
  if (!out) {
    const list: ConjForm[] = [{ form: norm, conj: '' }];
    for (const c of sets.conj) {
      if (norm.startsWith(c) && norm.length > c.length + 1) list.push({ form: norm.slice(c.length), conj: c });
    }
    cache.set(norm, (out = list));
  }
  return out;
}

const stemCache = new WeakMap<CliticSets, Map<string, readonly StemCandidate[]>>();

/** `stemCandidates` of the clitic module, memoized per normalized form. */
export function stems(norm: string, sets: CliticSets): readonly StemCandidate[] {
  const cache = cacheFor(stemCache, sets);
  let out = cache.get(norm);
  if (!out) cache.set(norm, (out = stemCandidates(norm, sets)));
  return out;
}

/** True when one reading of the form carries the definite article (الوزير، والوزارة، بالمدينة). */
export function isDefiniteForm(norm: string, sets: CliticSets): boolean {
  return stems(norm, sets).some((c) => c.definite);
}

export interface FormFacts {
  /** the lexicons the facts were computed with (a form is only ever read with one, see forms.ts) */
  lexicon: QuoteLexicon;
  sets: CliticSets;
  forms: readonly ConjForm[];
  complementizer: boolean;
  stop: boolean;
  noun: NounInfo | undefined;
  cue: boolean;
  /** The cue entry of the form (whole, else without و/ف) and the conjunction stripped. */
  cueEntry: CueEntry | undefined;
  cueConj: string;
  /** Attribution phrases starting with the form (whole or without و/ف), longest first; shared. */
  attributions: readonly AttributionPhrase[];
}

const NO_PHRASES: readonly AttributionPhrase[] = [];

/**
 * The lexicon facts of a word form, computed once per form and kept on the token's interned form
 * (see text/forms.ts), so the many repeated questions about one token (is it a stop word, a
 * complementizer, a speaker noun …) cost a field read.
 */
export function facts(t: Token, q: QuoteLexicon, sets: CliticSets): FormFacts {
  const f = t.form.quote as FormFacts | undefined;
  if (f !== undefined && f.lexicon === q && f.sets === sets) return f;
  return (t.form.quote = formFacts(t.norm, q, sets));
}

function formFacts(norm: string, q: QuoteLexicon, sets: CliticSets): FormFacts {
  const forms = strippedForms(norm, sets);
  const cueForm = forms.find((c) => q.cues.has(c.form));
  const phrases = forms.flatMap((c) => q.attributions.get(c.form) ?? []);
  return {
    lexicon: q,
    sets,
    forms,
    complementizer: forms.some((c) => q.complementizers.has(c.form)),
    stop: forms.some((c) => q.stops.has(c.form) || q.stops.has(withoutPronoun(c.form))),
    noun: nounOf(norm, q, sets),
    cue: !!cueForm,
    cueEntry: cueForm ? q.cues.get(cueForm.form) : undefined,
    cueConj: cueForm?.conj ?? '',
    // a stable sort keeps the whole form's phrases before the stripped form's on equal length
    attributions: phrases.length ? phrases.sort((a, b) => b.words.length - a.words.length) : NO_PHRASES,
  };
}

/** True when the word is a reporting verb, participle or verbal noun (with or without و/ف). */
export function isCueWord(t: Token, q: QuoteLexicon, sets: CliticSets): boolean {
  return t.kind === 'word' && facts(t, q, sets).cue;
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
  return facts(t, q, sets).complementizer;
}

/** True for a clause-level word that ends a subject or description (في، خلال، اليوم …). */
export function isStop(t: Token | undefined, q: QuoteLexicon, sets: CliticSets): boolean {
  if (!t) return true;
  if (t.kind === 'punct' || t.kind === 'number') return true;
  return facts(t, q, sets).stop;
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
  return facts(t, q, sets).noun;
}

function nounOf(norm: string, q: QuoteLexicon, sets: CliticSets): NounInfo | undefined {
  const t = { norm, kind: 'word' } as Token;
  for (const cand of stems(norm, sets)) {
    const hit = q.speakerNouns.get(cand.stem) ?? (cand.definite ? q.speakerNouns.get(withoutArticle(cand.stem, sets) ?? '') : q.speakerNouns.get(withoutPossessive(cand.stem)));
    if (hit) return hit;
  }
  return dualSpeakerNoun(t, q, sets);
}

/** Dual of a speaker noun (الوزيران، الطرفين، الجانبان): the noun's entry with number du. */
export function dualSpeakerNoun(t: Token | undefined, q: QuoteLexicon, sets: CliticSets): NounInfo | undefined {
  if (!t || t.kind !== 'word') return undefined;
  for (const cand of stems(t.norm, sets)) {
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
