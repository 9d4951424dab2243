/**
 * Tables: column widths from their content, measured with the text engine (HarfBuzz widths of the
 * edition's faces): no column narrower than its longest unbreakable word (a number such as
 * 1,234,567 or 7 985 769 is never broken), the rest of the text width shared in proportion to each
 * column's content. A table too wide for the page even so is set smaller, in half-points, down to
 * 70% of its style's size; then, in a fixed layout Word keeps, its words may break after their own
 * hyphens, dashes and slashes; then it is set as several tables, each repeating its first column
 * (model/table-parts.ts), as the PDF does. Not a landscape section: the edition is one section
 * (LibreOffice draws the note separator in one section only), and a table that needs splitting
 * does not fit a landscape page either. A column too wide beside the first even so is refused with
 * the table's place. The header row repeats on each page, cells keep the column's alignment, inline
 * formatting and note citations (a repeated first column without its citations: they are cited once).
 */
import { AlignmentType, Table, TableCell, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
import type { Table as MdTable, TableCell as MdTableCell, PhrasingContent } from 'mdast';
import type { Node } from 'unist';
import type { Face } from '../../text/fonts.js';
import { widthOf } from '../../text/measure.js';
import { citationOf } from '../../model/anchors.js';
import { columnParts, tablePlace, tooWideMessage } from '../../model/table-parts.js';
import { FolioError } from '../../util/diagnostics.js';
import type { DocxContext } from './context.js';
import { inlines } from './inlines.js';
import { paragraph } from './paragraphs.js';
import { resolvedInlines } from './resolved.js';
import { TABLE_BORDER } from './styles.js';

/** Word's default cell margins (108 twips each side), and a little room for renderers that round. */
const CELL_PADDING = 2 * 108 + 20;
/** The smallest size a wide table is set in, as a share of its style's size. */
const MIN_TABLE_SCALE = 0.7;
/** A note number is set at about this share of the text size. */
const SUPERSCRIPT = 0.65;

/** A cell's extent in ems: its longest unbreakable word, its longest piece between hard break points, and its longest line. */
interface Extent {
  word: number;
  piece: number;
  line: number;
}

interface Style {
  bold: boolean;
  italic: boolean;
}

const faceOf = ({ bold, italic }: Style): Face => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');
const BREAK = /[ \t\r\n]+/; // only spaces break a line: a no-break space (thousands in ru, kk) does not
/** After a hyphen, dash or slash between letters or digits, as the PDF's words break (layout/inline/word-breaks.ts). */
const HARD = /(?<=[\p{L}\d][-–—/])(?=[\p{L}\d])/u;

/** Measures inline content: words run across formatting (`**7**,985` is one word); spaces and breaks end them. */
class Measure {
  word = 0;
  piece = 0;
  line = 0;
  readonly extent: Extent = { word: 0, piece: 0, line: 0 };

  add(text: string, width: (s: string) => number): void {
    const parts = text.split(BREAK);
    parts.forEach((part, i) => {
      if (i > 0) this.endWord(width(' '));
      part.split(HARD).forEach((piece, k) => {
        if (k > 0) this.endPiece();
        this.piece += width(piece);
      });
      this.word += width(part);
      this.line += width(part);
    });
    this.settle();
  }

  endPiece(): void {
    this.settle();
    this.piece = 0;
  }

  endWord(space: number): void {
    this.endPiece();
    this.word = 0;
    this.line += space;
  }

  endLine(): void {
    this.endWord(0);
    this.line = 0;
  }

  private settle(): void {
    this.extent.word = Math.max(this.extent.word, this.word);
    this.extent.piece = Math.max(this.extent.piece, this.piece);
    this.extent.line = Math.max(this.extent.line, this.line);
  }
}

function measureInlines(nodes: readonly Node[], style: Style, m: Measure): void {
  for (const node of resolvedInlines(nodes)) {
    switch (node.type) {
      case 'text':
        m.add(node.value, (s) => widthOf(s, faceOf(style), 1));
        break;
      case 'inlineCode':
        m.add(node.value, (s) => widthOf(s, 'mono', 1));
        break;
      case 'emphasis':
        measureInlines(node.children, { ...style, italic: !style.italic }, m);
        break;
      case 'strong':
        measureInlines(node.children, { ...style, bold: true }, m);
        break;
      case 'delete':
      case 'link':
        measureInlines(node.children, style, m);
        break;
      case 'break':
        m.endLine();
        break;
      case 'footnoteReference':
        m.add(String(citationOf(node).number), (s) => widthOf(s, 'regular', 1) * SUPERSCRIPT);
        break;
    }
  }
}

/** Each column's minimum (longest word) and natural (longest line) width in ems, over its cells. */
function columnExtents(node: MdTable, columns: number): Extent[] {
  const extents = Array.from({ length: columns }, () => ({ word: 0, piece: 0, line: 0 }));
  node.children.forEach((row, r) => {
    row.children.forEach((cell, c) => {
      const m = new Measure();
      measureInlines(cell.children, { bold: r === 0, italic: false }, m);
      const e = extents[c]!;
      e.word = Math.max(e.word, m.extent.word);
      e.piece = Math.max(e.piece, m.extent.piece);
      e.line = Math.max(e.line, m.extent.line);
    });
  });
  return extents;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Integer widths filling `available`: minimums first, the rest in proportion to content (`min` never undercut). */
export function distribute(min: number[], max: number[], available: number): number[] {
  const lows = min.map(Math.ceil);
  const highs = max.map((m, i) => Math.max(Math.ceil(m), lows[i]!));
  const fits = sum(highs) <= available;
  const base = fits ? highs : lows;
  const weights = fits ? highs : highs.map((h, i) => h - lows[i]!);
  const total = sum(weights);
  const spare = available - sum(base);
  const widths = base.map((b, i) => b + Math.floor(total > 0 ? (spare * weights[i]!) / total : spare / base.length));
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest]! += available - sum(widths);
  return widths;
}

interface Layout {
  /** The columns of each table the source table is set as (one: all of them). */
  parts: number[][];
  /** Each column's narrowest and natural widths, in twips, at the size set. */
  min: number[];
  max: number[];
  /** Size of the table's text in half-points, when it had to be set smaller than its style's. */
  size?: number;
  fixed: boolean;
}

/** The first size, in half-points down from `points` to the floor, at which `fits`; the floor if none. */
function smaller(points: number, fits: (pt: number) => boolean): { halfPoints: number; fits: boolean } {
  const floor = Math.floor(points * MIN_TABLE_SCALE * 2);
  for (let halfPoints = Math.ceil(points * 2) - 1; halfPoints >= floor; halfPoints--) if (fits(halfPoints / 2)) return { halfPoints, fits: true };
  return { halfPoints: floor, fits: false };
}

/**
 * How the table is set, in the order the module's comment gives: its size, smaller, words broken at
 * their own break points, several tables; a `place` refusal when none fits.
 */
function layout(extents: Extent[], points: number, available: number, place: () => string): Layout {
  const twips = (em: number, pt: number) => em * pt * 20 + CELL_PADDING;
  const at = (pt: number, key: 'word' | 'piece' = 'word') => ({ min: extents.map((e) => twips(e[key], pt)), max: extents.map((e) => twips(e.line, pt)) });
  const all = [extents.map((_, c) => c)];
  const natural = at(points);
  if (sum(natural.min) <= available) return { parts: all, ...natural, fixed: false };
  const { halfPoints, fits } = smaller(points, (pt) => sum(at(pt).min) <= available);
  const size = halfPoints / 2;
  if (fits) return { parts: all, ...at(size), size: halfPoints, fixed: false };
  const broken = at(size, 'piece');
  if (sum(broken.min) <= available) return { parts: all, ...broken, size: halfPoints, fixed: true };
  const whole = at(size);
  const parts = columnParts(whole.min, available);
  if (Array.isArray(parts)) return { parts, ...whole, size: halfPoints, fixed: true };
  const pieces = columnParts(broken.min, available);
  if (Array.isArray(pieces)) return { parts: pieces, ...broken, size: halfPoints, fixed: true };
  throw new FolioError(tooWideMessage(place(), broken.min.map((w) => w / 20), pieces.column, available / 20, size));
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/** A cell's content without its note citations: the first column drawn again in a later part (its notes are cited in the first). */
function uncited(cell: MdTableCell | undefined): PhrasingContent[] {
  const strip = (nodes: PhrasingContent[]): PhrasingContent[] =>
    nodes.filter((n) => n.type !== 'footnoteReference').map((n) => ('children' in n ? { ...n, children: strip(n.children as PhrasingContent[]) } : n) as PhrasingContent);
  return strip(cell?.children ?? []);
}

/** One Word table of the given columns of the source table. */
function tablePart(node: MdTable, columns: number[], set: Layout, later: boolean, context: DocxContext): Table {
  const { frame } = context;
  const widths = distribute(columns.map((c) => set.min[c]!), columns.map((c) => set.max[c]!), context.textWidth - frame.indent);
  const align = node.align ?? [];
  const rows = node.children.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        cantSplit: true,
        children: columns.map((c, i) => {
          const content = later && c === 0 ? uncited(row.children[c]) : row.children[c]?.children ?? [];
          const runs = inlines(content, set.size ? { size: set.size } : {}, context);
          const style = r === 0 ? frame.styles.tableHeading : frame.styles.tableText;
          const cell = context.within({ indent: 0 }, () => paragraph(runs, context, { style, alignment: ALIGN[align[c] ?? 'left'] }));
          return new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children: [cell] });
        }),
      }),
  );
  return new Table({
    columnWidths: widths,
    width: { size: sum(widths), type: WidthType.DXA },
    ...(frame.indent ? { indent: { size: frame.indent, type: WidthType.DXA } } : {}),
    ...(set.fixed ? { layout: TableLayoutType.FIXED } : {}),
    borders: { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER, insideHorizontal: TABLE_BORDER, insideVertical: TABLE_BORDER },
    rows,
  });
}

export function table(node: MdTable, context: DocxContext): FileChild[] {
  const { frame } = context;
  // A page break waiting for the next paragraph goes before the table, not into its first cell.
  const before = context.pageBreakPending ? [paragraph([], context)] : [];
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const place = () => tablePlace(frame.file, node.position?.start);
  const set = layout(columnExtents(node, columns), frame.styles.tableSize, context.textWidth - frame.indent, place);
  // Each part, then an empty paragraph: Word joins tables that touch into one.
  return [...before, ...set.parts.flatMap((part, k) => [tablePart(node, part, set, k > 0, context), paragraph([], context)])];
}
