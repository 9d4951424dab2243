/**
 * Draws a text run from the glyphs the layout engine already shaped (`shape` in layout/measure),
 * instead of through pdfkit's `text()`, which would shape every word a second time with its own
 * copy of the font. pdfkit still owns the font objects: each glyph is added to its subset, with its
 * width and the characters it stands for (the ToUnicode map that makes the text extractable).
 *
 * This reaches into pdfkit's embedded font (`_font`, `subset`, `widths`, `unicode`, `page.fonts`),
 * which pdfkit does not document: pdfkit's version is pinned by the lockfile, and the PDF tests
 * read every word back from the files with pdfjs.
 */
import type { TextBox } from '../../layout/types.js';
import { shape, type ShapedRun } from '../../text/measure.js';

/** The parts of pdfkit's EmbeddedFont used here. */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(glyph: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface Internals {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** A number as pdfkit writes it (six decimals at most). */
function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** The subset's hex code for a glyph, recording its width and characters on first use. */
function code(font: EmbeddedFont, run: ShapedRun, i: number): string {
  const gid = font.subset.includeGlyph(run.glyphs[i]!);
  if (font.widths[gid] == null) font.widths[gid] = run.widths[i]!;
  if (!font.unicode[gid]?.length) font.unicode[gid] = run.codePoints[i]!; // a glyph that shares its characters has none here
  return gid.toString(16).padStart(4, '0');
}

/**
 * Appends one run's glyphs to a TJ array: hex strings, with a kerning number wherever a glyph's
 * advance differs from its width. `extra` widens the run's last glyph (word spacing after a space).
 */
function appendRun(parts: string[], font: EmbeddedFont, run: ShapedRun, extra: number): void {
  let hex = '';
  for (let i = 0; i < run.glyphs.length; i++) {
    hex += code(font, run, i);
    let adjust = run.advances[i]! - run.widths[i]!;
    if (i === run.glyphs.length - 1) adjust += extra;
    if (adjust !== 0) {
      parts.push(`<${hex}> ${num(-adjust)}`);
      hex = '';
    }
  }
  if (hex) parts.push(`<${hex}>`);
}

/**
 * Draws `box` with the current font and size (set by the caller through pdfkit), its baseline at
 * `box.y`. Spaces are drawn as the font's space glyph, widened by the box's word spacing, so copied
 * text keeps its spaces. Returns false, drawing nothing, for a run with glyphs moved off the pen
 * position (combining marks), which the caller draws through pdfkit.
 */
export function drawShapedText(doc: PDFKit.PDFDocument, box: TextBox): boolean {
  const face = box.style.face;
  const words = box.text.split(' ');
  const runs = words.map((w) => (w === '' ? undefined : shape(w, face)));
  if (runs.some((r) => r?.offsets)) return false;
  const internals = doc as unknown as Internals;
  const font = internals._font;
  const size = box.style.size;
  const space = shape(' ', face);
  const spacing = ((box.wordSpacing ?? 0) * 1000) / size;
  const parts: string[] = [];
  words.forEach((_, i) => {
    const run = runs[i];
    if (run) appendRun(parts, font, run, 0);
    if (i < words.length - 1) appendRun(parts, font, space, spacing);
  });
  if (parts.length === 0) return true;
  const page = internals.page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const height = page.height;
  internals.addContent(`q\n1 0 0 -1 0 ${num(height)} cm\nBT\n1 0 0 1 ${num(box.x)} ${num(height - box.y)} Tm\n/${font.id} ${num(size)} Tf\n[${parts.join(' ')}] TJ\nET\nQ`);
  return true;
}
