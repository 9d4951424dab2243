/**
 * Raw HTML in the source is refused: it would reach readers of the HTML edition unchecked. HTML
 * comments are allowed and dropped; every HTML node leaves the tree.
 */
import type { Html, Parent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { TransformContext } from './context.js';

export function forbidRawHtml({ tree, diagnostics, pathOf }: TransformContext): void {
  visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
    if (parent && index !== undefined) parent.children.splice(index, 1);
    const looksLikeComment = /^<!--[\s\S]*-->$/.test(node.value.trim());
    if (looksLikeComment) return [SKIP, index ?? 0];
    diagnostics.error(pathOf(node), `raw HTML is not allowed (\`${node.value.slice(0, 40).replace(/\n/g, ' ')}\`): write Markdown, or escape the \`<\` as \`\\<\``, {
      place: node.position,
      ruleId: 'raw-html',
    });
    return [SKIP, index ?? 0];
  });
}
