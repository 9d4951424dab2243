/** A block of inline content (a paragraph, a heading, a list item's text) as lines of the flow. */
import type { PhrasingContent } from 'mdast';
import type { Box, TextStyle } from '../types.js';
import type { FlowState } from './state.js';
import { WordBuilder, type Word } from '../inline/words.js';
import { breakLines } from '../inline/break-lines.js';
import { breakOptimally } from '../inline/optimal-lines.js';
import { placeLine, type Align } from '../inline/place-line.js';
import { metrics, widthOf } from '../../text/measure.js';
import { shift, textBox } from '../frame.js';
import { TYPE } from '../geometry.js';
import { addNote } from './notes.js';

export interface TextOptions {
  style: TextStyle;
  leading: number;
  spaceBefore: number;
  align?: Align;
  /** Indent of every line from the context's left edge. */
  indent?: number;
  /** A label hung at the left edge of the first line (a heading's numeral, an annex item's number). */
  hanging?: string;
  /** Where the hung label links to: it is a `Link` of its own, unless the whole block is one link (`struct` a `Link`). */
  hangingLink?: string;
  keepWithNext?: boolean;
  whole?: boolean;
  struct: number;
  /** A destination at the start of the first line. */
  dest?: string;
  pageBreakBefore?: boolean;
  /** The block the lines belong to, when they join one already begun (a figure's caption). */
  block?: number;
}

/** The words of inline content; `span` makes the structure elements of its spans (links, inline code), inside `struct` unless told otherwise. */
export function wordsOf(s: FlowState, nodes: PhrasingContent[], style: TextStyle, struct: number, span = (type: string, parent?: number) => s.span(type, parent ?? struct)): Word[] {
  const builder = new WordBuilder({ style, noteScale: TYPE.noteNumberScale, span });
  builder.inline(nodes);
  return builder.finish();
}

function hangingLabel(s: FlowState, o: TextOptions, left: number): Box {
  const linked = o.hangingLink !== undefined && s.structure[o.struct]?.type !== 'Link';
  const struct = linked ? s.span('Link', o.struct) : o.struct;
  const label = textBox({ x: left, y: 0, text: o.hanging!, style: o.style, width: widthOf(o.hanging!, o.style.face, o.style.size), struct });
  if (o.hangingLink) label.link = { dest: o.hangingLink };
  return label;
}

/** Lays out inline content as lines, adds them to the flow, then the notes they cite first. */
export function addText(s: FlowState, nodes: PhrasingContent[], o: TextOptions): void {
  const indent = o.indent ?? 0;
  const width = s.ctx.width - indent;
  const left = s.ctx.left;
  const words = wordsOf(s, nodes, o.style, o.struct);
  if (s.lead && words.length) words.unshift(s.lead);
  s.lead = undefined;
  const align = o.align ?? 'justify';
  // Justified text by optimal fit; headings, contents and centred text first fit, unhyphenated.
  const lines = align === 'justify' ? breakOptimally(words, width, s.edition.lang) : breakLines(words, width, s.edition.lang, { hyphenate: false });
  const block = o.block ?? s.block();
  const { ascent } = metrics(o.style.face, o.style.size);
  lines.forEach((line, index) => {
    const boxes = placeLine(line, width, align, o.struct).map((b) => shift(b, left + indent));
    if (index === 0 && o.hanging) boxes.unshift(hangingLabel(s, o, left));
    if (index === 0 && o.dest) boxes.unshift({ kind: 'dest', name: o.dest, x: left, y: -ascent });
    s.push({
      height: o.leading, ascent: Math.max(ascent, o.leading * 0.75), spaceBefore: index === 0 ? o.spaceBefore : 0, boxes, notes: line.notes,
      block, index, count: lines.length, keepWithNext: o.keepWithNext ?? false, whole: o.whole ?? false,
      pageBreakBefore: index === 0 ? o.pageBreakBefore : undefined, splitsWord: line.splitsWord !== undefined && line.splitsWord !== 'chop',
    });
  });
  for (const n of lines.flatMap((l) => l.notes)) addNote(s, n);
}
