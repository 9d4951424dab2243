/**
 * The children of mdast nodes typed as the resolved nodes the writer draws. mdast types a
 * paragraph's children as any phrasing (html, image, linkReference…) and a quote's as any block;
 * the transforms' last step (`assertResolved`) proves only resolved nodes are left. These guards
 * narrow the types by checking each node, so the compiler's exhaustive handler maps hold without a
 * cast, and a node a transform failed to resolve stops the writer with its type rather than being
 * skipped. The type lists are proven equal to the model's unions by `satisfies`.
 */
import type { Node } from 'unist';
import type { ResolvedBlock, ResolvedInline } from '../../model/types.js';

const BLOCK = {
  heading: true, paragraph: true, list: true, blockquote: true, code: true, thematicBreak: true, table: true,
  recommendation: true, recommendationList: true, barChart: true, figure: true,
} satisfies Record<ResolvedBlock['type'], true>;

const INLINE = {
  text: true, emphasis: true, strong: true, delete: true, inlineCode: true, break: true, link: true, footnoteReference: true,
} satisfies Record<ResolvedInline['type'], true>;

function unresolved(node: Node, kind: string): never {
  throw new Error(`DOCX writer: a \`${node.type}\` node is not a resolved ${kind} (the transforms should have resolved it)`);
}

export function isBlock(node: Node): node is ResolvedBlock {
  return Object.hasOwn(BLOCK, node.type);
}

export function isInline(node: Node): node is ResolvedInline {
  return Object.hasOwn(INLINE, node.type);
}

/** `nodes` as resolved blocks; an internal error names the first node that is not one. */
export function resolvedBlocks(nodes: readonly Node[]): ResolvedBlock[] {
  return nodes.map((node) => (isBlock(node) ? node : unresolved(node, 'block')));
}

/** `nodes` as resolved inline content; an internal error names the first node that is not. */
export function resolvedInlines(nodes: readonly Node[]): ResolvedInline[] {
  return nodes.map((node) => (isInline(node) ? node : unresolved(node, 'inline')));
}
