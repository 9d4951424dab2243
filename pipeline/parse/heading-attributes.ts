/**
 * Reads `{#id .unnumbered}` at the end of a heading (Pandoc's attribute syntax) into `heading.data`,
 * and removes it from the heading's text.
 */
import type { Root, Heading, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostics } from '../util/diagnostics.js';

const SPACE = /\s/;

/**
 * The `{…}` at the end of a heading's text, with the spaces around it: what the pattern
 * `/\s*\{([^{}]*)\}\s*$/` matches, found from the end in one pass (the pattern itself backtracks
 * quadratically: a heading of 80,000 spaces took 18 s).
 */
export function trailingAttributes(value: string): { index: number; inner: string } | undefined {
  let end = value.length;
  while (end > 0 && SPACE.test(value[end - 1]!)) end--;
  if (end === 0 || value[end - 1] !== '}') return undefined;
  const open = value.lastIndexOf('{', end - 2);
  if (open < 0) return undefined;
  const inner = value.slice(open + 1, end - 1);
  if (inner.includes('}')) return undefined;
  let index = open;
  while (index > 0 && SPACE.test(value[index - 1]!)) index--;
  return { index, inner };
}

export function headingAttributes(tree: Root, path: string, diagnostics: Diagnostics): void {
  visit(tree, 'heading', (heading: Heading) => {
    const last = heading.children[heading.children.length - 1];
    if (!last || last.type !== 'text') return;
    const match = trailingAttributes(last.value);
    if (!match) return;
    const data = (heading.data ??= {});
    for (const token of match.inner.trim().split(/\s+/).filter(Boolean)) {
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
