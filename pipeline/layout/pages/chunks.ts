/**
 * The lines that must go on one page together: headings with what follows, no widows or orphans,
 * whole blocks, and the two parts of a word split at a line's end.
 */
import type { FlowLine } from '../flow/types.js';

function countKept(lines: FlowLine[], start: number): number {
  let n = 0;
  while (lines[start + n]?.keepWithNext) n++;
  return n;
}

/** The chunk that starts at `start`: [start, end). */
export function chunkEnd(lines: FlowLine[], start: number): number {
  let end = start;
  for (;;) {
    const line = lines[end]!;
    end++;
    if (end >= lines.length) return end;
    const next = lines[end]!;
    if (line.keepWithNext || line.splitsWord) continue; // a word is never split across a page turn
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

/** The chunk as placed at the top of a page: a table row that continues a table gets its header again. */
export function atPageTop(chunk: FlowLine[]): FlowLine[] {
  const header = chunk[0]?.repeatHeader;
  return header ? [header, ...chunk] : chunk;
}
