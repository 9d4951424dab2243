/**
 * Which lines are justified running text, read from the page alone (so a PDF from any maker can
 * be measured):
 *
 * - **Furniture** (running heads, page numbers): a line whose text, digits aside, stands at the
 *   same height on at least a quarter of the pages (and three).
 * - **Areas**: the notes are the lines below a note rule (a horizontal rule from the left margin,
 *   10–60% of the measure long) when the text below it is smaller than the body's; the body is the
 *   rest. The body size is the size most glyphs have, the note size the one most note glyphs have.
 * - **Full lines**: in the body (or notes) size, at least two words, starting at or right of the
 *   left margin and ending at the right margin (within a tenth of an em; margins are the commonest
 *   line starts and ends of that size, per page parity), and neither leaders (contents) nor
 *   tabbed (a gap over an em and over three times the line's median gap: a table row). These are
 *   the justified lines whose spaces are measured.
 * - **Last lines**: a shorter line right after a full line of the same area and size (one leading
 *   below it, or first on the next page), starting within 3 em of it and not with a note number:
 *   the end of a paragraph.
 * - Everything else (headings, contents, tables, captions, centred lines, one-line paragraphs,
 *   lines in other sizes) is **other** and not counted.
 *
 * The text lines counted are the full and last lines of the body and the notes.
 */
import { mostCommon, type Line } from './lines.js';
import type { PdfGlyphs } from './read-pdf.js';

export type Kind = 'full' | 'last' | 'other';
export type Area = 'body' | 'note' | 'furniture';

export interface TextLine extends Line { area: Area; kind: Kind }

export interface Classified {
  /** Every line, in reading order (page, then top to bottom). */
  lines: TextLine[];
  bodySize: number;
  noteSize: number | undefined;
}

const round = (n: number, step: number) => Math.round(n / step) * step;
const sameSize = (a: number, b: number | undefined) => b !== undefined && Math.abs(a - b) < 0.15;

/** Lines whose text (digits aside) recurs at the same height on many pages. */
function furniture(pages: Line[][]): Set<Line> {
  const key = (l: Line) => `${round(l.y, 2)}|${l.text.replace(/\d+/g, '#')}`;
  const pagesOf = new Map<string, Set<number>>();
  for (const l of pages.flat()) pagesOf.set(key(l), (pagesOf.get(key(l)) ?? new Set()).add(l.page));
  const min = Math.max(3, pages.length / 4);
  return new Set(pages.flat().filter((l) => pagesOf.get(key(l))!.size >= min));
}

/** The body size: the size of most glyphs outside the furniture. */
function commonSize(lines: Line[]): number | undefined {
  return mostCommon(lines.flatMap((l) => Array<number>(l.text.length).fill(l.size)));
}

interface Margins { left: number; right: number }

/** The commonest start and end of lines in a size with four words or more, for pages of one parity. */
function margins(lines: Line[], size: number | undefined): Margins | undefined {
  const wide = lines.filter((l) => sameSize(l.size, size) && l.words.length >= 4);
  if (!wide.length) return undefined;
  return { left: mostCommon(wide.map((l) => round(l.x0, 0.25)))!, right: mostCommon(wide.map((l) => round(l.x1, 0.25)))! };
}

/** The top of the page's note area: its lowest note rule with only smaller text below it. */
function noteTop(pdf: PdfGlyphs, page: number, lines: Line[], bodySize: number, m: Margins | undefined): number {
  if (!m) return Infinity;
  const measure = m.right - m.left;
  const candidates = pdf.pages[page]!.rules
    .filter((r) => Math.abs(r.x0 - m.left) <= 3 && r.x1 - r.x0 >= 0.1 * measure && r.x1 - r.x0 <= 0.6 * measure)
    .sort((a, b) => b.y - a.y);
  for (const rule of candidates) {
    const below = lines.filter((l) => l.y > rule.y);
    if (below.length && below.every((l) => l.size < bodySize - 0.3)) return rule.y;
  }
  return Infinity;
}

/** Leaders (contents) or a gap far wider than the others (a table row, a tab). */
function tabbed(l: Line): boolean {
  if (/\.{5,}|(?:\. ){4,}|…{3,}/.test(l.text)) return true;
  if (l.gaps.length < 1) return false;
  const sorted = [...l.gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const max = sorted[sorted.length - 1]!;
  return max > l.size && (l.gaps.length < 3 ? max > 3 * l.size : max > 3 * median);
}

export function classify(pdf: PdfGlyphs, pages: Line[][]): Classified {
  const furn = furniture(pages);
  const content = pages.map((p) => p.filter((l) => !furn.has(l)));
  const bodySize = commonSize(content.flat()) ?? 0;
  const parity = [0, 1].map((k) => margins(content.filter((_, i) => i % 2 === k).flat(), bodySize));
  const tops = content.map((lines, i) => noteTop(pdf, i, lines, bodySize, parity[i % 2]));
  const noteSize = commonSize(content.flatMap((lines, i) => lines.filter((l) => l.y > tops[i]!)));
  const noteParity = [0, 1].map((k) => margins(content.filter((_, i) => i % 2 === k).flatMap((lines) => lines.filter((l) => l.y > tops[l.page]!)), noteSize));
  const out: TextLine[] = [];
  pages.forEach((lines, i) => {
    for (const l of lines) {
      const area: Area = furn.has(l) ? 'furniture' : l.y > tops[i]! ? 'note' : 'body';
      const size = area === 'note' ? noteSize : bodySize;
      const m = (area === 'note' ? noteParity : parity)[i % 2];
      const tol = Math.max(1, 0.1 * l.size);
      const fits = m !== undefined && area !== 'furniture' && sameSize(l.size, size) && l.x0 >= m.left - tol && !tabbed(l);
      const kind: Kind = fits && l.words.length >= 2 && l.x1 >= m!.right - tol ? 'full' : 'other';
      out.push({ ...l, area, kind });
    }
  });
  markLastLines(out);
  return { lines: out, bodySize, noteSize };
}

/** Marks the last lines of paragraphs (see the top of the file). */
function markLastLines(lines: TextLine[]): void {
  for (const area of ['body', 'note'] as const) {
    const stream = lines.filter((l) => l.area === area);
    stream.forEach((l, i) => {
      const prev = stream[i - 1];
      if (l.kind !== 'other' || !prev || prev.kind !== 'full' || !sameSize(l.size, prev.size) || l.smallStart || /\.{5,}/.test(l.text)) return;
      const below = prev.page === l.page ? l.y - prev.y <= 1.6 * l.size : l.page === prev.page + 1;
      const atMargin = Math.abs(l.x0 - prev.x0) <= 3 * l.size;
      if (below && atMargin && l.x1 < prev.x1) l.kind = 'last';
    });
  }
}
