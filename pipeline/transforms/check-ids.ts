/**
 * Ids written in the source (headings, recommendations) must not collide with each other or with
 * the ids the pipeline makes: `fn-N`, `fnref-N`, `annex-ID` of a recommendation (model/anchors.ts) and the HTML page's
 * own (`report`, `contents-heading`, `chart-title`, `chart-desc`). A collision would send links to
 * the wrong place, so it is an error at the source id's place.
 */
import type { Heading } from 'mdast';
import { visit } from 'unist-util-visit';
import { GENERATED_ANCHOR, annexAnchor } from '../model/anchors.js';
import type { Recommendation } from '../model/types.js';
import type { TransformContext } from './context.js';

const PAGE_IDS = new Set(['report', 'contents-heading', 'chart-title', 'chart-desc', 'chart-title-narrow', 'chart-desc-narrow']);

function reserved(id: string): boolean {
  return GENERATED_ANCHOR.test(id) || PAGE_IDS.has(id);
}

export function checkIds({ tree, diagnostics, pathOf }: TransformContext): void {
  const headings = new Map<string, Heading>();
  visit(tree, 'heading', (heading: Heading) => {
    const id = heading.data?.id;
    if (!id || heading.data?.generated) return;
    headings.set(id, heading);
    if (reserved(id)) {
      diagnostics.error(pathOf(heading), `id \`${id}\` is one folio makes itself (notes, citations, the annex, the page): choose another id`, { place: heading.position, ruleId: 'reserved-id' });
    }
  });
  visit(tree, 'recommendation', (node: Recommendation) => {
    if (!node.id) return;
    if (reserved(node.id)) {
      diagnostics.error(pathOf(node), `recommendation id \`${node.id}\` is one folio makes itself (notes, citations, the annex, the page): choose another id`, { place: node.position, ruleId: 'reserved-id' });
    }
    const taken = headings.get(annexAnchor(node.id));
    if (taken) {
      diagnostics.error(pathOf(taken), `id \`${taken.data?.id}\` is the id of the annex entry of recommendation \`${node.id}\`: choose another id`, { place: taken.position, ruleId: 'reserved-id' });
    }
    const heading = headings.get(node.id);
    if (heading) {
      diagnostics.error(pathOf(node), `recommendation id \`${node.id}\` is also the id of a heading (${pathOf(heading)}:${heading.position?.start.line ?? '?'}): ids must be unique`, { place: node.position, ruleId: 'duplicate-id' });
    }
  });
}
