import { readFileSync, statSync } from 'node:fs';
import { decodeBytes, InputError, type Decoded } from './decode.js';

/** Read all of a stream into one buffer. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export interface ReadOptions {
  encoding?: string;
}

/** Read and decode one input file, with errors that say what to do. */
export function readInputFile(path: string, options: ReadOptions = {}): Decoded {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw new InputError(errCode(err), describeFsError(err, path));
  }
  if (st.isDirectory()) throw new InputError('is-directory', 'is a folder; give the files inside it, or pass the folder to `newsnlp extract` for a batch');
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError(errCode(err), describeFsError(err, path));
  }
  return decodeInput(bytes, options);
}

export function decodeInput(bytes: Uint8Array, options: ReadOptions = {}): Decoded {
  return decodeBytes(bytes, options.encoding);
}

function errCode(err: unknown): string {
  return ((err as NodeJS.ErrnoException).code ?? 'read-error').toLowerCase();
}

function describeFsError(err: unknown, _path: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file; check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied; check the file permissions';
  if (code === 'EISDIR') return 'is a folder';
  return (err as Error).message;
}
