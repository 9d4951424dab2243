/**
 * pdfkit's lean dependencies (pipeline/writers/pdf/pdfkit-module.ts) answer as the libraries they
 * stand in for: the MD5 of pdfkit's file identifier as crypto-js's, WOFF2's Brotli data as the
 * brotli package's decoder; encryption, which folio never asks for, still works (from the real crypto-js).
 */
import { createRequire } from 'node:module';
import { brotliCompressSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leanBrotliDecompress, leanCryptoJs, onFirstUse, PDFDocument } from '../pipeline/writers/pdf/pdfkit-module.js';

const require = createRequire(import.meta.url);
const fromPdfkit = createRequire(require.resolve('pdfkit'));
const cryptoJs = fromPdfkit('crypto-js') as { MD5(text: string): { words: number[]; sigBytes: number } };
const realBrotli = createRequire(fromPdfkit.resolve('fontkit'))('brotli/decompress.js') as (b: Uint8Array, size?: number) => Uint8Array;

/** The bytes of a word array, as pdfkit's wordArrayToBuffer reads them. */
const bytesOf = (w: { words: number[]; sigBytes: number }) => Array.from({ length: w.sigBytes }, (_, i) => (w.words[i >>> 2]! >> (8 * (3 - (i % 4)))) & 0xff);

describe('pdfkit without crypto-js and the JavaScript Brotli decoder', () => {
  it('gives the MD5 crypto-js gives, on any text (the file identifier hashes the document information)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      expect(bytesOf(leanCryptoJs.MD5(text))).toEqual(bytesOf(cryptoJs.MD5(text)));
    }), { numRuns: 300 });
  });

  it('decodes Brotli data as the brotli package does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
      const packed = brotliCompressSync(data);
      expect(Buffer.from(leanBrotliDecompress(packed))).toEqual(Buffer.from(realBrotli(packed, data.length)));
    }), { numRuns: 100 });
  });

  it('loads unicode-properties and linebreak on first use, and they then answer as themselves', () => {
    const fontkitRequire = createRequire(fromPdfkit.resolve('fontkit'));
    const properties = fontkitRequire('unicode-properties') as { getScript(cp: number): string; isMark(cp: number): boolean };
    expect(properties.getScript(0x0416)).toBe('Cyrillic');
    expect(properties.isMark(0x0301)).toBe(true);
    const LineBreaker = fromPdfkit('linebreak') as new (text: string) => { nextBreak(): { position: number; required: boolean } | null };
    const breaker = new LineBreaker('two words');
    expect(breaker.nextBreak()).toMatchObject({ position: 4, required: false });
    const lazy = onFirstUse(fromPdfkit.resolve('linebreak')) as new (text: string) => { nextBreak(): { position: number } | null };
    expect(new lazy('a b').nextBreak()?.position).toBe(2);
  });

  it('still encrypts when asked (the real crypto-js then loaded), though folio never asks', async () => {
    const doc = new PDFDocument({ userPassword: 'x', info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.end();
    await done;
    expect(Buffer.concat(chunks).toString('latin1')).toMatch(/\/Encrypt \d+ 0 R/);
  });

  it('still writes a PDF pdfkit would (its identifier from the lean MD5)', async () => {
    const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.end();
    await done;
    expect(Buffer.concat(chunks).toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });
});
