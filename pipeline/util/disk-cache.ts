/**
 * folio's cache folder on disk, shared by what is worth keeping between runs (parsed chapters,
 * compiled hyphenation patterns, the chart's PNG). FOLIO_CACHE=0 turns it off; FOLIO_CACHE_DIR moves it (default:
 * `folio-cache-<uid>` in the system's temporary folder).
 *
 * The folder is trusted only as far as it can be: created private (0700) and used only when it is
 * a real folder (not a symlink) owned by the current user and writable by nobody else, so another
 * user of the machine cannot plant or replace entries. Each entry carries the SHA-256 of its key
 * and content, checked on read: a corrupted, truncated or hand-written entry reads as missing.
 * A cache that cannot be read, written or trusted is simply not used; it never fails a build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

function currentUid(): number | undefined {
  if (typeof process.getuid === 'function') return process.getuid();
  try {
    return userInfo().uid;
  } catch {
    return undefined;
  }
}

function directory(): string | undefined {
  if (process.env.FOLIO_CACHE === '0') return undefined;
  if (process.env.FOLIO_CACHE_DIR) return process.env.FOLIO_CACHE_DIR;
  const uid = currentUid();
  return join(tmpdir(), `folio-cache-${uid ?? 'user'}`);
}

/**
 * Whether `dir` may hold the cache: a folder itself (lstat: a symlink is refused), owned by `uid`,
 * with no write permission for group or others. Where the platform has no uids (Windows), only the
 * folder test applies.
 */
export function trustedCacheDirectory(dir: string, uid: number | undefined = currentUid()): boolean {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return false;
  }
  if (!stat.isDirectory()) return false;
  if (uid === undefined || process.platform === 'win32') return true;
  return stat.uid === uid && (stat.mode & 0o022) === 0;
}

/** Creates the folder private when missing; returns whether it may be used. */
function prepare(dir: string): boolean {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
      } catch {
        return false;
      }
    }
  }
  return trustedCacheDirectory(dir);
}

/** The cache folder when it may be used (created if missing), else undefined. */
export function cacheDirectory(): string | undefined {
  const dir = directory();
  return dir && prepare(dir) ? dir : undefined;
}

/** The name of a key's entry: its SHA-256 in hexadecimal, with the extension given. */
export function entryName(key: string, extension: string): string {
  return `${createHash('sha256').update(key).digest('hex')}.${extension}`;
}

/** An entry is this, the hexadecimal SHA-256 of its key and content, a newline, the content. */
const MAGIC = Buffer.from('folio-cache sha256=');
const HEAD = MAGIC.length + 64 + 1;

function digest(key: string, content: Uint8Array): string {
  return createHash('sha256').update(key).update('\0').update(content).digest('hex');
}

/** The content stored for `key` in `dir/name`, when the entry is there and whole. */
export function readEntry(dir: string, name: string, key: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(join(dir, name));
  } catch {
    return undefined;
  }
  if (data.length < HEAD || !data.subarray(0, MAGIC.length).equals(MAGIC) || data[HEAD - 1] !== 10) return undefined;
  const content = data.subarray(HEAD);
  return data.toString('latin1', MAGIC.length, HEAD - 1) === digest(key, content) ? content : undefined;
}

/** Stores `content` for `key` in `dir/name`, whole or not at all (a temporary file renamed). */
export function writeEntry(dir: string, name: string, key: string, content: Uint8Array): void {
  const path = join(dir, name);
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([MAGIC, Buffer.from(`${digest(key, content)}\n`), content]), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, path);
  } catch {
    // a read-only or full disk: no cache
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing to remove
    }
  }
}

/**
 * What `make` gives for `key`: read back from the cache when an entry is there and `decode` takes
 * it (undefined: not an entry of this kind), else made now and stored as `encode` writes it.
 * Without a usable cache folder, simply made.
 */
export function cached<T>(key: string, extension: string, make: () => T, encode: (value: T) => Uint8Array, decode: (bytes: Buffer) => T | undefined): T {
  const dir = cacheDirectory();
  if (!dir) return make();
  const name = entryName(key, extension);
  const stored = readEntry(dir, name, key);
  const found = stored && decode(stored);
  if (found !== undefined) return found;
  const made = make();
  writeEntry(dir, name, key, encode(made));
  return made;
}
