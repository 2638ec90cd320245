import { describe, expect, it } from 'vitest';
import { displayWidth, styled, truncate, wrap } from '../../../src/render/styled.js';

/** Terminal width arithmetic and wrapping used by the pretty renderer. */
describe('displayWidth', () => {
  it.each([
    ['plain Latin', 'Wang Yi', 7],
    ['Arabic letters take one column each (note: "Lavrov")', 'لافروف', 6],
    ['harakat take none (note: "peace" with harakat)', 'السَّلَامُ', 6],
    ['bidi controls take none', '\u200fقال\u200e', 3],
    ['CJK takes two', '北京', 4],
  ])('%s', (_note, s, w) => {
    expect(displayWidth(s)).toBe(w);
  });
});

describe('wrap and truncate', () => {
  it('wraps at spaces, indents continuation lines, never exceeds the width', () => {
    const text = 'قال وزير الخارجية الروسي سيرجي لافروف إن روسيا مستعدة للعمل مع الصين'; // "Lavrov said Russia is ready to work with China"
    const lines = wrap(styled(text), 20, 2).map((l) => l.text);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
  });

  it('cuts a word longer than the line', () => {
    const lines = wrap(styled('x'.repeat(25)), 10).map((l) => l.text);
    expect(lines).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('keeps line breaks of the text and the styles of each character', () => {
    const t = styled('ab\ncd', 'PERSON');
    const lines = wrap(t, 10);
    expect(lines.map((l) => l.text)).toEqual(['ab', 'cd']);
    expect(lines[1].styles).toEqual(['PERSON', 'PERSON']);
  });

  it('truncate ends with an ellipsis at a word boundary', () => {
    expect(truncate(styled('one two three four'), 10).text).toBe('one two…');
    expect(truncate(styled('short'), 10).text).toBe('short');
  });
});
