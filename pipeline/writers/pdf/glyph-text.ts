/**
 * Draws a text box's glyph run (shaped by the layout, `GlyphRun` in text/glyph-run.ts) into
 * pdfkit's font subsets, instead of through pdfkit's `text()`, which would shape every word a
 * second time with its own copy of the font. pdfkit still owns the font objects: each glyph is
 * added to its subset, with its width and the characters it stands for (the ToUnicode map that
 * makes the text extractable). One hex string per word; a glyph moved off the pen position (a
 * combining mark) is placed with a kerning number and, when raised or lowered, the text rise.
 * A part in another font than the one before it (a fallback font: text/fallback.ts) selects that
 * font first, within the same text object, so only the fonts a run draws with are embedded.
 *
 * This reaches into pdfkit's embedded font (`_font`, `subset`, `widths`, `unicode`, `page.fonts`),
 * which pdfkit does not document: pdfkit's version is pinned by the lockfile, and the PDF tests
 * read every word back from the files with pdfjs.
 */
import type { TextBox } from '../../layout/types.js';
import type { GlyphRun } from '../../text/glyph-run.js';
import type { ShapedRun } from '../../text/measure.js';

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

/** TJ arrays in the making: the current array's parts, and the operators already complete. */
interface Operators {
  ops: string[];
  parts: string[];
}

function endArray(out: Operators): void {
  if (out.parts.length) out.ops.push(`[${out.parts.join(' ')}] TJ`);
  out.parts = [];
}

/**
 * Appends one word's (or space's) glyphs: hex strings, with a kerning number wherever a glyph's
 * advance differs from its width; `extra` widens the last glyph. A glyph moved off the pen position
 * is shifted with kerning numbers and, when raised or lowered, drawn with the text rise.
 */
function appendPart(out: Operators, font: EmbeddedFont, run: ShapedRun, extra: number, size: number): void {
  let hex = '';
  const flush = () => {
    if (hex) out.parts.push(`<${hex}>`);
    hex = '';
  };
  for (let i = 0; i < run.glyphs.length; i++) {
    const offset = run.offsets?.[i];
    const moved = offset && (offset.x || offset.y) ? offset : undefined;
    if (moved) flush();
    if (moved?.x) out.parts.push(num(-moved.x));
    if (moved?.y) {
      endArray(out);
      out.ops.push(`${num((moved.y * size) / 1000)} Ts`);
    }
    hex += code(font, run, i);
    let adjust = run.advances[i]! - run.widths[i]! - (moved?.x ?? 0);
    if (i === run.glyphs.length - 1) adjust += extra;
    if (adjust !== 0) {
      out.parts.push(`<${hex}> ${num(-adjust)}`);
      hex = '';
    }
    if (moved?.y) {
      flush();
      endArray(out);
      out.ops.push('0 Ts');
    }
  }
  flush();
}

/** The horizontal scaling operator of an expanded line's run (its advances and spacing scale with it). */
function scaleOp(box: TextBox): string {
  return box.scale && box.scale !== 1 ? `${num(box.scale * 100)} Tz\n` : '';
}

/**
 * Draws the box's glyphs at its size, its baseline at `box.y`, each part in its own font (pdfkit's
 * font of that name, registered by document.ts), selected where it changes; the line's scaling
 * (Tz) set after the first font, for the whole run.
 */
export function drawGlyphs(doc: PDFKit.PDFDocument, box: TextBox, run: GlyphRun): void {
  const internals = doc as unknown as Internals;
  const size = box.style.size;
  const out: Operators = { ops: [], parts: [] };
  const used: EmbeddedFont[] = [];
  let current: ShapedRun['font'] | undefined;
  let font: EmbeddedFont | undefined;
  run.parts.forEach((part, i) => {
    if (part.font !== current || !font) {
      endArray(out);
      doc.font((current = part.font));
      font = internals._font;
      if (!used.includes(font)) used.push(font);
      out.ops.push(`/${font.id} ${num(size)} Tf`);
    }
    appendPart(out, font, part, run.spaces[i] ? run.spacing : 0, size);
  });
  endArray(out);
  const { ops } = out;
  if (!ops.some((op) => op.endsWith('TJ') || op.endsWith('Ts'))) return;
  const page = internals.page;
  for (const f of used) if (page.fonts[f.id] == null) page.fonts[f.id] = f.ref();
  const height = page.height;
  const [first, ...rest] = ops; // the first is the first part's font
  internals.addContent(`q\n1 0 0 -1 0 ${num(height)} cm\nBT\n1 0 0 1 ${num(box.x)} ${num(height - box.y)} Tm\n${first}\n${scaleOp(box)}${rest.join('\n')}\nET\nQ`);
}
