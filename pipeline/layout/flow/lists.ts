/**
 * Lists of any depth: each level indents its items' text by TYPE.list.indent ems; the marker
 * (`3.`, `•`, from the model) hangs in the indent, right-aligned before the text, on the first
 * line of the item's first block, whatever that block is; a task item shows its checkbox (☐ ☒,
 * from a face that has it). Continuation blocks align with the item's text, without a marker.
 * Tight lists keep their items close; loose ones space them like paragraphs. Tagged L (with its
 * numbering), LI, Lbl (the marker) and LBody.
 */
import type { List, ListItem } from 'mdast';
import type { Box } from '../types.js';
import type { FlowState } from './state.js';
import { blocks } from './blocks.js';
import { faceFor, widthOf } from '../../text/measure.js';
import { textBox } from '../frame.js';
import { styleFor } from '../inline/words.js';
import { TYPE } from '../geometry.js';

const CHECKBOX = { checked: '☒', unchecked: '☐' };

/** The marker's boxes, right-aligned to `right` (from the context's left edge) on the line's baseline. */
function markerBoxes(s: FlowState, item: ListItem, ordered: boolean, right: number, struct: number): Box[] {
  const size = s.ctx.scale.size;
  const parts: string[] = [];
  const box = item.checked === true ? CHECKBOX.checked : item.checked === false ? CHECKBOX.unchecked : undefined;
  if (!box || ordered) parts.push(item.data?.marker ?? (ordered ? `${item.data?.number ?? ''}.` : '•'));
  if (box) parts.push(box);
  const gap = widthOf(' ', 'regular', size);
  const styled = parts.map((text) => {
    const style = styleFor({ face: 'regular', size }, faceFor(text, 'regular'));
    return { text, style, width: widthOf(text, style.face, style.size) };
  });
  let x = s.ctx.left + right - styled.reduce((w, p, i) => w + p.width + (i > 0 ? gap : 0), 0);
  return styled.map((p) => {
    const b = textBox({ x, y: 0, text: p.text, style: p.style, width: p.width, struct });
    x += p.width + gap;
    return b;
  });
}

function listItem(s: FlowState, item: ListItem, list: { node: List; struct: number; indent: number; tight: boolean }): void {
  const li = s.struct('LI', list.struct);
  const label = s.struct('Lbl', li);
  const body = s.struct('LBody', li);
  const gap = TYPE.list.markerGap * s.ctx.scale.size;
  s.hang(markerBoxes(s, item, list.node.ordered === true, list.indent - gap, label));
  const space = list.tight ? TYPE.list.tightSpace : Math.max(s.ctx.scale.paragraphSpace, TYPE.list.tightSpace);
  const lines = s.added(() =>
    s.within({ left: s.ctx.left + list.indent, width: s.ctx.width - list.indent, parent: body, paragraphsIn: undefined }, () => {
      item.children.forEach((child) => {
        const added = s.added(() => blocks(s, [child]));
        if (added[0]) added[0].spaceBefore = space;
      });
      s.flushLabel();
    }),
  );
  if (lines[0]) lines[0].spaceBefore = space;
}

/** The list's numbering as the tagged PDF names it: Decimal, Disc for bullets, None for dashes and task lists' boxes. */
function numberingOf(node: List): 'Decimal' | 'Disc' | 'None' {
  if (node.ordered) return 'Decimal';
  const bullets = node.children.every((item) => item.checked == null && item.data?.marker === '•');
  return bullets ? 'Disc' : 'None';
}

export function list(s: FlowState, node: List): void {
  const struct = s.struct('L');
  s.structure[struct]!.numbering = numberingOf(node);
  const indent = TYPE.list.indent * s.ctx.scale.size;
  const tight = !node.spread && node.children.every((item) => !item.spread);
  const lines = s.added(() => node.children.forEach((item) => listItem(s, item, { node, struct, indent, tight })));
  if (lines[0]) lines[0].spaceBefore = Math.max(s.ctx.scale.paragraphSpace, TYPE.list.tightSpace);
}
