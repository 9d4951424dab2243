/**
 * The typography report's measure (pipeline/bench/typography/) on a PDF whose lines are known: made
 * here with pdfkit, each justified line's word spacing set to fill the measure, so every line's space
 * is known from pdfkit's own widths. The body holds one hyphenation (`trans-/parent`), one hard
 * hyphen (`so-/called`, the word written whole elsewhere), one loose line, one number split
 * (`5 / June`) and paragraphs' last lines; a heading, a footer and a note under its rule must not
 * count as body lines. The measure must find exactly these.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { measure, type Figures } from '../pipeline/bench/typography/measure.js';
import { hasFitz, readPdfGlyphs } from '../pipeline/bench/typography/read-pdf.js';

const require = createRequire(import.meta.url);
const REGULAR = require.resolve('@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf');
const BOLD = require.resolve('@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf');

const LEFT = 72;
const WIDTH = 260;
/** Paragraphs of lines; the last line of each is set at natural width. */
const BODY = [
  [
    'The commission published the preliminary results for',
    'the referendum on time, so observers found the trans-',
    'parent count well organised in the precincts seen',
    'by the mission.',
  ],
  [
    'The vote took place in the polling stations across the',
    'whole country and abroad, and the count started at 5',
    'June evening in every precinct visited by the mission,',
    'with the results posted on each station door in the so-',
    'called public protocols.',
  ],
  ['A so-called protocol was posted.'],
];
const NOTE = ['1 The note explains where the protocols were published and how long', 'they stayed up.'];

function justified(doc: PDFKit.PDFDocument, line: string, y: number, size: number, last: boolean): number {
  doc.fontSize(size);
  const gaps = line.split(' ').length - 1;
  const space = doc.widthOfString(' ');
  const extra = last || !gaps ? 0 : (WIDTH - doc.widthOfString(line)) / gaps;
  doc.text(line, LEFT, y, { lineBreak: false, wordSpacing: extra });
  return 1 + extra / space;
}

/** Draws the page; returns each justified line's word space (× natural) as pdfkit set it. */
async function makePdf(file: string): Promise<number[]> {
  const doc = new PDFDocument({ size: [450, 500], margin: 0, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.font(BOLD).fontSize(14).text('A Heading Set in Bold', LEFT, 40, { lineBreak: false });
  doc.font(REGULAR);
  const ratios: number[] = [];
  let y = 80;
  for (const para of BODY) {
    para.forEach((line, i) => {
      const last = i === para.length - 1;
      const r = justified(doc, line, y, 10.8, last);
      if (!last) ratios.push(r);
      y += 14.2;
    });
    y += 7.5;
  }
  doc.moveTo(LEFT, 400).lineTo(LEFT + 120, 400).lineWidth(0.5).stroke();
  ratios.push(justified(doc, NOTE[0]!, 410, 8.4, false));
  justified(doc, NOTE[1]!, 420.2, 8.4, true);
  doc.fontSize(8).text('Page: 1', LEFT + WIDTH - 30, 470, { lineBreak: false });
  doc.end();
  await done;
  writeFileSync(file, Buffer.concat(chunks));
  return ratios;
}

describe.skipIf(!hasFitz())('typography measure on a PDF with known lines', () => {
  let f: Figures;
  let ratios: number[];
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-typography-')), 'known.pdf');
    ratios = await makePdf(file);
    f = measure(readPdfGlyphs(file));
  });

  it('counts the body and note lines, not the heading or the footer', () => {
    // Body: 7 full lines and 2 last lines (the one-line paragraph is not counted); notes: 1 + 1.
    expect([f.bodyLines, f.noteLines, f.fullLines]).toEqual([9, 2, 8]);
  });

  it('finds the one hyphenation, and tells the hard hyphen of so-called from it', () => {
    expect([f.hyphenated, f.hardHyphens, f.longestRun, f.runsOf3]).toEqual([1, 1, 1, 0]);
    expect(f.examples.hardHyphens).toEqual(['p1 so-|called']);
    expect(f.hyphenatedPer100).toBe(9.1); // 1 of 11 text lines
  });

  it('finds the one loose line, and the word spaces pdfkit set', () => {
    expect(ratios.filter((r) => r > 1.5)).toHaveLength(1); // the fixture holds one loose line
    expect(f.loose).toBe(1);
    const sorted = [...ratios].sort((a, b) => a - b);
    expect(f.spaceMedian).toBeCloseTo(sorted[Math.ceil(sorted.length / 2) - 1]!, 1);
    expect(f.spaceP95).toBeCloseTo(sorted[sorted.length - 1]!, 1);
  });

  it('finds the number split and nothing else', () => {
    expect(f.examples.splits).toEqual(['p1 day–month: at 5 / June evening']);
    expect([f.shortFragments, f.pageFinalHyphens, f.splitNotes]).toEqual([0, 0, 0]);
  });
});
