import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../types.js';

/**
 * Bytes → text, in this order of evidence:
 * 1. a forced encoding (`--encoding`);
 * 2. a BOM (UTF-8, UTF-16 LE/BE), removed so offsets count from the first character of content;
 * 3. BOM-less UTF-16, recognized by its NUL or 0x06 high bytes on one side of each pair;
 * 4. valid UTF-8 is UTF-8, and so is UTF-8 with a few damaged sequences (they become U+FFFD
 *    with a warning);
 * 5. otherwise jschardet (loaded on first need: it costs ~100 ms) picks among the legacy code
 *    pages, Windows-1256 and ISO-8859-6 for Arabic.
 * Line endings are never rewritten: offsets into the text are offsets into the file's content.
 * Node's TextDecoder does the decoding (no hand-written code tables).
 */
export interface Decoded {
  text: string;
  encoding: string;
  warnings: Diagnostic[];
  /** 'html' when the text was extracted from an HTML page: offsets then refer to `text`, which the JSON output must include. */
  format?: 'text' | 'html';
}

export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export type BomKind = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The BOM at the start of `bytes`, if any, and its length. */
export function sniffBom(bytes: Uint8Array): { encoding: BomKind; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

const SNIFF_BYTES = 8192;

/**
 * BOM-less UTF-16: text in Latin or Arabic script has a high byte of 0x00 or 0x06 in most code
 * units, so one side of the byte pairs is dominated by those two values and the other is not.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i];
    const b = bytes[i + 1];
    if (a === 0x00 || a === 0x06) evenHigh++;
    if (b === 0x00 || b === 0x06) oddHigh++;
  }
  const pairs = n / 2;
  if (oddHigh >= pairs * 0.6 && evenHigh <= pairs * 0.1) return 'utf-16le';
  if (evenHigh >= pairs * 0.6 && oddHigh <= pairs * 0.1) return 'utf-16be';
  return null;
}

/** Canonical (WHATWG) name of an encoding label, or null when Node cannot decode it. */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

export function decodeBytes(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) {
    const encoding = canonicalEncoding(forced);
    if (!encoding) throw new InputError('unknown-encoding', `unknown encoding "${forced}"; try utf-8, utf-16le, utf-16be, windows-1256 or iso-8859-6`);
    // a BOM of the forced encoding is still not content
    const bom = sniffBom(bytes);
    return decodeAs(bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes, encoding);
  }
  const bom = sniffBom(bytes);
  if (bom) return decodeAs(bytes.subarray(bom.length), bom.encoding);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decodeAs(bytes, utf16, [detectedWarning(utf16, 'no BOM; byte pattern of UTF-16')]);
  if (isValidUtf8(bytes) || isMostlyUtf8(bytes)) return decodeAs(bytes, 'utf-8');
  return decodeDetected(bytes);
}

/**
 * UTF-8 with a few damaged sequences (a truncated download, a bad copy) stays UTF-8: fewer than
 * one non-ASCII character in 20 comes out as U+FFFD. Legacy code pages fail this at once, since
 * nearly all their Arabic bytes are invalid UTF-8.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  const sample = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, 65536));
  let nonAscii = 0;
  let replaced = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replaced++;
  }
  return nonAscii >= 20 && replaced * 20 < nonAscii;
}

/** Decode with a known encoding; invalid sequences become U+FFFD with a warning. */
export function decodeAs(bytes: Uint8Array, encoding: string, warnings: Diagnostic[] = []): Decoded {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    if (err instanceof RangeError) throw new InputError('unknown-encoding', `unknown encoding "${encoding}"`);
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    warnings.push({ code: 'invalid-bytes', message: `invalid ${encoding} byte sequences were replaced by U+FFFD` });
  }
  // a second BOM (files concatenated or saved twice) is not content either
  while (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding, warnings };
}

/** Node's native validator: a tenth of the cost of a fatal decode, which would decode the text twice. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

interface Chardet {
  detect(bytes: Uint8Array | Buffer, options?: { minimumThreshold?: number }): { encoding: string | null; confidence: number };
}

let chardet: Chardet | null = null;

/** jschardet, loaded on first use only (about 100 ms and much memory). */
function loadChardet(): Chardet {
  chardet ??= createRequire(import.meta.url)('jschardet') as Chardet;
  return chardet;
}

/** jschardet's names → the encodings we decode (null: not one we trust for this input). */
function fromChardetName(name: string | null): string | null {
  if (!name) return null;
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8-sig' || n === 'ascii' || n === 'utf-8') return 'utf-8';
  if (n === 'utf-16-le' || n === 'utf-16le') return 'utf-16le';
  if (n === 'utf-16-be' || n === 'utf-16be') return 'utf-16be';
  return canonicalEncoding(n);
}

/** Bytes that are not UTF-8: ask the detector, prefer the Arabic code pages when their letters dominate. */
function decodeDetected(bytes: Uint8Array): Decoded {
  const guess = fromChardetName(loadChardet().detect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).encoding);
  if (guess === 'utf-8') return decodeAs(bytes, 'utf-8');
  if (guess === 'windows-1256' || guess === 'iso-8859-6' || guess === 'utf-16le' || guess === 'utf-16be') {
    return decodeAs(bytes, guess, [detectedWarning(guess, 'detected')]);
  }
  // jschardet is unsure about short Arabic texts; the share of Arabic letters decides
  if (arabicLetterShare(bytes, 'windows-1256') >= 0.6) return decodeAs(bytes, 'windows-1256', [detectedWarning('windows-1256', 'most non-ASCII bytes are Arabic letters in it')]);
  if (guess && guess !== 'utf-8') return decodeAs(bytes, guess, [detectedWarning(guess, 'detected')]);
  return decodeAs(bytes, 'utf-8');
}

function detectedWarning(encoding: string, why: string): Diagnostic {
  return { code: 'encoding-detected', message: `decoded as ${encoding} (${why}); use --encoding to force another` };
}

/** Share of non-ASCII characters that are Arabic letters when `bytes` are decoded as `encoding`. */
function arabicLetterShare(bytes: Uint8Array, encoding: string): number {
  const sample = new TextDecoder(encoding).decode(bytes.subarray(0, SNIFF_BYTES));
  let high = 0;
  let arabic = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) continue;
    high++;
    if (c >= 0x0621 && c <= 0x064a) arabic++;
  }
  return high === 0 ? 0 : arabic / high;
}
