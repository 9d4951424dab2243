/**
 * Shaping (HarfBuzz) and the PDF painter that draws the shaped glyphs: every word of the report
 * maps back to its own characters (what makes the PDF's text extractable), widths are the sums of
 * the advances the painter draws, and a painted run reads back with its words, ligatures, spaces
 * and position.
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shape, widthOf } from '../pipeline/text/measure.js';
import { paint } from '../pipeline/writers/pdf/paint.js';
import type { Layout, TextStyle } from '../pipeline/layout/types.js';
import type { Face } from '../pipeline/text/fonts.js';
import { loadFixture, root } from './helpers.js';
import { readPdf } from './pdf-reader.js';

const FACES: Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

function reportWords(): string[] {
  const words = new Set<string>();
  for (const lang of ['en', 'ru', 'kk']) {
    const dir = join(root, 'source', lang);
    for (const file of readdirSync(dir)) for (const w of readFileSync(join(dir, file), 'utf8').split(/\s+/)) if (w) words.add(w);
  }
  return [...words];
}

describe('shaping', () => {
  const words = reportWords();

  it('maps every glyph of every word of the report back to the word’s characters, in all four faces', () => {
    expect(words.length).toBeGreaterThan(5000);
    for (const face of FACES) {
      for (const word of words) {
        const run = shape(word, face);
        expect(run.codePoints.flat(), `${face} ${word}`).toEqual(Array.from(word, (c) => c.codePointAt(0)));
        expect(run.glyphs.every((g) => g > 0), `${face} ${word} has a missing glyph`).toBe(true);
      }
    }
  });

  it('gives widths that are the sum of the advances the painter draws', () => {
    for (const word of words.slice(0, 2000)) {
      const run = shape(word, 'regular');
      const sum = run.advances.reduce((a, b) => a + b, 0);
      expect(widthOf(word, 'regular', 10)).toBeCloseTo(sum / 100, 6);
    }
  });

  it('uses the font’s ligatures and kerning', () => {
    const official = shape('official', 'regular');
    expect(official.glyphs.length).toBe('official'.length - 1); // the “fi” ligature
    expect(official.codePoints).toContainEqual(['f', 'i'].map((c) => c.codePointAt(0)));
    const avast = shape('AVAST', 'regular');
    expect(avast.advances[0]).toBeLessThan(avast.widths[0]!); // A and V kerned together
  });

  it('caches a run: the same string in the same face is shaped once', () => {
    expect(shape('referendum', 'italic')).toBe(shape('referendum', 'italic'));
    expect(shape('referendum', 'italic')).not.toBe(shape('referendum', 'bold'));
  });
});

describe('the PDF painter', () => {
  it('draws a justified run whose words, ligatures and spaces read back, where the layout put it', async () => {
    const { editions } = await loadFixture();
    const edition = editions[0]!;
    const style: TextStyle = { face: 'regular', size: 10 };
    const text = 'official final flow Қазақстан AVAST ';
    const layout: Layout = {
      pageWidth: 595,
      pageHeight: 842,
      structure: [{ type: 'Document', parent: null }, { type: 'P', parent: 0 }],
      outline: [],
      pages: [
        {
          index: 1,
          header: false,
          notes: [],
          citations: [],
          bodyBottom: 100,
          boxes: [{ kind: 'text', x: 72, y: 100, text, style, width: 200, wordSpacing: 6, struct: 1 }],
        },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'folio-paint-'));
    const file = join(dir, 'run.pdf');
    writeFileSync(file, await paint(layout, edition));
    const read = await readPdf(file);
    const items = read.items;
    expect(items.map((i) => i.text).join('').trim()).toBe(text.trim()); // one space between words
    expect(items[0]!.x).toBeCloseTo(72, 1);
    expect(items[0]!.y).toBeCloseTo(100, 1);
    expect(items[0]!.size).toBe(10);
    // Each space is the font's space widened by the word spacing.
    const final = items.find((i) => i.text === 'final')!;
    expect(final.x).toBeCloseTo(72 + widthOf('official', 'regular', 10) + widthOf(' ', 'regular', 10) + 6, 1);
  });
});
