/**
 * Page building with notes at the bottom of the page that cites them. The rules:
 * - a line that cites a note keeps at least the note's first line on its page;
 * - a note that does not fit is split, and continues at the bottom of the next page, before that
 *   page's own notes; a page on which a note is split takes no more text;
 * - a note never comes before its citation, and notes keep their order;
 * - headings stay with the two lines that follow; no single line of a paragraph is left at the
 *   bottom or top of a page (no orphans, no widows); table rows do not split.
 */
import type { Box, Page } from './types.js';
import type { Flow, FlowLine } from './flow.js';
import { PAGE, TYPE } from './geometry.js';

interface NotePiece {
  number: number;
  lines: FlowLine[];
  continued: boolean;
}

interface Building {
  lines: { line: FlowLine; y: number }[];
  used: number;
  notes: NotePiece[];
  /** A note was split on this page: no more text may go on it. */
  closed: boolean;
  /** Notes continued onto this page that did not fit even here. */
  carried: NotePiece[];
}

const AREA = PAGE.bottom - PAGE.top;

function notesHeight(pieces: NotePiece[]): number {
  if (pieces.length === 0) return 0;
  let h = TYPE.noteArea.gap + TYPE.noteArea.ruleGapBelow;
  for (const p of pieces) p.lines.forEach((l, i) => (h += l.height + (i === 0 && !p.continued ? l.spaceBefore : 0)));
  return h;
}

function lineCost(page: Building, line: FlowLine, first: boolean): number {
  return (first ? 0 : line.spaceBefore) + line.height;
}

/** The chunk that must go on one page together, starting at `start`: [start, end). */
function chunkEnd(lines: FlowLine[], start: number): number {
  let end = start;
  for (;;) {
    const line = lines[end]!;
    end++;
    if (end >= lines.length) return end;
    const next = lines[end]!;
    if (line.keepWithNext) continue;
    if (next.block === line.block) {
      if (line.whole) continue;
      const before = line.index + 1;
      const after = line.count - before;
      if (before < 2 || after < 2) continue; // a break here would leave an orphan or a widow
    }
    // After a heading group, keep at least two lines of the next block.
    const first = lines[start]!;
    if (first.keepWithNext && end - start < 2 + countKept(lines, start)) continue;
    return end;
  }
}

function countKept(lines: FlowLine[], start: number): number {
  let n = 0;
  while (lines[start + n]?.keepWithNext) n++;
  return n;
}

export function paginate(flow: Flow, firstLabel = 1): Page[] {
  const pages: Page[] = [];
  let carried: NotePiece[] = [];
  let page = fresh(carried);
  carried = [];

  function fresh(from: NotePiece[]): Building {
    const b: Building = { lines: [], used: 0, notes: [], closed: false, carried: [] };
    // Continued notes first; if they are longer than half the page, they continue again.
    let room = AREA / 2;
    for (const piece of from) {
      if (b.closed) {
        b.carried.push(piece); // an earlier note still continues: this one waits its turn
        continue;
      }
      const fit: FlowLine[] = [];
      for (const l of piece.lines) {
        if (notesHeight([...b.notes, { ...piece, lines: [...fit, l] }]) > room && fit.length > 0) break;
        fit.push(l);
      }
      b.notes.push({ ...piece, lines: fit });
      if (fit.length < piece.lines.length) {
        b.carried.push({ number: piece.number, lines: piece.lines.slice(fit.length), continued: true });
        b.closed = true;
        room = 0;
      }
    }
    return b;
  }

  function finish(b: Building): void {
    const boxes: Box[] = [];
    let bottom = PAGE.top;
    for (const { line, y } of b.lines) {
      for (const box of line.boxes) boxes.push(place(box, PAGE.left, y + line.ascent));
      bottom = Math.max(bottom, y + line.ascent);
    }
    let noteTop: number | undefined;
    if (b.notes.length) {
      const h = notesHeight(b.notes);
      noteTop = PAGE.bottom - h + TYPE.noteArea.gap;
      boxes.push({ kind: 'rule', x: PAGE.left, y: noteTop, width: TYPE.noteArea.ruleWidth, thickness: 0.5, artifact: true });
      let y = noteTop + TYPE.noteArea.ruleGapBelow;
      for (const piece of b.notes) {
        piece.lines.forEach((l, i) => {
          if (i === 0 && !piece.continued) y += l.spaceBefore;
          for (const box of l.boxes) boxes.push(place(box, PAGE.left, y + l.ascent));
          y += l.height;
        });
      }
    }
    const number = pages.length + 1;
    const leaving = [...b.carried, ...(carriedAfter.get(b) ?? [])];
    pages.push({
      index: number, label: firstLabel + number - 1, header: true, boxes,
      notes: b.notes.map((p) => ({ number: p.number, continued: p.continued, split: leaving.some((c) => c.number === p.number) })),
      citations: b.lines.flatMap(({ line }) => line.notes), bodyBottom: bottom, noteTop,
    });
  }

  const carriedAfter = new WeakMap<Building, NotePiece[]>();

  function next(): void {
    const rest = [...page.carried, ...(carriedAfter.get(page) ?? [])];
    finish(page);
    page = fresh(rest);
  }

  const lines = flow.lines;
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.pageBreakBefore && page.lines.length > 0) next();
    const end = chunkEnd(lines, i);
    const chunk = lines.slice(i, end);
    const result = tryPlace(page, chunk, flow);
    if (result) {
      i = end;
      if (result === 'split') next();
      continue;
    }
    if (page.lines.length === 0 && page.closed) {
      next(); // a page given over to a note continued from before
      continue;
    }
    if (page.lines.length === 0) {
      // Nothing fits on an empty page: place line by line, as much as goes.
      const one = tryPlace(page, [lines[i]!], flow, true);
      i++;
      if (one === 'split' || one === false) next();
      continue;
    }
    next();
  }
  // Notes still continuing after the last line of text get pages of their own.
  while (page.carried.length || (carriedAfter.get(page)?.length ?? 0) > 0) next();
  if (page.lines.length || page.notes.length) finish(page);
  return pages;

  /** Places the chunk if it fits with its notes (splitting the last note if need be). */
  function tryPlace(b: Building, chunk: FlowLine[], f: Flow, force = false): 'whole' | 'split' | false {
    let used = b.used;
    const newNotes: number[] = [];
    chunk.forEach((line, k) => {
      used += lineCost(b, line, b.lines.length === 0 && k === 0);
      for (const n of line.notes) if (!b.notes.some((p) => p.number === n) && !newNotes.includes(n)) newNotes.push(n);
    });
    if (b.closed && newNotes.length > 0 && !force) return false;
    const pieces = newNotes.map((n) => ({ number: n, lines: f.notes.get(n) ?? [], continued: false }));
    const all = [...b.notes, ...pieces];
    const commit = (notes: NotePiece[], carry?: NotePiece) => {
      let y = PAGE.top + b.used;
      chunk.forEach((line, k) => {
        y += b.lines.length === 0 && k === 0 ? 0 : line.spaceBefore;
        b.lines.push({ line, y });
        y += line.height;
      });
      b.used = used;
      b.notes = notes;
      if (carry) {
        carriedAfter.set(b, [...(carriedAfter.get(b) ?? []), carry]);
        b.closed = true;
      }
    };
    if (used + notesHeight(all) <= AREA || (force && pieces.length === 0)) {
      commit(all);
      return 'whole';
    }
    if (pieces.length === 0) {
      if (force) {
        commit(all);
        return 'whole';
      }
      return false;
    }
    // Split the last new note: as many of its lines as fit, at least one.
    const last = pieces[pieces.length - 1]!;
    const before = [...b.notes, ...pieces.slice(0, -1)];
    for (let k = last.lines.length - 1; k >= 1; k--) {
      const head = { ...last, lines: last.lines.slice(0, k) };
      if (used + notesHeight([...before, head]) <= AREA) {
        commit([...before, head], { number: last.number, lines: last.lines.slice(k), continued: true });
        return 'split';
      }
    }
    if (force) {
      const head = { ...last, lines: last.lines.slice(0, 1) };
      commit([...before, head], last.lines.length > 1 ? { number: last.number, lines: last.lines.slice(1), continued: true } : undefined);
      return 'split';
    }
    return false;
  }
}

function place(box: Box, dx: number, baseline: number): Box {
  if (box.kind === 'rule' || box.kind === 'rect') return { ...box, x: box.x + dx, y: baseline + box.y };
  return { ...box, x: box.x + dx, y: baseline + box.y } as Box;
}
