/**
 * Draws a text box's glyph run (shaped by the layout, `GlyphRun` in text/glyph-run.ts) into
 * pdfkit's font subsets, instead of through pdfkit's `text()`, which would shape every word a
 * second time with its own copy of the font. pdfkit still owns the font objects: each glyph is
 * added to its subset, with its width and the characters it stands for (the ToUnicode map that
 * makes the text extractable). One hex string per word; a glyph moved off the pen position (a
 * combining mark) is placed with a kerning number and, when raised or lowered, the text rise.
 *
 * This reaches into pdfkit's embedded font (`_font`, `subset`, `widths`, `unicode`, `page.fonts`),
 * which pdfkit does not document: pdfkit's version is pinned by the lockfile, and the PDF tests
 * read every word back from the files with pdfjs.
 */
import type { TextBox } from '../../layout/types.js';
import type { GlyphRun } from '../../text/glyph-run.js';

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
function code(font: EmbeddedFont, run: GlyphRun, i: number): string {
  const gid = font.subset.includeGlyph(run.glyphs[i]!);
  if (font.widths[gid] == null) font.widths[gid] = run.widths[i]!;
  if (!font.unicode[gid]?.length) font.unicode[gid] = run.codePoints[i]!; // a glyph that shares its characters has none here
  return gid.toString(16).padStart(4, '0');
}

/** Text-showing operators for the run: TJ arrays, split where a glyph is raised or lowered. */
function operators(font: EmbeddedFont, run: GlyphRun, size: number): string[] {
  const ops: string[] = [];
  let parts: string[] = [];
  let hex = '';
  const flushHex = () => {
    if (hex) parts.push(`<${hex}>`);
    hex = '';
  };
  const flushArray = () => {
    flushHex();
    if (parts.length) ops.push(`[${parts.join(' ')}] TJ`);
    parts = [];
  };
  for (let i = 0; i < run.glyphs.length; i++) {
    const space = run.codePoints[i]!.length === 1 && run.codePoints[i]![0] === 32;
    const offset = run.offsets?.[i];
    if (space || offset) flushHex();
    if (offset?.x) parts.push(num(-offset.x));
    if (offset?.y) {
      flushArray();
      ops.push(`${num((offset.y * size) / 1000)} Ts`);
    }
    hex += code(font, run, i);
    const adjust = run.advances[i]! - run.widths[i]! - (offset?.x ?? 0);
    if (adjust !== 0) {
      parts.push(`<${hex}> ${num(-adjust)}`);
      hex = '';
    }
    if (offset?.y) {
      flushArray();
      ops.push('0 Ts');
    }
    if (space) flushHex();
  }
  flushArray();
  return ops;
}

/** Draws the box's glyphs with the current font and size (set by the caller through pdfkit), its baseline at `box.y`. */
export function drawGlyphs(doc: PDFKit.PDFDocument, box: TextBox, run: GlyphRun): void {
  const internals = doc as unknown as Internals;
  const font = internals._font;
  const size = box.style.size;
  const ops = operators(font, run, size);
  if (ops.length === 0) return;
  const page = internals.page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const height = page.height;
  internals.addContent(`q\n1 0 0 -1 0 ${num(height)} cm\nBT\n1 0 0 1 ${num(box.x)} ${num(height - box.y)} Tm\n/${font.id} ${num(size)} Tf\n${ops.join('\n')}\nET\nQ`);
}
