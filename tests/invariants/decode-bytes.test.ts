/**
 * Random bytes as files: `decodeBytes` either returns text or throws an InputError (a
 * user-facing error with a code), never anything else, and never a text that still starts
 * with a BOM (offsets count from the first character of content).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, InputError } from '../../src/io/decode.js';
import { decodeInput } from '../../src/io/read-input.js';
import { fileBytes, fuzzParams } from './arbitraries.js';

const bytes = fileBytes(300);

const ENCODINGS = [undefined, 'utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6', 'latin1', 'no-such-encoding', ''];

function outcome(b: Uint8Array, enc: string | undefined): 'text' | 'input-error' {
  try {
    const d = decodeBytes(b, enc);
    expect(typeof d.text).toBe('string');
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(Array.isArray(d.warnings)).toBe(true);
    return 'text';
  } catch (err) {
    if (err instanceof InputError) {
      expect(err.message).not.toMatch(/\n/);
      return 'input-error';
    }
    throw err;
  }
}

describe('decodeBytes on random bytes', () => {
  it('returns text or throws InputError, for every forced encoding', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(...ENCODINGS), (b, enc) => {
        outcome(b, enc);
      }),
      fuzzParams(300),
    );
  });

  it('auto-detection always returns text (random bytes are never fatal)', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(outcome(b, undefined)).toBe('text');
      }),
      fuzzParams(300),
    );
  });

  const cases: [string, number[]][] = [
    ['empty file', []],
    ['UTF-8 BOM only', [0xef, 0xbb, 0xbf]],
    ['UTF-16LE BOM only', [0xff, 0xfe]],
    ['UTF-16LE BOM with an odd byte count', [0xff, 0xfe, 0x27]],
    ['UTF-16BE BOM then a lone high surrogate', [0xfe, 0xff, 0xd8, 0x00]],
    ['two UTF-8 BOMs (the second must not survive as text start)', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0xd8, 0xa7]],
    ['truncated UTF-8 Arabic letter', [0xd8]],
    ['overlong UTF-8 encoding of "/"', [0xc0, 0xaf]],
    ['UTF-8 encoded surrogate (CESU)', [0xed, 0xa0, 0x80]],
    ['NUL bytes', [0, 0, 0, 0]],
  ];
  it.each(cases)('%s', (_note, b) => {
    expect(outcome(Uint8Array.from(b), undefined)).toBe('text');
  });
});

/** Tag soup: the pieces a truncated or hostile saved page is made of, Arabic text between them. */
const tagSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('<!doctype html>', '<!DOCTYPE html>', '<html>', '</html>', '<head>', '</head>', '<title>', '</title>', '<body>', '</body>', '<p>', '</p>', '<div>', '</div>', '<h1>', '</h1>', '<br>', '<!--', '-->', '<script>', '</script>', '<style>', '</style>', '<meta charset="windows-1256">', '<meta charset="no-such">', '<article>', '<', '>', '&amp;', '&#x0;', '&#xD800;', '<?xml version="1.0"?>', '<svg>', '<table><tr><td>'),
      fc.constantFrom('قال الوزير إن الصين مهمة.', 'عنوان الخبر | الموقع', ' ', '\n', '\u0000', '\ud800'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('decodeInput on tag soup (HTML pages cut short or crafted)', () => {
  it('returns text or throws InputError, with and without an .html name', () => {
    fc.assert(
      fc.property(tagSoup, fc.constantFrom(undefined, 'page.html', 'page.txt'), (html, name) => {
        try {
          const d = decodeInput(Buffer.from(html, 'utf8'), { name });
          expect(typeof d.text).toBe('string');
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
        }
      }),
      fuzzParams(200),
    );
  });

  const pages: [string, string][] = [
    ['doctype only', '<!doctype html>'],
    ['doctype and comment', '<!DOCTYPE html><!-- x -->'],
    ['xml prolog only', '<?xml version="1.0"?>'],
    ['unterminated comment', '<html><!-- قال'],
  ];
  it.each(pages)('%s', (_note, html) => {
    try {
      decodeInput(Buffer.from(html, 'utf8'), { name: 'page.html' });
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
    }
  });
});
