import fc from 'fast-check';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { tagTokens } from '../../../src/render/conll.js';
import { renderHighlight } from '../../../src/render/highlight.js';
import { htmlArticle } from '../../../src/render/html.js';
import type { ExtractResult } from '../../../src/result.js';
import { shapeLineWithSource } from '../../../src/render/shape.js';

/**
 * Renderer invariants on arbitrary results: whatever the spans (overlapping, empty, unordered,
 * astral characters in the text), the HTML shows the text exactly once and never nests marks,
 * the terminal highlight loses no character, and CoNLL tags form valid BIO sequences.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const CHARS = ['ق', 'ا', 'ل', ' ', 'و', 'ن', 'غ', '\n', '<', '&', '"', '🙂', 'a', '1', '.', 'ً'];

const textArb = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 60 }).map((a) => a.join(''));

function spanArb(length: number) {
  return fc.tuple(fc.nat(length), fc.nat(length)).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
}

/** A result over `text` with random spans (code point offsets). */
const caseArb = textArb.chain((text) => {
  const cps = Array.from(text);
  const n = cps.length;
  const slice = (s: { start: number; end: number }) => cps.slice(s.start, s.end).join('');
  return fc
    .record({
      mentions: fc.array(fc.tuple(spanArb(n), fc.constantFrom('PERSON', 'LOCATION', 'ORGANIZATION', 'EVENT')), { maxLength: 8 }),
      quotes: fc.array(fc.tuple(spanArb(n), spanArb(n)), { maxLength: 3 }),
      boilerplate: fc.array(spanArb(n), { maxLength: 2 }),
    })
    .map(({ mentions, quotes, boilerplate }) => {
      const result: ExtractResult = {
        schema: 'newsnlp.extract/1',
        source: 'fuzz',
        offsets: 'codepoint',
        title: null,
        sentences: [{ start: 0, end: n, text }],
        boilerplate: boilerplate.map((b) => ({ ...b, kind: 'x' })),
        entities: mentions.map(([m, type], i) => ({ id: `e${i}`, type, name: 'x', mentions: [{ ...m, text: slice(m), sentence: 0 }] })),
        quotes: quotes.map(([cue, content]) => ({
          speaker: { entity: mentions.length ? 'e0' : null, text: 'x', implicit: false },
          cue: { ...cue, text: slice(cue), lemma: 'قال' },
          content: { ...content, text: slice(content) },
          kind: 'indirect' as const,
          sentence: 0,
        })),
        speakers: [],
        warnings: [],
      };
      return { text, result };
    });
});

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('renderer properties', () => {
  it('html: the article element holds the text exactly, marks never nest', () => {
    fc.assert(
      fc.property(caseArb, ({ text, result }) => {
        const html = htmlArticle(result, text);
        const article = /<article class="text"[^>]*>([\s\S]*)<\/article>/.exec(html)![1];
        expect(unescape(article.replace(/<[^>]*>/g, ''))).toBe(text);
        expect(article).not.toMatch(/<mark(?:(?!<\/mark>)[\s\S])*<mark/);
        expect(article).not.toMatch(/<a (?:(?!<\/a>)[\s\S])*<a /);
      }),
      { numRuns: RUNS },
    );
  });

  it('highlight: without colors, the wrapped article keeps every non-space character in order', () => {
    const plain = new Chalk({ level: 0 });
    fc.assert(
      fc.property(caseArb, ({ text, result }) => {
        const out = renderHighlight(result, text, { chalk: plain, shape: false, width: 20 });
        const body = out.split('\n').slice(out.split('\n').indexOf('') + 1).join('');
        expect(body.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: RUNS },
    );
  });

  it('conll: tags are valid BIO sequences and tokens come from the text in order', () => {
    fc.assert(
      fc.property(caseArb, ({ text, result }) => {
        let prev = 'O';
        let pos = 0;
        for (const t of tagTokens(result, text)) {
          expect(t.tag).toMatch(/^(O|[BI]-(PERS|LOC|ORG|MISC))$/);
          if (t.tag.startsWith('I-')) expect(prev.slice(2)).toBe(t.tag.slice(2));
          prev = t.tag;
          const at = text.indexOf(t.text, pos);
          expect(at).toBeGreaterThanOrEqual(pos);
          pos = at + t.text.length;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('shaping: every character is shown once, except harakat and alefs fused into lam-alef', () => {
    const HARAKA = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/;
    const ALEF = /[\u0622\u0623\u0625\u0627]/;
    const pieces = ['ل', 'ا', 'أ', 'آ', 'لا', 'لَا', 'ب', 'ة', ' ', '(', ')', '[', '12', '3.5', '%', 'Wang', '-', '،', 'ّ', 'ـ', 'ש', 'ָ', '\u0301'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom<'rtl' | 'ltr' | undefined>('rtl', 'ltr', undefined), (parts, dir) => {
        const line = parts.join('');
        const { text, source } = shapeLineWithSource(line, dir);
        expect(source).toHaveLength(text.length);
        expect(new Set(source).size).toBe(source.length);
        const shown = new Set(source);
        for (let i = 0; i < line.length; i++) if (!shown.has(i) && !HARAKA.test(line[i])) expect(ALEF.test(line[i]) && line[i - 1] !== undefined).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
