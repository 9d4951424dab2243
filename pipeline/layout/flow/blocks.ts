/**
 * The block handlers: one per resolved block type, the map proven complete by `satisfies` (a new
 * block type is a compile error here until the PDF lays it out). Each adds lines to the flow in
 * the current context (flow/state.ts).
 */
import type { Node } from 'unist';
import type { Paragraph } from 'mdast';
import type { ResolvedBlock, ResolvedChapter } from '../../model/types.js';
import type { FlowState } from './state.js';
import { addText } from './text.js';
import { heading } from './headings.js';
import { list } from './lists.js';
import { code } from './code.js';
import { blockquote, thematicBreak } from './quotes.js';
import { table } from './tables.js';
import { recommendation, recommendationList } from './recommendations.js';
import { chart, figure } from './figures.js';

type BlockHandler<T> = (s: FlowState, node: T) => void;

export function paragraph(s: FlowState, node: Paragraph): void {
  const { size, leading, paragraphSpace } = s.ctx.scale;
  addText(s, node.children, { style: { face: 'regular', size }, leading, spaceBefore: paragraphSpace, struct: s.ctx.paragraphsIn ?? s.struct('P') });
}

const handlers = {
  heading,
  paragraph,
  list,
  blockquote,
  code,
  thematicBreak,
  table,
  recommendation,
  recommendationList,
  barChart: chart,
  figure,
} satisfies { [T in ResolvedBlock['type']]: BlockHandler<Extract<ResolvedBlock, { type: T }>> };

/** Lays out blocks (children of resolved nodes, which the model proved to be resolved blocks). */
export function blocks(s: FlowState, nodes: readonly Node[]): void {
  for (const node of nodes as ResolvedBlock[]) (handlers[node.type] as BlockHandler<ResolvedBlock>)(s, node);
}

/** A chapter: a `Sect` of its blocks. */
export function chapter(s: FlowState, node: ResolvedChapter): void {
  if (node.children.length === 0) return;
  const previous = s.section;
  s.section = s.struct('Sect', 0);
  s.within({ parent: s.section, file: node.path }, () => blocks(s, node.children));
  s.section = previous;
}
