import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { canonicalEncoding, decodeAs, decodeBytes, InputError, isValidUtf8, sniffBom, type Decoded } from './decode.js';
import { htmlCharset, htmlToText, looksLikeHtml } from './html.js';

/** Default for `--max-bytes`: one input larger than this is refused rather than loaded. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export function tooLarge(limit: number, size?: number): InputError {
  const what = size === undefined ? 'is larger than' : `is ${size} bytes, larger than`;
  return new InputError('too-large', `${what} the --max-bytes limit of ${limit} bytes; raise it with --max-bytes if this really is one article`);
}

/** Read all of a stream into one buffer, refusing (and no longer reading) past `maxBytes`. */
export async function readStream(stream: NodeJS.ReadableStream, maxBytes = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLarge(maxBytes);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export interface ReadOptions {
  /** Force the encoding (e.g. `windows-1256`); detection otherwise. */
  encoding?: string;
  /** File name, used to recognize HTML by its extension. */
  name?: string;
  /** `auto` (default): HTML by extension or content; `text`: never extract from HTML; `html`: always. */
  format?: 'auto' | 'text' | 'html';
  /** Refuse an input larger than this many bytes (default: no limit). */
  maxBytes?: number;
  /**
   * Refuse binary content from its bytes, before any decoding (encoding detection on binary is
   * slow and pointless); `looksBinary` decides. Not applied when the encoding is forced.
   */
  looksBinary?: (bytes: Uint8Array) => boolean;
}

/** Bytes at the head of a file `looksBinary` judges. */
const BINARY_SNIFF_BYTES = 8192;

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/** Read and decode one input file, with errors that say what to do. */
export function readInputFile(path: string, options: ReadOptions = {}): Decoded {
  const maxBytes = options.maxBytes ?? Infinity;
  let bytes: Buffer;
  try {
    bytes = readWhole(path, maxBytes);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(errCode(err), describeFsError(err));
  }
  if (!options.encoding && options.looksBinary?.(bytes.subarray(0, BINARY_SNIFF_BYTES))) throw new InputError('binary', 'looks like a binary file, not text');
  return decodeInput(bytes, { name: path, ...options });
}

const IS_DIRECTORY = 'is a folder; give the files inside it, or pass the folder to `newsnlp extract` for a batch';

/**
 * The file's bytes, from one open descriptor: its size is checked against `maxBytes` before
 * anything is read (a batch reads tens of thousands of files: a separate stat of each path cost
 * as much as the reads).
 */
function readWhole(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new InputError('is-directory', IS_DIRECTORY);
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError('is-directory', IS_DIRECTORY);
    // devices and pipes have no size to check first (/dev/zero never ends): read them bounded
    if (!st.isFile()) return readBounded(fd, maxBytes);
    if (st.size > maxBytes) throw tooLarge(maxBytes, st.size);
    return readSized(fd, st.size);
  } finally {
    closeSync(fd);
  }
}

/** A regular file of `size` bytes (fewer if it shrank meanwhile), as readFileSync reads it. */
function readSized(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const got = readSync(fd, bytes, n, size - n, null);
    if (got === 0) return bytes.subarray(0, n);
    n += got;
  }
  return bytes;
}

/** Read a descriptor (device, FIFO) to its end chunk by chunk, refusing it past `maxBytes`. */
function readBounded(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks);
}

/**
 * Decode the bytes of one input: text or HTML (article extracted, `format: 'html'`). Empty and
 * binary inputs are refused with an InputError (`empty`, `binary`).
 */
export function decodeInput(bytes: Uint8Array, options: ReadOptions = {}): Decoded {
  if (bytes.length === 0) throw new InputError('empty', 'is empty: there is no text to analyse');
  const html = isHtmlInput(bytes, options);
  const decoded = html ? decodeHtmlBytes(bytes, options.encoding) : decodeBytes(bytes, options.encoding);
  refuseBinary(decoded.text);
  if (!html) {
    refuseEmpty(decoded.text);
    return { ...decoded, format: 'text' };
  }
  const text = htmlToText(decoded.text);
  refuseEmpty(text, 'the HTML page has no readable text');
  return { text, encoding: decoded.encoding, warnings: decoded.warnings, format: 'html' };
}

function isHtmlInput(bytes: Uint8Array, options: ReadOptions): boolean {
  if (options.format === 'text') return false;
  if (options.format === 'html') return true;
  const head = asciiHead(bytes);
  // an .html name is trusted when the content has tags at all (a text file misnamed .htm stays text)
  if (options.name && HTML_EXTENSIONS.has(extname(options.name).toLowerCase())) return /<[a-zA-Z!/]/.test(head);
  return looksLikeHtml(head);
}

/** The first bytes as Latin-1 (enough to read tags and a meta charset in any ASCII-compatible encoding); UTF-16 decoded properly. */
function asciiHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4096);
  const bom = sniffBom(head);
  if (bom && bom.encoding !== 'utf-8') return new TextDecoder(bom.encoding).decode(head);
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
}

/** HTML: a forced encoding, then a BOM, then `<meta charset>`, then detection. */
function decodeHtmlBytes(bytes: Uint8Array, forced: string | undefined): Decoded {
  if (forced || sniffBom(bytes)) return decodeBytes(bytes, forced);
  const declared = htmlCharset(asciiHead(bytes));
  if (declared && canonicalEncoding(declared) !== 'utf-8' && hasNonAscii(bytes) && isValidUtf8(bytes)) {
    // a page saved as UTF-8 that still declares its old charset: Arabic in a legacy code page is never valid UTF-8
    const d = decodeAs(bytes, 'utf-8');
    d.warnings.push({ code: 'charset-mismatch', message: `the page declares ${declared} but its bytes are UTF-8; decoded as UTF-8` });
    return d;
  }
  if (declared) {
    try {
      return decodeAs(bytes, declared);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const d = decodeBytes(bytes);
      d.warnings.push({ code: 'unknown-charset', message: `the page declares an unknown charset "${declared}"; decoded as ${d.encoding}` });
      return d;
    }
  }
  return decodeBytes(bytes);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

const BINARY_SAMPLE = 8192;

/** NUL characters, or many control characters, mean the file is not text. */
function refuseBinary(text: string): void {
  const n = Math.min(text.length, BINARY_SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new InputError('binary', 'looks like a binary file (it contains NUL bytes), not text; give a text or HTML file');
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b) || c === 0x7f) controls++;
  }
  if (n > 0 && controls > n * 0.1) throw new InputError('binary', 'looks like a binary file (many control characters), not text; give a text or HTML file');
}

/** Some character that is neither white space nor an invisible format mark (found at once in any real text, no copy made). */
const VISIBLE = /[^\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function refuseEmpty(text: string, message = 'is empty: there is no text to analyse'): void {
  if (!VISIBLE.test(text)) throw new InputError('empty', message);
}

function errCode(err: unknown): string {
  return ((err as NodeJS.ErrnoException).code ?? 'read-error').toLowerCase();
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file; check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied; check the file permissions';
  if (code === 'EISDIR') return 'is a folder';
  return (err as Error).message.split('\n')[0];
}
