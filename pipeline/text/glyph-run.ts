/**
 * A run of text as the PDF draws it: the glyphs of each word as HarfBuzz shaped it (`shapeRuns`,
 * one shaping per word and face, cached and shared; a word some of whose letters the face's own
 * font lacks is several parts, each in the fallback font that draws it), and between words the
 * face's space glyph widened by the line's word spacing. Made by the layout for every text box, so
 * the painter only paints.
 */
import type { Face } from './fonts.js';
import { shapeRuns, type ShapedRun } from './measure.js';

export interface GlyphRun {
  /** The shaped words (or pieces of words, one per font) and spaces, in order (advances in thousandths of an em, PDF text space units). */
  parts: ShapedRun[];
  /** Which parts are spaces: each is widened by `spacing`. */
  spaces: boolean[];
  /** Extra advance after each space, in thousandths of an em (justified lines). */
  spacing: number;
}

/** `text` in `face` at `size` points, each space widened by `wordSpacing` points. */
export function glyphRun(text: string, face: Face, size: number, wordSpacing = 0): GlyphRun {
  const run: GlyphRun = { parts: [], spaces: [], spacing: (wordSpacing * 1000) / size };
  const words = text.split(' ');
  const space = shapeRuns(' ', face)[0]!;
  words.forEach((word, i) => {
    if (word !== '') {
      for (const part of shapeRuns(word, face)) {
        run.parts.push(part);
        run.spaces.push(false);
      }
    }
    if (i < words.length - 1) {
      run.parts.push(space);
      run.spaces.push(true);
    }
  });
  return run;
}

/** The characters each glyph of the run stands for, in order. */
export function runCodePoints(run: GlyphRun): number[][] {
  return run.parts.flatMap((p) => p.codePoints);
}

/** The glyph ids of the run, in order (0 is the font's missing glyph). */
export function runGlyphs(run: GlyphRun): number[] {
  return run.parts.flatMap((p) => p.glyphs);
}
