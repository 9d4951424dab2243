/**
 * Checks of a chapter's tree that no writer should meet: links to unsafe schemes (every link form:
 * references are resolved before), `#id` links whose id is not valid percent-encoding, addresses
 * longer than MAX_URL, pictures that are not files of the source given by a relative path, tables
 * with ragged rows, and nesting beyond the limits (found by parse/nesting.ts).
 */
import type { Image, Link, Parent, Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostics } from '../util/diagnostics.js';

const SAFE = /^(https?:\/\/|mailto:|#)/i;
/** A relative path: no scheme, not absolute, no backslashes. */
const LOCAL_FILE = /^(?![a-z][a-z0-9+.-]*:)(?![\/\\])[^\\]+$/i;

/** The longest address a link may have: beyond it is a mistake (a pasted document), and the PDF repeats it on every line it wraps to. */
export const MAX_URL = 8192;

function decodes(fragment: string): boolean {
  try {
    decodeURIComponent(fragment);
    return true;
  } catch {
    return false;
  }
}

export function sourceHygiene(tree: Root, path: string, diagnostics: Diagnostics): void {
  for (const problem of tree.data?.nesting ?? []) diagnostics.error(path, problem.message, { place: problem.place, ruleId: 'nesting' });
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (node.type === 'link') {
      const url = (node as Link).url.trim();
      if (!SAFE.test(url)) {
        diagnostics.error(path, `link to \`${url.slice(0, 60)}\`: only http(s), mailto and #id links are allowed`, { place: node.position, ruleId: 'unsafe-url' });
      } else if (url.length > MAX_URL) {
        diagnostics.error(path, `link to an address of ${url.length} characters (\`${url.slice(0, 40)}…\`): addresses may have at most ${MAX_URL}`, { place: node.position, ruleId: 'unsafe-url' });
      } else if (url.startsWith('#') && !decodes(url.slice(1))) {
        diagnostics.error(path, `link to \`${url.slice(0, 60)}\`: not an id (a \`%\` must start an encoded character such as %20); write the id as it is, \`(#some-id)\``, { place: node.position, ruleId: 'unknown-reference' });
        // Its text stays, without the link, so no later step decodes the address.
        if (parent && index !== undefined) {
          parent.children.splice(index, 1, ...((node as Link).children as never[]));
          return index;
        }
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
