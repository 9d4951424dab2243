/** The words of a table's cells at a size: header row bold, inline formatting and note citations kept. */
import type { Table } from 'mdast';
import type { TextStyle } from '../types.js';
import type { Word } from '../inline/words.js';
import type { FlowState } from './state.js';
import { styleFor } from '../inline/words.js';
import { wordsOf } from './text.js';

function styleOf(size: number, header: boolean): TextStyle {
  return styleFor({ face: 'regular', size }, header ? 'bold' : 'regular');
}

/**
 * `words[row][i]`: the words of column `columns[i]` of each row at `size`. With `structs` (a
 * structure element per row and column), a cell's spans (inline code) get elements inside its own;
 * without, the words are only measured and make no structure.
 */
export function cellWords(s: FlowState, node: Table, size: number, columns?: number[], structs?: number[][]): Word[][][] {
  return node.children.map((row, r) => {
    const chosen = columns ?? row.children.map((_, c) => c);
    return chosen.map((c, i) => {
      const struct = structs?.[r]?.[i];
      const span = (type: string, parent?: number) => (struct === undefined ? 0 : s.span(type, parent ?? struct));
      return wordsOf(s, row.children[c]?.children ?? [], styleOf(size, r === 0), struct ?? 0, span);
    });
  });
}
