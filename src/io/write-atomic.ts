import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files are `.<name>.<random>.tmp` next to the target: hidden, and recognisable for clean-up. */
export const TEMP_SUFFIX = '.tmp';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomHex(4)}${TEMP_SUFFIX}`);
}

/** Web Crypto's global, loaded on first use: importing node:crypto up front costs every run start-up time, and only --out-dir writes files. */
function randomHex(bytes: number): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}

/**
 * Write a file atomically: the content goes to a temporary file in the same folder (same file
 * system, so the rename is atomic), which then replaces the target. A reader, or a run killed
 * half-way, sees either the old file or the complete new one, never a truncated one.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array, options: { fsync?: boolean } = {}): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeAll(fd, typeof content === 'string' ? Buffer.from(content) : content);
    if (options.fsync) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
}

/** writeSync may write less than asked (a disk filling up): go on until all is written or it throws. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    const n = writeSync(fd, bytes, at, bytes.length - at);
    if (n <= 0) throw Object.assign(new Error('no space left on the device'), { code: 'ENOSPC' });
    at += n;
  }
}
