/** The text of an mdast node, for comparing sources with what the writers produced. */
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';

/** Its text nodes joined; `atNote` stands where a note is cited (nothing by default). */
export function textOf(node: Node, atNote = ''): string {
  let s = '';
  visit(node, (x: Node & { value?: string }) => {
    if (x.type === 'text') s += x.value;
    else if (x.type === 'footnoteReference') s += atNote;
  });
  return s;
}
