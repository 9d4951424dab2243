/**
 * Turns the generic directive nodes into folio's nodes: `:::recommendation{#id priority=N}` and
 * `{#id topic=section-id}`, `::recommendations`, `::results-table`. Unknown block directives are
 * errors and stay as their source text. (Text directives are not parsed at all: see
 * parse-markdown.ts; should a tree hold one, it goes back to its exact source text.)
 */
import type { Root, Parent, RootContent, BlockContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { Recommendation } from '../model/types.js';
import type { Diagnostics } from '../util/diagnostics.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;

function sourceText(node: Directive, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start !== undefined && end !== undefined ? text.slice(start, end) : `:${node.name}`;
}

function toRecommendation(node: ContainerDirective, path: string, diagnostics: Diagnostics): Recommendation {
  const attributes = node.attributes ?? {};
  const place = node.position;
  const id = attributes.id ?? '';
  if (!id) {
    diagnostics.error(path, 'recommendation without id: write `:::recommendation{#some-id priority=N}` or `{#some-id topic=section-id}`', { place, ruleId: 'recommendation-id' });
  }
  const recommendation: Recommendation = { type: 'recommendation', id, children: node.children as BlockContent[], position: node.position };
  const known = new Set(['id', 'priority', 'topic']);
  for (const key of Object.keys(attributes)) {
    if (!known.has(key)) diagnostics.error(path, `unknown recommendation attribute \`${key}\`: use \`priority=N\` or \`topic=section-id\``, { place, ruleId: 'recommendation-attribute' });
  }
  if (attributes.priority !== undefined && attributes.priority !== null) {
    const rank = Number(attributes.priority);
    if (!Number.isInteger(rank) || rank < 1) {
      diagnostics.error(path, `recommendation \`${id}\`: priority must be a whole number from 1, not \`${attributes.priority}\``, { place, ruleId: 'recommendation-priority' });
    } else recommendation.priority = rank;
  }
  if (attributes.topic) recommendation.topic = attributes.topic;
  if (attributes.priority != null && attributes.topic) {
    diagnostics.error(path, `recommendation \`${id}\` has both a priority and a topic: priority recommendations are listed by rank, others under their topic; keep one`, { place, ruleId: 'recommendation-topic' });
  }
  if (attributes.priority == null && !attributes.topic) {
    diagnostics.error(path, `recommendation \`${id}\` has neither \`priority=N\` nor \`topic=section-id\`: the annex cannot place it`, { place, ruleId: 'recommendation-topic' });
  }
  if (node.children.length === 0) diagnostics.error(path, `recommendation \`${id}\` is empty: write its text between the fences`, { place, ruleId: 'recommendation-empty' });
  return recommendation;
}

export function directives(tree: Root, path: string, text: string, diagnostics: Diagnostics): void {
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
    const directive = node as Directive;
    let replacement: RootContent;
    if (directive.type === 'containerDirective') {
      // remark-directive runs an unclosed container to the end of the file: say so.
      const end = directive.position?.end.offset;
      if (end !== undefined && !/(^|\n)\s*:{3,}\s*$/.test(text.slice(0, end))) {
        diagnostics.error(path, `\`:::${directive.name}\` is never closed: end it with a line \`:::\``, { place: directive.position?.start, ruleId: 'unclosed-directive' });
      }
    }
    if (directive.type === 'containerDirective' && directive.name === 'recommendation') {
      replacement = toRecommendation(directive, path, diagnostics);
      parent.children[index] = replacement;
      return; // visit its children: they may hold notes and text directives
    }
    if (directive.type === 'leafDirective' && directive.name === 'recommendations') {
      replacement = { type: 'recommendationsPlaceholder', position: directive.position };
    } else if (directive.type === 'leafDirective' && directive.name === 'results-table') {
      replacement = { type: 'resultsPlaceholder', position: directive.position };
    } else if (directive.type === 'textDirective') {
      replacement = { type: 'text', value: sourceText(directive, text), position: directive.position } satisfies Text;
    } else {
      diagnostics.error(path, `unknown directive \`${directive.name}\`: folio knows \`:::recommendation\`, \`::recommendations\` and \`::results-table\` (to write a colon at a line start, escape it: \\:)`, {
        place: directive.position,
        ruleId: 'unknown-directive',
      });
      replacement = { type: 'paragraph', children: [{ type: 'text', value: sourceText(directive, text) }], position: directive.position };
    }
    parent.children[index] = replacement;
    return SKIP;
  });
}
