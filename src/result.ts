/**
 * The public result of `extract()`, i.e. the JSON contract `newsnlp.extract/1`. All offsets are
 * Unicode code points into the original decoded text (BOM removed). Field names are the JSON
 * names (snake_case where the contract says so). See docs/schema.md and schema/extract.schema.json.
 */
export const SCHEMA_ID = 'newsnlp.extract/1';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface ResultMention extends TextSpan {
  sentence: number;
}

export interface ResultEntity {
  id: string;
  type: string;
  name: string;
  name_en?: string;
  role?: string;
  gender?: 'm' | 'f';
  mentions: ResultMention[];
}

export interface ResultQuoteSpeaker {
  entity: string | null;
  text: string;
  start?: number;
  end?: number;
  implicit: boolean;
  role?: string;
}

export interface ResultQuote {
  speaker: ResultQuoteSpeaker;
  /** further speakers coordinated with `speaker` (قال لافروف ونظيره الصيني وانغ يي إن …) */
  co_speakers?: ResultQuoteSpeaker[];
  cue: TextSpan & { lemma: string };
  content: TextSpan;
  kind: 'direct' | 'indirect';
  strength?: 'strong' | 'weak';
  sentence: number;
}

export interface ResultSpeaker {
  entity: string | null;
  text: string;
  role?: string;
  quotes: number[];
}

export interface ResultWarning {
  code: string;
  message: string;
  start?: number;
  end?: number;
}

export interface ExtractResult {
  schema: typeof SCHEMA_ID;
  source: string;
  offsets: 'codepoint';
  title: TextSpan | null;
  sentences: TextSpan[];
  boilerplate: { start: number; end: number; kind: string }[];
  entities: ResultEntity[];
  quotes: ResultQuote[];
  speakers: ResultSpeaker[];
  warnings: ResultWarning[];
  /** The analysed text itself, when it is not the file's bytes (HTML) or when asked for. */
  text?: string;
}
