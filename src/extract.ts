import { makeDoc, type TextDoc } from './document.js';
import type { Lexicons } from './lexicon/lexicons.js';
import { SCHEMA_ID, type ExtractResult, type ResultWarning, type TextSpan } from './result.js';
import { detectBoilerplate } from './stages/boilerplate.js';
import { findEntities } from './stages/entities.js';
import { findQuotes, summarizeSpeakers } from './stages/quotes.js';
import { codePointIndex, type CodePointIndex } from './text/codepoints.js';
import { FormTable } from './text/forms.js';
import { splitSentences } from './text/sentences.js';
import { tokenize } from './text/tokens.js';
import type { BoilerplateSpan, Diagnostic, Entity, Quote, Sentence, Span, Token } from './types.js';

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
  const cp = codePointIndex(text);
  // built field by field (no spread of a temporary object): called for every sentence and mention
  const span = (s: Span): TextSpan => ({ start: cp.toCodePoint(s.start), end: cp.toCodePoint(s.end), text: text.slice(s.start, s.end) });
  const title = a.sentences.find((s) => s.title);
  const result: ExtractResult = {
    schema: SCHEMA_ID,
    source: options.source ?? '-',
    offsets: 'codepoint',
    title: title ? span(title) : null,
    sentences: a.sentences.map(span),
    boilerplate: a.boilerplate.map((b) => ({ start: cp.toCodePoint(b.start), end: cp.toCodePoint(b.end), kind: b.kind })),
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      ...(e.nameEn ? { name_en: e.nameEn } : {}),
      ...(e.role ? { role: e.role } : {}),
      ...(e.gender ? { gender: e.gender } : {}),
      mentions: e.mentions.map((m) => ({ start: cp.toCodePoint(m.start), end: cp.toCodePoint(m.end), text: text.slice(m.start, m.end), sentence: m.sentence })),
    })),
    quotes: a.quotes.map((q) => ({
      speaker: {
        entity: q.speaker.entity,
        text: q.speaker.text,
        ...(q.speaker.start !== undefined && q.speaker.end !== undefined ? cpSpan(cp, q.speaker as Span) : {}),
        implicit: q.speaker.implicit,
        ...(q.speaker.role ? { role: q.speaker.role } : {}),
      },
      cue: { ...span(q.cue), lemma: q.cue.lemma },
      content: span(q.content),
      kind: q.kind,
      ...(q.strength ? { strength: q.strength } : {}),
      sentence: q.sentence,
    })),
    speakers: summarizeSpeakers(a.quotes),
    warnings: a.warnings.map((w): ResultWarning => ({
      code: w.code,
      message: w.message,
      ...(w.start !== undefined && w.end !== undefined ? cpSpan(cp, { start: w.start, end: w.end }) : {}),
    })),
  };
  if (options.includeText) result.text = text;
  return result;
}

function cpSpan(cp: CodePointIndex, s: Span): Span {
  return { start: cp.toCodePoint(s.start), end: cp.toCodePoint(s.end) };
}
