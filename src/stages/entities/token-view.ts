import type { Lexicons } from '../../lexicon/lexicons.js';
import { cliticSets, stemCandidates, type StemCandidate } from '../../text/clitics.js';
import type { Token } from '../../types.js';
import type { EntityLexicon, GivenName } from './entity-lexicon.js';

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
  /** Clitic readings of each token, whole token first (empty for non-words). */
  stems: StemCandidate[][];
  /** Per-token answers, computed on first question: the rules ask about the same tokens many times. */
  memo: {
    stop: Int8Array;
    given: (GivenNameReading | null | undefined)[];
    demonym: (string | null | undefined)[];
    matches: Map<string, unknown[]>;
    /** every clitic reading of every word of the document (built on first question) */
    docStems?: Map<string, number>;
  };
}

export interface GivenNameReading {
  info: GivenName;
  prefixLength: number;
}

const NO_STEMS: StemCandidate[] = [];

export function tokenView(original: string, tokens: readonly Token[], lexicons: Lexicons, lex: EntityLexicon): TokenView {
  const sets = cliticSets(lexicons);
  const cache = lexicons.compiled('entity-stem-cache', () => new Map<string, StemCandidate[]>());
  const stems = new Array<StemCandidate[]>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' && t.kind !== 'latin') {
      stems[i] = NO_STEMS;
      continue;
    }
    let c = cache.get(t.norm);
    if (!c) {
      c = t.kind === 'word' ? stemCandidates(t.norm, sets) : [{ prefixLength: 0, stem: t.norm, definite: false }];
      if (cache.size < 500_000) cache.set(t.norm, c);
    }
    stems[i] = c;
  }
  const n = tokens.length;
  return { original, tokens, lex, stems, memo: { stop: new Int8Array(n), given: new Array(n), demonym: new Array(n), matches: new Map() } };
}

export function isWord(v: TokenView, i: number): boolean {
  return i >= 0 && i < v.tokens.length && v.stems[i].length > 0 && v.tokens[i].sentence >= 0;
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
  const norm = v.tokens[i].norm;
  if (v.lex.stopWords.has(norm)) {
    // علي (the name) and على (the preposition) normalize alike; the written ي tells the name,
    // unless what follows is what a preposition takes (علي ذلك، علي القطاع: sloppy spelling)
    const t = v.tokens[i];
    if (!(v.lex.stopWordsInAlifMaqsura.has(norm) && v.lex.givenNames.has(norm) && v.original[t.end - 1] === 'ي')) return true;
    const next = v.tokens[i + 1];
    if (!next || next.sentence !== t.sentence || next.kind !== 'word') return false;
    return v.lex.stopWords.has(next.norm) || v.stems[i + 1].some((r) => r.definite) || /(?:ها|هم)$/.test(next.norm) || v.original[next.end - 1] === 'ه';
  }
  const c = norm.charCodeAt(0);
  if ((c === 0x648 || c === 0x641) && norm.length > 2 && v.lex.stopWords.has(norm.slice(1))) {
    return !v.lex.givenNames.has(norm) && !v.lex.knownSingle.has(norm);
  }
  return false;
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
  const m = v.memo.given[i];
  if (m !== undefined) return m;
  let r: GivenNameReading | null = null;
  // a function word is never a proclitic + name (لدينا is لدى + نا, not ل + دينا)
  const wholeIsStop = v.lex.stopWords.has(v.tokens[i].norm);
  for (const s of v.stems[i]) {
    if (wholeIsStop && s.prefixLength > 0) break;
    const info = v.lex.givenNames.get(s.stem);
    // normalization merges ى and ي: على (on) reads as علي; the original spelling tells them apart.
    // A connector that is also a function word (فان / فإن) must be written as listed.
    if (info && !(info.endsInYa && endsInAlifMaqsura(v, i)) && !(info.written && !writtenAs(v, i, info.written))) {
      r = { info, prefixLength: surfacePrefix(v.tokens[i].norm, s) };
      break;
    }
  }
  v.memo.given[i] = r;
  return r;
}

function writtenAs(v: TokenView, i: number, written: string): boolean {
  const t = v.tokens[i];
  return v.original.slice(t.start, t.end).replace(/[\u064b-\u0652\u0670\u0640]/g, '').endsWith(written);
}

function endsInAlifMaqsura(v: TokenView, i: number): boolean {
  let k = v.tokens[i].end - 1;
  // skip trailing diacritics
  while (k > v.tokens[i].start && /[\u064b-\u0652\u0670\u0640]/.test(v.original[k])) k--;
  return v.original[k] === 'ى';
}

/** True for a word with the definite article (after any proclitics). */
export function isDefinite(v: TokenView, i: number): boolean {
  const s = v.stems[i];
  if (s.length === 0) return false;
  return s[0].definite || s.some((x) => x.definite && x.prefixLength > 0);
}

export function demonymOf(v: TokenView, i: number): string | null {
  const m = v.memo.demonym[i];
  if (m !== undefined) return m;
  let r: string | null = null;
  for (const s of v.stems[i]) {
    const bare = s.definite ? s.stem.slice(2) : s.stem;
    const d = v.lex.demonyms.get(bare) ?? v.lex.demonyms.get(s.stem);
    if (d) {
      r = d.country;
      break;
    }
  }
  v.memo.demonym[i] = r;
  return r;
}

/** Nisba adjectives and their plurals (…ية، …يون، …يين، …يات): descriptions, not names. */
export function looksLikeNisba(v: TokenView, i: number): boolean {
  const n = v.tokens[i].norm;
  return n.length > 4 && /(?:يه|يون|يين|يات)$/.test(n);
}

export function firstLetterCount(v: TokenView, i: number): number {
  return v.tokens[i].norm.length;
}

/** True when some token of the document other than token `i` has `stem` as a clitic reading. */
export function docHasStem(v: TokenView, stem: string, i: number): boolean {
  let counts = v.memo.docStems;
  if (!counts) {
    counts = new Map<string, number>();
    for (let k = 0; k < v.tokens.length; k++) for (const s of v.stems[k]) counts.set(s.stem, (counts.get(s.stem) ?? 0) + 1);
    v.memo.docStems = counts;
  }
  const own = v.stems[i].some((s) => s.stem === stem) ? 1 : 0;
  return (counts.get(stem) ?? 0) > own;
}
