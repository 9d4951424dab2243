/**
 * Collects the recommendations marked in the text, checks their ids, ranks and topics, numbers them
 * as the annex lists them (priority ones by rank, then the others under their topic headings, topics
 * in the order of the report's sections, document order within a topic), and puts the annex generated
 * from `templates/annex/recommendations.md.hbs` where `::recommendations` stands.
 */
import type { Heading, RootContent, Parent, BlockContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { Recommendation, RecommendationItem, RecommendationList } from '../model/types.js';
import { annexAnchor } from '../model/anchors.js';
import type { Node } from 'unist';
import { placeAt, type TransformContext } from './context.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { cachedParse } from '../parse/parse-cache.js';
import { headingAttributes } from '../parse/heading-attributes.js';
import { template } from '../util/templates.js';
import { didYouMean } from '../util/nearest.js';

const TEMPLATE = 'annex/recommendations.md.hbs';

/** A copy of a recommendation's text for the annex: notes stay with the inline text. */
function copyWithoutNotes<T>(nodes: T): T {
  const copy = structuredClone(nodes);
  visit({ type: 'root', children: copy as unknown as RootContent[] }, 'footnoteReference', (_node, index, parent: Parent | undefined) => {
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return copy;
}

/** Every recommendation in document order, by id; a second use of an id is an error. */
function collectRecommendations({ tree, diagnostics, pathOf }: TransformContext) {
  const all: Recommendation[] = [];
  const byId = new Map<string, Recommendation>();
  const nested = new Set<Recommendation>();
  visit(tree, 'recommendation', (node: Recommendation) => {
    all.push(node);
    // One inside another would be listed twice in the annex (the outer one's text holds it).
    for (const child of node.children) {
      visit(child, 'recommendation', (inner: Recommendation) => {
        if (nested.has(inner)) return;
        nested.add(inner);
        diagnostics.error(pathOf(inner), `recommendation \`${inner.id}\` is written inside recommendation \`${node.id}\`: recommendations cannot nest; close the first (\`:::\`) before the second`, {
          place: inner.position,
          ruleId: 'recommendation-place',
        });
      });
    }
    if (!node.id) return;
    const first = byId.get(node.id);
    if (first) {
      diagnostics.error(pathOf(node), `recommendation id \`${node.id}\` is used twice (first at ${pathOf(first)}:${first.position?.start.line ?? '?'}): give each recommendation its own id`, {
        place: node.position,
        ruleId: 'duplicate-recommendation',
      });
    } else byId.set(node.id, node);
  });
  return { all, byId };
}

/** The priority recommendations by rank; ranks must be exactly 1..N. */
function priorityOrder(all: Recommendation[], { diagnostics, pathOf }: TransformContext): Recommendation[] {
  const priority = all.filter((r) => r.priority !== undefined).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  const ranks = new Map<number, Recommendation>();
  for (const r of priority) {
    const other = ranks.get(r.priority!);
    if (other) {
      diagnostics.error(pathOf(r), `priority ${r.priority} is given to both \`${other.id}\` and \`${r.id}\`: priority ranks must be exactly 1..${priority.length}`, { place: r.position, ruleId: 'priority-ranks' });
    } else ranks.set(r.priority!, r);
  }
  for (let rank = 1; rank <= priority.length; rank++) {
    if (!ranks.has(rank) && priority.length > 0) {
      const last = priority[priority.length - 1]!;
      diagnostics.error(pathOf(last), `no recommendation has priority ${rank}: priority ranks must be exactly 1..${priority.length} (the highest given is ${last.priority})`, { place: last.position, ruleId: 'priority-ranks' });
    }
  }
  return priority;
}

/** The other recommendations grouped by topic, topics in the order of the report's sections. */
function topicOrder(all: Recommendation[], { edition, tree, diagnostics, pathOf }: TransformContext): [string, Recommendation[]][] {
  const sectionOrder = new Map<string, number>();
  visit(tree, 'heading', (heading: Heading) => {
    if (heading.depth === 1 && heading.data?.id) sectionOrder.set(heading.data.id, sectionOrder.size);
  });
  const topics = new Map<string, Recommendation[]>();
  for (const r of all) {
    if (r.priority !== undefined || !r.topic) continue;
    const known = Object.hasOwn(edition.labels.topics, r.topic) && sectionOrder.has(r.topic);
    if (!known) {
      const choices = Object.keys(edition.labels.topics).join(', ');
      const hint = didYouMean(r.topic, Object.keys(edition.labels.topics).filter((t) => sectionOrder.has(t)));
      diagnostics.error(pathOf(r), `unknown topic \`${r.topic}\` on recommendation \`${r.id}\`${hint}: a topic is the id of a section with a heading in the labels' \`topics\` (${choices})`, { place: r.position, ruleId: 'unknown-topic' });
      continue;
    }
    if (!topics.has(r.topic)) topics.set(r.topic, []);
    topics.get(r.topic)!.push(r);
  }
  return [...topics.entries()].sort(([a], [b]) => (sectionOrder.get(a) ?? 0) - (sectionOrder.get(b) ?? 0));
}

/** Runs of annex items become numbered lists. */
function groupItems(parent: Parent): void {
  const out: RootContent[] = [];
  let list: RecommendationList | undefined;
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'recommendationItem') {
      if (!list) out.push((list = { type: 'recommendationList', start: child.number, children: [] }));
      list.children.push(child);
      continue;
    }
    list = undefined;
    out.push(child);
  }
  parent.children = out;
}

/** An annex entry: a copy of the recommendation's text, which belongs to the recommendation's file and keeps its places. */
function annexItem(ref: string, target: Recommendation | undefined, { adopt, pathOf }: TransformContext): RecommendationItem {
  const number = target?.number ?? 0;
  const children = target ? copyWithoutNotes(target.children) : ([] as BlockContent[]);
  if (target) for (const child of children) adopt(child, pathOf(target));
  return { type: 'recommendationItem', ref, number, label: `${number}.`, anchor: annexAnchor(ref), children };
}

/** Leaves out each heading of the annex with no item under it (a template may not test for it), with what stands under it. */
function dropEmptySections(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'heading') {
      out.push(node);
      continue;
    }
    let end = i + 1;
    while (end < nodes.length && !(nodes[end]!.type === 'heading' && (nodes[end] as Heading).depth <= node.depth)) end++;
    if (nodes.slice(i + 1, end).some((n) => n.type === 'recommendationList')) out.push(node);
    else i = end - 1;
  }
  return out;
}

/**
 * The annex's nodes: the template's words and headings (at the place of `::recommendations`, in its
 * chapter, for messages), the items as lists of copies; a heading with no items is left out.
 */
function annexNodes(context: TransformContext, placeholder: Node, priority: Recommendation[], topics: [string, Recommendation[]][], byId: Map<string, Recommendation>): RootContent[] {
  const { edition, diagnostics, templatesDir } = context;
  const markdown = template(templatesDir, TEMPLATE)({
    labels: edition.labels,
    priority: priority.map((r) => ({ id: r.id, number: r.number })),
    topics: topics.map(([id, items]) => ({ id, title: edition.labels.topics[id], items: items.map((r) => ({ id: r.id, number: r.number })) })),
  });
  const generated = cachedParse(markdown, parseMarkdown); // the same text every build: parsed once, as chapters are
  headingAttributes(generated, TEMPLATE, diagnostics);
  context.adopt(placeAt(generated, placeholder.position), context.pathOf(placeholder));
  visit(generated, 'heading', (heading: Heading) => {
    (heading.data ??= {}).generated = true;
  });
  visit(generated, 'leafDirective', (leaf: LeafDirective, i, p: Parent | undefined) => {
    if (!p || i === undefined || leaf.name !== 'recommendation-item') return undefined;
    const ref = leaf.attributes?.ref ?? '';
    p.children[i] = annexItem(ref, byId.get(ref), context);
    return SKIP;
  });
  groupItems(generated);
  return dropEmptySections(generated.children as RootContent[]);
}

export function generateRecommendationsAnnex(context: TransformContext): void {
  const { edition, tree, diagnostics, pathOf } = context;
  const { all, byId } = collectRecommendations(context);
  const priority = priorityOrder(all, context);
  const topics = topicOrder(all, context);
  let number = 0;
  for (const r of priority) r.number = ++number;
  for (const [, items] of topics) for (const r of items) r.number = ++number;
  edition.recommendations = [...priority, ...topics.flatMap(([, items]) => items)];

  let placed = false;
  visit(tree, 'recommendationsPlaceholder', (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return undefined;
    if (placed) {
      diagnostics.error(pathOf(node), '`::recommendations` appears twice: the annex can stand in one place only', { place: node.position, ruleId: 'duplicate-annex' });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    placed = true;
    const nodes = annexNodes(context, node, priority, topics, byId);
    parent.children.splice(index, 1, ...nodes);
    return [SKIP, index + nodes.length];
  });
  if (!placed && all.length > 0) {
    diagnostics.warn(pathOf(all[0]!), 'the text marks recommendations but no chapter has `::recommendations`: the annex is not generated', { ruleId: 'missing-annex' });
  }
}
