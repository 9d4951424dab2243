/**
 * Finds citations that remark left as text. micromark makes a citation only of a label defined in
 * the same file, so `[^label]` citing a note defined in another chapter arrives as text: it becomes a
 * citation here (one note, one number, wherever it is cited from). A label defined nowhere, and
 * `[^a label]` (with a space, no footnote at all), are errors at their exact place.
 */
import type { FootnoteReference, Parent, PhrasingContent, Text } from 'mdast';
import type { Point } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { pendingNotes } from './collect-notes.js';
import { didYouMean } from '../util/nearest.js';
import type { TransformContext } from './context.js';

const LITERAL = /\[\^([^\]\n]+)\]/g;

/** The point `index` characters into `text`, which starts at `start`. */
function advance(start: Point, text: string, index: number): Point {
  let { line, column } = start;
  for (let i = 0; i < index; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** The text with citations of defined notes made into citations; the other literal citations reported. */
function splitCitations(node: Text, raw: string, path: string, context: TransformContext): PhrasingContent[] | undefined {
  const defined = pendingNotes.get(context.edition);
  const start = node.position!.start;
  const out: PhrasingContent[] = [];
  let rest = 0; // offset in node.value of the text not yet copied
  for (const match of raw.matchAll(LITERAL)) {
    if (match.index > 0 && raw[match.index - 1] === '\\') continue; // an escaped bracket is meant as text
    const label = match[1]!;
    const place = { start: advance(start, raw, match.index), end: advance(start, raw, match.index + match[0].length) };
    if (/\s/.test(label)) {
      context.diagnostics.error(path, `\`[^${label}]\` is not a note citation: labels cannot contain spaces; use hyphens (\`[^${label.trim().replace(/\s+/g, '-')}]\`)`, { place, ruleId: 'note-label' });
      continue;
    }
    const at = raw === node.value ? match.index : node.value.indexOf(match[0], rest);
    if (!defined?.has(label.toLowerCase()) || at < 0) {
      const hint = didYouMean(label, [...(defined?.values() ?? [])].map((n) => n.definition.label ?? n.definition.identifier), (s) => `\`[^${s}]\``);
      context.diagnostics.error(path, `citation of undefined note \`${label}\`${hint}: add a definition \`[^${label}]: …\` after the paragraph, or fix the label`, { place, ruleId: 'undefined-note' });
      continue;
    }
    if (at > rest) out.push({ type: 'text', value: node.value.slice(rest, at) });
    const reference: FootnoteReference = { type: 'footnoteReference', identifier: label.toLowerCase(), label, position: place };
    context.adopt(reference, path);
    out.push(reference);
    rest = at + match[0].length;
  }
  if (rest === 0) return undefined;
  if (rest < node.value.length) out.push({ type: 'text', value: node.value.slice(rest) });
  return out;
}

export function findLiteralCitations(context: TransformContext): void {
  const { tree, pathOf, sourceOf } = context;
  visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
    if (!node.value.includes('[^') || !node.position) return undefined;
    const path = pathOf(node);
    const { start, end } = node.position;
    // Search the source slice, so escapes and entities do not shift the column.
    const source = sourceOf(path);
    const raw = source !== undefined && start.offset !== undefined && end.offset !== undefined ? source.slice(start.offset, end.offset) : node.value;
    const parts = splitCitations(node, raw, path, context);
    if (!parts || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1, ...(parts as never[]));
    return [SKIP, index + parts.length];
  });
}
