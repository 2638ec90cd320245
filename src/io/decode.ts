import type { Diagnostic } from '../types.js';

/**
 * Bytes → text. BOMs decide first (UTF-8, UTF-16 LE/BE); valid UTF-8 is UTF-8; otherwise the
 * bytes are decoded as UTF-8 with U+FFFD replacements and a warning. The BOM is removed, so
 * offsets count from the first character of content.
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

export function decodeBytes(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) return decodeAs(bytes, forced);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  return decodeAs(bytes, 'utf-8');
}

function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  const warnings: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof RangeError) throw new InputError('unknown-encoding', `unknown encoding "${encoding}"`);
    text = new TextDecoder(encoding).decode(bytes);
    warnings.push({ code: 'invalid-bytes', message: `invalid ${encoding} byte sequences were replaced by U+FFFD` });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding, warnings };
}
