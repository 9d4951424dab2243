/**
 * Reads `{#id .unnumbered}` at the end of a heading (Pandoc's attribute syntax) into `heading.data`,
 * and removes it from the heading's text.
 */
import type { Root, Heading, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostics } from '../util/diagnostics.js';

const ATTRIBUTES = /\s*\{([^{}]*)\}\s*$/;

export function headingAttributes(tree: Root, path: string, diagnostics: Diagnostics): void {
  visit(tree, 'heading', (heading: Heading) => {
    const last = heading.children[heading.children.length - 1];
    if (!last || last.type !== 'text') return;
    const match = ATTRIBUTES.exec(last.value);
    if (!match) return;
    const data = (heading.data ??= {});
    for (const token of (match[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
      if (token.startsWith('#') && /^#[A-Za-z][\w-]*$/.test(token)) data.id = token.slice(1);
      else if (token === '.unnumbered' || token === '-') data.unnumbered = true;
      else {
        diagnostics.error(path, `unknown heading attribute \`${token}\`: use \`{#id}\` and optionally \`.unnumbered\``, {
          place: last.position,
          ruleId: 'heading-attribute',
        });
      }
    }
    const rest = last.value.slice(0, match.index);
    if (rest === '') heading.children.pop();
    else (last as Text).value = rest;
  });
}
