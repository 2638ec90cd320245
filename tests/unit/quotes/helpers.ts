import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDoc } from '../../../src/document.js';
import { Lexicons } from '../../../src/lexicon/lexicons.js';
import { findQuotes } from '../../../src/stages/quotes.js';
import { splitSentences } from '../../../src/text/sentences.js';
import { tokenize } from '../../../src/text/tokens.js';
import type { Diagnostic, Entity, EntityType, Gender, Quote } from '../../../src/types.js';

/**
 * Run the quote stage alone on a text, with entities given by the test (not by the entities
 * stage): each spec names surface forms; every occurrence becomes a mention over whole tokens.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const FILES = ['clitic', 'cue', 'attribution', 'complementizer', 'speaker-noun', 'speaker-stop', 'function-word', 'abbreviation', 'stopword'];

let cached: Lexicons | null = null;
export function quoteLexicons(): Lexicons {
  cached ??= new Lexicons(FILES.map((f) => ({ name: `lexicons/${f}.tsv`, text: readFileSync(join(ROOT, 'lexicons', `${f}.tsv`), 'utf8') })));
  return cached;
}

export interface EntitySpec {
  id: string;
  type?: EntityType;
  gender?: Gender;
  role?: string;
  forms: string[];
}

export interface QuoteRun {
  quotes: Quote[];
  warnings: Diagnostic[];
  text: string;
}

export function runQuotes(text: string, specs: EntitySpec[] = [], lex: Lexicons = quoteLexicons()): QuoteRun {
  const doc = makeDoc(text);
  const sentences = splitSentences(doc.original, lex, []);
  const tokens = tokenize(doc.normalized, doc.map, sentences);
  const entities: Entity[] = specs.map((s) => ({ id: s.id, type: s.type ?? 'PERSON', name: s.forms[0], ...(s.gender ? { gender: s.gender } : {}), ...(s.role ? { role: s.role } : {}), mentions: [] }));
  specs.forEach((s, k) => {
    for (const form of [...s.forms].sort((a, b) => b.length - a.length)) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        const covered = tokens.filter((t) => t.start < at + form.length && t.end > at);
        if (covered.length === 0) continue;
        const first = covered[0];
        const last = covered[covered.length - 1];
        const taken = entities.some((e) => e.mentions.some((m) => m.tokenStart <= first.index && first.index < m.tokenEnd));
        if (taken) continue;
        entities[k].mentions.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), sentence: first.sentence, tokenStart: first.index, tokenEnd: last.index + 1, via: 'test' });
      }
    }
  });
  const warnings: Diagnostic[] = [];
  const quotes = findQuotes(doc, tokens, sentences, entities, lex, warnings);
  return { quotes, warnings, text };
}

/** A compact view of a quote for assertions. */
export function view(q: Quote): { cue: string; lemma: string; speaker: string | null; text: string; implicit: boolean; kind: string } {
  return { cue: q.cue.text, lemma: q.cue.lemma, speaker: q.speaker.entity, text: q.speaker.text, implicit: q.speaker.implicit, kind: q.kind };
}
