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
  // index loops over the clitic lists and a scan of `out` for duplicates (it holds a handful):
  // no option arrays, closure or Set per form
  const out: StemCandidate[] = [{ prefixLength: 0, stem: norm, definite: startsWithArticle(norm, sets) }];
  for (let ci = -1; ci < sets.conj.length; ci++) {
    const conj = ci < 0 ? '' : sets.conj[ci];
    if (!norm.startsWith(conj)) continue;
    const afterConj = norm.slice(conj.length);
    for (let pi = -1; pi < sets.prep.length; pi++) {
      const prep = pi < 0 ? '' : sets.prep[pi];
      if (!afterConj.startsWith(prep)) continue;
      const prefix = conj.length + prep.length;
      const rest = afterConj.slice(prep.length);
      if (prefix > 0) addCandidate(out, prefix, rest, sets, false);
      // ل + ال written لل: the stem is ال + what follows (للصين: الصين); before a noun that starts
      // with ل the article is left out whole (للجنة: اللجنة، للاذقية: اللاذقية)
      if (prep === 'ل' && rest.startsWith('ل') && rest.length > 2) {
        addCandidate(out, prefix, 'ا' + rest, sets, true);
        addCandidate(out, prefix, 'ال' + rest, sets, true);
      }
    }
  }
  return out;
}

/** Adds a stem not seen yet (and long enough); `definite` true says so, false asks startsWithArticle. */
function addCandidate(out: StemCandidate[], prefixLength: number, stem: string, sets: CliticSets, definite: boolean): void {
  if (stem.length < MIN_STEM) return;
  for (let k = 0; k < out.length; k++) if (out[k].stem === stem) return;
  out.push({ prefixLength, stem, definite: definite || startsWithArticle(stem, sets) });
}

function startsWithArticle(s: string, sets: CliticSets): boolean {
  return sets.article.some((a) => s.startsWith(a) && s.length - a.length >= MIN_STEM);
}

/** The stem without its article (`الصين` → `صين`), for lexicons listing bare forms. */
export function withoutArticle(stem: string, sets: CliticSets): string | null {
  for (const a of sets.article) if (stem.startsWith(a) && stem.length - a.length >= MIN_STEM) return stem.slice(a.length);
  return null;
}
