/**
 * pdfkit, required without two libraries that it and fontkit load at start for work folio never
 * asks of them: crypto-js (pdfkit's encryption; otherwise only the MD5 of the file identifier) and
 * brotli's decoder written in JavaScript (fontkit's WOFF2 fonts). Node has both built in, and
 * loading the two took about 75 ms of every process that makes a PDF (measured with --cpu-prof).
 *
 * Node's require cache may be filled by a program (its documentation says entries can be added),
 * so the modules those two names resolve to from pdfkit and fontkit are entered there first: an
 * MD5 from node:crypto, a Brotli decoder from node:zlib. Where they do not resolve (another
 * package layout), nothing is entered and pdfkit loads them as usual.
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

/** What pdfkit asks of crypto-js outside encryption; encryption itself says it is not available. */
export const leanCryptoJs = new Proxy(
  { MD5: (text: string) => wordArray(createHash('md5').update(text, 'utf8').digest()) },
  {
    get(target, key) {
      if (key === 'MD5') return target.MD5;
      throw new Error('pdfkit’s encryption is not available in folio (its editions are not password-protected)');
    },
  },
);

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

function enterLeanDependencies(): void {
  try {
    const pdfkitPath = require.resolve('pdfkit');
    const fromPdfkit = createRequire(pdfkitPath);
    enter(fromPdfkit.resolve('crypto-js'), leanCryptoJs);
    enter(createRequire(fromPdfkit.resolve('fontkit')).resolve('brotli/decompress.js'), leanBrotliDecompress);
  } catch {
    // Another layout of packages: pdfkit then loads its own dependencies.
  }
}

enterLeanDependencies();

export const PDFDocument = require('pdfkit') as typeof import('pdfkit');
