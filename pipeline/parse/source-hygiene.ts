/**
 * Checks of a chapter's tree that no writer should meet: links to unsafe schemes (every link form:
 * references are resolved before), pictures that are not files of the source given by a relative
 * path, tables with ragged rows.
 */
import type { Image, Link, Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostics } from '../util/diagnostics.js';

const SAFE = /^(https?:\/\/|mailto:|#)/i;
/** A relative path: no scheme, not absolute, no backslashes. */
const LOCAL_FILE = /^(?![a-z][a-z0-9+.-]*:)(?![\/\\])[^\\]+$/i;

export function sourceHygiene(tree: Root, path: string, diagnostics: Diagnostics): void {
  visit(tree, (node) => {
    if (node.type === 'link') {
      const url = (node as Link).url.trim();
      if (!SAFE.test(url)) {
        diagnostics.error(path, `link to \`${url.slice(0, 60)}\`: only http(s), mailto and #id links are allowed`, { place: node.position, ruleId: 'unsafe-url' });
      }
    } else if (node.type === 'image') {
      const url = (node as Image).url.trim();
      if (!LOCAL_FILE.test(url)) {
        diagnostics.error(path, `image \`${url.slice(0, 60)}\`: a picture must be a file inside the source folder, given by a relative path (\`images/map.png\`); an edition loads nothing from outside its source`, { place: node.position, ruleId: 'image' });
      }
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
