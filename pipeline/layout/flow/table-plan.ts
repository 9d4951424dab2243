/**
 * How a table is set: its type size, whether its words may break at their own break points, and
 * which columns go together. In order, as long as the columns' narrowest widths (their longest
 * unbreakable words, padding included) do not fit the width: the table's size; smaller, in steps
 * of half a point, down to TYPE.table.minSize (70% of the table size); at that size, words broken
 * only after their own hyphens, dashes and slashes; then several tables, each with the first
 * column again and as many others as fit (model/table-parts.ts), whole words first. A number or a
 * word is never cut between characters: a column too wide even so is refused, with the table's
 * place and how many columns fit.
 */
import type { Table } from 'mdast';
import type { Word } from '../inline/words.js';
import type { FlowState } from './state.js';
import { breakPointsInOrder, splitWord, textOf } from '../inline/word-breaks.js';
import { columnExtents, type ColumnExtent } from './table-widths.js';
import { cellWords } from './table-cells.js';
import { columnParts, tablePlace, tooWideMessage } from '../../model/table-parts.js';
import { FolioError } from '../../util/diagnostics.js';
import { TYPE } from '../geometry.js';

export interface Setting {
  size: number;
  leading: number;
  /** Words may break at their own break points (whole, they do not fit even at the smallest size). */
  breakWords: boolean;
}

export interface TablePlan {
  setting: Setting;
  /** The columns of each table the source table is set as (one: all of them). */
  parts: number[][];
}

const STEP = 0.5;

/** The widths of a word's parts between its hard break points (after hyphens, dashes, slashes). */
export function hardPieces(word: Word): number[] {
  const points = breakPointsInOrder(word, textOf(word), undefined).map((p) => p.offset);
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

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mins = (extents: ColumnExtent[]) => extents.map((e) => e.min);

/** The largest size in steps from `size` down to `floor` at which the narrowest widths fit: words scale with the size, padding does not. */
function steppedSize(extents: ColumnExtent[], size: number, floor: number, total: number, pad: number): number | undefined {
  const words = sum(mins(extents)) - 2 * pad * extents.length;
  for (let candidate = size - STEP; candidate > floor - 1e-9; candidate -= STEP) {
    if ((words * candidate) / size + 2 * pad * extents.length <= total + 0.01) return candidate;
  }
  return (words * floor) / size + 2 * pad * extents.length <= total + 0.01 ? floor : undefined;
}

export function planTable(s: FlowState, node: Table, columns: number): TablePlan {
  const pad = TYPE.table.padding;
  const { tableSize, tableLeading } = s.ctx.scale;
  const total = s.ctx.width;
  const at = (size: number, breakWords = false): Setting => ({ size, leading: (tableLeading * size) / tableSize, breakWords });
  const all = [Array.from({ length: columns }, (_, c) => c)];
  const natural = columnExtents(cellWords(s, node, tableSize), columns, pad);
  if (sum(mins(natural)) <= total + 0.01) return { setting: at(tableSize), parts: all };
  const floor = (TYPE.table.minSize * tableSize) / TYPE.table.size;
  const smaller = steppedSize(natural, tableSize, floor, total, pad);
  if (smaller !== undefined) return { setting: at(smaller), parts: all };
  const words = cellWords(s, node, floor);
  const pieces = mins(columnExtents(words, columns, pad, hardPieces));
  if (sum(pieces) <= total + 0.01) return { setting: at(floor, true), parts: all };
  const whole = columnParts(mins(columnExtents(words, columns, pad)), total);
  if (Array.isArray(whole)) return { setting: at(floor), parts: whole };
  const broken = columnParts(pieces, total);
  if (Array.isArray(broken)) return { setting: at(floor, true), parts: broken };
  throw tooWide(s, node, broken.column, pieces, total, floor);
}

/** The refusal: the table's place, the column that cannot be set, and how many fit. */
function tooWide(s: FlowState, node: Table, column: number, widths: number[], total: number, size: number): FolioError {
  return new FolioError(tooWideMessage(tablePlace(s.ctx.file, node.position?.start), widths, column, total, size));
}
