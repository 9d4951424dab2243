/**
 * A chapter as a translator sees it: sections (a heading and the blocks under it), blocks
 * (paragraphs, lists, tables, recommendations…), and the units of text inside them (a heading, a
 * paragraph, a table cell), each with a stable structural key and its exact place in the source.
 *
 * Keys name a unit by its file, the id of its container (the section's heading id, the
 * recommendation's id, or the note's label) and its block index within that container, then the
 * path inside the block (list item, table row and cell):
 *
 *     08-media.md#media-environment           the heading
 *     08-media.md#media-environment/2         the section's third block (note definitions do not count)
 *     08-media.md#media-environment/3.1.0     its fourth block is a list: item 1, its first paragraph
 *     08-media.md#decriminalise-defamation/0  the recommendation's first paragraph
 *     08-media.md^internet-use-statistics/0   the note's first paragraph
 *
 * The chapter is parsed again from its source text (the parse cache makes this cheap), so the
 * units are the source's own nodes, before any transform fills in generated text.
 */
import { basename } from 'node:path';
import type { FootnoteDefinition, FootnoteReference, Heading, Link, Paragraph, PhrasingContent, RootContent, TableCell } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import { parseChapter } from '../transforms/build-editions.js';
import { trailingAttributes } from '../parse/heading-attributes.js';
import { Diagnostics } from '../util/diagnostics.js';
import type { Recommendation } from '../model/types.js';

/** A unit of text: what one translation replaces. */
export interface Unit {
  key: string;
  kind: 'heading' | 'paragraph' | 'cell';
  node: Heading | Paragraph | TableCell;
  /** Offsets of the unit's inline content in the chapter's source text. */
  start: number;
  end: number;
  /** The content's Markdown, white space runs made one space: what is hashed and compared. */
  text: string;
  position?: Position;
}

export interface Block {
  kind: string;
  /** The key its units' keys start with (`08-media.md#media/2`; a recommendation's: `08-media.md#its-id`). */
  key: string;
  /** The recommendation's id. */
  id?: string;
  attributes?: string;
  /** List items or table rows. */
  size?: number;
  /** Note labels cited in the block, in order. */
  notes: string[];
  /** Ids the block's cross-references point to, in order. */
  refs: string[];
  /** Plain text, for the untranslated-text checks and for naming the block. */
  text: string;
  units: Unit[];
  position?: Position;
}

export interface Section {
  heading?: { id: string; depth: number; text: string; unit?: Unit; position?: Position };
  blocks: Block[];
}

export interface NoteDefinition {
  label: string;
  units: Unit[];
  blocks: Block[];
  position?: Position;
}

export interface ChapterStructure {
  /** File name (`08-media.md`). */
  file: string;
  path: string;
  source: string;
  sections: Section[];
  notes: NoteDefinition[];
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plain(node: RootContent | PhrasingContent): string {
  const parts: string[] = [];
  visit(node, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') parts.push((n as { value: string }).value);
  });
  return collapse(parts.join(' '));
}

function notesIn(node: RootContent): string[] {
  const out: string[] = [];
  visit(node, 'footnoteReference', (ref: FootnoteReference) => {
    out.push(ref.identifier);
  });
  return out;
}

function refsIn(node: RootContent): string[] {
  const out: string[] = [];
  visit(node, 'link', (link: Link) => {
    if (link.url.startsWith('#')) out.push(decodeURIComponent(link.url.slice(1)));
  });
  return out;
}

/** The offsets of a leaf's inline content, or undefined when it has none. */
function contentRange(node: Heading | Paragraph | TableCell, source: string): [number, number] | undefined {
  const children = node.children as PhrasingContent[];
  const starts = children.map((c) => c.position?.start.offset).filter((o): o is number => o !== undefined);
  const ends = children.map((c) => c.position?.end.offset).filter((o): o is number => o !== undefined);
  if (starts.length === 0) return undefined;
  const start = Math.min(...starts);
  let end = Math.max(...ends);
  if (node.type === 'heading') {
    const match = trailingAttributes(source.slice(start, end)); // `{#id}`, found without backtracking
    if (match) end = start + match.index;
  }
  return end > start ? [start, end] : undefined;
}

class Builder {
  readonly used = new Set<string>();
  constructor(readonly file: string, readonly source: string) {}

  uniqueKey(key: string): string {
    let k = key;
    for (let n = 2; this.used.has(k); n++) k = `${key}~${n}`;
    this.used.add(k);
    return k;
  }

  unit(node: Heading | Paragraph | TableCell, key: string): Unit | undefined {
    const range = contentRange(node, this.source);
    if (!range) return undefined;
    const kind = node.type === 'tableCell' ? 'cell' : node.type;
    return { key: this.uniqueKey(key), kind, node, start: range[0], end: range[1], text: collapse(this.source.slice(range[0], range[1])), position: node.position };
  }

  /** Units inside a block, keyed under `prefix`; recommendations' units are keyed under their own id. */
  leaves(node: RootContent, prefix: string, out: Unit[]): void {
    const push = (u: Unit | undefined) => u && out.push(u);
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        push(this.unit(node, prefix));
        break;
      case 'list':
        node.children.forEach((item, i) => {
          blockChildren(item.children).forEach((child, j) => this.leaves(child, `${prefix}.${i}.${j}`, out));
        });
        break;
      case 'blockquote':
        blockChildren(node.children).forEach((child, j) => this.leaves(child, `${prefix}.${j}`, out));
        break;
      case 'table':
        node.children.forEach((row, r) => row.children.forEach((cell, c) => push(this.unit(cell, `${prefix}.${r}.${c}`))));
        break;
      case 'recommendation':
        blockChildren(node.children).forEach((child, j) => this.leaves(child, `${this.file}#${node.id}/${j}`, out));
        break;
      default:
        break;
    }
  }

  block(node: RootContent, key: string): Block {
    const units: Unit[] = [];
    this.leaves(node, key, units);
    const base = { key: node.type === 'recommendation' ? `${this.file}#${node.id}` : key, notes: notesIn(node), refs: refsIn(node), text: plain(node), units, position: node.position };
    switch (node.type) {
      case 'recommendation': {
        const r = node as Recommendation;
        return { ...base, kind: 'recommendation', id: r.id, attributes: r.priority !== undefined ? `priority=${r.priority}` : `topic=${r.topic ?? ''}` };
      }
      case 'list':
        return { ...base, kind: 'list', size: node.children.length };
      case 'table':
        return { ...base, kind: 'table', size: node.children.length };
      default:
        return { ...base, kind: node.type };
    }
  }
}

/** Blocks that take part in the structure: not note or link definitions, not raw HTML. */
function blockChildren(nodes: readonly RootContent[]): RootContent[] {
  return nodes.filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'definition' && n.type !== 'html');
}

export function chapterStructure(path: string, source: string): ChapterStructure {
  const chapter = parseChapter(path, source, new Diagnostics());
  const file = basename(path);
  const b = new Builder(file, source);
  const sections: Section[] = [{ blocks: [] }];
  let headings = 0;
  for (const node of blockChildren(chapter.children)) {
    const current = sections[sections.length - 1]!;
    if (node.type === 'heading') {
      headings++;
      const id = node.data?.id ?? `@${headings}`;
      const unit = b.unit(node, `${file}#${id}`);
      sections.push({ heading: { id, depth: node.depth, text: plain(node), unit, position: node.position }, blocks: [] });
      continue;
    }
    current.blocks.push(b.block(node, `${file}#${current.heading?.id ?? ''}/${current.blocks.length}`));
  }
  const notes: NoteDefinition[] = [];
  visit(chapter, 'footnoteDefinition', (definition: FootnoteDefinition) => {
    const blocks = blockChildren(definition.children).map((child, j) => b.block(child, `${file}^${definition.identifier}/${j}`));
    notes.push({ label: definition.identifier, blocks, units: blocks.flatMap((x) => x.units), position: definition.position });
  });
  return { file, path, source, sections: sections.filter((s, i) => i > 0 || s.blocks.length > 0), notes };
}

/** Every unit of a chapter, in document order (headings, blocks, then notes). */
export function unitsOf(chapter: ChapterStructure): Unit[] {
  const out: Unit[] = [];
  for (const s of chapter.sections) {
    if (s.heading?.unit) out.push(s.heading.unit);
    for (const b of s.blocks) out.push(...b.units);
  }
  for (const n of chapter.notes) out.push(...n.units);
  return out;
}

/** How a block is named in messages: its kind and the start of its text. */
export function describeBlock(block: Block): string {
  if (block.kind === 'recommendation') return `recommendation \`${block.id}\``;
  const words = block.text.split(' ');
  const start = words.slice(0, 6).join(' ');
  const quote = start ? ` “${start}${words.length > 6 ? '…' : ''}”` : '';
  return `${block.kind === 'thematicBreak' ? 'thematic break' : block.kind}${quote}`;
}
