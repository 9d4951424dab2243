/**
 * Hyphenation patterns kept flat on disk between runs: requiring a pattern file of the `hyphen`
 * package makes V8 compile one large literal into some ten thousand small objects (30 to 50 ms for
 * each language of the report, measured with --cpu-prof), and flattening them for liang.ts as much
 * again; reading the flat arrays back takes about a millisecond. The entry is keyed by the pattern
 * file's own text, so a changed package is never read stale, and lives in folio's cache folder
 * (util/disk-cache.ts). The first run on a machine, or one with FOLIO_CACHE=0, flattens the file.
 */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import type { Patterns } from './liang.js';
import { cached } from '../util/disk-cache.js';

/** Bump when the layout below or liang.ts's reading of the patterns changes. */
const FORMAT = 'folio-patterns-1';

interface Header {
  root: number;
  digits: number;
  patternStart: number;
  edgeStart: number;
  edges: number;
  exceptions: [string, number[]][];
}

const align4 = (n: number) => (n + 3) & ~3;

/** The arrays of a pattern set after a JSON header, each from a multiple of 4 bytes (in this machine's byte order). */
export function patternsToBytes(p: Patterns): Buffer {
  const header: Header = { root: p.root, digits: p.digits.length, patternStart: p.patternStart.length, edgeStart: p.edgeStart.length, edges: p.unit.length, exceptions: [...p.exceptions] };
  const json = Buffer.from(JSON.stringify(header));
  const arrays = [p.digits, p.patternStart, p.edgeStart, p.unit, p.child, p.pattern];
  let size = align4(4 + json.length);
  for (const a of arrays) size += align4(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = align4(4 + json.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += align4(a.byteLength);
  }
  return out;
}

/** A copy of `count` elements of an array type from `bytes` at `at`. */
function copyOut<T extends Uint8Array | Uint16Array | Int32Array>(make: new (n: number) => T, bytes: Buffer, at: number, count: number): T {
  const out = new make(count);
  new Uint8Array(out.buffer).set(bytes.subarray(at, at + out.byteLength));
  return out;
}

export function patternsFromBytes(bytes: Buffer): Patterns {
  const length = bytes.readUInt32LE(0);
  const h = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as Header;
  let at = align4(4 + length);
  const take = <T extends Uint8Array | Uint16Array | Int32Array>(make: new (n: number) => T, count: number): T => {
    const a = copyOut(make, bytes, at, count);
    at += align4(a.byteLength);
    return a;
  };
  const digits = take(Uint8Array, h.digits);
  const patternStart = take(Int32Array, h.patternStart);
  const edgeStart = take(Int32Array, h.edgeStart);
  const unit = take(Uint16Array, h.edges);
  const child = take(Int32Array, h.edges);
  const pattern = take(Int32Array, h.edges);
  if (at !== bytes.length) throw new Error('pattern cache entry of the wrong size');
  return { digits, patternStart, edgeStart, unit, child, pattern, root: h.root, exceptions: new Map(h.exceptions) };
}

/** `patternsFromBytes`, or undefined for an entry this version cannot read. */
function readable(bytes: Buffer): Patterns | undefined {
  try {
    return patternsFromBytes(bytes);
  } catch {
    return undefined;
  }
}

/** The flat patterns of the pattern file at `path`: from the cache, else compiled (and stored). */
export function cachedPatterns(path: string, compile: () => Patterns): Patterns {
  const key = `${FORMAT}\0${endianness()}\0${readFileSync(path, 'utf8')}`;
  return cached(key, 'patterns', compile, patternsToBytes, readable);
}
