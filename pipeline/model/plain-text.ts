/** Plain text of a node's inline content, for outlines, messages and comparisons. */
import type { PhrasingContent } from 'mdast';

/** Plain text of inline content, leaving out note citations. */
export function plainText(nodes: PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if ('children' in node) out += plainText(node.children as PhrasingContent[]);
  }
  return out.replace(/\s+/g, ' ').trim();
}
