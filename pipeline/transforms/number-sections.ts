/**
 * Numbers the sections: level-1 headings I, II, III…, level-2 headings A, B… (letters from the
 * language's labels) inside numbered sections; `.unnumbered` headings and deeper levels get none.
 * Also checks heading ids (present, unique) and skipped levels, and builds the outline.
 */
import type { Heading } from 'mdast';
import { plainText } from '../model/plain-text.js';
import { visit } from 'unist-util-visit';
export { plainText };
import type { OutlineEntry } from '../model/types.js';
import type { TransformContext } from './context.js';

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, numeral] of table) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}


export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'section';
}

export function numberSections({ edition, tree, diagnostics, pathOf }: TransformContext): void {
  const letters = [...edition.labels.subsectionLetters];
  const outline: OutlineEntry[] = [];
  const ids = new Map<string, { place: string; heading: Heading }>();
  let section = 0;
  let subsection = 0;
  let inNumbered = false;
  let previousDepth = 0;
  visit(tree, 'heading', (heading: Heading) => {
    const path = pathOf(heading);
    const data = (heading.data ??= {});
    const text = plainText(heading.children);
    if (heading.depth > previousDepth + 1 && !(previousDepth === 0 && heading.depth === 1)) {
      diagnostics.error(path, `heading level skipped (level ${heading.depth} after level ${previousDepth}): use ${'#'.repeat(previousDepth + 1)}`, { place: heading.position, ruleId: 'heading-level' });
    }
    previousDepth = heading.depth;
    if (!data.id) {
      data.id = slug(text);
      if (heading.depth <= 2 && !data.generated) {
        diagnostics.warn(path, `heading “${text}” has no id: add \`{#${data.id}}\` so links and translations stay stable`, { place: heading.position, ruleId: 'heading-id' });
      }
    }
    const first = ids.get(data.id);
    if (first && (first.heading.data?.generated || data.generated)) {
      const [source, generated] = data.generated ? [first.heading, heading] : [heading, first.heading];
      diagnostics.error(pathOf(source), `id \`${data.id}\` is the id the annex template gives its heading “${plainText(generated.children)}”: choose another id`, { place: source.position, ruleId: 'duplicate-id' });
    } else if (first) {
      diagnostics.error(path, `id \`${data.id}\` is used twice (first at ${first.place}): ids must be unique`, { place: heading.position, ruleId: 'duplicate-id' });
    } else ids.set(data.id, { place: `${path}:${heading.position?.start.line ?? '?'}`, heading });
    if (heading.depth === 1) {
      subsection = 0;
      inNumbered = !data.unnumbered;
      if (inNumbered) data.numeral = roman(++section);
    } else if (heading.depth === 2 && inNumbered && !data.unnumbered) {
      data.numeral = letters[subsection++] ?? String(subsection);
    }
    if (data.numeral) data.label = `${data.numeral}.`;
    outline.push({ id: data.id, depth: heading.depth, numeral: data.numeral, label: data.label, text, heading });
  });
  edition.outline = outline;
}
