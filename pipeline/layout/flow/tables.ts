/**
 * Tables: columns as wide as their content asks (flow/table-widths.ts), inline formatting in the
 * cells, each column aligned as the source says. A table too wide for the width is set smaller,
 * its words broken at their own break points, or split into several tables that repeat its first
 * column, and refused when even that cannot set it (flow/table-plan.ts). Rows never split; a short
 * table stays on one page; a long one breaks between rows and repeats its header row at the top of
 * each page it continues on. Tagged Table, TR, TH (the header row, scope Column, and the first
 * column of data tables, scope Row) and TD; each part of a split table is a Table of its own.
 */
import type { Table } from 'mdast';
import type { Box } from '../types.js';
import type { FlowState } from './state.js';
import type { FlowLine } from './types.js';
import { breakLines, type Line } from '../inline/break-lines.js';
import { placeLine, type Align } from '../inline/place-line.js';
import { metrics } from '../../text/measure.js';
import { shift } from '../frame.js';
import { addNote } from './notes.js';
import { columnExtents, columnWidths } from './table-widths.js';
import { cellWords } from './table-cells.js';
import { hardPieces, planTable, type Setting } from './table-plan.js';
import { TYPE } from '../geometry.js';

function alignOf(node: Table, c: number): Align {
  const a = node.align?.[c];
  return a === 'right' ? 'right' : a === 'center' ? 'center' : 'left';
}

interface Cell {
  lines: Line[];
  struct: number;
  /** The first column drawn again in a later part: its notes and destinations are the first part's. */
  repeated: boolean;
}

/** One row as one flow line: its cells' lines side by side, a rule above (and below the last row). */
function rowLine(s: FlowState, node: Table, r: number, cells: Cell[], columns: number[], widths: number[], setting: Setting, block: number): FlowLine {
  const pad = TYPE.table.padding;
  const header = r === 0;
  const n = Math.max(1, ...cells.map((c) => c.lines.length));
  const height = n * setting.leading + 2 * pad;
  const { ascent } = metrics('regular', setting.size);
  const boxes: Box[] = [];
  let x = s.ctx.left;
  cells.forEach((cell, i) => {
    const w = widths[i]!;
    cell.lines.forEach((line, k) => {
      for (const b of placeLine({ ...line, last: true }, w - 2 * pad, alignOf(node, columns[i]!), cell.struct)) {
        if (!(cell.repeated && b.kind === 'dest')) boxes.push(shift(b, x + pad, pad + k * setting.leading));
      }
    });
    x += w;
  });
  const width = s.ctx.width;
  boxes.push({ kind: 'rule', x: s.ctx.left, y: -ascent - pad, width, thickness: header ? 0.8 : 0.4, artifact: true });
  if (r === node.children.length - 1) boxes.push({ kind: 'rule', x: s.ctx.left, y: height - ascent - pad, width, thickness: 0.8, artifact: true });
  return {
    height, ascent: ascent + pad, spaceBefore: header ? s.ctx.scale.paragraphSpace : 0, boxes,
    notes: cells.flatMap((c) => (c.repeated ? [] : c.lines.flatMap((l) => l.notes))),
    // A short table stays on one page; a long one breaks between rows only.
    block, index: r, count: node.children.length, keepWithNext: header, whole: node.children.length <= 15,
  };
}

/** The header row as drawn again at the top of a page: the same boxes, as artifacts outside the structure. */
function repeated(header: FlowLine): FlowLine {
  const boxes = header.boxes.flatMap((b): Box[] => (b.kind === 'dest' ? [] : b.kind === 'text' ? [{ ...b, struct: undefined, link: undefined, artifact: true }] : [b]));
  return { ...header, boxes, notes: [], spaceBefore: 0, keepWithNext: true };
}

/** One table of the given columns of the source table (all of them, or a part of a split one). */
function tablePart(s: FlowState, node: Table, columns: number[], setting: Setting, later: boolean): void {
  const pad = TYPE.table.padding;
  const struct = s.struct('Table');
  const structs = node.children.map((_row, r) => {
    const tr = s.struct('TR', struct);
    return columns.map((c) => {
      const scope = r === 0 ? 'Column' : c === 0 && node.data?.rowHeaders === true ? 'Row' : undefined;
      const cell = s.struct(scope ? 'TH' : 'TD', tr);
      if (scope) s.structure[cell]!.scope = scope;
      return cell;
    });
  });
  const words = cellWords(s, node, setting.size, columns, structs);
  const widths = columnWidths(columnExtents(words, columns.length, pad, setting.breakWords ? hardPieces : undefined), s.ctx.width);
  const block = s.block();
  let header: FlowLine | undefined;
  words.forEach((row, r) => {
    const cells = row.map((cellWords, i): Cell => ({
      lines: breakLines(cellWords, widths[i]! - 2 * pad, s.edition.lang, setting.breakWords ? { hyphenate: false } : {}),
      struct: structs[r]![i]!,
      repeated: later && columns[i] === 0,
    }));
    const line = rowLine(s, node, r, cells, columns, widths, setting, block);
    if (header) line.repeatHeader = header;
    else header = repeated(line);
    s.push(line);
    for (const n of line.notes) addNote(s, n);
  });
  const last = s.ctx.lines[s.ctx.lines.length - 1];
  if (last) last.height += s.ctx.scale.paragraphSpace;
}

export function table(s: FlowState, node: Table): void {
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const { setting, parts } = planTable(s, node, columns);
  parts.forEach((part, k) => tablePart(s, node, part, setting, k > 0));
}
