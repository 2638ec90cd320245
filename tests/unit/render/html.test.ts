import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlArticle, renderHtml } from '../../../src/render/html.js';
import { SAMPLE_TEXT, sampleResult } from './sample.js';

/** The HTML report as a string: escaping, self-containment, marks carrying the JSON offsets. */
describe('html report', () => {
  const r = sampleResult();
  const html = renderHtml([{ result: r, text: SAMPLE_TEXT }]);

  it.each([
    ['markup', '<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['attribute quotes', `a"b'c`, 'a&quot;b&#39;c'],
    ['ampersand', 'A & B', 'A &amp; B'],
    ['Arabic passes (note: "Lavrov")', 'لافروف', 'لافروف'],
  ])('escapes %s', (_note, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('untrusted input never becomes markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('sample &lt;article&gt;.txt');
  });

  it('self-contained: inline CSS, no external URL, a CSP forbidding fetches', () => {
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
  });

  it('one mark per mention, with the JSON offsets, type and entity id', () => {
    const marks = [...html.matchAll(/<mark class="ent[^"]*"[^>]*data-type="([^"]+)"[^>]*data-entity="([^"]+)" data-start="(\d+)" data-end="(\d+)"[^>]*>([^<]*)<\/mark>/g)];
    const expected = r.entities.flatMap((e) => e.mentions.map((m) => [e.type, e.id, m.start, m.end, m.text].join('|'))).sort();
    expect(marks.map((m) => [m[1], m[2], m[3], m[4], m[5]].join('|')).sort()).toEqual(expected);
  });

  it('every mark has an id the side panel can link to', () => {
    const ids = [...html.matchAll(/<mark class="ent[^"]*" id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(7);
    for (const id of ids) expect(id).toMatch(/^a0-m\d+-\d+$/);
    expect(html).toContain('href="#a0-m0-0"');
  });

  it('a mention after a proclitic is glued to it (note: "and Russia")', () => {
    const text = 'التقى الصين وروسيا';
    const start = text.indexOf('روسيا');
    const glued = { ...r, title: null, quotes: [], speakers: [], boilerplate: [], sentences: [{ start: 0, end: text.length, text }], entities: [{ id: 'ru', type: 'LOCATION', name: 'روسيا', mentions: [{ start, end: start + 5, text: 'روسيا', sentence: 0 }] }] };
    expect(htmlArticle(glued, text)).toContain('و<mark class="ent glued-start" id="a0-m0-0"');
  });

  it('explicit speakers are marked in the text; an implicit one has no place to mark', () => {
    const speakerMarks = [...html.matchAll(/<mark class="ent speaker-mention" id="[^"]*" data-type="[^"]*" data-label="[^"]*" data-entity="([^"]+)" data-start="(\d+)"/g)];
    // وانغ يي (2nd mention, after قال) and ماريا زاخاروفا
    expect(speakerMarks.map((m) => [m[1], Number(m[2])])).toEqual([
      ['person:wang-yi', r.quotes[0].speaker.start],
      ['person:maria-zakharova', r.quotes[2].speaker.start],
    ]);
  });

  it('quotes link to their speaker in the side panel', () => {
    expect(html).toMatch(/<a class="quote" id="a0-q0" href="#a0-s0"/);
    expect(html).toMatch(/<a class="quote" id="a0-q2" href="#a0-s1"/);
    expect(html).toMatch(/<li class="speaker" id="a0-s1" data-entity="person:maria-zakharova">/);
  });

  it('the article is right-to-left; the sections are listed', () => {
    expect(html).toContain('<article class="text" dir="rtl" lang="ar">');
    for (const h of ['People (3)', 'Places (2)', 'Organizations (1)', 'Speakers (2)', 'Warnings (1)']) expect(html).toContain(`<h2>${h}</h2>`);
  });

  it('overlapping mentions keep the first (longest) and never nest marks', () => {
    const overlapping = sampleResult();
    overlapping.entities.push({ id: 'x', type: 'PERSON', name: 'يي', mentions: [{ start: 5, end: 7, text: 'يي', sentence: 0 }] });
    const out = htmlArticle(overlapping, SAMPLE_TEXT);
    expect(out).not.toMatch(/<mark[^>]*>[^<]*<mark/);
    expect(out.match(/data-entity="x"/g)).toBeNull();
  });
});
