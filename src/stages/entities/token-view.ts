import type { Lexicons } from '../../lexicon/lexicons.js';
import { cliticSets, stemCandidates, type StemCandidate } from '../../text/clitics.js';
import type { Token } from '../../types.js';
import type { EntityType } from '../../types.js';
import type { EntityLexicon, GazetteerEntry, GivenName, IndexedForm, TitleInfo, TriggerInfo } from './entity-lexicon.js';

/**
 * Per-token facts the rules ask about again and again (clitic readings, stop word, given name,
 * demonym …), computed once per token. Clitic readings are memoized per distinct token form
 * on the Lexicons object, so a corpus pays for each word form once.
 */
export interface TokenView {
  /** the original text the tokens point into (some spellings are lost by normalization) */
  original: string;
  tokens: readonly Token[];
  lex: EntityLexicon;
  /** What the lexicons say about each token's form (shared by every token of that form). */
  forms: FormFacts[];
  /** Clitic readings of each token, whole token first (empty for non-words): `forms[i].stems`. */
  stems: StemCandidate[][];
  /** this document's stamp on the shared form facts (see FormFacts.docCount) */
  generation: number;
  /** the document's distinct forms (their `docCount` is this document's) */
  docForms: FormFacts[];
  /**
   * Every form of the form table's generation by clitic reading, across documents (a form joins
   * when its facts are first computed); all of this document's forms are in it (see
   * FormTable.beginDocument). It also holds other documents' forms: a form counts for this
   * document while its `docGeneration` is the view's.
   */
  readingIndex: Map<string, FormFacts[]>;
  /** Per-token answers, computed on first question: the rules ask about the same tokens many times. */
  memo: {
    stop: Int8Array;
    given: (GivenNameReading | null | undefined)[];
  };
}

/** A form matched at a token: how many tokens it spans, the proclitic units to skip, what it stands for. */
export interface Match<T> {
  len: number;
  prefixLength: number;
  value: T;
}

/** Per-token longest match in each index. */
export interface LongestMatches {
  gazetteer: MatchMemo<GazetteerEntry>;
  titles: MatchMemo<TitleInfo>;
  triggers: MatchMemo<TriggerInfo>;
}

/**
 * One index's longest match per token: undefined until asked, null for none. It remembers which
 * tokens it answered, so clearing it for the next document costs the answers, not the tokens.
 */
export class MatchMemo<T> {
  private values: (Match<T> | null | undefined)[] = [];
  private readonly written: number[] = [];

  get(i: number): Match<T> | null | undefined {
    return this.values[i];
  }

  set(i: number, m: Match<T> | null): void {
    this.values[i] = m;
    this.written.push(i);
  }

  clear(): void {
    // after a very long document, start small again rather than keep its table
    if (this.values.length > MAX_KEPT_MEMO) this.values = [];
    else for (let k = 0; k < this.written.length; k++) this.values[this.written[k]] = undefined;
    this.written.length = 0;
  }
}
const MAX_KEPT_MEMO = 1 << 16;

export interface GivenNameReading {
  info: GivenName;
  prefixLength: number;
}

/** A first-token candidate of a multi-token index: the clitic reading and the forms it starts. */
export interface FirstToken<T> {
  /** units of the token to leave out of the mention (see surfacePrefix) */
  prefixLength: number;
  /** the forms it starts, longest first */
  forms: IndexedForm<T>[];
  /** the longer forms by second token, and their lengths' bit-mask (FollowIndex's, copied here: one object fewer per match) */
  bySecond: Map<string, IndexedForm<T>[]> | null;
  secondLengths: number;
  /** the match of the first one-token form, made once (a match is never changed) */
  single: Match<T> | null;
}

/**
 * The forms sharing a first token, arranged so a match reads one map entry instead of trying
 * every form: the longer forms by their second token (each group still longest first, in list
 * order), and the first one-token form.
 */
export interface FollowIndex<T> {
  bySecond: Map<string, IndexedForm<T>[]> | null;
  /** bit (length & 31) set for each second token's length: most next tokens fail this before the map is read */
  secondLengths: number;
  single: IndexedForm<T> | undefined;
}

/** Follow indexes by form list (the lists live as long as their compiled lexicon). */
const followIndexes = new WeakMap<readonly IndexedForm<unknown>[], FollowIndex<unknown>>();

function followIndex<T>(forms: readonly IndexedForm<T>[]): FollowIndex<T> {
  let idx = followIndexes.get(forms) as FollowIndex<T> | undefined;
  if (!idx) {
    idx = { bySecond: null, secondLengths: 0, single: undefined };
    for (const f of forms) {
      if (f.tokens.length === 1) {
        idx.single ??= f;
        continue;
      }
      const second = f.tokens[1];
      idx.secondLengths |= 1 << (second.length & 31);
      const group = (idx.bySecond ??= new Map()).get(second);
      if (group) group.push(f);
      else idx.bySecond.set(second, [f]);
    }
    followIndexes.set(forms, idx as FollowIndex<unknown>);
  }
  return idx;
}

/**
 * Everything the lexicons say about one word form, independent of its context: computed once
 * per distinct form and corpus (memoized on the Lexicons object), so each token costs one hash
 * lookup and the rules' questions are field reads.
 */
export interface FormFacts {
  /**
   * Some rule of the scan may start at a token of this form (given name, listed form, title,
   * trigger, facility word, nationality adjective, definite trigger, reporting verb): most forms
   * start none, and the scan asks this of every token.
   */
  startsRule: boolean;
  /** a given-name reading is a nasab connector (بن): the scan asks it of the token after a word that starts no rule */
  mayBeNasab: boolean;
  stems: StemCandidate[];
  /** the article after any proclitics (الصين، وللصين) */
  definite: boolean;
  /** the whole form is a stop word */
  stopWord: boolean;
  /** و/ف + a stop word, not a name itself */
  conjStop: boolean;
  /** given-name readings in clitic order (context decides between ى/ي and written forms) */
  given: GivenNameReading[];
  demonym: string | null;
  gazetteer: FirstToken<GazetteerEntry>[];
  titles: FirstToken<TitleInfo>[];
  triggers: FirstToken<TriggerInfo>[];
  facility: EntityType | undefined;
  facilityPrefix: number;
  /** the facility word names only places called after a person (facility.tsv names = person: مدينة) */
  facilityPersonOnly: boolean;
  /** the whole-token reading when it may be a spelling variant of a name (coref): long enough,
   * no article, not a title, trigger, given name or listed name */
  fuzzyStem: string | null;
  /** a reading is a reporting verb that takes its subject after it (قال، وأضاف) */
  reportingVerb: boolean;
  /** the whole form is a verbal noun whose speaker stands before it (قوله: عن X قوله) */
  sourceMasdar: boolean;
  /** an include trigger listed without the article, here with it (البنك ← بنك) */
  definiteTrigger: { len: number; prefixLength: number; value: TriggerInfo } | null;
  /**
   * Tokens of this form in the document being analysed: valid while `docGeneration` equals the
   * view's generation (the facts are shared across documents; the stage is synchronous, and a
   * view's counts are read only while the stage runs on its document).
   */
  docCount: number;
  docGeneration: number;
  /**
   * Coreference's lexicon verdict on the whole form as a name key (see coref `formAllowsKey`),
   * by bits: asked once per form, not with four lexicon lookups per document.
   */
  keyVerdicts: number;
  /** The scan's shape tests on the form (regular expressions, lexicon lookups), by bits (see scan `wordShape`): made once per form, not per document. */
  shapeVerdicts: number;
}

const NO_STEMS: StemCandidate[] = [];
/** shortest name part linked by spelling similarity (coref) */
const MIN_FUZZY_LENGTH = 5;

/**
 * `names`: the map holds names (the gazetteer), and ك (like, as) + a name without the article is
 * not read: it is far rarer than a word that starts with ك (كلاوس is Klaus, not ك + Laos; كسرت
 * broke, not ك + Sirte), while ك + the article keeps its reading (كالسعودية).
 */
function firstTokens<T>(norm: string, stems: StemCandidate[], map: Map<string, IndexedForm<T>[]>, names = false): FirstToken<T>[] {
  let out: FirstToken<T>[] | null = null;
  for (const cand of stems) {
    const forms = map.get(cand.stem);
    if (!forms) continue;
    if (names && cand.prefixLength > 0 && !cand.definite && norm.charCodeAt(cand.prefixLength - 1) === KAF) continue;
    const prefixLength = surfacePrefix(norm, cand);
    const follow = followIndex(forms);
    const single = follow.single ? { len: 1, prefixLength, value: follow.single.value } : null;
    (out ??= []).push({ prefixLength, forms, bySecond: follow.bySecond, secondLengths: follow.secondLengths, single });
  }
  return out ?? NONE;
}
const NONE: never[] = [];
const KAF = 0x643;

function formFacts(norm: string, stems: StemCandidate[], lex: EntityLexicon): FormFacts {
  const stopWord = lex.stopWords.has(norm);
  const c = norm.charCodeAt(0);
  const conjStop = (c === 0x648 || c === 0x641) && norm.length > 2 && lex.stopWords.has(norm.slice(1)) && !lex.givenNames.has(norm) && !lex.knownSingle.has(norm);
  // most forms of a corpus are in no list: one lookup per reading instead of about ten
  if (!knowsAnyReading(stems, lex.anyKey)) return unlistedFacts(stems, stopWord, conjStop);
  // most forms have no reading: they share one empty list, so asking costs no memory fetch of its own
  let given: GivenNameReading[] = NONE;
  for (const s of stems) {
    // a function word is never a proclitic + name (لدينا is لدى + نا, not ل + دينا)
    if (stopWord && s.prefixLength > 0) break;
    const info = lex.givenNames.get(s.stem);
    if (info) (given === NONE ? (given = []) : given).push({ info, prefixLength: surfacePrefix(norm, s) });
  }
  let demonym: string | null = null;
  for (const s of stems) {
    const bare = s.definite ? s.stem.slice(2) : s.stem;
    const d = lex.demonyms.get(bare) ?? lex.demonyms.get(s.stem);
    if (d) {
      demonym = d.country;
      break;
    }
  }
  let facility: EntityType | undefined;
  let facilityPrefix = 0;
  let facilityPersonOnly = false;
  for (const s of stems) {
    facility = lex.facilities.get(s.stem);
    if (facility) {
      facilityPrefix = surfacePrefix(norm, s);
      facilityPersonOnly = lex.facilitiesNamedAfterPersons.has(s.stem);
      break;
    }
  }
  let definiteTrigger: FormFacts['definiteTrigger'] = null;
  for (const s of stems) {
    if (!s.definite || s.stem.length < 4) continue;
    const bare = s.stem.slice(2);
    const single = lex.triggers.get(bare)?.find((f) => f.tokens.length === 1 && f.value.mode === 'include');
    if (single) {
      definiteTrigger = { len: 1, prefixLength: surfacePrefix(norm, s), value: single.value };
      break;
    }
  }
  const whole = stems[0]?.stem;
  const fuzzyStem =
    whole && whole.length >= MIN_FUZZY_LENGTH && !(stems[0].definite || stems.some((x) => x.definite && x.prefixLength > 0)) && !lex.titles.has(whole) && !lex.triggers.has(whole) && !lex.givenNames.has(whole) && !lex.knownSingle.has(whole) ? whole : null;
  const reportingVerb = stems.some((s) => lex.reportingVerbs.has(s.stem));
  const sourceMasdar = lex.sourceMasdars.has(norm);
  const gazetteer = firstTokens(norm, stems, lex.gazetteer, true);
  const titles = firstTokens(norm, stems, lex.titles);
  const triggers = firstTokens(norm, stems, lex.triggers);
  // the fields every token is asked about come first: with the per-document count they share the
  // object's first cache line (a form's facts are mostly a cache miss in a long batch)
  return {
    docGeneration: 0,
    docCount: 0,
    stems,
    startsRule: given.length > 0 || gazetteer.length > 0 || titles.length > 0 || triggers.length > 0 || facility !== undefined || demonym !== null || definiteTrigger !== null || reportingVerb || sourceMasdar,
    mayBeNasab: given.some((g) => g.info.strength === 'nasab'),
    // coreference reads it for most long words of a document: near the start, not on a later cache line
    fuzzyStem,
    stopWord,
    conjStop,
    definite: stems.length > 0 && (stems[0].definite || stems.some((x) => x.definite && x.prefixLength > 0)),
    given,
    gazetteer,
    titles,
    triggers,
    demonym,
    facility,
    facilityPrefix,
    facilityPersonOnly,
    definiteTrigger,
    reportingVerb,
    sourceMasdar,
    keyVerdicts: 0,
    shapeVerdicts: 0,
  };
}

/** Some reading of the form (or, with the article, its bare stem) is a key of some list (`anyKey`). */
function knowsAnyReading(stems: readonly StemCandidate[], anyKey: Set<string>): boolean {
  for (const s of stems) {
    if (anyKey.has(s.stem)) return true;
    if (s.definite && anyKey.has(s.stem.slice(2))) return true;
  }
  return false;
}

/** The facts of a form no list knows under any reading: what `formFacts` computes for it, without the lookups. */
function unlistedFacts(stems: StemCandidate[], stopWord: boolean, conjStop: boolean): FormFacts {
  const definite = stems.length > 0 && (stems[0].definite || stems.some((x) => x.definite && x.prefixLength > 0));
  const whole = stems[0]?.stem;
  return {
    docGeneration: 0,
    docCount: 0,
    stems,
    startsRule: false,
    mayBeNasab: false,
    fuzzyStem: whole && whole.length >= MIN_FUZZY_LENGTH && !definite ? whole : null,
    stopWord,
    conjStop,
    definite,
    given: NONE,
    gazetteer: NONE,
    titles: NONE,
    triggers: NONE,
    demonym: null,
    facility: undefined,
    facilityPrefix: 0,
    facilityPersonOnly: false,
    definiteTrigger: null,
    reportingVerb: false,
    sourceMasdar: false,
    keyVerdicts: 0,
    shapeVerdicts: 0,
  };
}

/** Punctuation, numbers and other non-words: no reading, in no list. */
const NOT_A_WORD: FormFacts = unlistedFacts(NO_STEMS, false, false);

/** Counter that stamps each document's token counts on the shared form facts. */
let documentGeneration = 0;

export function tokenView(original: string, tokens: readonly Token[], lexicons: Lexicons, lex: EntityLexicon): TokenView {
  const sets = cliticSets(lexicons);
  const generation = ++documentGeneration;
  const docForms: FormFacts[] = [];
  const n = tokens.length;
  const forms = new Array<FormFacts>(n);
  const stems = new Array<StemCandidate[]>(n);
  // every token of a document is interned in one table generation (see FormTable.beginDocument)
  const readingIndex = n > 0 ? tokens[0].form.table.memo('entity-forms-by-reading', () => new Map<string, FormFacts[]>()) : new Map<string, FormFacts[]>();
  touchFacts(tokens);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' && t.kind !== 'latin') {
      forms[i] = NOT_A_WORD;
      stems[i] = NO_STEMS;
      continue;
    }
    // the facts live on the interned form: computed for the first token of the form in the corpus
    let f = t.form.entity as FormFacts | undefined;
    if (!f) {
      const st = t.kind === 'word' ? stemCandidates(t.norm, sets) : [{ prefixLength: 0, stem: t.norm, definite: false }];
      t.form.entity = f = formFacts(t.norm, st, lex);
      addReadings(readingIndex, f);
    }
    if (f.docGeneration !== generation) {
      f.docGeneration = generation;
      f.docCount = 0;
      docForms.push(f);
    }
    f.docCount++;
    forms[i] = f;
    stems[i] = f.stems;
  }
  return { original, tokens, lex, forms, stems, generation, docForms, readingIndex, memo: { stop: new Int8Array(n), given: new Array(n) } };
}

let touched = 0;

/**
 * Read every token's form facts once, with no branch depending on the facts: the loads are
 * independent, so the core keeps many cache misses in flight at once (a software prefetch; in a
 * long batch most forms' facts have left the cache since their last document).
 */
function touchFacts(tokens: readonly Token[]): void {
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) {
    const f = tokens[i].form.entity as FormFacts | undefined;
    if (f !== undefined) sum = (sum + f.docCount) | 0;
  }
  touched = sum;
}

/** Letters compared by code unit. */
const YA = 0x64a;
const ALIF_MAQSURA = 0x649;
const HA = 0x647;
const NUN = 0x646;
const WAW = 0x648;
const TA = 0x62a;
const ALIF = 0x627;

export function isWord(v: TokenView, i: number): boolean {
  if (i < 0 || i >= v.tokens.length) return false;
  // the kinds that have clitic readings (v.stems[i] non-empty), read on the token rather than
  // through its readings array: asked millions of times, and the token is in cache already
  const t = v.tokens[i];
  return t.sentence >= 0 && (t.kind === 'word' || t.kind === 'latin');
}

/** Same sentence and not boilerplate. */
export function sameSentence(v: TokenView, i: number, j: number): boolean {
  return j >= 0 && j < v.tokens.length && v.tokens[i].sentence === v.tokens[j].sentence && v.tokens[j].sentence >= 0;
}

/** A function word, common verb or time word (also with و/ف attached), unless the whole token is a name. */
export function isStop(v: TokenView, i: number): boolean {
  const m = v.memo.stop[i];
  if (m !== 0) return m === 2;
  const r = computeStop(v, i);
  v.memo.stop[i] = r ? 2 : 1;
  return r;
}

function computeStop(v: TokenView, i: number): boolean {
  const f = v.forms[i];
  if (f.stopWord) {
    // علي (the name) and على (the preposition) normalize alike; the written ي tells the name,
    // unless what follows is what a preposition takes (علي ذلك، علي القطاع: sloppy spelling)
    const t = v.tokens[i];
    const norm = t.norm;
    // أمين (the name) is not آمين (amen): the written form tells them apart
    const name = v.lex.givenNamesSpelledApart.get(norm);
    if (name !== undefined && writtenAs(v, i, name) && t.end - t.start - countMarks(v, i) === name.length) return false;
    if (!(v.original.charCodeAt(t.end - 1) === YA && v.lex.stopWordsInAlifMaqsura.has(norm) && v.lex.givenNames.has(norm))) return true;
    const next = v.tokens[i + 1];
    if (!next || next.sentence !== t.sentence || next.kind !== 'word') return false;
    // إن (after قال) or a preposition is no object of a preposition: قال محمد علي [إن]، أحمد علي
    // [في] القاهرة (أن is: شدد علي أن, على typed with ي)
    if (isWrittenKasraInna(v, i + 1) || v.lex.placePrepositions.has(next.norm)) return false;
    return v.forms[i + 1].stopWord || v.stems[i + 1].some((r) => r.definite) || /(?:ها|هم)$/.test(next.norm) || v.original.charCodeAt(next.end - 1) === HA;
  }
  return f.conjStop;
}

/**
 * Units of the token to leave out of a mention for a clitic reading. When the article was
 * restored (ل + ال written لل: للصين read as الصين) the second ل is the article's, so the
 * mention keeps it (للصين → للصين, وللصين → للصين).
 */
export function surfacePrefix(norm: string, cand: StemCandidate): number {
  if (cand.prefixLength === 0) return 0;
  return norm.endsWith(cand.stem) ? cand.prefixLength : cand.prefixLength - 1;
}

/** The given-name reading of a token (clitics allowed), if any. */
export function givenName(v: TokenView, i: number): GivenNameReading | null {
  const readings = v.forms[i].given;
  if (readings.length === 0) return null;
  const m = v.memo.given[i];
  if (m !== undefined) return m;
  let r: GivenNameReading | null = null;
  // indexed loop: asked for most word tokens, an iterator per call shows in profiles
  for (let k = 0; k < readings.length; k++) {
    const g = readings[k];
    const info = g.info;
    // normalization merges ى and ي: على (on) reads as علي; the original spelling tells them apart.
    // A connector that is also a function word (فان / فإن) must be written as listed.
    if (!(info.endsInYa && endsInAlifMaqsura(v, i)) && !(info.endsInAlifMaqsura && v.forms[i].stopWord && g.prefixLength === 0 && !endsInAlifMaqsura(v, i)) && !(info.written && !writtenAs(v, i, info.written))) {
      r = g;
      break;
    }
  }
  v.memo.given[i] = r;
  return r;
}

/** Token i is إن as written (hamza below), which the match level folds with أن. */
function isWrittenKasraInna(v: TokenView, i: number): boolean {
  // the norm is two letters, so "ends with إن" is "is إن"
  return v.tokens[i].norm === 'ان' && writtenAs(v, i, 'إن');
}

function writtenAs(v: TokenView, i: number, written: string): boolean {
  const t = v.tokens[i];
  return v.original.slice(t.start, t.end).replace(/[\u064b-\u0652\u0670\u0640]/g, '').endsWith(written);
}

/** Diacritics and tatweel inside token i. */
function countMarks(v: TokenView, i: number): number {
  let n = 0;
  for (let k = v.tokens[i].start; k < v.tokens[i].end; k++) if (isMark(v.original.charCodeAt(k))) n++;
  return n;
}

function endsInAlifMaqsura(v: TokenView, i: number): boolean {
  let k = v.tokens[i].end - 1;
  // skip trailing diacritics
  while (k > v.tokens[i].start && isMark(v.original.charCodeAt(k))) k--;
  return v.original.charCodeAt(k) === ALIF_MAQSURA;
}

/** Diacritics and tatweel (the class [\u064b-\u0652\u0670\u0640]), by code unit. */
function isMark(c: number): boolean {
  return (c >= 0x64b && c <= 0x652) || c === 0x670 || c === 0x640;
}

/** Token i is long enough to have a `fuzzyStem` (the whole token, MIN_FUZZY_LENGTH or more): read off its span, not its form. */
export function longEnoughForFuzzyStem(v: TokenView, i: number): boolean {
  const t = v.tokens[i];
  return t.nEnd - t.nStart >= MIN_FUZZY_LENGTH;
}

/** True for a word with the definite article (after any proclitics). */
export function isDefinite(v: TokenView, i: number): boolean {
  return v.forms[i].definite && !hamzaNotArticle(v, i);
}

const ALEF_HAMZA_ABOVE = 0x623;
const ALEF_HAMZA_BELOW = 0x625;

/**
 * Normalization merges أ and ا, so a foreign name written أل… (ألينا، ألبرتو، ألكسندر) reads like
 * the article + a word; the article is never written with a hamza, so the original spelling
 * tells them apart (a word with no proclitic only).
 */
function hamzaNotArticle(v: TokenView, i: number): boolean {
  const c = v.original.charCodeAt(v.tokens[i].start);
  return (c === ALEF_HAMZA_ABOVE || c === ALEF_HAMZA_BELOW) && v.stems[i][0].definite && v.stems[i][0].prefixLength === 0;
}

export function demonymOf(v: TokenView, i: number): string | null {
  return v.forms[i].demonym;
}

/** Nisba adjectives and their plurals (…ية، …يون، …يين، …يات): descriptions, not names. */
export function looksLikeNisba(v: TokenView, i: number): boolean {
  const n = v.tokens[i].norm;
  // the endings يه، يون، يين، يات, by code unit: asked for most candidate name words
  if (n.length <= 4) return false;
  const last = n.charCodeAt(n.length - 1);
  const before = n.charCodeAt(n.length - 2);
  if (last === HA) return before === YA;
  return (last === NUN && (before === WAW || before === YA) || last === TA && before === ALIF) && n.charCodeAt(n.length - 3) === YA;
}

export function firstLetterCount(v: TokenView, i: number): number {
  return v.tokens[i].norm.length;
}

/** Index a form under each of its clitic readings (once per reading, as the counts expect). */
function addReadings(m: Map<string, FormFacts[]>, f: FormFacts): void {
  // the corpus-wide index (the one this is called for by tokenView) keeps a filter alongside
  const filter = readingFilter(m);
  for (const s of f.stems) {
    const list = m.get(s.stem);
    if (list) list.push(f);
    else {
      m.set(s.stem, [f]);
      filter.add(s.stem, m);
    }
  }
}


/**
 * A Bloom filter of an index's readings. Most readings the rules ask about (a name part with
 * an article or a plural ending: الX، Xات) are in no document, and a miss in the corpus-wide
 * index costs cache misses in a large hash table; the filter answers most of them from one bit
 * array (2 bits per reading). It grows with its index, 16 bits per reading (under 1 % false
 * positives), from 16 kB up to 1 MB (500,000 readings at ~1.5 %): a bit array larger than the
 * readings need only pushes the stages' other data out of the processor's cache.
 */
class ReadingFilter {
  private bits = new Int32Array(MIN_FILTER_BITS >>> 5);
  private mask = MIN_FILTER_BITS - 1;
  /** distinct readings added: the filter speaks for its index only while the index has exactly these */
  keys = 0;

  /** Add a reading just put in `index` (which the filter rebuilds itself from when it grows). */
  add(reading: string, index: Map<string, unknown>): void {
    if ((this.keys + 1) * BITS_PER_READING > this.mask + 1 && this.mask + 1 < MAX_FILTER_BITS) {
      this.rebuild(index, (this.mask + 1) * 4);
      return;
    }
    this.set(readingHash(reading));
    this.keys++;
  }

  private rebuild(index: Map<string, unknown>, size: number): void {
    this.bits = new Int32Array(Math.min(size, MAX_FILTER_BITS) >>> 5);
    this.mask = this.bits.length * 32 - 1;
    for (const reading of index.keys()) this.set(readingHash(reading));
    this.keys = index.size;
  }

  private set(h: number): void {
    const a = h & this.mask;
    const b = ((h >>> 16) ^ Math.imul(h, 0x5bd1e995)) & this.mask;
    this.bits[a >>> 5] |= 1 << (a & 31);
    this.bits[b >>> 5] |= 1 << (b & 31);
  }

  mayHave(reading: string): boolean {
    return this.mayHaveHash(readingHash(reading));
  }

  mayHaveHash(h: number): boolean {
    const a = h & this.mask;
    if ((this.bits[a >>> 5] & (1 << (a & 31))) === 0) return false;
    const b = ((h >>> 16) ^ Math.imul(h, 0x5bd1e995)) & this.mask;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0;
  }
}

const MIN_FILTER_BITS = 1 << 17;
const MAX_FILTER_BITS = 1 << 23;
const BITS_PER_READING = 16;
const filters = new WeakMap<Map<string, FormFacts[]>, ReadingFilter>();

function readingFilter(m: Map<string, FormFacts[]>): ReadingFilter {
  let filter = filters.get(m);
  if (!filter) filters.set(m, (filter = new ReadingFilter()));
  return filter;
}

/** FNV-1a over the UTF-16 units. */
function readingHash(s: string): number {
  return extendHash(FNV_OFFSET, s);
}

/** The FNV-1a hash of a string continued over `s` (hash(a + b) = extendHash(hash(a), b)). */
function extendHash(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}
const FNV_OFFSET = 0x811c9dc5;

/** Forms of `m` with `reading` (the filter first: most readings asked are in no form). */
function formsWith(m: Map<string, FormFacts[]>, reading: string): readonly FormFacts[] | undefined {
  const filter = filters.get(m);
  // a filter that missed an addition (the index grew by another path) is not trusted
  if (filter && filter.keys === m.size && !filter.mayHave(reading)) return undefined;
  return m.get(reading);
}

/** How many tokens of the document have `stem` as a clitic reading. */
export function docStemCount(v: TokenView, stem: string): number {
  let count = 0;
  const forms = formsWith(v.readingIndex, stem);
  if (forms === undefined) return 0;
  for (let k = 0; k < forms.length; k++) if (forms[k].docGeneration === v.generation) count += forms[k].docCount;
  return count;
}

/**
 * True when some token of the document has `pre + stem + suf` as a clitic reading for one of
 * the `affixes` ([pre, suf] pairs). The filter is asked with hashes built piece by piece (the
 * stem's hashed once for all suffixes), so most answers make no string.
 */
export function docHasAffixedReading(v: TokenView, stem: string, affixes: readonly (readonly [string, string])[]): boolean {
  const m = v.readingIndex;
  const filter = filters.get(m);
  const usable = filter !== undefined && filter.keys === m.size;
  const stemHash = extendHash(FNV_OFFSET, stem);
  for (let x = 0; x < affixes.length; x++) {
    const [pre, suf] = affixes[x];
    if (usable) {
      const h = pre === '' ? extendHash(stemHash, suf) : extendHash(extendHash(extendHash(FNV_OFFSET, pre), stem), suf);
      if (!filter.mayHaveHash(h)) continue;
    }
    if (docStemCount(v, pre + stem + suf) > 0) return true;
  }
  return false;
}

/** True when some token of the document other than token `i` has `stem` as a clitic reading. */
export function docHasStem(v: TokenView, stem: string, i: number): boolean {
  const own = v.stems[i].some((s) => s.stem === stem) ? 1 : 0;
  return docStemCount(v, stem) > own;
}

/** The document's forms that have one of `readings` as a clitic reading. */
export function formsWithReadings(v: TokenView, readings: readonly string[]): Set<FormFacts> {
  const out = new Set<FormFacts>();
  const byReading = v.readingIndex;
  for (const r of readings) for (const f of byReading.get(r) ?? NONE) if (f.docGeneration === v.generation) out.add(f);
  return out;
}
