/**
 * Groups a page's glyphs into lines and words. A line is the glyphs on one baseline (within a fifth
 * of their size); a raised or lowered smaller band (a note number) joins the line just below or
 * above it. Words are split at space glyphs and at gaps wider than an eighth of an em (PDFs from
 * TeX and Typst draw no space glyphs); a gap is measured from a word's last glyph's advance to the
 * next word's first pen position, so it is the space as drawn, whatever way the PDF stretched it.
 * A list item's hanging marker (`1.` a tab's width before the text) is kept apart from the words.
 */
import type { Glyph, PdfGlyphs } from './read-pdf.js';

export interface Word { text: string; x: number; x1: number }

export interface Line {
  /** Page index, from 0. */
  page: number;
  /** Baseline, from the top of the page. */
  y: number;
  /** The size and font most of the line's glyphs have. */
  size: number;
  font: number;
  x0: number;
  x1: number;
  words: Word[];
  /** The gaps between consecutive words, in points (not the gap after a list marker). */
  gaps: number[];
  /** A list item's number or bullet hanging before the text (`1.`, `a)`, `•`), apart from the words. */
  marker?: string;
  /** Whether most glyphs are bold. */
  bold: boolean;
  /** Whether the line starts with a glyph smaller than its text (a note's raised number). */
  smallStart: boolean;
  text: string;
}

/** The value most entries have (ties: the first seen). */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let count = 0;
  for (const [v, n] of counts) if (n > count) [best, count] = [v, n];
  return best;
}

/** A list item's marker: a number, letter or numeral with `.` or `)`, or a bullet. */
const MARKER = /^(?:\(?(?:\d{1,3}|[a-z]|[ivxlcdm]{1,6})[.)]|[•◦▪‣·–—-])$/iu;

const isBlank = (g: Glyph) => /^\s+$/u.test(g.c);

/** Glyphs on one baseline. */
function bands(glyphs: Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const out: Glyph[][] = [];
  let band: Glyph[] = [];
  let y = -Infinity;
  let size = 0;
  for (const g of sorted) {
    if (band.length && g.y - y <= 0.2 * Math.max(size, g.size)) {
      band.push(g);
      size = Math.max(size, g.size);
      continue;
    }
    if (band.length) out.push(band);
    band = [g];
    y = g.y;
    size = g.size;
  }
  if (band.length) out.push(band);
  return out;
}

const bandSize = (band: Glyph[]) => Math.max(...band.map((g) => g.size));
const bandY = (band: Glyph[]) => mostCommon(band.filter((g) => g.size === bandSize(band)).map((g) => g.y))!;

/** Joins each band of small glyphs to the text line it is raised above or lowered below, when there is one. */
function joinRaised(all: Glyph[][]): Glyph[][] {
  const lines = all.map((b) => ({ glyphs: b, size: bandSize(b), y: bandY(b), x0: Math.min(...b.map((g) => g.x)), x1: Math.max(...b.map((g) => g.x1)) }));
  const kept: typeof lines = [];
  for (const small of [...lines].sort((a, b) => a.size - b.size)) { // the smallest first, so a chain ends in the largest
    const host = lines.find((l) => l !== small && small.size <= 0.85 * l.size && Math.abs(l.y - small.y) <= 0.6 * l.size
      && small.x0 <= l.x1 + l.size && small.x1 >= l.x0 - l.size);
    if (host) host.glyphs.push(...small.glyphs);
    else kept.push(small);
  }
  return kept.map((l) => l.glyphs).sort((a, b) => bandY(a) - bandY(b));
}

function words(glyphs: Glyph[], size: number): Word[] {
  const out: Word[] = [];
  let word: Word | undefined;
  let broken = true;
  for (const g of glyphs) {
    if (isBlank(g)) {
      broken = true;
      continue;
    }
    if (word && !broken && g.x - word.x1 <= size / 8) {
      word.text += g.c;
      word.x1 = Math.max(word.x1, g.x1);
    } else {
      word = { text: g.c, x: g.x, x1: g.x1 };
      out.push(word);
    }
    broken = false;
  }
  return out;
}

function line(page: number, glyphs: Glyph[], bold: (font: number) => boolean): Line | undefined {
  const ink = glyphs.filter((g) => !isBlank(g)).sort((a, b) => a.x - b.x);
  if (!ink.length) return undefined;
  const size = mostCommon(ink.map((g) => Math.round(g.size * 10) / 10))!;
  const main = ink.filter((g) => Math.abs(g.size - size) < 0.06);
  const sorted = [...glyphs].sort((a, b) => a.x - b.x);
  const all = words(sorted, size);
  const marked = all.length > 1 && MARKER.test(all[0]!.text) && all[1]!.x - all[0]!.x1 > size / 2;
  const ws = marked ? all.slice(1) : all;
  return {
    page,
    y: mostCommon(main.map((g) => Math.round(g.y * 10) / 10))!,
    size,
    font: mostCommon(main.map((g) => g.font))!,
    x0: all[0]!.x,
    x1: ws[ws.length - 1]!.x1,
    words: ws,
    gaps: ws.slice(1).map((w, i) => w.x - ws[i]!.x1),
    bold: main.filter((g) => bold(g.font)).length * 2 > main.length,
    smallStart: ink[0]!.size < 0.85 * size,
    text: all.map((w) => w.text).join(' '),
    ...(marked ? { marker: all[0]!.text } : {}),
  };
}

/** Every page's lines, top to bottom. */
export function pageLines(pdf: PdfGlyphs): Line[][] {
  const bold = (f: number) => pdf.fonts[f]?.bold ?? false;
  return pdf.pages.map((p, page) => joinRaised(bands(p.glyphs))
    .map((g) => line(page, g, bold))
    .filter((l): l is Line => l !== undefined)
    .sort((a, b) => a.y - b.y || a.x0 - b.x0));
}

export { mostCommon };
