/**
 * A cache of parsed chapters, keyed by the text and the parser's version: parsing Markdown is the
 * largest part of loading a report (micromark reads the 260,000 characters of the three languages
 * in about 0.45 s here on a first run), and editors rebuild the same chapters many times a day.
 * The tree is stored as JSON, positions included; everything after parsing (attributes,
 * directives, checks) runs each time. FOLIO_CACHE=0 turns it off; FOLIO_CACHE_DIR moves it
 * (default: the system's temporary folder). A cache that cannot be read or written is simply not
 * used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';

/** Bump when the parser or its extensions change what they produce. */
const VERSION = 'folio-parse-1/remark-parse-11/gfm-4/directive-flow-4';

function directory(): string | undefined {
  if (process.env.FOLIO_CACHE === '0') return undefined;
  if (process.env.FOLIO_CACHE_DIR) return process.env.FOLIO_CACHE_DIR;
  let user = 'user';
  try {
    user = String(userInfo().uid);
  } catch {
    // no user database: one shared name is fine
  }
  return join(tmpdir(), `folio-cache-${user}`);
}

export function cachedParse(text: string, parse: (text: string) => Root): Root {
  const dir = directory();
  if (!dir) return parse(text);
  const key = createHash('sha256').update(VERSION).update('\0').update(text).digest('hex');
  const path = join(dir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Root;
  } catch {
    // not cached yet, or unreadable: parse
  }
  const tree = parse(text);
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(tree));
    renameSync(tmp, path);
  } catch {
    // a read-only or full disk: no cache
  }
  return tree;
}
