/**
 * Shaping and measuring text with the edition's font files (fontkit). Each string is shaped once
 * per face and the run kept: the line breaker reads its width, the PDF painter draws its glyphs, so
 * a word is shaped once however often it appears and in however many editions.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { fontData, type Face } from '../render/fonts/fonts.js';

// The CommonJS build, the one pdfkit loads: one copy of fontkit's code in the process; loaded on
// first use, so a command that measures nothing does not pay for it.
let fontkit: typeof Fontkit | undefined;
const fonts = new Map<Face, Fontkit.Font>();

export function font(face: Face): Fontkit.Font {
  let f = fonts.get(face);
  if (!f) {
    fontkit ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit;
    f = fontkit.create(fontData(face));
    fonts.set(face, f);
  }
  return f;
}

/** A shaped string; glyph advances in thousandths of an em (PDF text space units). */
export interface ShapedRun {
  /** Total advance, in ems. */
  em: number;
  /** Glyph ids in the font file. */
  glyphs: number[];
  /** Advance of each glyph as laid out (kerning included). */
  advances: number[];
  /** Advance of each glyph on its own (its width in the font's metrics). */
  widths: number[];
  /** The characters each glyph stands for (several for a ligature). */
  codePoints: number[][];
  /** Whether any glyph is moved off the pen position (marks): such runs are drawn glyph by glyph. */
  offsets?: { x: number; y: number }[];
}

const runs = new Map<Face, Map<string, ShapedRun>>();

/** What fontkit's layout returns (its published types leave out positions and glyph ids). */
interface LaidOut {
  advanceWidth: number;
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}

/** `text` shaped in `face` with the font's default features (kerning, ligatures), cached. */
export function shape(text: string, face: Face): ShapedRun {
  let cache = runs.get(face);
  if (!cache) runs.set(face, (cache = new Map()));
  let run = cache.get(text);
  if (run === undefined) {
    const f = font(face);
    const scale = 1000 / f.unitsPerEm;
    const laid = f.layout(text) as unknown as LaidOut;
    run = { em: laid.advanceWidth / f.unitsPerEm, glyphs: [], advances: [], widths: [], codePoints: [] };
    let moved = false;
    const offsets: { x: number; y: number }[] = [];
    laid.glyphs.forEach((glyph, i) => {
      const pos = laid.positions[i]!;
      run!.glyphs.push(glyph.id);
      run!.advances.push(pos.xAdvance * scale);
      run!.widths.push(glyph.advanceWidth * scale);
      run!.codePoints.push(glyph.codePoints);
      offsets.push({ x: pos.xOffset * scale, y: pos.yOffset * scale });
      if (pos.xOffset || pos.yOffset) moved = true;
    });
    if (moved) run.offsets = offsets;
    cache.set(text, run);
  }
  return run;
}

/** Width of `text` at `size` points, in points (kerning and ligatures as the font lays them out). */
export function widthOf(text: string, face: Face, size: number): number {
  return shape(text, face).em * size;
}

/** Characters of `text` the face has no glyph for. */
export function missingGlyphs(text: string, face: Face): string[] {
  const f = font(face);
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0xad || cp === 0x200b || cp === 0xa0) continue;
    if (!f.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Ascender and descender of a face, in points at `size`. */
export function metrics(face: Face, size: number): { ascent: number; descent: number } {
  const f = font(face);
  return { ascent: (f.ascent / f.unitsPerEm) * size, descent: (-f.descent / f.unitsPerEm) * size };
}
