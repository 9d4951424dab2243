/** A built page as the frame's page: its lines' boxes placed, the note area (rule and notes) at the foot. */
import type { Box, Page } from '../types.js';
import { notesHeight, type Building } from './building.js';
import { PAGE, TYPE } from '../geometry.js';

/** The box with its x from the page's left edge and its y from the line's baseline. */
export function place(box: Box, dx: number, baseline: number): Box {
  return { ...box, x: box.x + dx, y: baseline + box.y };
}

function noteArea(b: Building, boxes: Box[]): number | undefined {
  if (!b.notes.length) return undefined;
  const noteTop = PAGE.bottom - notesHeight(b.notes) + TYPE.noteArea.gap;
  boxes.push({ kind: 'rule', x: PAGE.left, y: noteTop, width: TYPE.noteArea.ruleWidth, thickness: 0.5, artifact: true });
  let y = noteTop + TYPE.noteArea.ruleGapBelow;
  for (const piece of b.notes) {
    piece.lines.forEach((l, i) => {
      if (i === 0 && !piece.continued) y += l.spaceBefore;
      for (const box of l.boxes) boxes.push(place(box, PAGE.left, y + l.ascent));
      y += l.height;
    });
  }
  return noteTop;
}

export function finishPage(b: Building, index: number, label: number): Page {
  const boxes: Box[] = [];
  let bottom = PAGE.top;
  for (const { line, y } of b.lines) {
    for (const box of line.boxes) boxes.push(place(box, PAGE.left, y + line.ascent));
    bottom = Math.max(bottom, y + line.ascent);
  }
  const noteTop = noteArea(b, boxes);
  return {
    index, label, header: true, boxes,
    notes: b.notes.map((p) => ({ number: p.number, continued: p.continued, split: b.leaving.some((c) => c.number === p.number), lines: p.lines.length })),
    citations: b.lines.flatMap(({ line }) => line.notes), bodyBottom: bottom, noteTop,
  };
}
