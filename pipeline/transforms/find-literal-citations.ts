/**
 * Finds citations that remark left as text: `[^label]` with no definition stays literal text, and
 * `[^a label]` (with a space) is no footnote at all. Both are errors at their exact place.
 */
import type { Text } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
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

export function findLiteralCitations({ edition, diagnostics, pathOf, sourceOf }: TransformContext): void {
  visit(edition.root, 'text', (node: Text) => {
    if (!node.value.includes('[^') || !node.position) return;
    const path = pathOf(node);
    const { start, end } = node.position;
    // Search the source slice, so escapes and entities do not shift the column.
    const source = sourceOf(path);
    const raw = source !== undefined && start.offset !== undefined && end.offset !== undefined ? source.slice(start.offset, end.offset) : node.value;
    for (const match of raw.matchAll(LITERAL)) {
      if (match.index > 0 && raw[match.index - 1] === '\\') continue; // an escaped bracket is meant as text
      const label = match[1]!;
      const place = advance(start, raw, match.index);
      if (/\s/.test(label)) {
        diagnostics.error(path, `\`[^${label}]\` is not a note citation: labels cannot contain spaces; use hyphens (\`[^${label.trim().replace(/\s+/g, '-')}]\`)`, { place, ruleId: 'note-label' });
      } else {
        diagnostics.error(path, `citation of undefined note \`${label}\`: add a definition \`[^${label}]: …\` after the paragraph, or fix the label`, { place, ruleId: 'undefined-note' });
      }
    }
  });
}
