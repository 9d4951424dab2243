/**
 * Tables: columns as wide as their content asks (flow/table-widths.ts), inline formatting in the
 * cells, each column aligned as the source says. A table whose words do not fit the width even at
 * their narrowest is set smaller, down to TYPE.table.minSize; at that size its words may break only
 * at their own break points (hyphens, dashes, slashes). Rows never split; a short table stays on
 * one page; a long one breaks between rows and repeats its header row at the top of each page it
 * continues on. Tagged Table, TR, TH (the header row, scope Column, and the first column of data
 * tables, scope Row) and TD.
 */
import type { Table, TableRow } from 'mdast';
import type { Box, TextStyle } from '../types.js';
import type { FlowState } from './state.js';
import type { FlowLine } from './types.js';
import type { Word } from '../inline/words.js';
import { styleFor } from '../inline/words.js';
import { breakLines, type Line } from '../inline/break-lines.js';
import { placeLine, type Align } from '../inline/place-line.js';
import { breakPoints, splitWord } from '../inline/word-breaks.js';
import { metrics } from '../../text/measure.js';
import { shift } from '../frame.js';
import { wordsOf } from './text.js';
import { addNote } from './notes.js';
import { columnExtents, columnWidths } from './table-widths.js';
import { TYPE } from '../geometry.js';

interface Setting {
  size: number;
  leading: number;
  /** Words may break only at their own break points (the smallest size was not small enough). */
  breakWords: boolean;
}

/** The widths of a word's parts between its hard break points (after hyphens, dashes, slashes). */
function hardPieces(word: Word): number[] {
  const points = breakPoints(word, undefined).map((p) => p.offset).sort((a, b) => a - b);
  const widths: number[] = [];
  let rest = word;
  let done = 0;
  for (const offset of points) {
    const [head, tail] = splitWord(rest, offset - done, false);
    widths.push(head.width);
    rest = tail;
    done = offset;
  }
  widths.push(rest.width);
  return widths;
}

function styleOf(size: number, header: boolean): TextStyle {
  return styleFor({ face: 'regular', size }, header ? 'bold' : 'regular');
}

/** The words of every cell at `size`; a cell's spans (inline code) get their structure elements once, however often it is measured. */
function cellWords(s: FlowState, node: Table, size: number, cellStructs: number[][], spans: Map<number, number[]>): Word[][][] {
  return node.children.map((row, r) =>
    cellStructs[r]!.map((struct, c) => {
      const made = spans.get(struct) ?? [];
      spans.set(struct, made);
      let k = 0;
      const span = (type: string, parent?: number) => (made[k++] ??= s.span(type, parent ?? struct));
      return wordsOf(s, row.children[c]?.children ?? [], styleOf(size, r === 0), struct, span);
    }),
  );
}

/** The size the table is set at, the widths of its columns, and the words at that size. */
function settle(s: FlowState, node: Table, columns: number, cellStructs: number[][]): { setting: Setting; widths: number[]; words: Word[][][] } {
  const pad = TYPE.table.padding;
  const { tableSize, tableLeading } = s.ctx.scale;
  const total = s.ctx.width;
  const spans = new Map<number, number[]>();
  let words = cellWords(s, node, tableSize, cellStructs, spans);
  let extents = columnExtents(words, columns, pad);
  const minimum = extents.reduce((w, e) => w + e.min, 0);
  if (minimum <= total + 0.01) return { setting: { size: tableSize, leading: tableLeading, breakWords: false }, widths: columnWidths(extents, total), words };
  // Words scale with the size; padding does not.
  const floor = (TYPE.table.minSize * tableSize) / TYPE.table.size;
  const size = Math.max(floor, (tableSize * (total - 2 * pad * columns)) / (minimum - 2 * pad * columns));
  words = cellWords(s, node, size, cellStructs, spans);
  extents = columnExtents(words, columns, pad);
  const breakWords = extents.reduce((w, e) => w + e.min, 0) > total + 0.01;
  if (breakWords) extents = columnExtents(words, columns, pad, hardPieces);
  return { setting: { size, leading: (tableLeading * size) / tableSize, breakWords }, widths: columnWidths(extents, total), words };
}

function alignOf(node: Table, c: number): Align {
  const a = node.align?.[c];
  return a === 'right' ? 'right' : a === 'center' ? 'center' : 'left';
}

/** One row as one flow line: its cells' lines side by side, a rule above (and below the last row). */
function rowLine(s: FlowState, node: Table, r: number, cells: { lines: Line[]; struct: number }[], widths: number[], setting: Setting, block: number): FlowLine {
  const pad = TYPE.table.padding;
  const header = r === 0;
  const n = Math.max(1, ...cells.map((c) => c.lines.length));
  const height = n * setting.leading + 2 * pad;
  const { ascent } = metrics('regular', setting.size);
  const boxes: Box[] = [];
  let x = s.ctx.left;
  cells.forEach((cell, c) => {
    const w = widths[c]!;
    cell.lines.forEach((line, i) => {
      for (const b of placeLine({ ...line, last: true }, w - 2 * pad, alignOf(node, c), cell.struct)) boxes.push(shift(b, x + pad, pad + i * setting.leading));
    });
    x += w;
  });
  const width = s.ctx.width;
  boxes.push({ kind: 'rule', x: s.ctx.left, y: -ascent - pad, width, thickness: header ? 0.8 : 0.4, artifact: true });
  if (r === node.children.length - 1) boxes.push({ kind: 'rule', x: s.ctx.left, y: height - ascent - pad, width, thickness: 0.8, artifact: true });
  return {
    height, ascent: ascent + pad, spaceBefore: header ? s.ctx.scale.paragraphSpace : 0, boxes, notes: cells.flatMap((c) => c.lines.flatMap((l) => l.notes)),
    // A short table stays on one page; a long one breaks between rows only.
    block, index: r, count: node.children.length, keepWithNext: header, whole: node.children.length <= 15,
  };
}

/** The header row as drawn again at the top of a page: the same boxes, as artifacts outside the structure. */
function repeated(header: FlowLine): FlowLine {
  const boxes = header.boxes.flatMap((b): Box[] => (b.kind === 'dest' ? [] : b.kind === 'text' ? [{ ...b, struct: undefined, link: undefined, artifact: true }] : [b]));
  return { ...header, boxes, notes: [], spaceBefore: 0, keepWithNext: true };
}

export function table(s: FlowState, node: Table): void {
  const struct = s.struct('Table');
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const cellStructs = node.children.map((_row: TableRow, r) => {
    const tr = s.struct('TR', struct);
    return Array.from({ length: columns }, (_, c) => {
      const scope = r === 0 ? 'Column' : c === 0 && node.data?.rowHeaders === true ? 'Row' : undefined;
      const cell = s.struct(scope ? 'TH' : 'TD', tr);
      if (scope) s.structure[cell]!.scope = scope;
      return cell;
    });
  });
  const { setting, widths, words } = settle(s, node, columns, cellStructs);
  const pad = TYPE.table.padding;
  const block = s.block();
  let header: FlowLine | undefined;
  words.forEach((row, r) => {
    const cells = row.map((cellWords, c) => ({
      lines: breakLines(cellWords, widths[c]! - 2 * pad, s.edition.lang, setting.breakWords ? { hyphenate: false } : {}),
      struct: cellStructs[r]![c]!,
    }));
    const line = rowLine(s, node, r, cells, widths, setting, block);
    if (header) line.repeatHeader = header;
    else header = repeated(line);
    s.push(line);
    for (const n of line.notes) addNote(s, n);
  });
  const last = s.ctx.lines[s.ctx.lines.length - 1];
  if (last) last.height += s.ctx.scale.paragraphSpace;
}
