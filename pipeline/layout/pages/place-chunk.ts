/**
 * Places a chunk of lines on the page being built if it fits with the notes it cites first; if
 * not, splits the last of those notes (at least two of its lines stay with the citation, and at
 * least two go on), and the page then takes no more text.
 */
import type { Flow, FlowLine } from '../flow/types.js';
import { AREA, MIN_NOTE_PART, notesHeight, type Building, type NotePiece } from './building.js';
import { PAGE } from '../geometry.js';

function commit(b: Building, chunk: FlowLine[], used: number, notes: NotePiece[], carry?: NotePiece): void {
  let y = PAGE.top + b.used;
  chunk.forEach((line, k) => {
    y += b.lines.length === 0 && k === 0 ? 0 : line.spaceBefore;
    b.lines.push({ line, y });
    y += line.height;
  });
  b.used = used;
  b.notes = notes;
  if (carry) {
    b.leaving.push(carry);
    b.closed = true;
  }
}

/** The height the chunk takes on the page, and the notes it cites that are not on the page yet. */
function measure(b: Building, chunk: FlowLine[], flow: Flow): { used: number; pieces: NotePiece[] } {
  let used = b.used;
  const newNotes: number[] = [];
  chunk.forEach((line, k) => {
    used += (b.lines.length === 0 && k === 0 ? 0 : line.spaceBefore) + line.height;
    for (const n of line.notes) if (!b.notes.some((p) => p.number === n) && !newNotes.includes(n)) newNotes.push(n);
  });
  return { used, pieces: newNotes.map((n) => ({ number: n, lines: flow.notes.get(n) ?? [], continued: false })) };
}

/** `force`: on an empty page, place it even if it does not fit. */
export function placeChunk(b: Building, chunk: FlowLine[], flow: Flow, force = false): 'whole' | 'split' | false {
  const { used, pieces } = measure(b, chunk, flow);
  if (b.closed && pieces.length > 0 && !force) return false;
  const all = [...b.notes, ...pieces];
  if (used + notesHeight(all) <= AREA || (force && pieces.length === 0)) {
    commit(b, chunk, used, all);
    return 'whole';
  }
  if (pieces.length === 0) return false;
  // Split the last new note: as many of its lines as fit, with at least two on each page, and
  // not after a line that ends inside a word.
  const last = pieces[pieces.length - 1]!;
  const before = [...b.notes, ...pieces.slice(0, -1)];
  for (let k = last.lines.length - MIN_NOTE_PART; k >= MIN_NOTE_PART; k--) {
    if (last.lines[k - 1]!.splitsWord) continue;
    const head = { ...last, lines: last.lines.slice(0, k) };
    if (used + notesHeight([...before, head]) <= AREA) {
      commit(b, chunk, used, [...before, head], { number: last.number, lines: last.lines.slice(k), continued: true });
      return 'split';
    }
  }
  if (!force) return false;
  const head = { ...last, lines: last.lines.slice(0, 1) };
  commit(b, chunk, used, [...before, head], last.lines.length > 1 ? { number: last.number, lines: last.lines.slice(1), continued: true } : undefined);
  return 'split';
}
