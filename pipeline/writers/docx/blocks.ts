/** Block content (mdast) → Word paragraphs and tables: one small function per node type. */
import {
  AlignmentType, Bookmark, ImageRun, InternalHyperlink, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild,
} from 'docx';
import type { BlockContent, DefinitionContent, Heading, List, RootContent, Table as MdTable } from 'mdast';
import type { BarChart, Chapter, Recommendation, RecommendationItem } from '../../model/types.js';
import { chartShape, chartSvg } from '../../figures/chart-geometry.js';
import { chartPng } from '../../figures/chart-png.js';
import { FAMILY } from '../../text/fonts.js';
import type { DocxContext } from './context.js';
import { inlines } from './inlines.js';
import { STYLE, TABLE_BORDER, TEXT_WIDTH } from './styles.js';

type Block = RootContent | BlockContent | DefinitionContent | Chapter;
type Handler<T extends Block['type']> = (node: Extract<Block, { type: T }>, context: DocxContext, style?: string) => FileChild[];

function heading(node: Heading, context: DocxContext): FileChild[] {
  const numeral = node.data?.numeral;
  const runs = inlines(node.children, {}, context);
  const id = node.data?.id;
  const content = numeral ? [new TextRun(`${numeral}.`), new TextRun({ text: '\t' }), ...runs] : runs;
  return [new Paragraph({ style: STYLE.heading(node.depth), children: id ? [new Bookmark({ id: context.bookmark(id), children: content })] : content })];
}

function list(node: List, context: DocxContext, depth = 0): FileChild[] {
  const out: FileChild[] = [];
  node.children.forEach((item, i) => {
    item.children.forEach((child, j) => {
      if (child.type === 'list') {
        out.push(...list(child, context, depth + 1));
        return;
      }
      if (child.type !== 'paragraph') {
        out.push(...blocks([child], context));
        return;
      }
      const marker = j === 0 ? (node.ordered ? `${(node.start ?? 1) + i}.\t` : '•\t') : '\t';
      out.push(new Paragraph({ indent: { left: 567 * (depth + 1), hanging: 567 }, children: [new TextRun(marker), ...inlines(child.children, {}, context)] }));
    });
  });
  return out;
}

function table(node: MdTable, context: DocxContext): FileChild[] {
  const columns = node.children[0]?.children.length ?? 1;
  const first = Math.round(TEXT_WIDTH * (columns > 1 ? 0.56 : 1));
  const rest = columns > 1 ? Math.floor((TEXT_WIDTH - first) / (columns - 1)) : 0;
  const widths = Array.from({ length: columns }, (_, i) => (i === 0 ? first : rest));
  const align = node.align ?? [];
  return [
    new Table({
      columnWidths: widths,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      borders: { top: TABLE_BORDER, bottom: TABLE_BORDER, left: TABLE_BORDER, right: TABLE_BORDER, insideHorizontal: TABLE_BORDER, insideVertical: TABLE_BORDER },
      rows: node.children.map(
        (row, r) =>
          new TableRow({
            tableHeader: r === 0,
            cantSplit: true,
            children: widths.map(
              (width, c) =>
                new TableCell({
                  width: { size: width, type: WidthType.DXA },
                  children: [
                    new Paragraph({
                      style: r === 0 ? STYLE.tableHeading : STYLE.tableText,
                      alignment: align[c] === 'right' ? AlignmentType.RIGHT : align[c] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
                      children: inlines(row.children[c]?.children ?? [], {}, context),
                    }),
                  ],
                }),
            ),
          }),
      ),
    }),
    new Paragraph({ children: [] }),
  ];
}

function recommendation(node: Recommendation, context: DocxContext): FileChild[] {
  const out: FileChild[] = [];
  node.children.forEach((child, i) => {
    if (child.type === 'paragraph') {
      const runs = inlines(child.children, {}, context);
      out.push(new Paragraph({ style: STYLE.recommendation, children: i === 0 && node.id ? [new Bookmark({ id: context.bookmark(node.id), children: runs })] : runs }));
    } else out.push(...blocks([child], context, STYLE.recommendation));
  });
  return out;
}

function recommendationItem(node: RecommendationItem, context: DocxContext): FileChild[] {
  const out: FileChild[] = [];
  node.children.forEach((child, i) => {
    if (child.type !== 'paragraph') {
      out.push(...blocks([child], context, STYLE.annexItem));
      return;
    }
    const number = i === 0
      ? [new InternalHyperlink({ anchor: context.bookmark(node.ref), children: [new TextRun({ text: `${node.number}.` })] }), new TextRun({ text: '\t' })]
      : [new TextRun({ text: '\t' })];
    out.push(new Paragraph({ style: STYLE.annexItem, children: [...number, ...inlines(child.children, {}, context)] }));
  });
  return out;
}

const handlers: Partial<{ [T in Block['type']]: Handler<T> }> = {
  chapter: (node, context) => blocks(node.children, context),
  heading: (node, context) => heading(node, context),
  paragraph: (node, context, style) => [new Paragraph({ style, children: inlines(node.children, {}, context) })],
  list: (node, context) => list(node, context),
  table: (node, context) => table(node, context),
  blockquote: (node, context) => blocks(node.children, context),
  code: (node) => node.value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New' })] })),
  thematicBreak: () => [new Paragraph({ children: [], border: { bottom: TABLE_BORDER } })],
  recommendation: (node, context) => recommendation(node, context),
  recommendationItem: (node, context) => recommendationItem(node, context),
  recommendationList: (node, context) => node.children.flatMap((item) => recommendationItem(item, context)),
  barChart: (node) => chart(node),
};

/** The chart as a picture: SVG, with the PNG fallback Word files require; its text as the picture's description. */
function chart(node: BarChart): FileChild[] {
  const shape = chartShape(node);
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(chartSvg(node, FAMILY)),
          fallback: { type: 'png', data: chartPng(node) },
          transformation: { width: shape.width * (96 / 72), height: shape.height * (96 / 72) },
          altText: { name: node.title, title: node.title, description: node.alt },
        }),
      ],
    }),
  ];
}

/** Nodes with nothing to show in Word: notes are Word footnotes, placeholders were replaced. */
const IGNORED = new Set(['html', 'definition', 'footnoteDefinition', 'recommendationsPlaceholder', 'resultsPlaceholder', 'yaml']);

export function blocks(nodes: Block[], context: DocxContext, style?: string): FileChild[] {
  const out: FileChild[] = [];
  for (const node of nodes) {
    if (IGNORED.has(node.type)) continue;
    const handler = handlers[node.type] as Handler<typeof node.type> | undefined;
    if (!handler) throw new Error(`DOCX writer: no handler for block node \`${node.type}\``);
    out.push(...handler(node as never, context, style));
  }
  return out;
}
