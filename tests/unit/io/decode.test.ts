/**
 * Decoding real-world bytes: BOMs, BOM-less UTF-16, legacy Arabic code pages (detected only
 * when the bytes are not UTF-8), forced encodings, invalid bytes. Fixtures are encoded here
 * with iconv-lite (a dev dependency used only to write test bytes).
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, InputError, sniffUtf16 } from '../../../src/io/decode.js';

const ARABIC = 'التقى وزير الخارجية الصيني وانغ يي اليوم نظيره الروسي سيرجي لافروف لبحث العلاقات الثنائية والتعاون في إطار البريكس.';
const enc = (s: string, encoding: string, bom = false) => new Uint8Array(iconv.encode(s, encoding, { addBOM: bom }));

// [note, bytes, expected encoding]
const CASES: [string, Uint8Array, string][] = [
  ['UTF-8 without BOM', enc(ARABIC, 'utf-8'), 'utf-8'],
  ['UTF-8 with BOM', enc(ARABIC, 'utf-8', true), 'utf-8'],
  ['UTF-16LE with BOM', enc(ARABIC, 'utf-16le', true), 'utf-16le'],
  ['UTF-16BE with BOM', enc(ARABIC, 'utf-16be', true), 'utf-16be'],
  ['UTF-16LE without BOM (Arabic high bytes 0x06)', enc(ARABIC, 'utf-16le'), 'utf-16le'],
  ['UTF-16BE without BOM', enc(ARABIC, 'utf-16be'), 'utf-16be'],
  ['Windows-1256 (legacy Arabic code page)', enc(ARABIC, 'windows-1256'), 'windows-1256'],
  ['ISO-8859-6', enc(ARABIC, 'iso-8859-6'), 'iso-8859-6'],
  ['short Windows-1256 text ("Russia and China")', enc('روسيا والصين', 'windows-1256'), 'windows-1256'],
];

describe('decodeBytes: detection', () => {
  it.each(CASES)('%s', (_note, bytes, encoding) => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(bytes.length < 40 ? 'روسيا والصين' : ARABIC);
  });

  it('removes the BOM so offsets count from the first character', () => {
    expect(decodeBytes(enc('أ', 'utf-8', true)).text).toBe('أ');
  });

  it('keeps CRLF line endings as they are', () => {
    const text = 'السطر الأول\r\nالسطر الثاني\r\n';
    expect(decodeBytes(enc(text, 'utf-8')).text).toBe(text);
    expect(decodeBytes(enc(text, 'windows-1256')).text).toBe(text);
  });

  it('warns when the encoding was guessed', () => {
    const d = decodeBytes(enc(ARABIC, 'windows-1256'));
    expect(d.warnings.map((w) => w.code)).toEqual(['encoding-detected']);
    expect(decodeBytes(enc(ARABIC, 'utf-8')).warnings).toEqual([]);
  });
});

describe('decodeBytes: invalid bytes and forcing', () => {
  it('replaces invalid UTF-8 in mostly-UTF-8 text with U+FFFD and warns', () => {
    const good = enc(ARABIC, 'utf-8');
    const bytes = new Uint8Array([...good.subarray(0, 20), 0xff, ...good.subarray(20)]);
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('\ufffd');
    expect(d.warnings.some((w) => w.code === 'invalid-bytes')).toBe(true);
  });

  it('UTF-8 damaged in several places stays UTF-8 (not read as a legacy code page)', () => {
    const good = enc(ARABIC.repeat(3), 'utf-8');
    const bytes = Uint8Array.from(good);
    // cut three Arabic letters in half: their lead byte stays, the continuation byte becomes ASCII
    for (const at of [11, 101, 301]) bytes[at] = 0x3f;
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text.startsWith(ARABIC.slice(0, 5))).toBe(true);
    expect(d.warnings.map((w) => w.code)).toEqual(['invalid-bytes']);
  });

  it('a forced encoding wins over detection', () => {
    const bytes = enc(ARABIC, 'windows-1256');
    expect(decodeBytes(bytes, 'iso-8859-6').encoding).toBe('iso-8859-6');
    expect(decodeBytes(enc(ARABIC, 'utf-8'), 'windows-1256').text).not.toBe(ARABIC);
  });

  it('accepts encoding labels in any case and alias', () => {
    expect(decodeBytes(enc(ARABIC, 'windows-1256'), 'CP1256').text).toBe(ARABIC);
    expect(decodeBytes(enc(ARABIC, 'utf-16le', true), 'UTF-16LE').text).toBe(ARABIC);
  });

  it('an unknown forced encoding is an InputError with a code', () => {
    expect(() => decodeBytes(enc('x', 'utf-8'), 'klingon-8')).toThrow(InputError);
    try {
      decodeBytes(enc('x', 'utf-8'), 'klingon-8');
    } catch (err) {
      expect((err as InputError).code).toBe('unknown-encoding');
    }
  });
});

describe('sniffUtf16', () => {
  it.each([
    ['Latin UTF-16LE', enc('hello world', 'utf-16le'), 'utf-16le'],
    ['Arabic UTF-16BE', enc(ARABIC, 'utf-16be'), 'utf-16be'],
    ['UTF-8 Arabic is not UTF-16', enc(ARABIC, 'utf-8'), null],
    ['Windows-1256 is not UTF-16', enc(ARABIC, 'windows-1256'), null],
    ['all zero bytes are not UTF-16', new Uint8Array(64), null],
  ] as const)('%s', (_note, bytes, expected) => {
    expect(sniffUtf16(bytes)).toBe(expected);
  });
});
