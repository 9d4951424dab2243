/**
 * Resolves every list's depth and every item's marker and number, so writers only draw them:
 * ordered items count from the list's start (`3.`, `4.`), bullets alternate with depth (•, –).
 * The same rules apply to lists inside notes.
 */
import type { List, Parent } from 'mdast';
import type { Node } from 'unist';
import type { TransformContext } from './context.js';

/** Bullets by depth, alternating: both are in every face the editions use (PT Serif has no ◦ or ▪). */
const BULLETS = ['•', '–'];

function markList(list: List, depth: number): void {
  (list.data ??= {}).depth = depth;
  const start = list.start ?? 1;
  list.children.forEach((item, i) => {
    const data = (item.data ??= {});
    if (list.ordered) {
      data.number = start + i;
      data.marker = `${start + i}.`;
    } else data.marker = BULLETS[depth % BULLETS.length]!;
    for (const child of item.children) walk(child, depth + 1);
  });
}

function walk(node: Node, depth: number): void {
  if (node.type === 'list') return markList(node as List, depth);
  const children = (node as Parent).children as Node[] | undefined;
  if (children) for (const child of children) walk(child, depth);
}

export function resolveLists({ tree, edition }: TransformContext): void {
  walk(tree, 0);
  for (const note of edition.notes) walk(note.definition, 0);
}
