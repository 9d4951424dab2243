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
 * - **Ragged text** (set flush left, as LibreOffice or a browser may set a DOCX or HTML): when
 *   fewer than a quarter of the wide lines of a size end at their commonest end, the lines end
 *   anywhere, so a full line is one the paragraph goes on after (the next line of its area and size
 *   one leading below, or first on the next page, starting within 3 em of it and not with a note
 *   number); its right margin is the furthest end of the wide lines. Their word spaces are measured
 *   as drawn, like any other.
 * - Everything else (headings, contents, tables, captions, centred lines, one-line paragraphs,
 *   lines in other sizes) is **other** and not counted.
 *
 * The text lines counted are the full and last lines of the body and the notes.
 */
import { mostCommon, type Line } from './lines.js';
import type { PdfGlyphs } from './read-pdf.js';

export type Kind = 'full' | 'last' | 'other';
export type Area = 'body' | 'note' | 'furniture';

export interface TextLine extends Line {
  area: Area;
  kind: Kind;
  /** Whether the line's size is set ragged (flush left) on its page's parity. */
  ragged?: boolean;
}

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

interface Margins { left: number; right: number; ragged: boolean }

/** The commonest start and end of lines in a size with four words or more, for pages of one parity. */
function margins(lines: Line[], size: number | undefined): Margins | undefined {
  const wide = lines.filter((l) => sameSize(l.size, size) && l.words.length >= 4);
  if (!wide.length) return undefined;
  const ends = wide.map((l) => round(l.x1, 0.25));
  const right = mostCommon(ends)!;
  const ragged = ends.filter((e) => Math.abs(e - right) <= 0.5).length < wide.length / 4;
  return { left: mostCommon(wide.map((l) => round(l.x0, 0.25)))!, right: ragged ? Math.max(...ends) : right, ragged };
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
      const atRight = m !== undefined && (m.ragged ? l.x1 <= m.right + tol : l.x1 >= m.right - tol);
      const kind: Kind = fits && l.words.length >= 2 && atRight ? 'full' : 'other';
      out.push({ ...l, area, kind, ...(m?.ragged ? { ragged: true } : {}) });
    }
  });
  markRaggedLines(out);
  markLastLines(out);
  return { lines: out, bodySize, noteSize };
}

/** Whether `next` goes on with the paragraph of `line`: same size, one leading below it (or first on the next page), near its start. */
function continues(line: TextLine, next: TextLine): boolean {
  if (!sameSize(line.size, next.size) || next.smallStart || /\.{5,}/.test(next.text)) return false;
  const below = next.page === line.page ? next.y - line.y > 0 && next.y - line.y <= 1.6 * line.size : next.page === line.page + 1;
  return below && Math.abs(next.x0 - line.x0) <= 3 * line.size;
}

/** In ragged text, a line that may be full is full only when its paragraph goes on below it. */
function markRaggedLines(lines: TextLine[]): void {
  for (const area of ['body', 'note'] as const) {
    const stream = lines.filter((l) => l.area === area);
    stream.forEach((l, i) => {
      const next = stream[i + 1];
      if (l.ragged && l.kind === 'full' && !(next && continues(l, next))) l.kind = 'other';
    });
  }
}

/** Marks the last lines of paragraphs (see the top of the file). */
function markLastLines(lines: TextLine[]): void {
  for (const area of ['body', 'note'] as const) {
    const stream = lines.filter((l) => l.area === area);
    stream.forEach((l, i) => {
      const prev = stream[i - 1];
      if (l.kind === 'full' || !prev || prev.kind !== 'full' || !continues(prev, l)) return;
      if (l.ragged || l.x1 < prev.x1) l.kind = 'last';
    });
  }
}
