import { makeDoc, type TextDoc } from './document.js';
import type { Lexicons } from './lexicon/lexicons.js';
import { SCHEMA_ID, type ExtractResult, type ResultEntity, type ResultMention, type ResultQuote, type ResultWarning, type TextSpan } from './result.js';
import { detectBoilerplate } from './stages/boilerplate.js';
import { findEntities } from './stages/entities.js';
import { findQuotes, summarizeSpeakers } from './stages/quotes.js';
import { codePointIndex, type CodePointIndex } from './text/codepoints.js';
import { FormTable } from './text/forms.js';
import { splitSentences } from './text/sentences.js';
import { tokenize } from './text/tokens.js';
import type { BoilerplateSpan, Diagnostic, Entity, Quote, QuoteSpeaker, Sentence, Span, Token } from './types.js';

export interface ExtractOptions {
  /** Name of the input shown in the result (`source`), e.g. a path or `-`. */
  source?: string;
  /** Findings about the input made before extraction (decoding), carried into `warnings`. */
  warnings?: Diagnostic[];
  /** Embed the analysed text in the result as `text`. */
  includeText?: boolean;
}

/** Everything the pipeline computed, in UTF-16 offsets; `toResult` makes the public contract. */
export interface Analysis {
  doc: TextDoc;
  boilerplate: BoilerplateSpan[];
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  quotes: Quote[];
  warnings: Diagnostic[];
}

/** Run the pipeline stages in order. Pure: no I/O. */
export function analyze(text: string, lex: Lexicons, warnings: Diagnostic[] = []): Analysis {
  const doc = makeDoc(text);
  const boilerplate = detectBoilerplate(doc, lex);
  const sentences = splitSentences(doc.original, lex, boilerplate);
  // forms are interned per lexicons, so the stages' per-form facts carry over to the next article
  const tokens = tokenize(doc.normalized, doc.map, sentences, lex.compiled('word-forms', () => new FormTable()));
  const entities = findEntities(doc, tokens, sentences, lex);
  const quoteWarnings: Diagnostic[] = [];
  const quotes = findQuotes(doc, tokens, sentences, entities, lex, quoteWarnings);
  return { doc, boilerplate, sentences, tokens, entities, quotes, warnings: [...warnings, ...quoteWarnings] };
}

/** Extract sentences, entities and quotes from one article's decoded text. */
export function extract(text: string, lex: Lexicons, options: ExtractOptions = {}): ExtractResult {
  return toResult(analyze(text, lex, options.warnings ?? []), options);
}

/** Convert an analysis to the public JSON contract (code point offsets, texts sliced from the original). */
export function toResult(a: Analysis, options: ExtractOptions = {}): ExtractResult {
  const text = a.doc.original;
  const cp = codePointIndex(text, a.doc.surrogatePairs);
  // Objects are built field by field, optional fields added in contract order (no spread of a
  // temporary object, no closure per item): this runs for every sentence, mention and quote.
  const span = (s: Span): TextSpan => ({ start: cp.toCodePoint(s.start), end: cp.toCodePoint(s.end), text: text.slice(s.start, s.end) });
  const title = a.sentences.find((s) => s.title);
  const result: ExtractResult = {
    schema: SCHEMA_ID,
    source: options.source ?? '-',
    offsets: 'codepoint',
    title: title ? span(title) : null,
    sentences: a.sentences.map(span),
    boilerplate: a.boilerplate.map((b) => ({ start: cp.toCodePoint(b.start), end: cp.toCodePoint(b.end), kind: b.kind })),
    entities: a.entities.map((e) => resultEntity(e, text, cp)),
    quotes: a.quotes.map((q) => resultQuote(q, span, cp)),
    speakers: summarizeSpeakers(a.quotes),
    warnings: a.warnings.map((w) => resultWarning(w, cp)),
  };
  if (options.includeText) result.text = text;
  return result;
}

function resultEntity(e: Entity, text: string, cp: CodePointIndex): ResultEntity {
  const out = { id: e.id, type: e.type, name: e.name } as ResultEntity;
  if (e.nameEn) out.name_en = e.nameEn;
  if (e.role) out.role = e.role;
  if (e.gender) out.gender = e.gender;
  const mentions: ResultMention[] = new Array(e.mentions.length);
  for (let k = 0; k < mentions.length; k++) {
    const m = e.mentions[k];
    mentions[k] = { start: cp.toCodePoint(m.start), end: cp.toCodePoint(m.end), text: text.slice(m.start, m.end), sentence: m.sentence };
  }
  out.mentions = mentions;
  return out;
}

function resultSpeaker(s: QuoteSpeaker, cp: CodePointIndex): ResultQuote['speaker'] {
  const speaker = { entity: s.entity, text: s.text } as ResultQuote['speaker'];
  if (s.start !== undefined && s.end !== undefined) {
    speaker.start = cp.toCodePoint(s.start);
    speaker.end = cp.toCodePoint(s.end);
  }
  speaker.implicit = s.implicit;
  if (s.role) speaker.role = s.role;
  return speaker;
}

function resultQuote(q: Quote, span: (s: Span) => TextSpan, cp: CodePointIndex): ResultQuote {
  const speaker = resultSpeaker(q.speaker, cp);
  const cue = span(q.cue) as ResultQuote['cue'];
  cue.lemma = q.cue.lemma;
  const out = (q.coSpeakers ? { speaker, co_speakers: q.coSpeakers.map((s) => resultSpeaker(s, cp)), cue } : { speaker, cue }) as ResultQuote;
  out.content = span(q.content);
  out.kind = q.kind;
  if (q.strength) out.strength = q.strength;
  out.sentence = q.sentence;
  return out;
}

function resultWarning(w: Diagnostic, cp: CodePointIndex): ResultWarning {
  const out: ResultWarning = { code: w.code, message: w.message };
  if (w.start !== undefined && w.end !== undefined) {
    out.start = cp.toCodePoint(w.start);
    out.end = cp.toCodePoint(w.end);
  }
  return out;
}
