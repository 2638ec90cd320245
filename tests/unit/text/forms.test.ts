/**
 * Interned word forms: one shared object per distinct form, found from the units in place,
 * bounded by starting over between documents.
 */
import { describe, expect, it } from 'vitest';
import { FormTable, hashUnits } from '../../../src/text/forms.js';
import { normalize } from '../../../src/text/normalize.js';
import { tokenize } from '../../../src/text/tokens.js';

function tokens(original: string, table: FormTable) {
  const { text, map } = normalize(original, 'match');
  return tokenize(text, map, [], table);
}

describe('FormTable', () => {
  it('gives the same form for the same units wherever they lie', () => {
    const table = new FormTable();
    const a = table.intern('قال وزير', 0, 3);
    const b = table.intern('وقال قال', 5, 8);
    expect(a).toBe(b);
    expect(a.norm).toBe('قال');
    expect(table.size).toBe(1);
  });

  it('keeps forms with a common prefix or the same length apart', () => {
    const table = new FormTable();
    const words = ['قال', 'قالت', 'قا', 'مال', 'لاق', 'ق'];
    const forms = words.map((w) => table.intern(w, 0, w.length));
    expect(new Set(forms).size).toBe(words.length);
    expect(forms.map((f) => f.norm)).toEqual(words);
  });

  it('tells apart long forms that differ only past the units kept inline, and odd from even lengths', () => {
    const table = new FormTable();
    const words = ['والاستثمارات', 'والاستثماران', 'بالمسؤوليات', 'بالمسؤوليه', 'بالمسؤوليهم', 'abcdefghijk', 'abcdefghijl', 'abcdefghij', 'ab\u0000', 'ab'];
    const forms = words.map((w) => table.intern(`. ${w} .`, 2, w.length + 2));
    expect(new Set(forms).size).toBe(words.length);
    expect(words.map((w) => table.intern(w, 0, w.length))).toEqual(forms);
  });

  it('still finds every form after growing many times', () => {
    const table = new FormTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const first = words.map((w) => table.intern(w, 0, w.length));
    const again = words.map((w) => table.intern(`x ${w}`, 2, w.length + 2));
    expect(again.every((f, i) => f === first[i])).toBe(true);
    expect(table.size).toBe(words.length);
  });

  it('starts over only at a document boundary once full, and drops the stage data with it', () => {
    const table = new FormTable(3);
    const memo = table.memo('index', () => new Map<string, number>());
    for (const w of ['a', 'b', 'c', 'd']) table.intern(w, 0, 1);
    expect(table.size).toBe(4); // within a document the table may pass its bound
    const before = table.intern('a', 0, 1);
    table.beginDocument();
    expect(table.size).toBe(0);
    expect(table.generation).toBe(1);
    expect(table.intern('a', 0, 1)).not.toBe(before);
    expect(table.memo('index', () => new Map<string, number>())).not.toBe(memo);
  });

  it('interns a whole document in one pass (internAll) exactly as word by word', () => {
    const text = 'قال وزير الخارجية إن الوزير قال والاستثمارات والاستثماران قال';
    const bounds = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
    const count = bounds.length;
    const starts = Int32Array.from(bounds, (b) => b[0]);
    const ends = Int32Array.from(bounds, (b) => b[1]);
    const hashes = Int32Array.from(bounds, (b) => hashUnits(text, b[0], b[1]));
    const formIndex = new Int32Array(count);
    const batched = new FormTable();
    batched.internAll(text, starts, ends, hashes, count, formIndex);
    const one = new FormTable();
    const expected = bounds.map(([s, e]) => one.intern(text, s, e).norm);
    expect(Array.from(formIndex, (i) => batched.form(i).norm)).toEqual(expected);
    expect(formIndex[1]).not.toBe(formIndex[0]);
    expect(formIndex[count - 1]).toBe(formIndex[0]); // the same form, the same index
    expect(batched.size).toBe(one.size);
  });

  it('tokenizes a document longer than the reused buffers like a short one', () => {
    const sentence = 'قال الوزير إن 3.5 مليون شخص، (تقريبا) زاروا www.example.com أمس. ';
    const long = sentence.repeat(Math.ceil((1 << 20) / sentence.length) + 1);
    const table = new FormTable();
    const short = tokens(sentence, table);
    const all = tokens(long, table);
    expect(all.length).toBe(short.length * (long.length / sentence.length));
    const last = all.slice(-short.length);
    expect(last.map((t) => [t.norm, t.kind, t.end - t.start])).toEqual(short.map((t) => [t.norm, t.kind, t.end - t.start]));
    expect(last.every((t, i) => t.form === short[i].form)).toBe(true);
  });

  it('is not emptied between documents while under its bound', () => {
    const table = new FormTable(10);
    const form = table.intern('روسيا', 0, 5);
    table.beginDocument();
    expect(table.intern('روسيا', 0, 5)).toBe(form);
  });
});

describe('tokenize with a form table', () => {
  it('shares one form between tokens of the same normalized form across documents (أكد and اكد normalize alike)', () => {
    const table = new FormTable();
    const first = tokens('أكد الوزير', table);
    const second = tokens('اكد الوزير', table);
    expect(second[0].form).toBe(first[0].form);
    expect(second[1].form).toBe(first[1].form);
    expect(first.every((t) => t.norm === t.form.norm)).toBe(true);
  });

  it('gives each call its own table by default (nothing shared)', () => {
    const { text, map } = normalize('قال قال', 'match');
    const a = tokenize(text, map);
    const b = tokenize(text, map);
    expect(a[0].form).toBe(a[1].form);
    expect(b[0].form).not.toBe(a[0].form);
  });
});
