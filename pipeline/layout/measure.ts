/**
 * Measuring text with the edition's font files (fontkit), with a cache of widths per face and
 * string, so a word is measured once however often it appears.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { fontData, type Face } from '../render/fonts/fonts.js';

// The CommonJS build, the one pdfkit loads: one copy of fontkit's code in the process; loaded on
// first use, so a command that measures nothing does not pay for it.
let fontkit: typeof Fontkit | undefined;
const fonts = new Map<Face, Fontkit.Font>();
const widths = new Map<string, number>();

export function font(face: Face): Fontkit.Font {
  let f = fonts.get(face);
  if (!f) {
    fontkit ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit;
    f = fontkit.create(fontData(face));
    fonts.set(face, f);
  }
  return f;
}

/** Width of `text` at `size` points, in points (kerning and ligatures as the font lays them out). */
export function widthOf(text: string, face: Face, size: number): number {
  const key = `${face}\u0000${text}`;
  let units = widths.get(key);
  if (units === undefined) {
    const f = font(face);
    units = (f.layout(text).advanceWidth / f.unitsPerEm);
    widths.set(key, units);
  }
  return units * size;
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
