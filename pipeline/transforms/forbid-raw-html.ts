/** Raw HTML in the source is refused: it would reach readers of the HTML edition unchecked. */
import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import type { TransformContext } from './context.js';

export function forbidRawHtml({ edition, diagnostics, pathOf }: TransformContext): void {
  visit(edition.root, 'html', (node: Html) => {
    const looksLikeComment = /^<!--[\s\S]*-->$/.test(node.value.trim());
    if (looksLikeComment) return; // comments are dropped by every writer
    diagnostics.error(pathOf(node), `raw HTML is not allowed (\`${node.value.slice(0, 40).replace(/\n/g, ' ')}\`): write Markdown, or escape the \`<\` as \`\\<\``, {
      place: node.position,
      ruleId: 'raw-html',
    });
  });
}
