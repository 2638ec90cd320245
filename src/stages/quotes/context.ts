import type { Entity, Gender, GrammaticalNumber, Mention, QuoteSpeaker, Sentence, Span, Token } from '../../types.js';
import type { Lexicons } from '../../lexicon/lexicons.js';
import type { TextDoc } from '../../document.js';
import { cliticSets, withoutArticle, type CliticSets } from '../../text/clitics.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { mayBeComplementizer, mayOpenSpeechAt, quoteLexicon, type AttributionPhrase, type CueEntry, type QuoteLexicon } from './lexicon.js';
import type { QuoteMarkSpan } from './marks.js';
import { conjStripped, isCueWord, isDefiniteForm, isStop, isWord, stems } from './tokens.js';

/**
 * The quote stage's shared context (tokens, mentions, quotation marks, sentence bounds) and
 * the small token tests that need it.
 */

export interface MentionRef {
  entity: Entity;
  mention: Mention;
}


export interface Ctx {
  doc: TextDoc;
  tokens: readonly Token[];
  entities: readonly Entity[];
  q: QuoteLexicon;
  sets: CliticSets;
  mentionAt: Map<number, MentionRef>;
  mentionEndingAt: Map<number, MentionRef>;
  marks: QuoteMarkSpan[];
  /** Quotation by the offset of its opening mark, and closed quotations by their closing mark (see setMarks). */
  markOpenAt: Map<number, QuoteMarkSpan>;
  markCloseAt: Map<number, QuoteMarkSpan>;
  /** Lazily built: the code-unit ranges inside closed quotations, merged and sorted ([start, end) pairs). */
  quotedRanges?: number[];
  /** entity types by id, made on first use (see entityTypeOf) */
  entityTypes?: Map<string, Entity['type']>;
  /** Per sentence index: first token and last token + 1. */
  sentStart: Map<number, number>;
  sentEnd: Map<number, number>;
  /** Indices, in order, of the words in sentences that may be a cue or open an attribution phrase (`mayOpenSpeech`). */
  speechWords: number[];
  /** Indices, in order, of the colons in sentences. */
  colons: number[];
  /** Token indices where an indirect content span must stop (next cue, attribution phrase). */
  boundaries: Set<number>;
  /** The boundaries in order, set once they are all known (see nextBoundaryAfter). */
  boundaryList?: number[];
  /** Token indices of participle cues. */
  participles: Set<number>;
  /** Sentence of each remembered speaker record (for pro-drop in coordinated clauses). */
  recordSentence: Map<SpeakerRecord, number>;
  /** Index of the headline sentence, or -1. */
  titleSentence: number;
  /** Per sentence, lazily: the last token that is a complementizer, colon or opening quotation mark (-1: none). */
  lastClauseMark?: Map<number, number>;
  /** Lazily built ids of PERSON entities. */
  personIds?: Set<string>;
  /** Lazily built first name words per entity (see hasPrepositionClitic), and per text. */
  firstWords?: Map<string, string>;
  nameHeads?: Map<Entity, Set<string>>;
  /** Per token, lazily: 0 unknown, 1 definite, 2 not (see isDefiniteToken). */
  definite?: number[];
  /** Lazily: normalizeForMatch of speaker texts and roles, which back-reference searches compare again and again. */
  normalizedTexts?: Map<string, string>;
  /** Lazily: the normalized first word of speaker texts (see normalizedHead). */
  normalizedHeads?: Map<string, string>;
  /** Lazily built index of organization mention heads (see organizationHeads). */
  orgHeads?: OrgHead[];
}


export interface CueHit {
  index: number;
  entry: CueEntry;
  conj: string;
  /** Token index of a manner participle right after the verb (وأضاف قائلا). */
  manner?: number;
  /** Memoized per hit: whether the cue opens its clause, and (strict forms) whether it heads one. */
  initial?: boolean;
  headsClause?: boolean;
  /** Memoized per hit: a question, negation, condition or supposition before it (هل، لم، إذا، أن يكون … قد). */
  notAsserted?: boolean;
}


export interface AttributionHit {
  index: number;
  /** First token after the phrase (the one carrying an attached ل when `phrase.attached`). */
  sourceAt: number;
  phrase: AttributionPhrase;
}

/** A speaker as remembered for pro-drop resolution. */
export interface SpeakerRecord extends QuoteSpeaker {
  gender: Gender;
  number: GrammaticalNumber;
  /** a joint speaker (قال لافروف ووانغ يي): the others, with the record as the first; dual or plural */
  co: QuoteSpeaker[] | undefined;
}

/**
 * A speaker record. Every record is made here with the same fields in the same order (absent ones
 * undefined), so records share one object shape and reads of their fields stay fast; spreads made
 * a shape per call site and were slow generic copies.
 */
export function speakerRecord(entity: string | null, text: string, start: number | undefined, end: number | undefined, implicit: boolean, role: string | undefined, gender: Gender, number: GrammaticalNumber, co?: QuoteSpeaker[]): SpeakerRecord {
  return { entity, text, start, end, implicit, role, gender, number, co };
}

/** A copy of a speaker (a record, or a quote's public speaker) with the given flag and agreement. */
export function recordFrom(r: QuoteSpeaker, implicit: boolean, gender: Gender, number: GrammaticalNumber): SpeakerRecord {
  const co = (r as Partial<SpeakerRecord>).co;
  return speakerRecord(r.entity, r.text, r.start, r.end, implicit, r.role, gender, number, co && implicit ? co.map(asImplicit) : co);
}

/**
 * The speakers of a joint statement as one record a dual or plural pro-drop verb can take up
 * (وقال لافروف ووانغ يي إن … وأكدا أن …): dual for two, plural for more, feminine only when all are.
 */
export function jointRecord(first: SpeakerRecord, others: QuoteSpeaker[], genders: readonly Gender[]): SpeakerRecord {
  const gender: Gender = first.gender === 'f' && genders.every((g) => g === 'f') ? 'f' : 'm';
  return speakerRecord(first.entity, first.text, first.start, first.end, false, first.role, gender, others.length === 1 ? 'du' : 'pl', others);
}

function asImplicit(s: QuoteSpeaker): QuoteSpeaker {
  return { ...s, implicit: true };
}


/**
 * The public speaker of a record (without the agreement features). Built field by field: object
 * rest destructuring (`{ gender, number, ...speaker }`) is a slow generic copy in V8.
 */
export function publicSpeaker(r: SpeakerRecord): QuoteSpeaker {
  const out: QuoteSpeaker = r.start !== undefined ? { entity: r.entity, text: r.text, start: r.start, end: r.end, implicit: r.implicit } : { entity: r.entity, text: r.text, implicit: r.implicit };
  if (r.role !== undefined) out.role = r.role;
  return out;
}


export interface Content {
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  /** clause: a complementizer, colon or quote mark opened it; np: a bare noun-phrase complement. */
  evidence: 'clause' | 'np';
  /** For np: the complement followed the verb's own particle (شدد على …). */
  viaPrep?: boolean;
}


export function makeContext(doc: TextDoc, tokens: readonly Token[], sentences: readonly Sentence[], entities: readonly Entity[], lex: Lexicons): Ctx {
  const mentionAt = new Map<number, MentionRef>();
  const mentionEndingAt = new Map<number, MentionRef>();
  const q = quoteLexicon(lex);
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      // a name never starts with إن/أن: such a mention is upstream noise, not a speaker
      const head = tokens[mention.tokenStart];
      if (head && mayBeComplementizer(q, doc.normalized, head.nStart, head.nEnd) && q.complementizers.has(head.norm)) continue;
      // one ref per mention in both maps, so dropMention can tell it by identity
      const ref: MentionRef = { entity, mention };
      const prev = mentionAt.get(mention.tokenStart);
      if (!prev || prev.mention.tokenEnd < mention.tokenEnd) mentionAt.set(mention.tokenStart, ref);
      const prevEnd = mentionEndingAt.get(mention.tokenEnd);
      if (!prevEnd || prevEnd.mention.tokenStart > mention.tokenStart) mentionEndingAt.set(mention.tokenEnd, ref);
    }
  }
  // one pass over the tokens finds what the later scans need: sentence bounds, the few words that
  // may open speech and the colons (the scans then visit those instead of every token)
  const sentStart = new Map<number, number>();
  const sentEnd = new Map<number, number>();
  const speechWords: number[] = [];
  const colons: number[] = [];
  const text = doc.normalized;
  let current = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = t.sentence;
    if (s < 0) continue;
    if (s !== current) {
      // tokens of a sentence are contiguous: record the bounds once per sentence
      if (current >= 0) sentEnd.set(current, lastTokenOf(tokens, current, i) + 1);
      current = s;
      sentStart.set(s, i);
    }
    // the token's form is text[nStart, nEnd) (read there: the flat string is in cache, `norm` often not)
    if (t.kind === 'word') {
      if (mayOpenSpeechAt(q, text, t.nStart, t.nEnd)) speechWords.push(i);
    } else if (t.kind === 'punct' && t.nEnd - t.nStart === 1 && text.charCodeAt(t.nStart) === COLON) colons.push(i);
  }
  if (current >= 0) sentEnd.set(current, lastTokenOf(tokens, current, tokens.length) + 1);
  const titleSentence = sentences.findIndex((s) => s.title);
  return { doc, tokens, entities, q, sets: cliticSets(lex), titleSentence, mentionAt, mentionEndingAt, marks: [], markOpenAt: new Map(), markCloseAt: new Map(), sentStart, sentEnd, speechWords, colons, boundaries: new Set(), participles: new Set(), recordSentence: new Map() };
}

const COLON = ':'.charCodeAt(0);

/** The type of the entity with this id (in a long document through a map made once: a search per quote would be quadratic). */
export function entityTypeOf(ctx: Ctx, id: string | null): Entity['type'] | undefined {
  if (id === null) return undefined;
  const { entities } = ctx;
  // a news article names a few dozen entities: a scan is cheaper than building the map
  if (entities.length <= FEW_ENTITIES) {
    for (let k = 0; k < entities.length; k++) if (entities[k].id === id) return entities[k].type;
    return undefined;
  }
  ctx.entityTypes ??= new Map(entities.map((e) => [e.id, e.type]));
  return ctx.entityTypes.get(id);
}

/** Up to this many entities, `entityTypeOf` scans them instead of indexing them. */
const FEW_ENTITIES = 32;

/** Index of the last token of `sentence` before `before` (tokens between sentences have sentence -1). */
function lastTokenOf(tokens: readonly Token[], sentence: number, before: number): number {
  let k = before - 1;
  while (tokens[k].sentence !== sentence) k--;
  return k;
}

/** Paragraph-level regions covered by sentences (boilerplate and gaps left out). */
export function sentenceRegions(sentences: readonly Sentence[]): Span[] {
  if (sentences.length === 0) return [];
  return [{ start: sentences[0].start, end: sentences[sentences.length - 1].end }];
}


/** How far back a search through the speakers or quotes so far goes: back-references are local. */
export const RECENT = 64;

/** The last of the `RECENT` latest items satisfying `test`, searched from the end without copying. */
export function latest<T>(items: readonly T[], test: (item: T) => unknown): T | undefined {
  for (let k = items.length - 1; k >= Math.max(0, items.length - RECENT); k--) if (test(items[k])) return items[k];
  return undefined;
}

/** Install the document's quotation spans with their offset indexes (lookups stay O(1) per token). */
export function setMarks(ctx: Ctx, spans: QuoteMarkSpan[]): void {
  ctx.marks = spans;
  for (const m of spans) {
    ctx.markOpenAt.set(m.open, m);
    if (m.closed) ctx.markCloseAt.set(m.close, m);
  }
}

/** True when the token lies inside a closed quotation (marks are tokens of their own, so no token straddles one). */
export function insideClosedQuotation(ctx: Ctx, t: Token): boolean {
  // a few merged ranges searched by bisection, not a byte per code unit of the whole text
  const ranges = (ctx.quotedRanges ??= quotedRanges(ctx.marks));
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[2 * mid + 1] <= t.start) lo = mid + 1;
    else if (ranges[2 * mid] > t.start) hi = mid - 1;
    else return true;
  }
  return false;
}

/** The union of the insides of the closed quotations, as sorted disjoint [start, end) pairs. */
function quotedRanges(marks: readonly QuoteMarkSpan[]): number[] {
  const inner = marks.filter((m) => m.closed && m.close > m.open + 1).sort((a, b) => a.open - b.open);
  const out: number[] = [];
  for (const m of inner) {
    const start = m.open + 1;
    if (out.length > 0 && start <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], m.close);
    else out.push(start, m.close);
  }
  return out;
}


/** First token of token i's sentence (two plain functions, no [first, end] array per call: asked for every cue). */
export function sentenceFirst(ctx: Ctx, i: number): number {
  return ctx.sentStart.get(ctx.tokens[i].sentence) ?? i;
}

/** Last token + 1 of token i's sentence. */
export function sentenceEnd(ctx: Ctx, i: number): number {
  return ctx.sentEnd.get(ctx.tokens[i].sentence) ?? i + 1;
}



/**
 * True when a complementizer, colon or opening quotation mark stands after token `i` in its
 * sentence: every clause content a cue can have starts at one (see complementAfter). Answered
 * once per sentence, by a scan back from its end.
 */
export function clauseMarkAfter(ctx: Ctx, i: number): boolean {
  const s = ctx.tokens[i].sentence;
  ctx.lastClauseMark ??= new Map();
  let last = ctx.lastClauseMark.get(s);
  if (last === undefined) {
    const first = sentenceFirst(ctx, i);
    const end = sentenceEnd(ctx, i);
    last = end - 1;
    while (last >= first && !isClauseMark(ctx, ctx.tokens[last])) last--;
    if (last < first) last = -1;
    ctx.lastClauseMark.set(s, last);
  }
  return last > i;
}

function isClauseMark(ctx: Ctx, t: Token): boolean {
  if (t.kind === 'word') return isComplementizerForm(ctx, t);
  return t.kind === 'punct' && (t.norm === ':' || ctx.markOpenAt.has(t.start));
}

/**
 * True when the word's whole form is a complementizer (وأن, a coordinated clause, has its own
 * test). The length and end letters are read in the flat normalized text first: most words fail
 * there, before their form string (mostly out of cache) is hashed for the set.
 */
export function isComplementizerForm(ctx: Ctx, t: Token): boolean {
  return t.kind === 'word' && mayBeComplementizer(ctx.q, ctx.doc.normalized, t.nStart, t.nEnd) && ctx.q.complementizers.has(t.norm) && !afterPrivative(ctx, t.index);
}

/** Token k follows "without" (`function-word.tsv` role privative: دون أن، بدون أن): no reported clause opens there. */
export function afterPrivative(ctx: Ctx, k: number): boolean {
  const prev = ctx.tokens[k - 1];
  // (a shape test first: every listed form ends in نون; cheaper than the clitic readings)
  return !!prev && prev.kind === 'word' && prev.norm.endsWith('ن') && conjStripped(prev, ctx.sets).some((c) => ctx.q.words.privatives.has(c.form));
}

/** Freeze the boundaries: from now on `nextBoundaryAfter` answers by bisection. */
export function sealBoundaries(ctx: Ctx): void {
  ctx.boundaryList = [...ctx.boundaries].sort((a, b) => a - b);
}

/**
 * The first boundary after token k, or `limit` when there is none before it: a content span runs
 * to the next boundary, found by bisection instead of a set lookup per token of the clause.
 */
export function nextBoundaryAfter(ctx: Ctx, k: number, limit: number): number {
  const list = ctx.boundaryList;
  if (!list) {
    let e = k + 1;
    while (e < limit && !ctx.boundaries.has(e)) e++;
    return Math.min(e, limit);
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] < limit ? list[lo] : limit;
}

export function dropMention(ctx: Ctx, m: MentionRef): void {
  ctx.mentionAt.delete(m.mention.tokenStart);
  if (ctx.mentionEndingAt.get(m.mention.tokenEnd) === m) ctx.mentionEndingAt.delete(m.mention.tokenEnd);
}



/** A mention governed by a preposition (في برلين، ببرلين، لدى الوزارة) cannot be a subject. */
export function insidePrepositionalPhrase(ctx: Ctx, m: MentionRef): boolean {
  const head = ctx.tokens[m.mention.tokenStart];
  if (hasPrepositionClitic(ctx, m)) return true;
  const before = ctx.tokens[m.mention.tokenStart - 1];
  return !!before && before.sentence === head.sentence && isWord(before) && stopAt(ctx, before);
}

/**
 * True when the mention's first token carries ب/ل/ك before the name: the token without that
 * letter (or with ل + ال restored) is the entity's name or another of its mentions (ببرلين →
 * برلين، للصين → الصين), while a name that merely starts with the letter (لافروف) is not.
 */
export function hasPrepositionClitic(ctx: Ctx, m: MentionRef): boolean {
  const head = ctx.tokens[m.mention.tokenStart];
  const forms = conjStripped(head, ctx.sets);
  // most heads start with no preposition letter: no need for the entity's names then
  if (!forms.some(({ form }) => ctx.sets.prep.some((p) => form.startsWith(p)))) return false;
  const names = firstNameWords(ctx, m.entity);
  return forms.some(({ form }) =>
    ctx.sets.prep.some((p) => form.startsWith(p) && (names.has(form.slice(p.length)) || (p === 'ل' && names.has('ا' + form.slice(p.length))))),
  );
}


/** First normalized word of every name and mention of an entity, computed once per document. */
function firstNameWords(ctx: Ctx, entity: Entity): Set<string> {
  ctx.nameHeads ??= new Map();
  let names = ctx.nameHeads.get(entity);
  if (!names) {
    // mentions repeat the same few texts: each text is normalized and split once per document
    const firsts = (ctx.firstWords ??= new Map());
    const first = (t: string): string => {
      let w = firsts.get(t);
      if (w === undefined) firsts.set(t, (w = normalizeForMatch(t).split(/\s+/)[0]));
      return w;
    };
    names = new Set([first(entity.name)]);
    for (const m of entity.mentions) names.add(first(m.text));
    ctx.nameHeads.set(entity, names);
  }
  return names;
}


export function bareOf(ctx: Ctx, stem: string): string {
  return withoutArticle(stem, ctx.sets) ?? stem;
}

/** The text between a quotation's marks, without the spaces next to them. */
export function inside(ctx: Ctx, m: QuoteMarkSpan): Span {
  const text = ctx.doc.original;
  let start = m.open + 1;
  let end = m.close;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * A clause-level word ending a subject (في، خلال، اليوم …). علي spelled with yeh before an
 * indefinite word is the given name, not على after normalization (وزير الداخلية علي يرلي كايا).
 */
export function stopAt(ctx: Ctx, t: Token | undefined): boolean {
  if (!isStop(t, ctx.q, ctx.sets)) return false;
  if (t && t.norm === 'علي' && ctx.doc.original.slice(t.start, t.end).endsWith('ي')) {
    const next = ctx.tokens[t.index + 1];
    if (next && isWord(next) && next.sentence === t.sentence && !isDefiniteToken(ctx, next) && !isStop(next, ctx.q, ctx.sets)) return false;
  }
  // a preposition needs its object: right before a comma it is a word of a name (صندوق إس تي في، …)
  if (t && ctx.q.words.prepositions.has(t.norm)) {
    const next = ctx.tokens[t.index + 1];
    if (next && next.sentence === t.sentence && next.kind === 'punct' && (next.norm === '،' || next.norm === ',')) return false;
  }
  return true;
}

/** True when a quotation (as paired by the mark scanner) opens at this token. */
export function opensQuotation(ctx: Ctx, t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && ctx.markOpenAt.has(t.start);
}

/** A reporting word (verb, participle, verbal noun) ends any subject phrase before it. */
export function isCueToken(ctx: Ctx, t: Token): boolean {
  return isCueWord(t, ctx.q, ctx.sets);
}

/** A closed quotation of a few words opening at this token: a quoted name (صحيفة «المستقبل»). */
export function shortQuotation(ctx: Ctx, t: Token): QuoteMarkSpan | undefined {
  const m = ctx.markOpenAt.get(t.start);
  return m && m.closed && m.close - m.open < 40 && !/[.!?؟]/.test(ctx.doc.original.slice(m.open, m.close)) ? m : undefined;
}


export interface OrgHead {
  entity: Entity;
  tokenStart: number;
  tokenEnd: number;
  forms: string[];
}

/** The token's stems without clitics or article (والوزارة, لوزارة, وزارة → وزاره). */
/** True when one reading of the token carries the definite article; memoized per token of the document. */
export function isDefiniteToken(ctx: Ctx, t: Token): boolean {
  if (ctx.tokens[t.index] !== t) return isDefiniteForm(t.norm, ctx.sets);
  // a plain array: a typed array per document costs an off-heap allocation
  const memo = (ctx.definite ??= new Array<number>(ctx.tokens.length).fill(0));
  let v = memo[t.index];
  if (v === 0) memo[t.index] = v = isDefiniteForm(t.norm, ctx.sets) ? 1 : 2;
  return v === 1;
}

/** normalizeForMatch of a speaker text or role, memoized per document. */
export function normalizedText(ctx: Ctx, s: string): string {
  const memo = (ctx.normalizedTexts ??= new Map());
  let out = memo.get(s);
  if (out === undefined) memo.set(s, (out = normalizeForMatch(s)));
  return out;
}

/** normalizeForMatch of the first word of a speaker text, memoized per document. */
export function normalizedHead(ctx: Ctx, text: string): string {
  const memo = (ctx.normalizedHeads ??= new Map());
  let out = memo.get(text);
  if (out === undefined) memo.set(text, (out = normalizeForMatch(text.split(/\s+/)[0])));
  return out;
}

export function bareForms(ctx: Ctx, t: Token): Set<string> {
  const out = new Set<string>();
  for (const c of stems(t.norm, ctx.sets)) {
    out.add(c.stem);
    const bare = c.definite ? withoutArticle(c.stem, ctx.sets) : null;
    if (bare) out.add(bare);
  }
  return out;
}


export function isPrep(ctx: Ctx, t: Token | undefined, entry: CueEntry): boolean {
  return !!t && !!entry.prep && conjStripped(t, ctx.sets).some((c) => c.form === entry.prep);
}


export function tokenStartingAt(tokens: readonly Token[], start: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < start) lo = mid + 1;
    else if (tokens[mid].start > start) hi = mid - 1;
    else return tokens[mid];
  }
  return undefined;
}
