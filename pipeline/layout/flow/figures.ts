/**
 * Pictures and the results chart, each one unbreakable block tagged `Figure` with its text
 * alternative. A picture is `width` × the text width when the source gives a share, else its own
 * size at 96 pixels to the inch, at most the text width (and never taller than a page); centred,
 * its caption under it, on the same page.
 */
import type { BarChart, Figure } from '../../model/types.js';
import type { Box } from '../types.js';
import type { FlowState } from './state.js';
import { chartShape, CHART } from '../../figures/chart-geometry.js';
import { widthOf } from '../../text/measure.js';
import { textBox } from '../frame.js';
import { styleFor } from '../inline/words.js';
import { addText } from './text.js';
import { BODY, PAGE, TYPE } from '../geometry.js';

/** The picture's size on the page: its share of the width, or its own size, and room left for the caption. */
export function figureSize(node: Figure, available: number, maxHeight: number): { width: number; height: number } {
  let width = node.width ? node.width * available : Math.min(node.pixelWidth * TYPE.figure.pixel, available);
  let height = (width * node.pixelHeight) / node.pixelWidth;
  if (height > maxHeight) {
    width = (width * maxHeight) / height;
    height = maxHeight;
  }
  return { width, height };
}

export function figure(s: FlowState, node: Figure): void {
  const struct = s.struct('Figure');
  s.structure[struct]!.alt = node.alt;
  const ratio = s.ctx.scale.size / BODY.size;
  const captionSize = TYPE.figure.captionSize * ratio;
  const captionLeading = TYPE.figure.captionLeading * ratio;
  const room = PAGE.bottom - PAGE.top - s.ctx.scale.paragraphSpace - (node.caption ? 3 * captionLeading : 0);
  const { width, height } = figureSize(node, s.ctx.width, room);
  const block = s.block();
  const image: Box = { kind: 'image', x: s.ctx.left + (s.ctx.width - width) / 2, y: -height, width, height, mime: node.mime, data: node.data, src: node.src, struct };
  s.push({ height, ascent: height, spaceBefore: s.ctx.scale.paragraphSpace, boxes: [image], notes: [], block, index: 0, count: 1, keepWithNext: false, whole: true });
  if (!node.caption) return;
  addText(s, [{ type: 'text', value: node.caption }], {
    style: styleFor({ face: 'italic', size: captionSize }, 'italic'), leading: captionLeading, spaceBefore: TYPE.figure.captionGap, align: 'center', whole: true,
    struct: s.struct('Caption', struct), block,
  });
}

/** The results chart, as vector boxes in one unbreakable block. */
export function chart(s: FlowState, node: BarChart): void {
  const figure = s.struct('Figure');
  s.structure[figure]!.alt = node.alt;
  const shape = chartShape(node);
  const left = s.ctx.left;
  const boxes: Box[] = [];
  const text = (t: { x: number; y: number; text: string }, size: number, face: 'regular' | 'bold') => {
    const style = styleFor({ face, size }, face);
    boxes.push(textBox({ x: left + t.x, y: t.y - shape.height, text: t.text, style, width: widthOf(t.text, face, size), struct: figure }));
  };
  text(shape.title, CHART.titleSize, 'bold');
  for (const b of shape.bars) {
    for (const l of b.label) text(l, CHART.fontSize, 'regular');
    boxes.push({ kind: 'rect', x: left + b.bar.x, y: b.bar.y - shape.height, width: b.bar.width, height: b.bar.height, fill: '#1f3f77', struct: figure });
    text(b.value, CHART.fontSize, 'regular');
  }
  s.push({
    height: shape.height + TYPE.body.paragraphSpace, ascent: shape.height, spaceBefore: TYPE.body.paragraphSpace, boxes, notes: [],
    block: s.block(), index: 0, count: 1, keepWithNext: false, whole: true,
  });
}
