/**
 * A cache of parsed chapters, keyed by the text and the parser's version: parsing Markdown is the
 * largest part of loading a report (micromark reads the 260,000 characters of the three languages
 * in about 0.45 s here on a first run), and editors rebuild the same chapters many times a day.
 * The tree is stored as JSON, positions included; everything after parsing (attributes,
 * directives, checks) runs each time. FOLIO_CACHE=0 turns it off; FOLIO_CACHE_DIR moves it
 * (default: the system's temporary folder).
 *
 * The cache is trusted only as far as it can be: its folder is created private (0700) and used only
 * when it is a real folder (not a symlink) owned by the current user and writable by nobody else,
 * so another user of the machine cannot plant or replace entries. Each entry also carries the
 * SHA-256 of its key and JSON, checked on read: a corrupted, truncated or hand-written entry is
 * ignored and the chapter parsed again. A cache that cannot be read, written or trusted is simply
 * not used; it never fails a build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';

/** Bump when the parser or its extensions change what they produce. */
const VERSION = 'folio-parse-4/remark-parse-11/gfm-4/directive-flow-4';
const HEADER = 'folio-parse-cache sha256=';

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

function digest(key: string, json: string): string {
  return createHash('sha256').update(key).update('\0').update(json).digest('hex');
}

function read(path: string, key: string): Root | undefined {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = content.indexOf('\n');
  if (newline < 0 || !content.startsWith(HEADER)) return undefined;
  const claimed = content.slice(HEADER.length, newline);
  const json = content.slice(newline + 1);
  if (claimed !== digest(key, json)) return undefined;
  try {
    const tree = JSON.parse(json) as Root;
    if (tree === null || typeof tree !== 'object' || tree.type !== 'root' || !Array.isArray(tree.children)) {
      return undefined;
    }
    return tree;
  } catch {
    return undefined;
  }
}

export function cachedParse(text: string, parse: (text: string) => Root): Root {
  const dir = directory();
  if (!dir || !prepare(dir)) return parse(text);
  const key = createHash('sha256').update(VERSION).update('\0').update(text).digest('hex');
  const path = join(dir, `${key}.json`);
  const cached = read(path, key);
  if (cached) return cached;
  const tree = parse(text);
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const json = JSON.stringify(tree);
    writeFileSync(tmp, `${HEADER}${digest(key, json)}\n${json}`, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, path);
  } catch {
    // a read-only or full disk: no cache
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing to remove
    }
  }
  return tree;
}
