/**
 * Checks of a chapter's tree that no writer should meet: links to unsafe schemes, images (not
 * supported: an edition never loads anything from outside its source), tables with ragged rows.
 */
import type { Image, Link, Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostics } from '../util/diagnostics.js';

const SAFE = /^(https?:\/\/|mailto:|#)/i;

export function sourceHygiene(tree: Root, path: string, diagnostics: Diagnostics): void {
  visit(tree, (node) => {
    if (node.type === 'link') {
      const url = (node as Link).url.trim();
      if (!SAFE.test(url)) {
        diagnostics.error(path, `link to \`${url.slice(0, 60)}\`: only http(s), mailto and #id links are allowed`, { place: node.position, ruleId: 'unsafe-url' });
      }
    } else if (node.type === 'image' || node.type === 'imageReference') {
      diagnostics.error(path, `image \`${(node as Image).url ?? ''}\`: images are not supported; an edition loads nothing from outside its source`, { place: node.position, ruleId: 'image' });
    } else if (node.type === 'table') {
      const table = node as Table;
      const columns = table.children[0]?.children.length ?? 0;
      table.children.forEach((row, i) => {
        if (i > 0 && row.children.length !== columns) {
          diagnostics.error(path, `table row has ${row.children.length} cells where the header has ${columns}: give every row the same number of cells`, { place: row.position, ruleId: 'ragged-table' });
        }
      });
    }
  });
}
