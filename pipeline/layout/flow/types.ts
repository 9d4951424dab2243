/** The flow: the edition as lines ready for page building, and each note's own lines. */
import type { Box, StructNode } from '../types.js';

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
  /** The block may not break at all (table rows, headings, short recommendation items, figures). */
  whole: boolean;
  pageBreakBefore?: boolean;
  /** The line ends inside a word (not a run of characters cut only to fit): no page (or note part) may end with it. */
  splitsWord?: boolean;
  /** A table row: its table's header row, repeated above it when the row starts a page. */
  repeatHeader?: FlowLine;
}

export interface Flow {
  lines: FlowLine[];
  notes: Map<number, FlowLine[]>;
  structure: StructNode[];
  /** Outline: headings of depth 1 and 2. */
  headings: { depth: number; title: string; dest: string }[];
}
