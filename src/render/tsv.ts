import type { ExtractResult } from '../result.js';

/**
 * Tab-separated tables for spreadsheets and shell tools. One header line, then one row per
 * entity mention, per quote or per sentence; the column order is part of the contract
 * (docs/output.md) and only ever grows at the end. Offsets are code points, like the JSON.
 * Cells escape backslash, tab, line feed and carriage return as \\ \t \n \r.
 */
export type TsvTable = 'entities' | 'quotes' | 'sentences';
export const TSV_TABLES: readonly TsvTable[] = ['entities', 'quotes', 'sentences'];

type Cell = string | number | boolean | null | undefined;

export const TSV_COLUMNS: Record<TsvTable, readonly string[]> = {
  entities: ['source', 'entity_id', 'type', 'name', 'name_en', 'role', 'mention', 'start', 'end', 'text', 'sentence'],
  quotes: [
    'source',
    'quote',
    'sentence',
    'kind',
    'strength',
    'speaker_entity',
    'speaker_text',
    'speaker_implicit',
    'speaker_start',
    'speaker_end',
    'cue_lemma',
    'cue_text',
    'cue_start',
    'cue_end',
    'content_start',
    'content_end',
    'content_text',
    'co_speaker_entities',
    'co_speaker_texts',
  ],
  sentences: ['source', 'sentence', 'start', 'end', 'is_title', 'text'],
};

export function escapeCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function row(cells: Cell[]): string {
  return cells.map(escapeCell).join('\t') + '\n';
}

export function tsvHeader(table: TsvTable): string {
  return row([...TSV_COLUMNS[table]]);
}

/** The rows of one article (no header). */
export function tsvRows(r: ExtractResult, table: TsvTable): string {
  let out = '';
  if (table === 'entities') {
    for (const e of r.entities)
      e.mentions.forEach((m, i) => {
        out += row([r.source, e.id, e.type, e.name, e.name_en, e.role, i, m.start, m.end, m.text, m.sentence]);
      });
  } else if (table === 'quotes') {
    r.quotes.forEach((q, i) => {
      const s = q.speaker;
      // co-speakers of a joint statement, `;`-separated in order (an entity-less one leaves its id empty)
      const co = q.co_speakers ?? [];
      out += row([r.source, i, q.sentence, q.kind, q.strength, s.entity, s.text, s.implicit, s.start, s.end, q.cue.lemma, q.cue.text, q.cue.start, q.cue.end, q.content.start, q.content.end, q.content.text, co.map((c) => c.entity ?? '').join(';'), co.map((c) => c.text).join(';')]);
    });
  } else {
    const titleStart = r.title?.start;
    r.sentences.forEach((s, i) => {
      out += row([r.source, i, s.start, s.end, s.start === titleStart, s.text]);
    });
  }
  return out;
}
