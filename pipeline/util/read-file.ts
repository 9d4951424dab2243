/**
 * Reads a source or template file only when it is a regular file of a bounded size: a FIFO, a
 * device, a socket or a folder named like one is refused, never read (a FIFO would block the
 * command forever, a device feed it without end). Checked with `lstat` (and `stat` through a
 * symbolic link) before opening, then again on the opened file (opened non-blocking, so even a FIFO
 * swapped in between cannot block), so the check and the read are of the same file.
 */
import { constants, closeSync, fstatSync, lstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';

/** The largest file folio reads as text (a chapter, a JSON file, a template). */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

export class UnreadableFile extends Error {
  constructor(readonly path: string, readonly reason: string, readonly code: 'ENOTREG' | 'EFBIG') {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableFile';
  }
}

function kind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

function refuse(path: string, stats: Stats, max: number): void {
  if (!stats.isFile()) throw new UnreadableFile(path, `is ${kind(stats)}, not a file: folio reads only regular files`, 'ENOTREG');
  if (stats.size > max) throw new UnreadableFile(path, `has ${(stats.size / 1048576).toFixed(0)} MiB; folio reads files of at most ${(max / 1048576).toFixed(0)} MiB`, 'EFBIG');
}

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes of a regular file; UnreadableFile when it is not one or too large, the system's error when it cannot be read. */
export async function readRegularFile(path: string, max = MAX_TEXT_BYTES): Promise<Buffer> {
  const link = await lstat(path);
  refuse(path, link.isSymbolicLink() ? await stat(path) : link, max);
  const handle = await open(path, FLAGS);
  try {
    refuse(path, await handle.stat(), max);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function readRegularFileSync(path: string, max = MAX_TEXT_BYTES): Buffer {
  const link = lstatSync(path);
  refuse(path, link.isSymbolicLink() ? statSync(path) : link, max);
  const fd = openSync(path, FLAGS);
  try {
    refuse(path, fstatSync(fd), max);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Why a read failed, in words: the refusal, or the system's code (`ENOENT`, `EACCES`). */
export function readFailure(error: unknown): string {
  if (error instanceof UnreadableFile) return error.reason;
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a folder', ELOOP: 'too many levels of symbolic links' };
  return `cannot read file: ${code ? (words[code] ? `${words[code]} (${code})` : code) : String(error)}`;
}
