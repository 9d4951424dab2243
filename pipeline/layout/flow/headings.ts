/**
 * Headings of levels 1 to 6, each in a style of its own (TYPE.heading1..6), tagged H1..H6, the
 * numeral (`IV.`, from the model) hung in front; kept with what follows. Levels 1 and 2 make the
 * outline.
 */
import type { Heading, PhrasingContent } from 'mdast';
import type { FlowState } from './state.js';
import { addText } from './text.js';
import { styleFor } from '../inline/words.js';
import { BODY, TYPE, type HeadingSpec } from '../geometry.js';

const SPECS: HeadingSpec[] = [TYPE.heading1, TYPE.heading2, TYPE.heading3, TYPE.heading4, TYPE.heading5, TYPE.heading6];

function plain(node: PhrasingContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as PhrasingContent[]).map(plain).join('');
  return '';
}

/** The heading's spec, at the notes' size inside a note. */
function specFor(s: FlowState, depth: number): HeadingSpec {
  const spec = SPECS[Math.min(Math.max(depth, 1), 6) - 1]!;
  if (s.ctx.scale === BODY) return spec;
  return { ...spec, size: s.ctx.scale.size, leading: s.ctx.scale.leading, before: s.ctx.scale.leading / 2, after: 0 };
}

export function heading(s: FlowState, node: Heading): void {
  const spec = specFor(s, node.depth);
  const label = node.data?.label;
  const id = node.data?.id;
  addText(s, node.children, {
    style: styleFor({ face: spec.face, size: spec.size }, spec.face), leading: spec.leading, spaceBefore: spec.before, align: 'left',
    indent: label ? spec.indent : 0, hanging: label, keepWithNext: true, whole: true, struct: s.struct(`H${Math.min(node.depth, 6)}`), dest: id,
  });
  const last = s.ctx.lines[s.ctx.lines.length - 1];
  if (last) last.height += spec.after;
  if (id && node.depth <= 2 && s.ctx.scale === BODY) {
    const text = node.children.map(plain).join('');
    s.headings.push({ depth: node.depth, title: label ? `${label} ${text}` : text, dest: id });
  }
}
