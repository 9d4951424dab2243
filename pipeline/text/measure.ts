/**
 * Shaping and measuring text with the edition's font files, through HarfBuzz (harfbuzzjs, the
 * reference shaper compiled to WebAssembly). Each string is shaped once per face and the runs
 * kept: the line breaker reads their width, the PDF painter draws their glyphs and the chart's
 * raster traces them, so a word is shaped once however often it appears and in however many
 * editions. A face's text the face's own font cannot draw is cut into runs, each shaped in the
 * fallback font that draws it (fallback.ts).
 */
import * as hb from 'harfbuzzjs';
import { fontRuns } from './fallback.js';
import { drawnByOwnFonts, isRightToLeft } from './glyphs.js';
import { fontData, FALLBACKS, type Face, type FontId } from './fonts.js';

interface LoadedFont {
  font: hb.Font;
  /** Thousandths of an em per font unit. */
  scale: number;
  upem: number;
  /** The horizontal header's ascender and descender, in font units (what pdfkit and Word use). */
  ascent: number;
  descent: number;
  /** Height of the lower-case letters (OS/2 sxHeight), in font units; half the ascender when the font has none. */
  xHeight: number;
  /** Each glyph's own advance in thousandths of an em, asked of the font once per glyph. */
  advances: Map<number, number>;
}

const fonts = new Map<FontId, LoadedFont>();

/** The OS/2 table's sxHeight (table version 2 and later). */
function xHeightOf(face: hb.Face): number | undefined {
  const os2 = face.referenceTable('OS/2');
  if (!os2 || os2.byteLength < 88) return undefined;
  const view = new DataView(os2.buffer, os2.byteOffset, os2.byteLength);
  return view.getUint16(0) >= 2 ? view.getInt16(86) : undefined;
}

export function font(id: FontId): LoadedFont {
  let loaded = fonts.get(id);
  if (!loaded) {
    const hbFace = new hb.Face(new hb.Blob(fontData(id)));
    const hhea = hbFace.referenceTable('hhea');
    if (!hhea) throw new Error(`the ${id} font has no hhea table`);
    // Read the tables before anything else is allocated: their views are into WebAssembly memory,
    // which growing (as a large font makes it) detaches.
    const view = new DataView(hhea.buffer, hhea.byteOffset, hhea.byteLength);
    const ascent = view.getInt16(4);
    const descent = view.getInt16(6);
    const xHeight = xHeightOf(hbFace) ?? ascent / 2;
    loaded = { font: new hb.Font(hbFace), scale: 1000 / hbFace.upem, upem: hbFace.upem, ascent, descent, xHeight, advances: new Map() };
    fonts.set(id, loaded);
  }
  return loaded;
}

/** A string shaped in one font; glyph advances in thousandths of an em (PDF text space units). */
export interface ShapedRun {
  /** The font whose glyphs these are. */
  font: FontId;
  /** Total advance, in ems. */
  em: number;
  /** Glyph ids in the font file. */
  glyphs: number[];
  /** Advance of each glyph as laid out (kerning included). */
  advances: number[];
  /** Advance of each glyph on its own (its width in the font's metrics). */
  widths: number[];
  /** The characters each glyph stands for (several for a ligature, none for a glyph that shares them). */
  codePoints: number[][];
  /** Offsets of glyphs moved off the pen position (marks), when any is: such runs are drawn by pdfkit. */
  offsets?: { x: number; y: number }[];
}

const runs = new Map<FontId, Map<string, ShapedRun>>();

/** A glyph's own advance in thousandths of an em. */
function advanceOf(f: LoadedFont, gid: number): number {
  let a = f.advances.get(gid);
  if (a === undefined) {
    a = f.font.glyphHAdvance(gid) * f.scale;
    f.advances.set(gid, a);
  }
  return a;
}
let buffer: hb.Buffer | undefined;

/** `text` shaped in one font with its default features (kerning, ligatures), cached. */
export function shape(text: string, id: FontId): ShapedRun {
  let cache = runs.get(id);
  if (!cache) runs.set(id, (cache = new Map()));
  let run = cache.get(text);
  if (run !== undefined) return run;
  const f = font(id);
  buffer ??= new hb.Buffer();
  buffer.reset();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(f.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  run = { font: id, em: 0, glyphs: new Array(infos.length), advances: new Array(infos.length), widths: new Array(infos.length), codePoints: new Array(infos.length) };
  let total = 0;
  let moved = false;
  for (let i = 0; i < infos.length; i++) {
    const { codepoint: gid, cluster } = infos[i]!;
    const pos = positions[i]!;
    total += pos.xAdvance;
    run.glyphs[i] = gid;
    run.advances[i] = pos.xAdvance * f.scale;
    run.widths[i] = advanceOf(f, gid);
    // The glyph's characters: its cluster up to the next glyph's (clusters count UTF-16 units);
    // a glyph sharing the previous one's cluster stands for none.
    if (i > 0 && infos[i - 1]!.cluster === cluster) run.codePoints[i] = [];
    else {
      let end = text.length;
      for (let j = i + 1; j < infos.length; j++) {
        if (infos[j]!.cluster !== cluster) {
          end = infos[j]!.cluster;
          break;
        }
      }
      const points: number[] = [];
      for (let k = cluster; k < end; k++) {
        const cp = text.codePointAt(k)!;
        points.push(cp);
        if (cp > 0xffff) k++;
      }
      run.codePoints[i] = points;
    }
    if (pos.xOffset || pos.yOffset) moved = true;
  }
  run.em = total / f.upem;
  if (moved) run.offsets = positions.map((p) => ({ x: p.xOffset * f.scale, y: p.yOffset * f.scale }));
  cache.set(text, run);
  return run;
}

/** Characters every font ignores or that no font draws (soft hyphen, zero-width spaces, joiners): no reason to change fonts. */
function invisible(cp: number): boolean {
  return cp < 0x20 || cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff;
}

/** Whether a font has a glyph for a character (never for a right-to-left letter: see glyphs.ts). */
export function hasGlyph(id: FontId, cp: number): boolean {
  if (invisible(cp)) return true;
  if (cp >= 0x590 && isRightToLeft(String.fromCodePoint(cp))) return false;
  return font(id).font.nominalGlyph(cp) !== undefined;
}

const faceRuns = new Map<Face, Map<string, ShapedRun[]>>();

/**
 * `text` shaped for a face: in the face's own font when it draws every character (the common
 * case, and then exactly as before fallback existed), else in runs of the fallback fonts.
 */
export function shapeRuns(text: string, face: Face): ShapedRun[] {
  let cache = faceRuns.get(face);
  if (!cache) faceRuns.set(face, (cache = new Map()));
  let shaped = cache.get(text);
  if (shaped) return shaped;
  const chain = FALLBACKS[face];
  const own = shape(text, chain[0]!);
  // Every character in the font's own map (HarfBuzz would also set a space the font lacks, such as
  // U+202F, with its space glyph; the fallback's own glyph keeps the character in the PDF's text).
  if (drawnByOwnFonts(text) || Array.from(text).every((ch) => hasGlyph(chain[0]!, ch.codePointAt(0)!))) shaped = [own];
  else {
    const pieces = fontRuns(text, chain, hasGlyph);
    shaped = pieces.length <= 1 && (pieces[0]?.font ?? chain[0]) === chain[0] ? [own] : pieces.map((p) => shape(p.text, p.font));
  }
  cache.set(text, shaped);
  return shaped;
}

/** Width of `text` at `size` points, in points (kerning and ligatures as the fonts lay them out). */
export function widthOf(text: string, face: Face, size: number): number {
  let em = 0;
  for (const run of shapeRuns(text, face)) em += run.em;
  return em * size;
}

/** Characters of `text` no font of the face can draw (its own, nor a fallback). */
export function missingGlyphs(text: string, face: Face): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xa0 || FALLBACKS[face].some((f) => hasGlyph(f, cp))) continue;
    missing.add(ch);
  }
  return [...missing];
}

/** Ascender, descender and x-height of a face's own font, in points at `size`. */
export function metrics(face: Face, size: number): { ascent: number; descent: number; xHeight: number } {
  const f = font(face);
  return { ascent: (f.ascent / f.upem) * size, descent: (-f.descent / f.upem) * size, xHeight: (f.xHeight / f.upem) * size };
}

/** `preferred` when its own font can draw every character of `text`, else the first face whose own font can (PT Mono, then DejaVu Sans). */
export function faceFor(text: string, preferred: Face): Face {
  const draws = (face: Face) => Array.from(text).every((ch) => hasGlyph(face, ch.codePointAt(0)!));
  for (const face of [preferred, 'mono', 'symbol'] as const) if (draws(face)) return face;
  return preferred;
}
