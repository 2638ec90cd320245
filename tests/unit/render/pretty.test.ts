import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderHighlight } from '../../../src/render/highlight.js';
import { quotesBySpeaker, renderPretty, summaryLine } from '../../../src/render/pretty.js';
import { displayWidth } from '../../../src/render/styled.js';
import { SAMPLE_TEXT, sampleResult } from './sample.js';

/** The terminal summary, without colors (NO_COLOR → level 0) and with forced colors. */
const ESC = '\u001b[';
const plain = new Chalk({ level: 0 });
const colored = new Chalk({ level: 1 });
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('pretty summary', () => {
  const r = sampleResult();
  const text = renderPretty(r, { chalk: plain, shape: false, width: 60 });

  it('without colors: no escape codes at all', () => {
    expect(text).not.toContain(ESC);
  });

  it('title first, then source and a one-line summary of counts', () => {
    const lines = renderPretty(r, { chalk: plain, shape: false, width: 120 }).split('\n');
    expect(lines[0]).toBe(r.title!.text);
    expect(lines[1]).toBe(r.source);
    expect(lines[2]).toBe('4 sentences · 6 entities (7 mentions) · 3 quotes · 1 boilerplate span removed (47 chars)');
    expect(summaryLine({ ...r, boilerplate: [] })).toContain('no boilerplate removed');
  });

  it('people with role and mention count, then places and organizations, in that order', () => {
    const people = text.indexOf('People (3)');
    const places = text.indexOf('Places (2)');
    const orgs = text.indexOf('Organizations (1)');
    expect(people).toBeGreaterThan(0);
    expect(places).toBeGreaterThan(people);
    expect(orgs).toBeGreaterThan(places);
    expect(text).toContain('  وانغ يي · Wang Yi · وزير الخارجية الصيني · 2 mentions'); // Wang Yi, Chinese foreign minister
  });

  it('quotes grouped by speaker with their count; implicit ones marked', () => {
    expect(text).toContain('Quotes by speaker (3)');
    expect(text).toMatch(/وانغ يي · Wang Yi · وزير الخارجية الصيني · 2 quotes/);
    expect(text).toMatch(/↳ وأضاف: التعاون في إطار البريكس/); // implicit speaker of "and he added"
    expect(text).toMatch(/ماريا زاخاروفا · المتحدثة · 1 quote\n/); // a female spokesperson
    expect(text).toContain('«نرحب بالزيارة'); // a direct quote in guillemets
  });

  it('warnings are listed with their code', () => {
    expect(text).toContain('! invalid-bytes: invalid utf-8');
  });

  it.each([30, 45, 80])('no line is wider than the width (%i columns)', (width) => {
    const out = renderPretty(r, { chalk: plain, shape: false, width });
    for (const line of out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('forced colors: escape codes, one consistent color per entity type', () => {
    const out = renderPretty(r, { chalk: colored, shape: false, width: 80 });
    expect(out).toContain(ESC);
    expect(out).toContain(`${ESC}36mوانغ يي${ESC}39m`); // PERSON: cyan
    expect(out).toContain(`${ESC}32mموسكو${ESC}39m`); // LOCATION: green
    expect(out).toContain(`${ESC}35mبريكس${ESC}39m`); // ORGANIZATION: magenta
    expect(stripAnsi(out)).toBe(renderPretty(r, { chalk: plain, shape: false, width: 80 }));
  });

  it('groups by the quotes when the speaker summary is empty', () => {
    const groups = quotesBySpeaker({ ...r, speakers: [] });
    expect(groups.map((g) => [g.entity, g.quotes.length])).toEqual([
      ['person:wang-yi', 2],
      ['person:maria-zakharova', 1],
    ]);
  });

  it('control characters of untrusted input never reach the terminal', () => {
    const hostile = sampleResult();
    hostile.entities[0].name = 'وانغ\u001b]0;pwned\u0007يي\u001b[2J';
    hostile.source = 'a\u009b31mb.txt';
    for (const chalk of [plain, colored]) {
      const out = stripAnsi(renderPretty(hostile, { chalk, shape: false, width: 80 }));
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(out).toContain('وانغ\ufffd]0;pwned\ufffdيي\ufffd[2J');
    }
  });

  it('an article with nothing found still renders its counts', () => {
    const empty = { ...r, title: null, entities: [], quotes: [], speakers: [], warnings: [] };
    const out = renderPretty(empty, { chalk: plain, shape: false });
    expect(out).toContain('0 entities (0 mentions) · 0 quotes');
    expect(out).not.toContain('People');
  });
});

describe('--highlight', () => {
  const r = sampleResult();

  it('prints the whole article, wrapped, without colors when none', () => {
    const out = renderHighlight(r, SAMPLE_TEXT, { chalk: plain, shape: false, width: 50 });
    expect(out).not.toContain(ESC);
    const body = out.split('\n').slice(2).join(' ').replace(/\s+/g, ' ');
    expect(body.trim()).toBe(SAMPLE_TEXT.replace(/\s+/g, ' ').trim());
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  });

  it('colors mentions by type and underlines quotes inline', () => {
    const out = renderHighlight(r, SAMPLE_TEXT, { chalk: colored, shape: false, width: 200 });
    expect(out).toContain(`${ESC}36mماريا زاخاروفا${ESC}39m`); // a person, cyan
    expect(out).toContain(`${ESC}4mالتعاون في إطار `); // quote content underlined
    expect(out).toContain(`${ESC}2mبيان الخصوصية`); // boilerplate dimmed
  });
});
