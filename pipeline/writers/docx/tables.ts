/**
 * Tables: column widths from their content, measured with the text engine (HarfBuzz widths of the
 * edition's faces): no column narrower than its longest unbreakable word (a number such as
 * 1,234,567 or 7 985 769 is never broken), the rest of the text width shared in proportion to each
 * column's content. A table too wide for the page even so is set in a smaller size, down to a floor;
 * below it, its columns keep their minimum widths in a fixed layout. The header row repeats on each
 * page, cells keep the column's alignment, inline formatting and note citations.
 */
import { AlignmentType, Table, TableCell, TableLayoutType, TableRow, WidthType, type FileChild } from 'docx';
import type { Table as MdTable } from 'mdast';
import type { Node } from 'unist';
import type { Face } from '../../text/fonts.js';
import { widthOf } from '../../text/measure.js';
import { citationOf } from '../../model/anchors.js';
import type { DocxContext } from './context.js';
import { inlines } from './inlines.js';
import { paragraph } from './paragraphs.js';
import { resolvedInlines } from './resolved.js';
import { TABLE_BORDER } from './styles.js';

/** Word's default cell margins (108 twips each side), and a little room for renderers that round. */
const CELL_PADDING = 2 * 108 + 20;
/** The smallest size, in points, a wide table is set in. */
const MIN_TABLE_SIZE = 6;
/** A note number is set at about this share of the text size. */
const SUPERSCRIPT = 0.65;

/** A cell's extent in ems: its longest unbreakable word and its longest line. */
interface Extent {
  word: number;
  line: number;
}

interface Style {
  bold: boolean;
  italic: boolean;
}

const faceOf = ({ bold, italic }: Style): Face => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');
const BREAK = /[ \t\r\n]+/; // only spaces break a line: a no-break space (thousands in ru, kk) does not

/** Measures inline content: words run across formatting (`**7**,985` is one word); spaces and breaks end them. */
class Measure {
  word = 0;
  line = 0;
  readonly extent: Extent = { word: 0, line: 0 };

  add(text: string, width: (s: string) => number): void {
    const parts = text.split(BREAK);
    parts.forEach((part, i) => {
      if (i > 0) this.endWord(width(' '));
      this.word += width(part);
      this.line += width(part);
    });
    this.settle();
  }

  endWord(space: number): void {
    this.settle();
    this.word = 0;
    this.line += space;
  }

  endLine(): void {
    this.settle();
    this.word = 0;
    this.line = 0;
  }

  private settle(): void {
    this.extent.word = Math.max(this.extent.word, this.word);
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
  const extents = Array.from({ length: columns }, () => ({ word: 0, line: 0 }));
  node.children.forEach((row, r) => {
    row.children.forEach((cell, c) => {
      const m = new Measure();
      measureInlines(cell.children, { bold: r === 0, italic: false }, m);
      const e = extents[c]!;
      e.word = Math.max(e.word, m.extent.word);
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
  widths: number[];
  /** Size of the table's text in half-points, when it had to be set smaller than its style's. */
  size?: number;
  fixed: boolean;
}

/** The columns' widths (twips) for text at `points`, shrinking the size when the words do not fit. */
function layout(extents: Extent[], points: number, available: number): Layout {
  const twips = (em: number, pt: number) => em * pt * 20 + CELL_PADDING;
  const at = (pt: number) => ({ min: extents.map((e) => twips(e.word, pt)), max: extents.map((e) => twips(e.line, pt)) });
  let { min, max } = at(points);
  if (sum(min) <= available) return { widths: distribute(min, max, available), fixed: false };
  const words = sum(extents.map((e) => e.word)) * 20;
  const fit = (available - extents.length * CELL_PADDING) / words;
  const halfPoints = Math.max(MIN_TABLE_SIZE * 2, Math.floor(fit * 2));
  ({ min, max } = at(halfPoints / 2));
  if (sum(min) <= available) return { widths: distribute(min, max, available), size: halfPoints, fixed: false };
  return { widths: min.map(Math.ceil), size: halfPoints, fixed: true };
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

export function table(node: MdTable, context: DocxContext): FileChild[] {
  const { frame } = context;
  // A page break waiting for the next paragraph goes before the table, not into its first cell.
  const before = context.pageBreakPending ? [paragraph([], context)] : [];
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const available = context.textWidth - frame.indent;
  const { widths, size, fixed } = layout(columnExtents(node, columns), frame.styles.tableSize, available);
  const align = node.align ?? [];
  const rows = node.children.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        cantSplit: true,
        children: widths.map((width, c) => {
          const runs = inlines(row.children[c]?.children ?? [], size ? { size } : {}, context);
          const style = r === 0 ? frame.styles.tableHeading : frame.styles.tableText;
          const cell = context.within({ indent: 0 }, () => paragraph(runs, context, { style, alignment: ALIGN[align[c] ?? 'left'] }));
          return new TableCell({ width: { size: width, type: WidthType.DXA }, children: [cell] });
        }),
      }),
  );
  return [
    ...before,
    new Table({
      columnWidths: widths,
      width: { size: sum(widths), type: WidthType.DXA },
      ...(frame.indent ? { indent: { size: frame.indent, type: WidthType.DXA } } : {}),
      ...(fixed ? { layout: TableLayoutType.FIXED } : {}),
      borders: { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER, insideHorizontal: TABLE_BORDER, insideVertical: TABLE_BORDER },
      rows,
    }),
    paragraph([], context),
  ];
}
