/**
 * The contents: an entry per section and subsection, linked, with a dot leader to its page number.
 * Tagged TOC, an entry a TOCI holding a Reference to its heading: one Link (label, title and page
 * number), the dots artifacts. The contents' heading stands before the TOC (which holds only entries).
 */
import type { Edition, OutlineEntry } from '../../model/types.js';
import type { Box, Page, TextBox } from '../types.js';
import type { FlowState } from '../flow/state.js';
import type { FlowLine } from '../flow/types.js';
import { addText } from '../flow/text.js';
import { styleFor } from '../inline/words.js';
import { widthOf } from '../../text/measure.js';
import { textBox } from '../frame.js';
import { TEXT_WIDTH, TYPE } from '../geometry.js';

/** The page each destination is on (its first occurrence). */
export function destPages(pages: Page[]): Map<string, Page> {
  const map = new Map<string, Page>();
  for (const page of pages) for (const box of page.boxes) if (box.kind === 'dest' && !map.has(box.name)) map.set(box.name, page);
  return map;
}

const entryStyle = () => styleFor({ face: 'regular', size: TYPE.contents.size }, 'regular');

/** Dots on a grid shared by all entries (so the leaders line up down the page), then the page number. */
function leader(line: FlowLine, entry: OutlineEntry, number: string, link: number): void {
  const style = entryStyle();
  const numberWidth = widthOf(number, style.face, style.size);
  const texts = line.boxes.filter((b): b is TextBox => b.kind === 'text');
  const end = Math.max(...texts.map((b) => b.x + b.width)) + 4;
  const right = TEXT_WIDTH - numberWidth - 4;
  const glyph = widthOf('.', style.face, style.size);
  const pitch = 5;
  for (let x = Math.ceil(end / pitch) * pitch; x + glyph <= right; x += pitch) {
    line.boxes.push(textBox({ x, y: 0, text: '.', style, width: glyph, artifact: true }));
  }
  line.boxes.push(textBox({ x: TEXT_WIDTH - numberWidth, y: 0, text: number, style, width: numberWidth, link: { dest: entry.id }, struct: link }));
}

function entryLines(s: FlowState, entry: OutlineEntry, page: Page | undefined, toc: number): void {
  const number = page?.label !== undefined ? String(page.label) : '';
  const indent = entry.depth === 1 ? TYPE.contents.indent : TYPE.contents.indent * 2;
  const link = s.struct('Link', s.struct('Reference', s.struct('TOCI', toc)));
  const target = { dest: entry.id };
  const lines = s.added(() =>
    addText(s, [{ type: 'text', value: entry.text }], {
      style: entryStyle(), leading: TYPE.contents.leading, spaceBefore: 0, align: 'left', indent, whole: true, struct: link,
      hanging: entry.label, hangingLink: entry.id,
    }),
  );
  for (const line of lines) {
    // The whole entry links to its heading; a subsection's letter hangs one indent in.
    line.boxes = line.boxes.map((b): Box => (b.kind !== 'text' ? b : { ...b, link: target, x: entry.depth === 2 && b.x === 0 ? TYPE.contents.indent : b.x }));
  }
  const last = lines[lines.length - 1];
  if (last) leader(last, entry, number, link);
}

/** The contents' lines, with the page numbers of the laid-out body. */
export function contentsLines(s: FlowState, edition: Edition, at: { heading: number; toc: number }, bodyPages: Page[]): FlowLine[] {
  const where = destPages(bodyPages);
  const lines: FlowLine[] = [];
  const { toc } = at;
  s.within({ lines, parent: toc }, () => {
    addText(s, [{ type: 'text', value: edition.labels.contents }], {
      style: styleFor({ face: 'bold', size: TYPE.heading1.size }, 'bold'), leading: TYPE.heading1.leading + 10, spaceBefore: 0, align: 'left', keepWithNext: true, whole: true,
      struct: at.heading,
    });
    for (const entry of edition.outline.filter((e) => e.depth <= 2)) entryLines(s, entry, where.get(entry.id), toc);
  });
  return lines;
}
