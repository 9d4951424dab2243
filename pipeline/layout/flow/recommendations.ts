/** Recommendations in the text (bold, with their id as a destination) and the annex's numbered items. */
import type { Recommendation, RecommendationItem, RecommendationList } from '../../model/types.js';
import type { FlowState } from './state.js';
import { addText } from './text.js';
import { blocks } from './blocks.js';
import { styleFor } from '../inline/words.js';
import { TYPE } from '../geometry.js';

export function recommendation(s: FlowState, node: Recommendation): void {
  const { size, leading, paragraphSpace } = s.ctx.scale;
  const bold = styleFor({ face: 'bold', size }, 'bold');
  node.children.forEach((child, i) => {
    if (child.type !== 'paragraph') return blocks(s, [child]);
    addText(s, child.children, { style: bold, leading, spaceBefore: paragraphSpace, struct: s.struct('P'), dest: i === 0 ? node.id : undefined });
  });
}

function recommendationItem(s: FlowState, node: RecommendationItem): void {
  const { size, leading, paragraphSpace } = s.ctx.scale;
  node.children.forEach((child, i) => {
    if (child.type !== 'paragraph') return blocks(s, [child]);
    addText(s, child.children, {
      style: styleFor({ face: 'regular', size }, 'regular'), leading, spaceBefore: paragraphSpace, indent: TYPE.annexIndent,
      hanging: i === 0 ? node.label : undefined, hangingLink: node.ref, struct: s.struct('P'), dest: i === 0 ? node.anchor : undefined,
    });
  });
}

export function recommendationList(s: FlowState, node: RecommendationList): void {
  for (const item of node.children) recommendationItem(s, item);
}
