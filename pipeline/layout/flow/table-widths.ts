/**
 * Column widths from the content, as browsers lay out automatic tables: no column narrower than
 * its widest unbreakable word; the rest of the width shared in proportion to each column's
 * content length (its longest cell set on one line), no column given more than that length while
 * another still wraps. The table fills the width it is given.
 */
import type { Word } from '../inline/words.js';
import { spaceWidth } from '../inline/word-breaks.js';

/** A column's narrowest and widest useful widths, padding included. */
export interface ColumnExtent {
  min: number;
  max: number;
}

function lineWidth(words: Word[]): number {
  return words.reduce((w, word, i) => w + word.width + (i > 0 ? spaceWidth(words[i - 1]!, word) : 0), 0);
}

/** `cells[row][column]`: the words of each cell; `pieces` the unbreakable parts of a word. */
export function columnExtents(cells: Word[][][], columns: number, pad: number, pieces: (word: Word) => number[] = (w) => [w.width]): ColumnExtent[] {
  return Array.from({ length: columns }, (_, c) => {
    let min = 0;
    let max = 0;
    for (const row of cells) {
      const words = row[c] ?? [];
      for (const word of words) for (const piece of pieces(word)) min = Math.max(min, piece);
      max = Math.max(max, lineWidth(words));
    }
    return { min: min + 2 * pad, max: Math.max(max, min) + 2 * pad };
  });
}

export function columnWidths(extents: ColumnExtent[], total: number): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const max = extents.map((e) => e.max);
  const min = extents.map((e) => e.min);
  if (sum(max) <= total) {
    const all = sum(max) || 1;
    return max.map((m) => m + ((total - sum(max)) * m) / all);
  }
  if (sum(min) > total) {
    const all = sum(min) || 1;
    return min.map((m) => (m * total) / all); // narrower than the words: the caller sets them smaller first
  }
  // The minimum, then the rest in proportion to content length, capped at each column's length.
  const widths = [...min];
  const open = new Set(extents.map((_, c) => c));
  for (;;) {
    const rest = total - sum(widths);
    const weight = sum([...open].map((c) => max[c]!));
    if (rest <= 1e-9 || open.size === 0 || weight === 0) break;
    let capped = false;
    for (const c of open) {
      if (widths[c]! + (rest * max[c]!) / weight >= max[c]!) {
        widths[c] = max[c]!;
        open.delete(c);
        capped = true;
      }
    }
    if (capped) continue;
    for (const c of open) widths[c]! += (rest * max[c]!) / weight;
    break;
  }
  return widths;
}
