/**
 * Central types. Internally every span is in UTF-16 code units of the ORIGINAL text
 * (what JavaScript strings index); the public result returned by `extract()` is converted
 * once, at the end, to Unicode code points (see `src/text/codepoints.ts`).
 */

import type { WordForm } from './text/forms.js';

/** Half-open range [start, end) into the original text. */
export interface Span {
  start: number;
  end: number;
}

export type NormalizeLevel = 'none' | 'display' | 'match';

export type EntityType = 'PERSON' | 'LOCATION' | 'ORGANIZATION' | 'MISC';

export type Gender = 'm' | 'f';
export type GrammaticalNumber = 'sg' | 'du' | 'pl';

/** A token of the normalized text, with its span in the original. */
export interface Token extends Span {
  /** Index of the token in the document's token array. */
  index: number;
  /** Start/end in the normalized (match level) string. */
  nStart: number;
  nEnd: number;
  /** Match-level normalized form of the whole token (clitics included). */
  norm: string;
  /** The interned form (`norm` is `form.norm`): stages memoize their per-form facts on it. */
  form: WordForm;
  /** Token class. */
  kind: 'word' | 'number' | 'punct' | 'latin' | 'other';
  /** Index of the sentence the token belongs to, or -1 when outside every sentence (boilerplate). */
  sentence: number;
}

export interface Sentence extends Span {
  /** True for a headline / title line (first line, no terminator, followed by a blank line). */
  title?: boolean;
}

export interface BoilerplateSpan extends Span {
  kind: string;
}

export interface Mention extends Span {
  text: string;
  sentence: number;
  /** First and last+1 token index covered. */
  tokenStart: number;
  tokenEnd: number;
  /** How the mention was found: gazetteer | rule:<name> | coref | demonym. */
  via: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  nameEn?: string;
  role?: string;
  gender?: Gender;
  /** Wikidata or other external id, when the lexicon has one. */
  ref?: string;
  mentions: Mention[];
}

export interface QuoteSpeaker extends Partial<Span> {
  entity: string | null;
  text: string;
  implicit: boolean;
  role?: string;
}

export interface Quote {
  speaker: QuoteSpeaker;
  /** further speakers coordinated with the speaker (قال لافروف ونظيره الصيني وانغ يي إن …), in order */
  coSpeakers?: QuoteSpeaker[];
  cue: Span & { text: string; lemma: string };
  content: Span & { text: string };
  kind: 'direct' | 'indirect';
  strength?: 'strong' | 'weak';
  sentence: number;
}

export interface Diagnostic {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

/** Per-speaker summary: which quotes each speaker entity (or text) has. */
export interface SpeakerSummary {
  entity: string | null;
  text: string;
  role?: string;
  quotes: number[];
}
