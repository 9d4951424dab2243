/**
 * Ids written in the source (headings, recommendations) must not collide with each other or with
 * the ids the pipeline makes: `fn-N`, `fnref-N`, `annex-ID` of a recommendation (model/anchors.ts),
 * the annex template's headings (`priority-recommendations`, `topic-ID`…) and the HTML page's
 * own (`report`, `contents-heading`, `chart-title`, `chart-desc`). A collision would send links to
 * the wrong place, so it is an error at the source id's place. (Source headings against the annex
 * template's are compared where ids are first given, in number-sections.ts.)
 */
import type { Heading } from 'mdast';
import { visit } from 'unist-util-visit';
import { GENERATED_ANCHOR, annexAnchor } from '../model/anchors.js';
import type { Recommendation } from '../model/types.js';
import type { TransformContext } from './context.js';
import { plainText } from '../model/plain-text.js';

const PAGE_IDS = new Set(['report', 'contents-heading', 'chart-title', 'chart-desc', 'chart-title-narrow', 'chart-desc-narrow']);

function reserved(id: string): boolean {
  return GENERATED_ANCHOR.test(id) || PAGE_IDS.has(id);
}

/** The ids a recommendation's must differ from: the source's headings, the annex template's, and the annex entries' anchors. */
interface Taken {
  headings: Map<string, Heading>;
  annexHeadings: Map<string, Heading>;
  /** The annex entries' anchors, to the recommendation each is for. */
  entries: Map<string, string>;
}

function takenIds(tree: TransformContext['tree'], { diagnostics, pathOf }: Pick<TransformContext, 'diagnostics' | 'pathOf'>): Taken {
  const taken: Taken = { headings: new Map(), annexHeadings: new Map(), entries: new Map() };
  visit(tree, 'recommendation', (node: Recommendation) => void (node.id && taken.entries.set(annexAnchor(node.id), node.id)));
  visit(tree, 'heading', (heading: Heading) => {
    const id = heading.data?.id;
    if (!id) return;
    if (heading.data?.generated) {
      taken.annexHeadings.set(id, heading);
      return;
    }
    taken.headings.set(id, heading);
    if (reserved(id)) {
      diagnostics.error(pathOf(heading), `id \`${id}\` is one folio makes itself (notes, citations, the annex, the page): choose another id`, { place: heading.position, ruleId: 'reserved-id' });
    }
  });
  return taken;
}

export function checkIds({ tree, diagnostics, pathOf }: TransformContext): void {
  const { headings, annexHeadings, entries } = takenIds(tree, { diagnostics, pathOf });
  visit(tree, 'recommendation', (node: Recommendation) => {
    if (!node.id) return;
    const refuse = (message: string, ruleId = 'reserved-id') => diagnostics.error(pathOf(node), message, { place: node.position, ruleId });
    if (reserved(node.id)) refuse(`recommendation id \`${node.id}\` is one folio makes itself (notes, citations, the annex, the page): choose another id`);
    const taken = headings.get(annexAnchor(node.id));
    if (taken) {
      diagnostics.error(pathOf(taken), `id \`${taken.data?.id}\` is the id of the annex entry of recommendation \`${node.id}\`: choose another id`, { place: taken.position, ruleId: 'reserved-id' });
    }
    const annex = annexHeadings.get(node.id);
    if (annex) refuse(`recommendation id \`${node.id}\` is the id the annex template gives its heading “${plainText(annex.children)}”: choose another id`);
    const entryOf = entries.get(node.id);
    if (entryOf) refuse(`recommendation id \`${node.id}\` is the id of the annex entry of recommendation \`${entryOf}\`: choose another id`);
    const heading = headings.get(node.id);
    if (heading) refuse(`recommendation id \`${node.id}\` is also the id of a heading (${pathOf(heading)}:${heading.position?.start.line ?? '?'}): ids must be unique`, 'duplicate-id');
  });
}
