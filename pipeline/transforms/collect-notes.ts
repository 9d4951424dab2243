/**
 * Takes the footnote definitions out of the text into the edition's note table, so that every
 * writer places notes itself (page bottom, Word footnotes, HTML notes). Duplicate labels, notes
 * inside notes, and recommendations or annex placeholders inside notes are errors.
 */
import type { FootnoteDefinition, FootnoteReference, Parent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { Recommendation } from '../model/types.js';
import type { TransformContext } from './context.js';

export interface PendingNote {
  definition: FootnoteDefinition;
  path: string;
}

export const pendingNotes = new WeakMap<object, Map<string, PendingNote>>();

export function collectNotes(context: TransformContext): void {
  const { edition, tree, diagnostics, pathOf } = context;
  const table = new Map<string, PendingNote>();
  visit(tree, 'footnoteDefinition', (definition: FootnoteDefinition, index, parent: Parent | undefined) => {
    const path = pathOf(definition);
    const first = table.get(definition.identifier);
    if (first) {
      diagnostics.error(path, `note label \`${definition.label ?? definition.identifier}\` is defined twice (first at ${first.path}:${first.definition.position?.start.line ?? '?'}): rename one`, {
        place: definition.position,
        ruleId: 'duplicate-note',
      });
    } else table.set(definition.identifier, { definition, path });
    visit(definition, 'footnoteReference', (inner: FootnoteReference) => {
      diagnostics.error(path, `note \`${definition.label ?? definition.identifier}\` cites note \`${inner.label ?? inner.identifier}\`: a note cannot hold a note; move the citation into the text or write the reference out`, {
        place: inner.position,
        ruleId: 'nested-note',
      });
    });
    // The annex collects recommendations, and the placeholders are filled, in the text only: inside
    // a note they would vanish from the annex and every edition.
    visit(definition, (inner: Node) => {
      const what = inner.type === 'recommendation' ? `recommendation \`${(inner as Recommendation).id}\`` : inner.type === 'recommendationsPlaceholder' ? '`::recommendations`' : inner.type === 'resultsPlaceholder' ? '`::results-table`' : undefined;
      if (!what) return;
      diagnostics.error(path, `${what} is written inside note \`${definition.label ?? definition.identifier}\`: it belongs in the text, where the annex can collect it; move it out of the note`, {
        place: inner.position,
        ruleId: 'recommendation-place',
      });
    });
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  pendingNotes.set(edition, table);
}
