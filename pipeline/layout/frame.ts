/** Making the frame's boxes: every text box carries its shaped glyphs, so the painter only paints. */
import { glyphRun, type GlyphRun } from '../text/glyph-run.js';
import type { Box, TextBox } from './types.js';

/** The extra space after each space as the glyph run holds it: before the box's horizontal scale, which widens it too. */
function spacingOf(box: TextBox): number | undefined {
  return box.wordSpacing === undefined ? undefined : box.wordSpacing / (box.scale ?? 1);
}

/** The glyphs of a text box: its own, or (for a frame made by hand) its text shaped now. */
export function glyphsOf(box: TextBox): GlyphRun {
  return box.glyphs ?? glyphRun(box.text, box.style.face, box.style.size, spacingOf(box));
}

/** Shapes the box's final text (after a line's runs are merged and trimmed). */
export function withGlyphs(box: TextBox): TextBox {
  box.glyphs = glyphRun(box.text, box.style.face, box.style.size, spacingOf(box));
  return box;
}

/** A text box of one run, shaped. */
export function textBox(fields: Omit<TextBox, 'kind' | 'glyphs'>): TextBox {
  return withGlyphs({ kind: 'text', ...fields });
}

/** The box moved by (dx, dy). */
export function shift<B extends Box>(box: B, dx: number, dy = 0): B {
  return { ...box, x: box.x + dx, y: box.y + dy };
}
