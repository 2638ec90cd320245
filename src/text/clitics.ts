import type { Lexicons } from '../lexicon/lexicons.js';
import { normalizeForMatch } from './normalize.js';

/**
 * Proclitic segmentation driven by `lexicons/clitic.tsv` (columns: form, slot, note). Slots
 * attach in order conjunction → preposition → article (و + ب + ال = وبال); a preposition ل
 * before the article drops the article's alef (ل + ال = لل), which the rules restore.
 */
export interface CliticSets {
  conj: string[];
  prep: string[];
  article: string[];
}

export interface StemCandidate {
  /** Number of normalized units of the token taken by the proclitics. */
  prefixLength: number;
  /** The remaining stem; when the article was detected it is kept (`الصين`), see `bare`. */
  stem: string;
  /** True when the stem begins with the definite article. */
  definite: boolean;
}

export function cliticSets(lex: Lexicons): CliticSets {
  return lex.compiled('clitics', () => {
    const sets: CliticSets = { conj: [], prep: [], article: [] };
    for (const row of lex.rows('clitic')) {
      const slot = row.cells.slot as keyof CliticSets;
      if (Object.hasOwn(sets, slot)) sets[slot].push(normalizeForMatch(row.cells.form));
    }
    return sets;
  });
}

const MIN_STEM = 2;

/**
 * Every way to read `norm` as proclitics + stem, the whole token first. For `للصين` this gives
 * `للصين`, `الصين` (ل + restored article); for `وبالبريكس` … `البريكس`.
 */
export function stemCandidates(norm: string, sets: CliticSets): StemCandidate[] {
  const out: StemCandidate[] = [{ prefixLength: 0, stem: norm, definite: startsWithArticle(norm, sets) }];
  const seen = new Set<string>([norm]);
  const add = (prefixLength: number, stem: string, definite: boolean) => {
    if (stem.length < MIN_STEM || seen.has(stem)) return;
    seen.add(stem);
    out.push({ prefixLength, stem, definite });
  };
  const conjOptions = [''].concat(sets.conj.filter((c) => norm.startsWith(c)));
  for (const conj of conjOptions) {
    const afterConj = norm.slice(conj.length);
    const prepOptions = [''].concat(sets.prep.filter((p) => afterConj.startsWith(p)));
    for (const prep of prepOptions) {
      const prefix = conj.length + prep.length;
      const rest = afterConj.slice(prep.length);
      if (prefix > 0) add(prefix, rest, startsWithArticle(rest, sets));
      // ل + ال written لل: the stem is ال + what follows
      if (prep === 'ل' && rest.startsWith('ل') && rest.length > 2) add(prefix, 'ا' + rest, true);
    }
  }
  return out;
}

function startsWithArticle(s: string, sets: CliticSets): boolean {
  return sets.article.some((a) => s.startsWith(a) && s.length - a.length >= MIN_STEM);
}

/** The stem without its article (`الصين` → `صين`), for lexicons listing bare forms. */
export function withoutArticle(stem: string, sets: CliticSets): string | null {
  for (const a of sets.article) if (stem.startsWith(a) && stem.length - a.length >= MIN_STEM) return stem.slice(a.length);
  return null;
}
