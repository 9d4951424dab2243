/**
 * The structure of a chapter, stripped of its words: headings (id, depth), blocks (kind, list items,
 * table rows), the notes each block cites in order, recommendations with their attributes. Two
 * translations of a chapter have equal skeletons.
 */
import type { FootnoteReference, RootContent } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { Chapter } from '../model/types.js';
import { plainText } from '../model/plain-text.js';

export interface Block {
  kind: string;
  /** Heading id, recommendation id. */
  id?: string;
  depth?: number;
  attributes?: string;
  /** List items or table rows. */
  size?: number;
  /** Note labels cited in this block, in order. */
  notes: string[];
  text: string;
  position?: Position;
}

function notesIn(node: RootContent): string[] {
  const out: string[] = [];
  visit(node, 'footnoteReference', (ref: FootnoteReference) => {
    out.push(ref.identifier);
  });
  return out;
}

function textOf(node: RootContent): string {
  const parts: string[] = [];
  visit(node, 'text', (t: { value: string }) => {
    parts.push(t.value);
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export function skeleton(chapter: Chapter): Block[] {
  const blocks: Block[] = [];
  for (const node of chapter.children) {
    const base = { notes: notesIn(node), text: textOf(node), position: node.position };
    switch (node.type) {
      case 'heading':
        if (node.data?.generated) break;
        blocks.push({ ...base, kind: 'heading', id: node.data?.id, depth: node.depth, text: plainText(node.children) });
        break;
      case 'recommendation':
        blocks.push({ ...base, kind: 'recommendation', id: node.id, attributes: node.priority !== undefined ? `priority=${node.priority}` : `topic=${node.topic ?? ''}` });
        break;
      case 'list':
        blocks.push({ ...base, kind: 'list', size: node.children.length });
        break;
      case 'table':
        blocks.push({ ...base, kind: 'table', size: node.children.length });
        break;
      case 'recommendationItem':
      case 'html':
        break;
      default:
        blocks.push({ ...base, kind: node.type });
    }
  }
  return blocks;
}
