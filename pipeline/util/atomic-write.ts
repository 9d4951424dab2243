/**
 * Writes files atomically: a temporary file beside the target, then a rename. Temporary names carry
 * the writing process's id and a random part (`.report.pdf.<pid>.<random>.tmp`), so two builds on one
 * folder never share one, and a later build removes only those whose process is gone (or that are a
 * day old), never a running build's.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/** A temporary file of this module: the target's name, the process id, a random part. */
const TEMP = /^\.(.+)\.(\d+)\.([a-z0-9]+)\.tmp$/;

/** Older than this, a temporary file is left over whatever its process id says (ids are reused). */
export const STALE_MS = 24 * 60 * 60 * 1000;

export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to a new temporary file beside `path` and returns its name; removes it on failure. */
export async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return tmp;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = await writeTemp(path, data);
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // another user's process: alive
  }
}

/**
 * Removes the temporary files for `names` (`report.html`…) in `dir` that a killed build left: those
 * whose process is no longer running, or older than a day. A running build's files stay.
 */
export async function removeStaleTemps(dir: string, names: readonly string[], now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const match = TEMP.exec(name);
    if (!match || !names.includes(match[1]!)) continue;
    const path = join(dir, name);
    const old = await stat(path).then((s) => now - s.mtimeMs > STALE_MS, () => false);
    if (alive(Number(match[2])) && !old) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}
