/**
 * The last step: proves the tree holds only what writers draw (the `ResolvedBlock`, `ResolvedInline`
 * and `ResolvedPart` types), in the chapters and in every note. A node of another type here is a bug
 * in a transform, not the writer's to guess at: it stops the build with the node's place.
 */
import type { Node, Parent } from 'unist';
import type { ResolvedBlock, ResolvedInline, ResolvedPart } from '../model/types.js';
import type { TransformContext } from './context.js';

type ResolvedType = ResolvedBlock['type'] | ResolvedInline['type'] | ResolvedPart['type'] | 'chapter';

/** Every type writers draw; `satisfies` keeps it equal to the model's unions. */
const RESOLVED = {
  chapter: true, heading: true, paragraph: true, list: true, listItem: true, blockquote: true, code: true, thematicBreak: true,
  table: true, tableRow: true, tableCell: true, recommendation: true, recommendationList: true, recommendationItem: true,
  barChart: true, figure: true, text: true, emphasis: true, strong: true, delete: true, inlineCode: true, break: true,
  link: true, footnoteReference: true,
} satisfies Record<ResolvedType, true>;

export function assertResolved({ tree, edition, pathOf, diagnostics }: TransformContext): void {
  if (diagnostics.errorCount > 0) return; // no writer will run: a refused node may still stand
  const check = (node: Node) => {
    if (!Object.hasOwn(RESOLVED, node.type)) {
      const at = node.position ? `:${node.position.start.line}:${node.position.start.column}` : '';
      throw new Error(`internal error: a \`${node.type}\` node reached the writers (${pathOf(node)}${at}); a transform should have resolved it`);
    }
    for (const child of (node as Parent).children ?? []) check(child);
  };
  for (const chapter of (tree as Parent).children) check(chapter);
  for (const note of edition.notes) for (const block of note.definition.children) check(block);
}
