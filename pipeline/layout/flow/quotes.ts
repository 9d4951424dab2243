/**
 * Quotations, nested too: each level indents its blocks (any blocks) by TYPE.quote.indent, with a
 * bar beside its lines; tagged `BlockQuote`. A thematic break is a drawn rule across the width
 * (an artifact).
 */
import type { Blockquote } from 'mdast';
import type { FlowState, Decoration } from './state.js';
import { blocks } from './blocks.js';
import { TYPE } from '../geometry.js';

export function blockquote(s: FlowState, node: Blockquote): void {
  const struct = s.struct('BlockQuote');
  const { indent, bar, barGap, color } = TYPE.quote;
  const x = s.ctx.left + indent - barGap;
  const decoration: Decoration = (line) => [{ kind: 'rect', x, y: -line.ascent, width: bar, height: line.height, fill: color, artifact: true }];
  s.within({ left: s.ctx.left + indent, width: s.ctx.width - indent, parent: struct, paragraphsIn: undefined, decorations: [...s.ctx.decorations, decoration] }, () =>
    blocks(s, node.children),
  );
}

export function thematicBreak(s: FlowState): void {
  const { space, thickness } = TYPE.thematicBreak;
  s.push({
    height: space, ascent: space, spaceBefore: s.ctx.scale.paragraphSpace, notes: [], block: s.block(), index: 0, count: 1, keepWithNext: false, whole: true,
    boxes: [{ kind: 'rule', x: s.ctx.left, y: -space / 2, width: s.ctx.width, thickness, artifact: true }],
  });
}
