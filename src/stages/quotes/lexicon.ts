import type { Lexicons } from '../../lexicon/lexicons.js';
import type { LexiconRow } from '../../lexicon/tsv.js';
import { cliticSets } from '../../text/clitics.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { abbreviationIndex } from '../../text/sentences.js';
import type { Gender, GrammaticalNumber } from '../../types.js';

/**
 * The quote stage's view of its lexicons (`cue`, `attribution`, `complementizer`, `speaker-noun`,
 * `speaker-stop`), compiled once per Lexicons object. Every form is normalized at the match
 * level, exactly like token `norm`s, so lookups are plain map hits.
 */
export interface CueEntry {
  form: string;
  lemma: string;
  pos: 'verb' | 'participle' | 'masdar' | 'relay';
  gender: Gender;
  number: GrammaticalNumber;
  strength: 'strong' | 'weak';
  /** Normalized particle the verb governs (الي for إلى), or ''. */
  prep: string;
  /**
   * any: clause-initial use or a complement is enough; strict: the form is also a common
   * non-reporting word, so it needs a complementizer, colon or quote mark; subject: like strict,
   * but a clause-initial use with an explicit speaker subject also counts; prep: a noun-phrase
   * complement counts only after the verb's particle (شدد على …).
   */
  evidence: 'any' | 'strict' | 'subject' | 'prep';
  /** A passive form (قيل، يقال; `subject` column none): no one is named as the speaker. */
  passive: boolean;
  /** The `tense` column (past, present, participle, masdar). */
  tense: string;
}

export interface AttributionPhrase {
  /** Normalized words; when `attached`, the last word (ل) is a proclitic of the next token. */
  words: string[];
  attached: boolean;
  text: string;
  strength: 'strong' | 'weak';
  /** the source is the pronoun attached to the last word (على حد قوله): its agreement */
  pronoun?: { gender: Gender; number: GrammaticalNumber };
  /** the phrase reports only a clause opened right after its source (وجاء في البيان أن …), column `content` = clause */
  clauseOnly?: boolean;
}

export interface NounInfo {
  gender: Gender;
  number: GrammaticalNumber;
  kind: 'person' | 'institution' | 'document' | 'source' | 'quantifier' | 'honorific' | 'anaphor';
}

export interface QuoteLexicon {
  cues: Map<string, CueEntry>;
  /** Attribution phrases by their first normalized word, longest first. */
  attributions: Map<string, AttributionPhrase[]>;
  complementizers: Set<string>;
  /** Lengths and first and last code units (& 31) of the complementizers, as bit masks (see mayBeComplementizer). */
  complementizerShape: { lengths: number; firsts: number; lasts: number };
  speakerNouns: Map<string, NounInfo>;
  stops: Set<string>;
  /** Given names (`given-name.tsv`, the entity stage's data): evidence that a word starts a name. */
  givenNames: Set<string>;
  /**
   * Abbreviations written before a name (`abbreviation.tsv`, position before: د. م. أ.د.), normalized
   * without their dot: the dot after one does not end a subject (قال د. محمد علي إن …).
   */
  nameAbbreviations: Set<string>;
  /** Time words (`stopword.tsv`, note time: اليوم، أمس، الأحد): an adverbial before a noun-phrase content. */
  timeWords: Set<string>;
  /**
   * Hash slots (a code-unit hash with the length mixed in) of every cue form and first word of an
   * attribution phrase: a word whose slot, and whose slot without an attached conjunction, is empty is
   * neither, which the per-token scans can tell without a string-keyed lookup (see `mayOpenSpeech`).
   */
  speechSlots: Uint32Array;
  /**
   * Shapes (length, first and last code unit) of the same forms: a cheaper first test that
   * most words fail before their code units are hashed.
   */
  speechShapes: Uint32Array;
  /** The conjunctions a word may carry (`clitic.tsv`, slot conj), normalized: وقال is tested as قال too. */
  conjunctions: readonly string[];
  /** Function words by role (`function-word.tsv`), normalized. */
  words: FunctionWords;
}

/** The roles of `lexicons/function-word.tsv` (see its header). */
export interface FunctionWords {
  clauseOpeners: Set<string>;
  relatives: Set<string>;
  placePrepositions: Set<string>;
  resumptives: Set<string>;
  issued: Set<string>;
  descriptionLinkers: Set<string>;
  insertedClause: Set<string>;
  clauseParticles: Set<string>;
  clauseLinks: Set<string>;
  pronounSubjects: Set<string>;
  concessives: Set<string>;
  /** line-initial markers of an interview's questions (س:) and answers (ج:) */
  interviewQuestions: Set<string>;
  interviewAnswers: Set<string>;
  /** "with": the one a subject met (مع، and the attached ب) */
  comitatives: Set<string>;
  /** two words before a list of coordinated subjects (كل من), normalized and joined by a space */
  listOpeners: Set<string>;
  /** a picture's or report's credit in brackets closing a caption (أرشيف، الفرنسية) */
  credits: Set<string>;
  /** nouns naming where or how something was said (مؤتمر، تصريح، مقابلة): after في an adjunct, not a place */
  speechOccasions: Set<string>;
  /** question particles (هل): a reporting verb after one asks, it reports nothing */
  interrogatives: Set<string>;
  /** negation and condition particles (لم، لن، إذا، لو): a reporting verb after one reports nothing */
  nonAssertives: Set<string>;
  /** subjunctive "be" (يكون، تكون) before قد: what someone may have said (نفى أن يكون قد قال) */
  hypotheticals: Set<string>;
  /** nouns naming a speech itself (كلمة، خطاب، تصريحات): as a noun-phrase object they report nothing */
  speechNouns: Set<string>;
  /** adjectives of a speech-occasion noun (مصور، صحفي، هاتفي): part of the occasion adjunct */
  occasionAdjectives: Set<string>;
  /** "without" before أن (دون، بدون): that أن is no complementizer of a reporting verb */
  privatives: Set<string>;
  /** every written form of a speech noun as an object: bare, with tanween alif, with a possessive (كلمته، خطابا) */
  speechNounForms: Set<string>;
  /** the longest question, negation or condition particle, plus one letter for an attached و/ف */
  maxParticleLength: number;
  /** bare prepositions (في، من، عن …): before a comma they are no stop word but a word of a name */
  prepositions: Set<string>;
  /** turn-taking adjuncts (من جانبه، بدوره), normalized, words joined by a space */
  turns: Set<string>;
}

const FUNCTION_ROLES: Record<string, keyof FunctionWords> = {
  'clause-opener': 'clauseOpeners',
  relative: 'relatives',
  'place-preposition': 'placePrepositions',
  resumptive: 'resumptives',
  issued: 'issued',
  'description-linker': 'descriptionLinkers',
  'inserted-clause': 'insertedClause',
  'clause-particle': 'clauseParticles',
  'clause-link': 'clauseLinks',
  'pronoun-subject': 'pronounSubjects',
  concessive: 'concessives',
  'interview-question': 'interviewQuestions',
  'interview-answer': 'interviewAnswers',
  comitative: 'comitatives',
  'list-opener': 'listOpeners',
  credit: 'credits',
  'speech-occasion': 'speechOccasions',
  interrogative: 'interrogatives',
  'non-assertive': 'nonAssertives',
  hypothetical: 'hypotheticals',
  'speech-noun': 'speechNouns',
  'occasion-adjective': 'occasionAdjectives',
  privative: 'privatives',
  preposition: 'prepositions',
  turn: 'turns',
};

export function compileFunctionWords(lex: Lexicons): FunctionWords {
  const out = Object.fromEntries(Object.values(FUNCTION_ROLES).map((k) => [k, new Set<string>()])) as unknown as FunctionWords;
  for (const { cells } of lex.rows('function-word')) {
    // own keys only: a user's role such as `constructor` must not reach Object.prototype
    const key = Object.hasOwn(FUNCTION_ROLES, cells.role ?? '') ? FUNCTION_ROLES[cells.role] : undefined;
    const form = norm(cells.form ?? '');
    if (key && form) (out[key] as Set<string>).add(form);
  }
  out.speechNounForms = speechNounForms(out.speechNouns);
  out.maxParticleLength = 1 + Math.max(3, ...[...out.interrogatives, ...out.nonAssertives].map((f) => f.length));
  return out;
}

/** كلمة → كلمة، كلمتا، كلمته، كلمتها …؛ خطاب → خطابا، خطابه: the forms a speech noun object takes (normalized: ة is ه). */
function speechNounForms(nouns: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const n of nouns) {
    out.add(n);
    out.add(n + 'ا');
    const stem = n.endsWith('ه') ? n.slice(0, -1) + 'ت' : n;
    for (const p of ['ه', 'ها', 'هم', 'هما']) out.add(stem + p);
  }
  return out;
}

/**
 * 2^16 one-bit slots: with a few hundred forms about 1 word in 200 that is neither gets through.
 * Both tables are bit sets (8 and 16 kB) so that they stay in cache while every token is tested.
 */
const SLOT_BITS = 16;
const SLOT_MASK = (1 << SLOT_BITS) - 1;

/** Hash of `text` over code units [from, to), folded from the last unit backwards. */
function tailHash(text: string, from: number, to: number): number {
  let h = 0;
  for (let k = to - 1; k >= from; k--) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  return h;
}

const slotOf = (h: number, length: number): number => {
  const x = Math.imul(h ^ (length << 24), 0x9e3779b1);
  return (x >>> (32 - SLOT_BITS)) & SLOT_MASK;
};

const SHAPE_LENGTHS = 32;
const shapeIndex = (length: number, first: number, last: number): number => (Math.min(length, SHAPE_LENGTHS - 1) * 64 + (first & 63)) * 64 + (last & 63);

/** False when the normalized word can be neither a cue nor the first word of an attribution phrase. */
export function mayOpenSpeech(q: QuoteLexicon, norm: string): boolean {
  return mayOpenSpeechAt(q, norm, 0, norm.length);
}

/**
 * `mayOpenSpeech` of the word at code units [start, end) of `text`. A scan over every token reads
 * the document's normalized string at the token's offsets: the one flat string is in cache,
 * while the tokens' own `norm` strings mostly are not.
 */
export function mayOpenSpeechAt(q: QuoteLexicon, text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 2) return false;
  if (mayBeSpeechForm(q, text, start, end)) return true;
  // وقال، فأضاف: the same test without an attached conjunction (clitic.tsv), as the per-form facts strip it
  for (const conj of q.conjunctions) {
    if (n > conj.length + 1 && text.startsWith(conj, start) && mayBeSpeechForm(q, text, start + conj.length, end)) return true;
  }
  return false;
}

/** The shape test first (no loop); only the words it lets through are hashed. */
function mayBeSpeechForm(q: QuoteLexicon, text: string, start: number, end: number): boolean {
  const n = end - start;
  return hasBit(q.speechShapes, shapeIndex(n, text.charCodeAt(start), text.charCodeAt(end - 1))) && hasBit(q.speechSlots, slotOf(tailHash(text, start, end), n));
}

const hasBit = (bits: Uint32Array, i: number): boolean => (bits[i >>> 5] & (1 << (i & 31))) !== 0;

function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

/** False when the word at [start, end) of `text` cannot be a complementizer (its length or end letters rule it out). */
export function mayBeComplementizer(q: QuoteLexicon, text: string, start: number, end: number): boolean {
  const shape = q.complementizerShape;
  const n = end - start;
  return n > 0 && (shape.lengths & (1 << Math.min(n, 31))) !== 0 && (shape.firsts & (1 << (text.charCodeAt(start) & 31))) !== 0 && (shape.lasts & (1 << (text.charCodeAt(end - 1) & 31))) !== 0;
}

function shapeMasks(forms: Iterable<string>): { lengths: number; firsts: number; lasts: number } {
  let lengths = 0;
  let firsts = 0;
  let lasts = 0;
  for (const f of forms) {
    if (!f) continue;
    lengths |= 1 << Math.min(f.length, 31);
    firsts |= 1 << (f.charCodeAt(0) & 31);
    lasts |= 1 << (f.charCodeAt(f.length - 1) & 31);
  }
  return { lengths, firsts, lasts };
}

function speechForms(cues: Map<string, CueEntry>, attributions: Map<string, AttributionPhrase[]>): string[] {
  return [...cues.keys(), ...attributions.keys()].filter((form) => form.length > 0);
}

function speechSlots(forms: readonly string[]): Uint32Array {
  const out = new Uint32Array((1 << SLOT_BITS) / 32);
  for (const form of forms) setBit(out, slotOf(tailHash(form, 0, form.length), form.length));
  return out;
}

function speechShapes(forms: readonly string[]): Uint32Array {
  const out = new Uint32Array((SHAPE_LENGTHS * 64 * 64) / 32);
  for (const form of forms) setBit(out, shapeIndex(form.length, form.charCodeAt(0), form.charCodeAt(form.length - 1)));
  return out;
}

const norm = (s: string): string => normalizeForMatch(s).trim();

/** given-name rows that only join name parts and never start a name. */
const NAME_GLUE = new Set(['connector', 'nasab', 'particle', 'suffix']);

export function quoteLexicon(lex: Lexicons): QuoteLexicon {
  return lex.compiled('quotes', () => {
    const cues = compileCues(lex);
    const attributions = byFirstWord(compileAttributions(lex));
    const complementizers = new Set(lex.rows('complementizer').map((r) => norm(r.cells.form)).filter(Boolean));
    return {
      cues,
      attributions,
      speechSlots: speechSlots(speechForms(cues, attributions)),
      speechShapes: speechShapes(speechForms(cues, attributions)),
      conjunctions: cliticSets(lex).conj,
      complementizers,
      complementizerShape: shapeMasks(complementizers),
      speakerNouns: compileNouns(lex),
      stops: new Set(lex.rows('speaker-stop').map((r) => norm(r.cells.form)).filter(Boolean)),
      words: compileFunctionWords(lex),
      timeWords: normalizedWhere(lex, 'stopword', (r) => r.cells.note === 'time'),
      nameAbbreviations: new Set([...abbreviationIndex(lex)].filter(([, position]) => position === 'before').map(([form]) => form)),
      givenNames: normalizedWhere(lex, 'given-name', (r) => !NAME_GLUE.has(r.cells.strength)),
    };
  });
}

/** The match-level forms of the rows of `kind` that `keep` accepts (the column normalized once, shared with the entity stage). */
function normalizedWhere(lex: Lexicons, kind: string, keep: (row: LexiconRow) => boolean): Set<string> {
  const rows = lex.rows(kind);
  const forms = lex.normalizedColumn(kind, 'form');
  const out = new Set<string>();
  for (let r = 0; r < rows.length; r++) if (forms[r] && keep(rows[r])) out.add(forms[r]);
  return out;
}

function compileCues(lex: Lexicons): Map<string, CueEntry> {
  const out = new Map<string, CueEntry>();
  for (const { cells } of lex.rows('cue')) {
    const form = norm(cells.form ?? '');
    if (!form || out.has(form)) continue;
    const entry: CueEntry = {
      form: cells.form,
      lemma: cells.lemma || cells.form,
      pos: cells.pos === 'participle' || cells.pos === 'masdar' || cells.pos === 'relay' ? cells.pos : 'verb',
      gender: cells.gender === 'f' ? 'f' : 'm',
      number: cells.number === 'pl' ? 'pl' : cells.number === 'du' ? 'du' : 'sg',
      strength: cells.strength === 'weak' ? 'weak' : 'strong',
      prep: cells.prep ? norm(cells.prep) : '',
      evidence: cells.evidence === 'strict' || cells.evidence === 'subject' || cells.evidence === 'prep' ? cells.evidence : 'any',
      passive: cells.subject === 'none',
      tense: cells.tense ?? '',
    };
    out.set(form, entry);
  }
  return out;
}

/** The `pronoun` column of `attribution.tsv`. */
const PRONOUN_AGREEMENT: Record<string, { gender: Gender; number: GrammaticalNumber }> = {
  m: { gender: 'm', number: 'sg' },
  f: { gender: 'f', number: 'sg' },
  pl: { gender: 'm', number: 'pl' },
};

function compileAttributions(lex: Lexicons): AttributionPhrase[] {
  const out: AttributionPhrase[] = [];
  for (const { cells } of lex.rows('attribution')) {
    const phrase = cells.phrase ?? '';
    const attached = /ـ\s*$/.test(phrase);
    const words = norm(phrase.replace(/ـ/g, '')).split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    // own keys only: a user's value such as `constructor` must not reach Object.prototype
    const pronoun = Object.hasOwn(PRONOUN_AGREEMENT, cells.pronoun ?? '') ? PRONOUN_AGREEMENT[cells.pronoun] : undefined;
    out.push({ words, attached, text: phrase.replace(/ـ\s*$/, '').trim(), strength: cells.strength === 'weak' ? 'weak' : 'strong', ...(pronoun ? { pronoun } : {}), ...(cells.content === 'clause' ? { clauseOnly: true } : {}) });
  }
  // longest phrases first, so بحسب ما wins over بحسب
  return out.sort((a, b) => b.words.length - a.words.length);
}

function byFirstWord(phrases: AttributionPhrase[]): Map<string, AttributionPhrase[]> {
  const out = new Map<string, AttributionPhrase[]>();
  for (const p of phrases) {
    const list = out.get(p.words[0]) ?? [];
    list.push(p);
    out.set(p.words[0], list);
  }
  return out;
}

function compileNouns(lex: Lexicons): Map<string, NounInfo> {
  const out = new Map<string, NounInfo>();
  for (const { cells } of lex.rows('speaker-noun')) {
    const form = norm(cells.form ?? '');
    if (!form || out.has(form)) continue;
    const kind = cells.kind === 'institution' || cells.kind === 'document' || cells.kind === 'source' || cells.kind === 'quantifier' || cells.kind === 'honorific' || cells.kind === 'anaphor' ? cells.kind : 'person';
    out.set(form, { gender: cells.gender === 'f' ? 'f' : 'm', number: cells.number === 'pl' ? 'pl' : cells.number === 'du' ? 'du' : 'sg', kind });
  }
  return out;
}
