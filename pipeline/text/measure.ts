/**
 * Shaping and measuring text with the edition's font files, through HarfBuzz (harfbuzzjs, the
 * reference shaper compiled to WebAssembly). Each string is shaped once per face and the run
 * kept: the line breaker reads its width, the PDF painter draws its glyphs and the chart's raster
 * traces them, so a word is shaped once however often it appears and in however many editions.
 */
import * as hb from 'harfbuzzjs';
import { fontData, type Face } from './fonts.js';

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

const fonts = new Map<Face, LoadedFont>();

/** The OS/2 table's sxHeight (table version 2 and later). */
function xHeightOf(face: hb.Face): number | undefined {
  const os2 = face.referenceTable('OS/2');
  if (!os2 || os2.byteLength < 88) return undefined;
  const view = new DataView(os2.buffer, os2.byteOffset, os2.byteLength);
  return view.getUint16(0) >= 2 ? view.getInt16(86) : undefined;
}

export function font(face: Face): LoadedFont {
  let loaded = fonts.get(face);
  if (!loaded) {
    const hbFace = new hb.Face(new hb.Blob(fontData(face)));
    const hhea = hbFace.referenceTable('hhea');
    if (!hhea) throw new Error(`the ${face} font has no hhea table`);
    const view = new DataView(hhea.buffer, hhea.byteOffset, hhea.byteLength);
    const ascent = view.getInt16(4);
    loaded = { font: new hb.Font(hbFace), scale: 1000 / hbFace.upem, upem: hbFace.upem, ascent, descent: view.getInt16(6), xHeight: xHeightOf(hbFace) ?? ascent / 2, advances: new Map() };
    fonts.set(face, loaded);
  }
  return loaded;
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
  /** The characters each glyph stands for (several for a ligature, none for a glyph that shares them). */
  codePoints: number[][];
  /** Offsets of glyphs moved off the pen position (marks), when any is: such runs are drawn by pdfkit. */
  offsets?: { x: number; y: number }[];
}

const runs = new Map<Face, Map<string, ShapedRun>>();

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

/** `text` shaped in `face` with the font's default features (kerning, ligatures), cached. */
export function shape(text: string, face: Face): ShapedRun {
  let cache = runs.get(face);
  if (!cache) runs.set(face, (cache = new Map()));
  let run = cache.get(text);
  if (run !== undefined) return run;
  const f = font(face);
  buffer ??= new hb.Buffer();
  buffer.reset();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(f.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  run = { em: 0, glyphs: new Array(infos.length), advances: new Array(infos.length), widths: new Array(infos.length), codePoints: new Array(infos.length) };
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

/** Width of `text` at `size` points, in points (kerning and ligatures as the font lays them out). */
export function widthOf(text: string, face: Face, size: number): number {
  return shape(text, face).em * size;
}

/** Characters of `text` the face has no glyph for. */
export function missingGlyphs(text: string, face: Face): string[] {
  const f = font(face).font;
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0xad || cp === 0x200b || cp === 0x2060 || cp === 0xa0) continue; // drawn as nothing, or as a space
    if (f.nominalGlyph(cp) === undefined) missing.add(ch);
  }
  return [...missing];
}

/** Ascender, descender and x-height of a face, in points at `size`. */
export function metrics(face: Face, size: number): { ascent: number; descent: number; xHeight: number } {
  const f = font(face);
  return { ascent: (f.ascent / f.upem) * size, descent: (-f.descent / f.upem) * size, xHeight: (f.xHeight / f.upem) * size };
}

/** `preferred` when it can draw every character of `text`, else the first face that can (PT Mono, then DejaVu Sans). */
export function faceFor(text: string, preferred: Face): Face {
  for (const face of [preferred, 'mono', 'symbol'] as const) if (missingGlyphs(text, face).length === 0) return face;
  return preferred;
}
