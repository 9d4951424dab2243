/** A page being built: its lines, the notes at its foot, and the notes it hands to the next page. */
import type { FlowLine } from '../flow/types.js';
import { PAGE, TYPE } from '../geometry.js';

export interface NotePiece {
  number: number;
  lines: FlowLine[];
  continued: boolean;
}

export interface Building {
  lines: { line: FlowLine; y: number }[];
  used: number;
  notes: NotePiece[];
  /** A note was split on this page: no more text may go on it. */
  closed: boolean;
  /** Notes continued onto this page that did not fit even here, then the note split on it: they go on. */
  leaving: NotePiece[];
}

/** Height of the body and notes area. */
export const AREA = PAGE.bottom - PAGE.top;

export function notesHeight(pieces: NotePiece[]): number {
  if (pieces.length === 0) return 0;
  let h = TYPE.noteArea.gap + TYPE.noteArea.ruleGapBelow;
  for (const p of pieces) p.lines.forEach((l, i) => (h += l.height + (i === 0 && !p.continued ? l.spaceBefore : 0)));
  return h;
}

/** The fewest lines of a split note on either page. */
export const MIN_NOTE_PART = 2;

/**
 * Where a note continued onto a page ends on it, when `fit` of its lines would fit: all of it if
 * the rest would be shorter than two lines, else at least two lines on each side (the room is a
 * preference, not a limit), and never after a line that ends inside a word.
 */
function splitAt(lines: FlowLine[], fit: number): number {
  if (fit >= lines.length || lines.length < 2 * MIN_NOTE_PART) return lines.length;
  let k = Math.max(MIN_NOTE_PART, Math.min(fit, lines.length - MIN_NOTE_PART));
  while (k > MIN_NOTE_PART && lines[k - 1]!.splitsWord) k--;
  return k;
}

/**
 * A new page, with the notes continued from the page before first; if they are longer than half
 * the page, they continue again (and any after the one split wait their turn).
 */
export function startPage(from: NotePiece[]): Building {
  const b: Building = { lines: [], used: 0, notes: [], closed: false, leaving: [] };
  let room = AREA / 2;
  for (const piece of from) {
    if (b.closed) {
      b.leaving.push(piece);
      continue;
    }
    let count = 0;
    while (count < piece.lines.length && (count === 0 || notesHeight([...b.notes, { ...piece, lines: piece.lines.slice(0, count + 1) }]) <= room)) count++;
    const fit = piece.lines.slice(0, splitAt(piece.lines, count));
    b.notes.push({ ...piece, lines: fit });
    if (fit.length < piece.lines.length) {
      b.leaving.push({ number: piece.number, lines: piece.lines.slice(fit.length), continued: true });
      b.closed = true;
      room = 0;
    }
  }
  return b;
}
