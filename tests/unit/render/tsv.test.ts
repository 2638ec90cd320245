import { describe, expect, it } from 'vitest';
import { escapeCell, TSV_COLUMNS, TSV_TABLES, tsvHeader, tsvRows } from '../../../src/render/tsv.js';
import { sampleResult } from './sample.js';

/** TSV: a header naming stable columns, the same number of cells on every row, escaped cells. */
function parse(tsv: string): string[][] {
  return tsv.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

describe('tsv tables', () => {
  const r = sampleResult();

  it.each(TSV_TABLES)('%s: header then rows with as many cells as header columns', (table) => {
    const rows = parse(tsvHeader(table) + tsvRows(r, table));
    expect(rows[0]).toEqual(TSV_COLUMNS[table]);
    for (const row of rows) expect(row).toHaveLength(TSV_COLUMNS[table].length);
  });

  it('the column order is the documented contract (append-only)', () => {
    expect(TSV_COLUMNS.entities.slice(0, 11)).toEqual(['source', 'entity_id', 'type', 'name', 'name_en', 'role', 'mention', 'start', 'end', 'text', 'sentence']);
    expect(TSV_COLUMNS.quotes.slice(0, 3)).toEqual(['source', 'quote', 'sentence']);
    expect(TSV_COLUMNS.sentences).toEqual(['source', 'sentence', 'start', 'end', 'is_title', 'text']);
  });

  it('entities: one row per mention, offsets and text as in the JSON', () => {
    const rows = parse(tsvRows(r, 'entities'));
    const col = (name: string) => TSV_COLUMNS.entities.indexOf(name);
    const mentions = r.entities.flatMap((e) => e.mentions.map((m) => [e.id, String(m.start), String(m.end), m.text]));
    expect(rows.map((row) => [row[col('entity_id')], row[col('start')], row[col('end')], row[col('text')]])).toEqual(mentions);
  });

  it('quotes: one row per quote; an absent optional value is an empty cell', () => {
    const rows = parse(tsvRows(r, 'quotes'));
    expect(rows).toHaveLength(r.quotes.length);
    const col = (name: string) => TSV_COLUMNS.quotes.indexOf(name);
    expect(rows[1][col('speaker_implicit')]).toBe('true'); // وأضاف: implicit speaker
    expect(rows[1][col('speaker_start')]).toBe('');
    expect(rows[2][col('kind')]).toBe('direct');
  });

  it('quotes: co-speakers of a joint statement, in order, and empty cells without them', () => {
    const joint = sampleResult();
    joint.quotes[0].co_speakers = [
      { entity: 'person:sergei-lavrov', text: 'لافروف', implicit: false },
      { entity: null, text: 'مسؤول صيني', implicit: false },
    ];
    const rows = parse(tsvRows(joint, 'quotes'));
    const col = (name: string) => TSV_COLUMNS.quotes.indexOf(name);
    expect([rows[0][col('co_speaker_entities')], rows[0][col('co_speaker_texts')]]).toEqual(['person:sergei-lavrov;', 'لافروف;مسؤول صيني']);
    expect([rows[1][col('co_speaker_entities')], rows[1][col('co_speaker_texts')]]).toEqual(['', '']);
  });

  it('sentences: the title is marked', () => {
    const rows = parse(tsvRows(r, 'sentences'));
    expect(rows.map((row) => row[4])).toEqual(['true', 'false', 'false', 'false']);
  });

  it.each([
    ['tab inside a cell', 'a\tb', 'a\\tb'],
    ['line feed inside a cell', 'a\nb', 'a\\nb'],
    ['carriage return', 'a\r\nb', 'a\\r\\nb'],
    ['backslash is escaped first so escapes stay reversible', 'a\\tb', 'a\\\\tb'],
    ['Arabic text passes unchanged (note: "Wang said")', 'قال وانغ', 'قال وانغ'],
    ['null is an empty cell', null, ''],
  ])('escapes: %s', (_note, input, expected) => {
    expect(escapeCell(input)).toBe(expected);
  });

  it('a mention text with a tab and newline keeps the row shape', () => {
    const bad = sampleResult();
    bad.entities[0].mentions[0].text = 'وانغ\tيي\nx';
    for (const row of parse(tsvRows(bad, 'entities'))) expect(row).toHaveLength(TSV_COLUMNS.entities.length);
  });
});
