/**
 * What the block handlers share while they lay out the edition (as mdast-util-to-hast's `State`):
 * the structure tree built in reading order, the notes' lines, and the context of the block being
 * laid out (its left edge and width, the structure element it belongs to, the type sizes, where
 * its lines go, what enclosing blocks draw beside each line).
 */
import type { Edition } from '../../model/types.js';
import type { Box, StructNode } from '../types.js';
import type { Word } from '../inline/words.js';
import type { Flow, FlowLine } from './types.js';
import { BODY, TEXT_WIDTH, type TypeScale } from '../geometry.js';

/** Boxes an enclosing block draws for each of its lines (a quotation's bar, a code block's background). */
export type Decoration = (line: FlowLine) => Box[];

export interface Context {
  /** Left edge of the block, from the text area's left. */
  left: number;
  width: number;
  /** The structure element new blocks belong to. */
  parent: number;
  scale: TypeScale;
  /** Where lines go: the body's, the title page's, or a note's. */
  lines: FlowLine[];
  decorations: Decoration[];
  /** Paragraphs are content of this element rather than a `P` of their own (a note's paragraphs). */
  paragraphsIn?: number;
  /** The source file of the blocks, for messages (a chapter's, a note's). */
  file?: string;
}

export class FlowState {
  readonly structure: StructNode[] = [{ type: 'Document', parent: null }];
  readonly notes = new Map<number, FlowLine[]>();
  readonly headings: Flow['headings'] = [];
  /** The chapter's `Sect`: notes' structure elements go there, after the block that cites them. */
  section = 0;
  ctx: Context = { left: 0, width: TEXT_WIDTH, parent: 0, scale: BODY, lines: [], decorations: [] };
  /** A word to open the next paragraph with (a note's number). */
  lead?: Word;
  private blockCount = 0;
  /** Boxes to hang in front of the next line (list markers, a note's number). */
  private label?: Box[];

  constructor(readonly edition: Edition) {}

  struct(type: string, parent: number = this.ctx.parent): number {
    this.structure.push({ type, parent });
    return this.structure.length - 1;
  }

  /** A span inside `parent`'s text (inline code). */
  span(type: string, parent: number): number {
    this.structure.push({ type, parent, inline: true });
    return this.structure.length - 1;
  }

  /** A new block number (lines of one block keep the widow and orphan rules together). */
  block(): number {
    return ++this.blockCount;
  }

  /** Runs `fn` with the context changed, then restores it. */
  within<T>(changes: Partial<Context>, fn: () => T): T {
    const saved = this.ctx;
    this.ctx = { ...saved, ...changes };
    try {
      return fn();
    } finally {
      this.ctx = saved;
    }
  }

  /** Hangs boxes in front of the next line laid out, after any already waiting (nested list markers). */
  hang(boxes: Box[]): void {
    this.label = [...(this.label ?? []), ...boxes];
  }

  /** A label still waiting (an empty list item) gets a line of its own. */
  flushLabel(): void {
    if (!this.label) return;
    const { size, leading } = this.ctx.scale;
    this.push({ height: leading, ascent: size, spaceBefore: 0, boxes: [], notes: [], block: this.block(), index: 0, count: 1, keepWithNext: false, whole: true });
  }

  /** Adds a line to the context's lines, with the waiting label and the enclosing blocks' decorations. */
  push(line: FlowLine): void {
    if (this.label) {
      line.boxes.unshift(...this.label);
      this.label = undefined;
    }
    const decorations = this.ctx.decorations.flatMap((d) => d(line));
    if (decorations.length) line.boxes.unshift(...decorations);
    this.ctx.lines.push(line);
  }

  /** The lines `fn` adds to the context. */
  added(fn: () => void): FlowLine[] {
    const lines = this.ctx.lines;
    const start = lines.length;
    fn();
    return lines.slice(start);
  }
}
