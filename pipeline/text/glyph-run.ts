/**
 * A run of text as the PDF draws it: the glyphs of each word as HarfBuzz shaped it (`shape`, one
 * shaping per word and face, cached), and between words the font's space glyph widened by the
 * line's word spacing. Made by the layout for every text box, so the painter only paints.
 */
import type { Face } from './fonts.js';
import { shape, type ShapedRun } from './measure.js';

/** Glyphs placed one after the other; advances in thousandths of an em (PDF text space units). */
export interface GlyphRun {
  /** Glyph ids in the font file (0 is the font's missing glyph). */
  glyphs: number[];
  /** Each glyph's own width in the font's metrics. */
  widths: number[];
  /** The pen's advance after each glyph as laid out: kerning and word spacing included. */
  advances: number[];
  /** The characters each glyph stands for (several for a ligature, none for a glyph that shares them). */
  codePoints: number[][];
  /** Where a glyph is moved off the pen position (combining marks), in thousandths of an em. */
  offsets?: ({ x: number; y: number } | undefined)[];
}

function append(run: GlyphRun, shaped: ShapedRun, extra: number): void {
  const last = shaped.glyphs.length - 1;
  shaped.glyphs.forEach((gid, i) => {
    run.glyphs.push(gid);
    run.widths.push(shaped.widths[i]!);
    run.advances.push(i === last ? shaped.advances[i]! + extra : shaped.advances[i]!);
    run.codePoints.push(shaped.codePoints[i]!);
    const offset = shaped.offsets?.[i];
    if (offset && (offset.x || offset.y)) (run.offsets ??= [])[run.glyphs.length - 1] = offset;
  });
}

/** `text` in `face` at `size` points, each space widened by `wordSpacing` points. */
export function glyphRun(text: string, face: Face, size: number, wordSpacing = 0): GlyphRun {
  const run: GlyphRun = { glyphs: [], widths: [], advances: [], codePoints: [] };
  const words = text.split(' ');
  const space = shape(' ', face);
  const extra = (wordSpacing * 1000) / size;
  words.forEach((word, i) => {
    if (word !== '') append(run, shape(word, face), 0);
    if (i < words.length - 1) append(run, space, extra);
  });
  return run;
}
