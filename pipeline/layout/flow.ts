/**
 * The edition model → a flow of lines ready for page building: paragraphs broken into lines,
 * headings kept with what follows, table rows that do not split, and for every note its own lines
 * at the notes' size. Builds the logical structure tree (tagged PDF) in reading order as it goes:
 * each note's element follows the block that cites it.
 */
import type { BlockContent, Heading, PhrasingContent, RootContent, Table } from 'mdast';
import type { BarChart, Chapter, Edition, Recommendation, RecommendationItem } from '../model/types.js';
import { chartShape, CHART } from '../figures/chart-geometry.js';
import type { Box, StructNode, TextStyle } from './types.js';
import { breakLines, placeLine, type Align } from './break-lines.js';
import { WordBuilder, styleFor, measureWord } from './words.js';
import { metrics, widthOf } from '../text/measure.js';
import { PAGE, TEXT_WIDTH, TYPE } from './geometry.js';

export interface FlowLine {
  height: number;
  /** Baseline below the line's top. */
  ascent: number;
  /** Space above the line, dropped at the top of a page. */
  spaceBefore: number;
  boxes: Box[];
  notes: number[];
  /** The block the line belongs to, and its place in it (widows and orphans). */
  block: number;
  index: number;
  count: number;
  /** Keep with the lines that follow (headings). */
  keepWithNext: boolean;
  /** The block may not break at all (table rows, headings, short recommendation items). */
  whole: boolean;
  pageBreakBefore?: boolean;
}

export interface Flow {
  lines: FlowLine[];
  notes: Map<number, FlowLine[]>;
  structure: StructNode[];
  /** Outline: headings of depth 1 and 2. */
  headings: { depth: number; title: string; dest: string }[];
}

const body: TextStyle = { face: 'regular', size: TYPE.body.size };

export class FlowBuilder {
  readonly lines: FlowLine[] = [];
  readonly notes = new Map<number, FlowLine[]>();
  readonly structure: StructNode[] = [{ type: 'Document', parent: null }];
  readonly headings: Flow['headings'] = [];
  private block = 0;
  private section = 0;

  constructor(private readonly edition: Edition) {}

  struct(type: string, parent: number = this.section): number {
    this.structure.push({ type, parent });
    return this.structure.length - 1;
  }

  private words(nodes: PhrasingContent[], style: TextStyle) {
    const builder = new WordBuilder({ style, noteScale: TYPE.noteNumberScale, destFor: (id) => id });
    builder.inline(nodes);
    return builder.finish();
  }

  /** Lays out a block of inline content as lines and adds them to the flow. */
  addText(nodes: PhrasingContent[], options: {
    style: TextStyle; leading: number; spaceBefore: number; align?: Align; indent?: number; hanging?: string; hangingLink?: string;
    keepWithNext?: boolean; whole?: boolean; struct: number; dest?: string; pageBreakBefore?: boolean;
  }): void {
    const indent = options.indent ?? 0;
    const width = TEXT_WIDTH - indent;
    const lines = breakLines(this.words(nodes, options.style), width, this.edition.lang);
    const block = ++this.block;
    const { ascent } = metrics(options.style.face, options.style.size);
    lines.forEach((line, index) => {
      const boxes = placeLine(line, width, options.align ?? 'justify', options.struct).map((b) => shift(b, indent));
      if (index === 0 && options.hanging) {
        const label: Box = { kind: 'text', x: 0, y: 0, text: options.hanging, style: options.style, width: widthOf(options.hanging, options.style.face, options.style.size), struct: options.struct };
        if (options.hangingLink) label.link = { dest: options.hangingLink };
        boxes.unshift(label);
      }
      if (index === 0 && options.dest) boxes.unshift({ kind: 'dest', name: options.dest, x: 0, y: -ascent });
      this.lines.push({
        height: options.leading, ascent: Math.max(ascent, options.leading * 0.75), spaceBefore: index === 0 ? options.spaceBefore : 0, boxes, notes: line.notes,
        block, index, count: lines.length, keepWithNext: options.keepWithNext ?? false, whole: options.whole ?? false,
        pageBreakBefore: index === 0 ? options.pageBreakBefore : undefined,
      });
    });
    for (const n of lines.flatMap((l) => l.notes)) this.addNote(n);
  }

  /** The note's own lines, and its structure element right after the citing block's. */
  addNote(number: number): void {
    const note = this.edition.notes[number - 1];
    if (!note || this.notes.has(number)) return;
    const struct = this.struct('Note');
    const style: TextStyle = { face: 'regular', size: TYPE.note.size };
    const out: FlowLine[] = [];
    const { ascent } = metrics('regular', TYPE.note.size);
    note.definition.children.forEach((child, p) => {
      const nodes: PhrasingContent[] = child.type === 'paragraph' ? child.children : [];
      const builder = new WordBuilder({ style, noteScale: TYPE.noteNumberScale, destFor: (id) => id });
      builder.inline(nodes);
      const words = builder.finish();
      if (p === 0) {
        // The note opens with its number, smaller and raised, linking back to the citation.
        const numberStyle: TextStyle = { face: 'regular', size: TYPE.note.size * 0.75, rise: TYPE.note.size * 0.35 };
        const first = words[0];
        const numberFragment = { text: String(number), style: numberStyle, link: { dest: `fnref-${number}` }, dest: `fn-${number}` };
        if (first) {
          words.unshift({ fragments: [numberFragment], width: 0, notes: [] });
          words[0]!.width = measureWord(words[0]!);
        }
      }
      const lines = breakLines(words, TEXT_WIDTH, this.edition.lang);
      lines.forEach((line, index) => {
        out.push({
          height: TYPE.note.leading, ascent, spaceBefore: out.length === 0 ? TYPE.note.space : 0, boxes: placeLine(line, TEXT_WIDTH, 'justify', struct),
          notes: [], block: -number, index, count: lines.length, keepWithNext: false, whole: false,
        });
      });
    });
    this.notes.set(number, out);
  }

  heading(node: Heading): void {
    const spec = node.depth === 1 ? TYPE.heading1 : node.depth === 2 ? TYPE.heading2 : TYPE.heading3;
    const style = styleFor({ face: 'bold', size: spec.size }, node.depth >= 3 ? 'boldItalic' : 'bold');
    const numeral = node.data?.numeral;
    const id = node.data?.id;
    const struct = this.struct(`H${Math.min(node.depth, 6)}`);
    this.addText(node.children, {
      style, leading: spec.leading, spaceBefore: spec.before, align: "left", indent: numeral ? spec.indent : 0,
      hanging: numeral ? `${numeral}.` : undefined, keepWithNext: true, whole: true, struct, dest: id,
    });
    const last = this.lines[this.lines.length - 1];
    if (last) last.height += spec.after;
    if (id && node.depth <= 2) {
      const text = node.children.map(plain).join('');
      this.headings.push({ depth: node.depth, title: numeral ? `${numeral}. ${text}` : text, dest: id });
    }
  }

  paragraph(nodes: PhrasingContent[], style: TextStyle, struct: number, dest?: string): void {
    this.addText(nodes, { style, leading: TYPE.body.leading, spaceBefore: TYPE.body.paragraphSpace, struct, dest });
  }

  recommendation(node: Recommendation): void {
    const bold = styleFor(body, 'bold');
    node.children.forEach((child, i) => {
      const struct = this.struct('P');
      if (child.type === 'paragraph') this.paragraph(child.children, bold, struct, i === 0 ? node.id : undefined);
      else this.blocks([child]);
    });
  }

  recommendationItem(node: RecommendationItem): void {
    node.children.forEach((child, i) => {
      const struct = this.struct('P');
      if (child.type !== 'paragraph') return this.blocks([child]);
      this.addText(child.children, {
        style: styleFor(body, 'regular'), leading: TYPE.body.leading, spaceBefore: TYPE.body.paragraphSpace, indent: TYPE.annexIndent,
        hanging: i === 0 ? `${node.number}.` : undefined, hangingLink: node.ref, struct, dest: i === 0 ? `annex-${node.ref}` : undefined,
      });
    });
  }

  table(node: Table): void {
    const table = this.struct('Table');
    const columns = node.children[0]?.children.length ?? 1;
    const first = TEXT_WIDTH * (columns > 1 ? 0.56 : 1);
    const widths = Array.from({ length: columns }, (_, i) => (i === 0 ? first : (TEXT_WIDTH - first) / (columns - 1)));
    const align = node.align ?? [];
    const pad = TYPE.table.padding;
    const block = ++this.block;
    node.children.forEach((row, r) => {
      const tr = this.struct('TR', table);
      const header = r === 0;
      const cells = widths.map((w, c) => {
        const cellStruct = this.struct(header || c === 0 ? 'TH' : 'TD', tr);
        const style = styleFor({ face: 'regular', size: TYPE.table.size }, header ? 'bold' : 'regular');
        const words = this.words(row.children[c]?.children ?? [], style);
        const lines = breakLines(words, w - 2 * pad, this.edition.lang);
        return { lines, style, w, c, cellStruct };
      });
      const n = Math.max(1, ...cells.map((c) => c.lines.length));
      const height = n * TYPE.table.leading + 2 * pad;
      const { ascent } = metrics('regular', TYPE.table.size);
      const boxes: Box[] = [];
      let x = 0;
      for (const cell of cells) {
        cell.lines.forEach((line, i) => {
          const a: Align = align[cell.c] === 'right' ? 'right' : align[cell.c] === 'center' ? 'center' : 'left';
          for (const b of placeLine({ ...line, last: true }, cell.w - 2 * pad, a, cell.cellStruct)) boxes.push(shift(b, x + pad, pad + i * TYPE.table.leading));
        });
        x += cell.w;
      }
      // Grid: a rule above each row, and below the last.
      boxes.push({ kind: 'rule', x: 0, y: -ascent - pad, width: TEXT_WIDTH, thickness: header ? 0.8 : 0.4, artifact: true });
      if (r === node.children.length - 1) boxes.push({ kind: 'rule', x: 0, y: height - ascent - pad, width: TEXT_WIDTH, thickness: 0.8, artifact: true });
      this.lines.push({
        height, ascent: ascent + pad, spaceBefore: r === 0 ? TYPE.body.paragraphSpace : 0, boxes, notes: cells.flatMap((c) => c.lines.flatMap((l) => l.notes)),
        // A short table stays on one page; a long one breaks between rows only.
        block, index: r, count: node.children.length, keepWithNext: header, whole: node.children.length <= 15,
      });
      for (const cell of cells) for (const num of cell.lines.flatMap((l) => l.notes)) this.addNote(num);
    });
    const last = this.lines[this.lines.length - 1];
    if (last) last.height += TYPE.body.paragraphSpace;
  }

  blocks(nodes: (RootContent | BlockContent)[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'chapter':
          this.chapter(node);
          break;
        case 'heading':
          this.heading(node);
          break;
        case 'paragraph':
          this.paragraph(node.children, body, this.struct('P'));
          break;
        case 'recommendation':
          this.recommendation(node);
          break;
        case 'recommendationItem':
          this.recommendationItem(node);
          break;
        case 'recommendationList':
          for (const item of node.children) this.recommendationItem(item);
          break;
        case 'table':
          this.table(node);
          break;
        case 'list': {
          const list = this.struct('L');
          node.children.forEach((item, i) => {
            const li = this.struct('LI', list);
            for (const child of item.children) {
              if (child.type === 'paragraph') {
                this.addText(child.children, {
                  style: body, leading: TYPE.body.leading, spaceBefore: 3, indent: TYPE.annexIndent,
                  hanging: node.ordered ? `${(node.start ?? 1) + i}.` : '•', struct: this.structWithin('LBody', li),
                });
              } else this.blocks([child]);
            }
          });
          break;
        }
        case 'blockquote':
          this.blocks(node.children);
          break;
        case 'code':
          this.paragraph([{ type: 'text', value: node.value }], body, this.struct('P'));
          break;
        case 'barChart':
          this.chart(node);
          break;
        case 'thematicBreak':
        case 'html':
        case 'definition':
        case 'footnoteDefinition':
        case 'recommendationsPlaceholder':
        case 'resultsPlaceholder':
          break;
        default:
          throw new Error(`PDF layout: no handler for block node \`${(node as { type: string }).type}\``);
      }
    }
  }

  /** The results chart, as vector boxes in one unbreakable block, a Figure with its text alternative. */
  chart(node: BarChart): void {
    const figure = this.struct('Figure');
    this.structure[figure]!.alt = node.alt;
    const shape = chartShape(node);
    const boxes: Box[] = [];
    const text = (t: { x: number; y: number; text: string }, size: number, face: 'regular' | 'bold') => {
      const style = styleFor({ face, size }, face);
      boxes.push({ kind: 'text', x: t.x, y: t.y - shape.height, text: t.text, style, width: widthOf(t.text, face, size), struct: figure });
    };
    text(shape.title, CHART.titleSize, 'bold');
    for (const b of shape.bars) {
      for (const l of b.label) text(l, CHART.fontSize, 'regular');
      boxes.push({ kind: 'rect', x: b.bar.x, y: b.bar.y - shape.height, width: b.bar.width, height: b.bar.height, fill: '#1f3f77', struct: figure });
      text(b.value, CHART.fontSize, 'regular');
    }
    this.lines.push({
      height: shape.height + TYPE.body.paragraphSpace, ascent: shape.height, spaceBefore: TYPE.body.paragraphSpace, boxes, notes: [],
      block: ++this.block, index: 0, count: 1, keepWithNext: false, whole: true,
    });
  }

  private structWithin(type: string, parent: number): number {
    return this.struct(type, parent);
  }

  chapter(node: Chapter): void {
    if (node.children.length === 0) return;
    const previous = this.section;
    this.section = this.struct('Sect', 0);
    this.blocks(node.children);
    this.section = previous;
  }
}

function plain(node: PhrasingContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as PhrasingContent[]).map(plain).join('');
  return '';
}

function shift(box: Box, dx: number, dy = 0): Box {
  return { ...box, x: box.x + dx, y: box.y + dy } as Box;
}

export { PAGE };
