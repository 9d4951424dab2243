/**
 * pdfkit, required without two libraries that it and fontkit load at start for work folio never
 * asks of them: crypto-js (pdfkit's encryption; otherwise only the MD5 of the file identifier) and
 * brotli's decoder written in JavaScript (fontkit's WOFF2 fonts). Node has both built in, and
 * loading the two took about 75 ms of every process that makes a PDF (measured with --cpu-prof).
 *
 * Node's require cache may be filled by a program (its documentation says entries can be added),
 * so the modules those two names resolve to from pdfkit and fontkit are entered there first: an
 * MD5 from node:crypto (the rest of crypto-js loaded if ever asked for), a Brotli decoder from
 * node:zlib; two more modules are entered as loading on first use (`onFirstUse`). Where they do not resolve (another package layout), nothing is
 * entered and pdfkit loads them as usual.
 */
import { createHash } from 'node:crypto';
import { createRequire, Module } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** crypto-js's word array: big-endian 32-bit words and a length in bytes, as pdfkit reads it. */
function wordArray(bytes: Uint8Array): { words: number[]; sigBytes: number } {
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i++) words[i >>> 2] = (words[i >>> 2] ?? 0) | (bytes[i]! << (24 - 8 * (i % 4)));
  return { words, sigBytes: bytes.length };
}

/**
 * crypto-js as pdfkit sees it: the MD5 of a text (the file identifier, all folio's editions ask of
 * it) from node:crypto; anything else (pdfkit's encryption, which folio never asks for, hashes
 * word arrays) from the real crypto-js, loaded then.
 */
export const leanCryptoJs: { MD5(input: unknown): { words: number[]; sigBytes: number } } = new Proxy(
  {
    MD5: (input: unknown) =>
      typeof input === 'string' ? wordArray(createHash('md5').update(input, 'utf8').digest()) : (realCryptoJs() as typeof leanCryptoJs).MD5(input),
  },
  { get: (target, key) => (key === 'MD5' ? target.MD5 : Reflect.get(realCryptoJs(), key)) as unknown },
);

/** The real crypto-js, once its path is known (`enterLeanDependencies`). */
let realCryptoJs: () => object = () => {
  throw new Error('crypto-js is not where pdfkit would find it');
};

/** brotli's `decompress(buffer, outputSize)`, by zlib. */
export const leanBrotliDecompress = (buffer: Uint8Array) => new Uint8Array(brotliDecompressSync(buffer));

function enter(path: string, exports: unknown): void {
  if (require.cache[path]) return;
  const entry = new Module(path);
  entry.filename = path;
  entry.exports = exports;
  entry.loaded = true;
  require.cache[path] = entry;
}

/**
 * A module's exports that load the module only when first used: unicode-properties (fontkit's
 * character data, decompressed at load, 17 ms) and linebreak (pdfkit's `text()` line breaking,
 * 6 ms), which folio's own layout and glyph drawing never reach. Its name is taken out of the cache
 * before the real module is required, so the real one then takes its place.
 */
export function onFirstUse(path: string): unknown {
  const load = realModule(path);
  return new Proxy(function unloaded() {}, {
    get: (_target, key) => Reflect.get(load(), key) as unknown,
    has: (_target, key) => Reflect.has(load(), key),
    construct: (_target, args) => Reflect.construct(load() as new (...a: unknown[]) => object, args) as object,
    apply: (_target, self, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
  });
}

/** Loads the module at `path` itself, once, in place of what this file entered for it. */
function realModule(path: string): () => object {
  let real: object | undefined;
  return () => {
    if (real === undefined) {
      delete require.cache[path];
      real = require(path) as object;
    }
    return real;
  };
}

function enterLeanDependencies(): void {
  try {
    const pdfkitPath = require.resolve('pdfkit');
    const fromPdfkit = createRequire(pdfkitPath);
    const fontkitPath = fromPdfkit.resolve('fontkit');
    const fromFontkit = createRequire(fontkitPath);
    const cryptoJsPath = fromPdfkit.resolve('crypto-js');
    realCryptoJs = realModule(cryptoJsPath);
    enter(cryptoJsPath, leanCryptoJs);
    enter(fromFontkit.resolve('brotli/decompress.js'), leanBrotliDecompress);
    const properties = fromFontkit.resolve('unicode-properties');
    enter(properties, onFirstUse(properties));
    const linebreak = fromPdfkit.resolve('linebreak');
    enter(linebreak, onFirstUse(linebreak));
  } catch {
    // Another layout of packages: pdfkit then loads its own dependencies.
  }
}

enterLeanDependencies();

export const PDFDocument = require('pdfkit') as typeof import('pdfkit');
