/**
 * Code blocks in PT Mono at TYPE.code.scale × the text size, on a light background: one line per
 * source line, indentation kept (spaces are drawn; tabs expanded to stops of four), never
 * justified or hyphenated; a line longer than the width wraps at its last space before the margin
 * (else between characters), losing no character. Tagged `Code`.
 */
import type { Code } from 'mdast';
import type { Box } from '../types.js';
import type { FlowState } from './state.js';
import { metrics, widthOf } from '../../text/measure.js';
import { textBox } from '../frame.js';
import { styleFor } from '../inline/words.js';
import { TYPE } from '../geometry.js';

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

/**
 * Cuts a source line into rows of at most `width`: after the row's last space that follows some
 * text (not inside the indentation), else between characters. Measures each character once.
 */
export function wrapCode(line: string, charWidth: (ch: string) => number, width: number): string[] {
  const chars = Array.from(line);
  const rows: string[] = [];
  let start = 0;
  let used = 0;
  let space = -1; // the row's last space after some text
  let text = false; // the row has a character other than a space
  const scan = (from: number, to: number) => {
    used = 0;
    space = -1;
    text = false;
    for (let k = from; k < to; k++) note(k);
  };
  const note = (k: number) => {
    const ch = chars[k]!;
    used += charWidth(ch);
    if (ch !== ' ') text = true;
    else if (text) space = k;
  };
  for (let i = 0; i < chars.length; i++) {
    if (i > start && used + charWidth(chars[i]!) > width + 0.01) {
      const cut = space >= start ? space + 1 : i;
      rows.push(chars.slice(start, cut).join(''));
      start = cut;
      scan(cut, i);
    }
    note(i);
  }
  rows.push(chars.slice(start).join(''));
  return rows;
}

export function code(s: FlowState, node: Code): void {
  const struct = s.struct('Code');
  const size = s.ctx.scale.size * TYPE.code.scale;
  const style = styleFor({ face: 'mono', size }, 'mono');
  const leading = size * TYPE.code.leading;
  const pad = TYPE.code.padding;
  const { left, width } = s.ctx;
  const charWidth = (ch: string) => widthOf(ch, 'mono', size);
  const rows = node.value.split('\n').flatMap((line) => wrapCode(expandTabs(line), charWidth, width - 2 * pad));
  const ascent = Math.max(metrics('mono', size).ascent, leading * 0.75);
  const block = s.block();
  rows.forEach((text, i) => {
    const first = i === 0;
    const last = i === rows.length - 1;
    const top = -ascent - (first ? pad : 0);
    const height = leading + (first ? pad : 0) + (last ? pad : 0);
    const boxes: Box[] = [{ kind: 'rect', x: left, y: top, width, height, fill: TYPE.code.background, artifact: true }];
    if (text.trim() !== '') boxes.push(textBox({ x: left + pad, y: 0, text, style, width: widthOf(text, 'mono', size), struct }));
    s.push({
      height: leading + (last ? pad : 0), ascent, spaceBefore: first ? Math.max(s.ctx.scale.paragraphSpace, TYPE.list.tightSpace) + pad : 0,
      boxes, notes: [], block, index: i, count: rows.length, keepWithNext: false, whole: false,
    });
  });
}
