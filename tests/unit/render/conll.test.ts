import { describe, expect, it } from 'vitest';
import { CONLL_HEADER, conllLabel, renderConll, tagTokens } from '../../../src/render/conll.js';
import { SAMPLE_TEXT, sampleResult, span } from './sample.js';

/** CoNLL: token TAB tag, BIO tags with ANERcorp labels, a blank line after each sentence. */
describe('conll', () => {
  const r = sampleResult();
  const out = renderConll(r, SAMPLE_TEXT);
  const lines = out.split('\n');
  const tokenLines = lines.filter((l) => l !== '' && !l.startsWith('#'));

  it('starts with a document comment; the header names the columns', () => {
    expect(lines[0]).toBe('# newdoc id = sample <article>.txt');
    expect(CONLL_HEADER).toBe('# global.columns = TOKEN NER\n');
  });

  it('every token line has exactly two columns and a BIO tag', () => {
    for (const l of tokenLines) {
      const cells = l.split('\t');
      expect(cells, l).toHaveLength(2);
      expect(cells[1]).toMatch(/^(O|[BI]-(PERS|LOC|ORG|MISC))$/);
    }
  });

  it('an I- tag continues a B- or I- tag of the same label', () => {
    let prev = 'O';
    for (const l of lines) {
      const tag = l.split('\t')[1] ?? 'O';
      if (tag.startsWith('I-')) expect(prev.slice(2), l).toBe(tag.slice(2));
      prev = tag;
    }
  });

  it('one blank-line-terminated block per sentence; boilerplate is not emitted', () => {
    const blocks = out.split('\n\n').filter((b) => b.split('\n').some((l) => l && !l.startsWith('#')));
    expect(blocks).toHaveLength(r.sentences.length);
    expect(out).not.toContain('الخصوصية'); // "privacy", from the cookie notice
  });

  it.each([
    ['two-word person: B then I (note: "Wang Yi")', 'وانغ', 'B-PERS'],
    ['second word of the name (note: "Yi")', 'يي', 'I-PERS'],
    ['a place (note: "Moscow")', 'موسكو', 'B-LOC'],
    ['an organization with the article (note: "the BRICS")', 'البريكس', 'B-ORG'],
    ['a reporting verb is outside every entity (note: "said")', 'قال', 'O'],
  ])('tags: %s', (_note, token, tag) => {
    expect(tagTokens(r, SAMPLE_TEXT).find((t) => t.text === token)?.tag).toBe(tag);
  });

  it('a token with a proclitic is tagged when it overlaps the mention (note: "and Russia")', () => {
    const text = 'التقى الصين وروسيا';
    const result = { ...r, title: null, sentences: [span(text, 0, text)], entities: [{ id: 'ru', type: 'LOCATION', name: 'روسيا', mentions: [{ ...span('روسيا', 0, text), sentence: 0 }] }] };
    expect(result.entities[0].mentions[0]).toMatchObject({ start: 13, end: 18 });
    expect(tagTokens(result, text).map((t) => `${t.text}/${t.tag}`)).toEqual(['التقى/O', 'الصين/O', 'وروسيا/B-LOC']);
  });

  it('labels: ANERcorp names, other kinds are MISC', () => {
    expect(['PERSON', 'LOCATION', 'ORGANIZATION', 'EVENT'].map(conllLabel)).toEqual(['PERS', 'LOC', 'ORG', 'MISC']);
  });
});
