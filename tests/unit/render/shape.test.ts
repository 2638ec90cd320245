import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { renderPretty } from '../../../src/render/pretty.js';
import { decideShape, hasRightToLeft, shapeLine, shapeLineWithSource, terminalNeedsShaping } from '../../../src/render/shape.js';
import { sampleResult } from './sample.js';

/**
 * Shaping for terminals that render left to right: Arabic letters become contextual
 * presentation forms (U+FE70–U+FEFF) and each line is reordered visually (UAX #9).
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const PRESENTATION = /[\ufe70-\ufeff]/;
const BASE_ARABIC = /[\u0621-\u064a]/;

describe('shapeLine on mixed Arabic / Latin / digits lines', () => {
  it.each([
    ['Arabic sentence with a Latin name and a number (note: "Wang Yi said 25 million")', 'قال وانغ يي (Wang Yi) إن 25 مليون شخص', ['Wang Yi', '25']],
    // after Arabic letters digits are Arabic numbers (UAX #9 W2), so % stays outside: "%3.5" as browsers show it
    ['digits with separators stay in reading order (note: "in 2024, 3.5%")', 'في عام 2024 بنسبة 3.5%', ['2024', '%3.5']],
    ['Latin first, then Arabic (note: "Putin" / "Putin")', 'Putin بوتين 2024', ['Putin', '2024']],
  ])('%s', (_note, line, latinRuns) => {
    const out = shapeLine(line, 'rtl');
    expect(out).toMatch(PRESENTATION);
    expect(out).not.toMatch(BASE_ARABIC); // every letter got a presentation form
    for (const run of latinRuns) expect(out).toContain(run); // LTR runs are not reversed
  });

  it('an RTL paragraph reads right to left: the first logical word ends up rightmost', () => {
    const out = shapeLine('قال Putin 2024', 'rtl'); // "said Putin 2024": the Latin+digits run stays one LTR run
    expect(out).toBe('Putin 2024 \ufedd\ufe8e\ufed7'); // قال, visually reversed: lam final, alef final, qaf initial
    const words = shapeLine('قال وانغ إن', 'rtl').split(' '); // "Wang said that"
    expect(words).toEqual([shapeLine('إن', 'rtl'), shapeLine('وانغ', 'rtl'), shapeLine('قال', 'rtl')]);
  });

  it('brackets are mirrored inside right-to-left runs (note: "(Monday)")', () => {
    const out = shapeLine('(الاثنين)', 'rtl');
    expect(out[0]).toBe('(');
    expect(out[out.length - 1]).toBe(')');
  });

  it('harakat are dropped first: lam-alef with a haraka does not duplicate the alef (note: "peace")', () => {
    const out = shapeLine('السَّلَامُ', 'rtl');
    expect(out).toBe(shapeLine('السلام', 'rtl'));
    expect([...out].filter((c) => c === '\ufe8e' || c === '\ufe8d')).toHaveLength(1); // the one alef of ال
  });

  it('source indexes point back into the input line (lam-alef ligature counts for its lam)', () => {
    const line = 'لا إله إلا الله';
    const { text, source } = shapeLineWithSource(line, 'rtl');
    expect(source).toHaveLength(text.length);
    for (const i of source) expect(i).toBeGreaterThanOrEqual(0);
    expect(new Set(source).size).toBe(source.length);
    expect(Math.max(...source)).toBeLessThan(line.length);
  });

  it('on every line of the fixtures, each kept character is shown exactly once', () => {
    const HARAKA = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/;
    const ALEF = /[\u0622\u0623\u0625\u0627]/;
    for (const dir of readdirSync(join(ROOT, 'fixtures'))) {
      const text = readFileSync(join(ROOT, 'fixtures', dir, 'input.txt'), 'utf8');
      for (const line of text.split('\n')) {
        const { text: shaped, source } = shapeLineWithSource(line, 'rtl');
        expect(source).toHaveLength(shaped.length);
        expect(new Set(source).size).toBe(source.length);
        const shown = new Set(source);
        for (let i = 0; i < line.length; i++) {
          if (HARAKA.test(line[i]) || shown.has(i)) continue;
          // the only other characters not shown are alefs fused into a lam-alef ligature
          expect(ALEF.test(line[i]), `${dir}: ${JSON.stringify(line[i])} at ${i}`).toBe(true);
        }
      }
    }
  });

  it('combining marks stay after their base letter in a reversed run (Hebrew points: "shalom")', () => {
    const { text } = shapeLineWithSource('שָׁלוֹם', 'rtl');
    expect(/\p{M}/u.test(text[0])).toBe(false);
    expect(text.startsWith('ם')).toBe(true);
  });

  it('a line without right-to-left text is not touched', () => {
    expect(hasRightToLeft('Wang Yi 2024')).toBe(false);
  });
});

describe('shaping in the pretty renderer', () => {
  const r = sampleResult();
  const plain = new Chalk({ level: 0 });

  it('on: Arabic is shaped; off: the logical text is kept', () => {
    const on = renderPretty(r, { chalk: plain, shape: true, width: 80 });
    const off = renderPretty(r, { chalk: plain, shape: false, width: 80 });
    expect(on).toMatch(PRESENTATION);
    expect(off).not.toMatch(PRESENTATION);
    expect(off).toContain('وانغ يي');
    // English labels and numbers are laid out left to right either way
    expect(on).toContain('People (3)');
    expect(on).toContain('4 sentences · 6 entities');
  });

  it('summary lines shape each Arabic piece on its own: a count never jumps into a role', () => {
    const on = renderPretty(r, { chalk: plain, shape: true, width: 80 });
    // Wang Yi, Chinese foreign minister, 2 mentions
    expect(on).toContain(`  ${shapeLine('وانغ يي', 'rtl')} · Wang Yi · ${shapeLine('وزير الخارجية الصيني', 'rtl')} · 2 mentions`);
  });

  it('a quote is cut to the width before shaping, so its beginning is kept', () => {
    const on = renderPretty(r, { chalk: plain, shape: true, width: 40 });
    const line = on.split('\n').find((l) => l.includes('↳'))!; // the implicit "and he added" quote
    expect(line.length).toBeLessThanOrEqual(40);
    expect(line.endsWith(shapeLine('التعاون', 'rtl'))).toBe(true); // first word of the content, rightmost
  });

  it('colors survive shaping: the person name is cyan in its shaped form', () => {
    const out = renderPretty(r, { chalk: new Chalk({ level: 1 }), shape: true, width: 80 });
    expect(out).toContain(`\u001b[36m${shapeLine('وانغ يي', 'ltr')}\u001b[39m`);
  });
});

describe('decideShape', () => {
  it.each([
    ['always is obeyed off a terminal', 'always', false, {}, true],
    ['never is obeyed on a terminal that cannot shape', 'never', true, { TERM: 'xterm-256color' }, false],
    ['auto off a terminal: never (pipes want logical order)', 'auto', false, { TERM: 'xterm' }, false],
    ['auto off a terminal: NEWSNLP_SHAPE=always still shapes (for less -R)', 'auto', false, { NEWSNLP_SHAPE: 'always' }, true],
    ['auto: NEWSNLP_SHAPE=always wins over the terminal guess', 'auto', true, { KONSOLE_VERSION: '230800', NEWSNLP_SHAPE: 'always' }, true],
    ['auto: NEWSNLP_SHAPE=never wins', 'auto', true, { TERM: 'linux', NEWSNLP_SHAPE: 'never' }, false],
    ['auto: the Linux console cannot shape', 'auto', true, { TERM: 'linux' }, true],
    ['auto: VS Code terminal (xterm.js) cannot', 'auto', true, { TERM_PROGRAM: 'vscode', TERM: 'xterm-256color' }, true],
    ['auto: Konsole shapes itself', 'auto', true, { KONSOLE_VERSION: '230800', TERM: 'xterm-256color' }, false],
    ['auto: GNOME Terminal (VTE 0.70) shapes itself', 'auto', true, { VTE_VERSION: '7000', TERM: 'xterm-256color' }, false],
    ['auto: old VTE without BiDi', 'auto', true, { VTE_VERSION: '5200', TERM: 'xterm-256color' }, true],
    ['auto: unknown terminal: leave text alone', 'auto', true, { TERM: 'screen' }, false],
  ] as const)('%s', (_note, mode, tty, env, expected) => {
    expect(decideShape(mode, tty, env)).toBe(expected);
  });

  it('Apple Terminal does bidi itself', () => {
    expect(terminalNeedsShaping({ TERM_PROGRAM: 'Apple_Terminal', TERM: 'xterm-256color' })).toBe(false);
  });
});
