/**
 * A cache of parsed chapters, keyed by the text and the parser's version: parsing Markdown is the
 * largest part of loading a report (micromark reads the 260,000 characters of the three languages
 * in about 0.45 s here on a first run), and editors rebuild the same chapters many times a day.
 * The tree is stored as JSON, positions included; everything after parsing (attributes,
 * directives, checks) runs each time. The entries live in folio's cache folder
 * (util/disk-cache.ts: private, checked on read, FOLIO_CACHE=0 turns it off).
 */
import type { Root } from 'mdast';
import { cached } from '../util/disk-cache.js';

export { trustedCacheDirectory } from '../util/disk-cache.js';

/** Bump when the parser or its extensions change what they produce. */
const VERSION = 'folio-parse-4/remark-parse-11/gfm-4/directive-flow-4';

function asTree(content: Buffer): Root | undefined {
  try {
    const tree = JSON.parse(content.toString('utf8')) as Root;
    if (tree === null || typeof tree !== 'object' || tree.type !== 'root' || !Array.isArray(tree.children)) return undefined;
    return tree;
  } catch {
    return undefined;
  }
}

export function cachedParse(text: string, parse: (text: string) => Root): Root {
  return cached(`${VERSION}\0${text}`, 'json', () => parse(text), (tree) => Buffer.from(JSON.stringify(tree)), asTree);
}
