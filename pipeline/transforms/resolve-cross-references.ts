/**
 * Resolves links to ids inside the report (`[see](#legal-framework)`, `[](#publish-results)`):
 * the target must be a heading or a recommendation; a link with no text gets the language's words
 * for it (“recommendation 7”, “section IV”). An unknown target is an error.
 */
import type { Link } from 'mdast';
import { visit } from 'unist-util-visit';
import type { TransformContext } from './context.js';
import { fill } from '../util/templates.js';

export function resolveCrossReferences({ edition, tree, diagnostics, pathOf }: TransformContext): void {
  const headings = new Map(edition.outline.map((e) => [e.id, e]));
  const recommendations = new Map(edition.recommendations.map((r) => [r.id, r]));
  visit(tree, 'link', (link: Link) => {
    if (!link.url.startsWith('#')) return;
    const id = decodeURIComponent(link.url.slice(1));
    const heading = headings.get(id);
    const recommendation = recommendations.get(id);
    if (!heading && !recommendation) {
      diagnostics.error(pathOf(link), `cross-reference to unknown id \`${id}\`: no heading or recommendation has it`, { place: link.position, ruleId: 'unknown-reference' });
      return;
    }
    if (link.children.length === 0) {
      const text = recommendation
        ? fill(edition.labels.recommendationLabel, { number: recommendation.number ?? 0 })
        : heading!.numeral
          ? fill(edition.labels.sectionLabel, { numeral: heading!.numeral })
          : heading!.text;
      link.children = [{ type: 'text', value: text }];
    }
  });
}
