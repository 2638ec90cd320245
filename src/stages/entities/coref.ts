import { jaroWinkler } from '../../lexicon/similarity.js';
import type { Found } from './scan.js';
import { coveredTokens, gazetteerAt, looksLikeVerbalNoun, newFound, plausibleUnknownName } from './scan.js';
import { demonymOf, docHasAffixedReading, longEnoughForFuzzyStem, docHasStem, type FormFacts, formsWithReadings, givenName, type GivenNameReading, isDefinite, isStop, isWord, looksLikeNisba, surfacePrefix, type TokenView } from './token-view.js';

/**
 * In-document coreference of partial person names: once `وانغ يي` or `سيرجي لافروف` is found,
 * `وانغ` and `لافروف` alone are the same person, wherever they occur (a headline often uses
 * the short form before the article gives the full name). Spelling variants of a surname
 * (لافروف / لافرووف) link by Jaro-Winkler similarity.
 */
const MIN_KEY_LENGTH = 3;
/** article, plural, accusative and pronoun endings that betray a common noun */
const INFLECTIONS: [string, string][] = [
  ['ال', ''],
  ['', 'ات'],
  ['', 'ا'],
  ['', 'ه'],
  ['', 'ها'],
  ['', 'هم'],
];
const MIN_FUZZY_LENGTH = 5;
const MAX_LISTED_FORMS = 16;
const YA = 0x64a;
const ALIF_MAQSURA = 0x649;
const FUZZY_THRESHOLD = 0.95;

interface CorefKey {
  entity: string;
  /** number of distinct entities claiming this key: an ambiguous key links nothing */
  owners: number;
  /** vouched for by a lexicon (gazetteer person) rather than guessed by a rule */
  vouched: boolean;
  /** the name ends in a written ي (بري): a text word in ى (برى) is another word */
  endsInYa: boolean;
}

export function corefMentions(v: TokenView, found: readonly Found[], keyOf: (f: Found) => string): Found[] {
  const keys = collectKeys(v, found, keyOf);
  if (keys.size === 0) return [];
  const buckets = fuzzyBuckets(keys);
  const covered = coveredTokens(v.tokens.length, found);
  const out: Found[] = [];
  // only forms that have a key as a reading, or a reading a spelling variant could be, need a look
  const exact = formsWithReadings(v, [...keys.keys()]);
  // usually a few forms: compared by pointer; a long document's many through the set
  const exactFew = exact.size <= MAX_LISTED_FORMS ? [...exact] : null;
  const fuzzy = buckets.size > 0;
  for (let i = 0; i < v.tokens.length; i++) {
    if (covered[i] || !isWord(v, i)) continue;
    const form = v.forms[i];
    const maybeExact = exactFew ? includesForm(exactFew, form) : exact.has(form);
    // a spelling variant has five letters or more: the token's span says so before its form is read
    if ((!maybeExact && !(fuzzy && longEnoughForFuzzyStem(v, i) && form.fuzzyStem)) || isStop(v, i)) continue;
    const hit = (maybeExact ? exactKey(v, i, keys) : null) ?? fuzzyKey(v, i, buckets);
    if (!hit) continue;
    const connector = hit.prefix === 0 ? connectorBefore(v, i, covered) : null;
    if (connector) out.push(newFound('PERSON', i - 1, i + 1, connector.prefixLength, 'coref', undefined, undefined, hit.entity));
    else out.push(newFound('PERSON', i, i + 1, hit.prefix, 'coref', undefined, undefined, hit.entity));
  }
  return out;
}

/**
 * A family name that is a connector + name (بن كيران، آيت منا، ولد الغزواني) is used alone with
 * its connector: the mention takes the connector before the key word (وأضاف [آيت منا] أن).
 */
function connectorBefore(v: TokenView, i: number, covered: Uint8Array): GivenNameReading | null {
  if (i === 0 || covered[i - 1] || !isWord(v, i - 1) || v.tokens[i - 1].sentence !== v.tokens[i].sentence) return null;
  const g = givenName(v, i - 1);
  return g && (g.info.strength === 'nasab' || g.info.strength === 'particle') ? g : null;
}

/** `form` is one of `forms` (a few: a scan of pointers beats hashing the object per token). */
function includesForm(forms: readonly FormFacts[], form: FormFacts): boolean {
  for (let k = 0; k < forms.length; k++) if (forms[k] === form) return true;
  return false;
}

function collectKeys(v: TokenView, found: readonly Found[], keyOf: (f: Found) => string): Map<string, CorefKey> {
  const keys = new Map<string, CorefKey>();
  const add = (k: string, entity: string, vouched: boolean, ya: boolean) => {
    const prev = keys.get(k);
    if (!prev) keys.set(k, { entity, owners: 1, vouched, endsInYa: ya });
    else if (prev.entity !== entity) prev.owners++;
    else if (vouched) prev.vouched = true;
  };
  // A name part the rules guessed is dropped when the same word also occurs inflected in the
  // document (آخر / الآخر, اجتماع / اجتماعات, مقتل / مقتله): names rarely inflect, common nouns do.
  const inflectedElsewhere = (k: string) => docHasAffixedReading(v, k, INFLECTIONS);
  for (const f of found) {
    if (f.type !== 'PERSON' || f.end - f.start < 2 || f.via === 'coref') continue;
    const entity = keyOf(f);
    // a list vouches for every part of the name; a name found by a rule lends only its
    // non-definite parts (a definite last word may be a common noun the rule swallowed)
    const vouched = f.via === 'gazetteer';
    const firstNorm = v.tokens[f.start].norm.slice(f.prefixLength);
    if (usableKey(v, f.start, firstNorm, true, f.prefixLength === 0) && (vouched || guessedKeyFits(v, f.start, f.prefixLength))) add(firstNorm, entity, vouched, endsInYa(v, f.start));
    const last = f.end - 1;
    if (usableKey(v, last, v.tokens[last].norm, false, true) && (vouched || guessedKeyFits(v, last, 0))) add(v.tokens[last].norm, entity, vouched, endsInYa(v, last));
  }
  for (const [k, info] of keys) if (info.owners > 1 || (!info.vouched && inflectedElsewhere(k))) keys.delete(k);
  return keys;
}

/**
 * A name part can stand for the whole name unless it is a common given name (محمد alone is
 * not one person), a function word, or a word the lexicons know as something else.
 */
function usableKey(v: TokenView, i: number, norm: string, isFirst: boolean, wholeToken: boolean): boolean {
  // the token's own facts before the lexicon lookups (all pure: only the cost depends on the order)
  if (norm.length < MIN_KEY_LENGTH || isStop(v, i) || demonymOf(v, i) || looksLikeNisba(v, i)) return false;
  // a word's own facts hold the verdict on its whole form (non-words share one facts object)
  return wholeToken && isWord(v, i) ? formAllowsKey(v.forms[i], v.lex, norm, isFirst) : lexiconAllowsKey(v.lex, norm, isFirst);
}

/** Bits of `FormFacts.keyVerdicts`: the verdict as a first / last name part, and whether each is known. */
const FIRST_ALLOWED = 1;
const LAST_ALLOWED = 2;
const FIRST_KNOWN = 4;
const LAST_KNOWN = 8;

/** `lexiconAllowsKey` for a form's whole norm, memoized on its facts: saves four lookups in large, mostly uncached maps per name part. */
function formAllowsKey(f: FormFacts, lex: TokenView['lex'], norm: string, isFirst: boolean): boolean {
  const known = isFirst ? FIRST_KNOWN : LAST_KNOWN;
  const allowed = isFirst ? FIRST_ALLOWED : LAST_ALLOWED;
  if ((f.keyVerdicts & known) === 0) f.keyVerdicts |= known | (lexiconAllowsKey(lex, norm, isFirst) ? allowed : 0);
  return (f.keyVerdicts & allowed) !== 0;
}

/** The lexicons let `norm` stand for a whole name: not a given name (a weak one may be a last part), title, trigger, or known non-person. */
function lexiconAllowsKey(lex: TokenView['lex'], norm: string, isFirst: boolean): boolean {
  const gn = lex.givenNames.get(norm);
  if (gn && (isFirst || gn.strength !== 'weak')) return false;
  if (lex.titles.has(norm) || lex.triggers.has(norm)) return false;
  const known = lex.knownSingle.get(norm);
  return !known || known.type === 'PERSON';
}

/**
 * A name part guessed by a rule becomes a key only when it looks like a name on its own: no
 * article, no preposition before it (لوقف، بتوقيت), no attached pronoun (معها، ربه), not a
 * verbal noun (اجتماع).
 */
function guessedKeyFits(v: TokenView, i: number, prefixLength: number): boolean {
  // a family name with the article in the nisba form (الحمادي، المطيري) is a good key
  // and so is any family name with the article after a given name (محمد البشير، غيث الطراونة)
  // unless the document also uses the word without the article (a common noun or adjective)
  if (isDefinite(v, i)) {
    const norm = v.tokens[i].norm;
    if (demonymOf(v, i) || norm.length < 5 || prefixLength > 0) return false;
    if (norm.endsWith('ي') && norm.length >= 6) return true;
    return afterGivenName(v, i) && !docHasStem(v, norm.slice(2), i) && !looksLikeVerbalNoun(norm.slice(2));
  }
  if (!plausibleUnknownName(v, i, false) || looksLikeVerbalNoun(v.tokens[i].norm)) return false;
  return !/(?:ها|هم)$/.test(v.tokens[i].norm);
}

/** The word before token i is a well-known (strong) given name: غيث [الطراونة]. */
function afterGivenName(v: TokenView, i: number): boolean {
  if (i === 0 || v.tokens[i - 1].sentence !== v.tokens[i].sentence) return false;
  const g = givenName(v, i - 1);
  return !!g && g.info.strength === 'strong';
}

function endsInYa(v: TokenView, i: number): boolean {
  return v.original.charCodeAt(v.tokens[i].end - 1) === YA;
}

function exactKey(v: TokenView, i: number, keys: Map<string, CorefKey>): { entity: string; prefix: number } | null {
  for (const s of v.stems[i]) {
    const k = keys.get(s.stem);
    if (k && k.endsInYa && v.original.charCodeAt(v.tokens[i].end - 1) === ALIF_MAQSURA) return null;
    if (k) {
      // a token the gazetteer reads as a place or organization is not this person
      const g = gazetteerAt(v, i);
      if (g && g.value.type !== 'PERSON') return null;
      return { entity: k.entity, prefix: surfacePrefix(v.tokens[i].norm, s) };
    }
  }
  return null;
}

/** Keys of five letters or more by their first two code units (a number: no string per token asked). */
function fuzzyBuckets(keys: Map<string, CorefKey>): Map<number, [string, CorefKey][]> {
  const b = new Map<number, [string, CorefKey][]>();
  for (const [k, info] of keys) {
    if (k.length < MIN_FUZZY_LENGTH) continue;
    const p = firstTwoUnits(k);
    const list = b.get(p) ?? [];
    list.push([k, info]);
    b.set(p, list);
  }
  return b;
}

/** The first two UTF-16 units of a string of two or more as one number (equal exactly when `s.slice(0, 2)` is). */
function firstTwoUnits(s: string): number {
  return s.charCodeAt(0) * 0x10000 + s.charCodeAt(1);
}

function fuzzyKey(v: TokenView, i: number, buckets: Map<number, [string, CorefKey][]>): { entity: string; prefix: number } | null {
  // the form's whole-token reading when it could be a spelling variant of a name (FormFacts.fuzzyStem)
  const stem = v.forms[i].fuzzyStem;
  if (buckets.size === 0 || !stem) return null;
  const list = buckets.get(firstTwoUnits(stem));
  if (!list) return null;
  for (const [k, info] of list) {
    if (Math.abs(k.length - stem.length) > 1) continue;
    if (jaroWinkler(k, stem) >= FUZZY_THRESHOLD) return { entity: info.entity, prefix: 0 };
  }
  return null;
}
