/**
 * Resolved inline content → runs of a Word paragraph: one handler per `ResolvedInline` type, the map
 * proven complete by `satisfies` (a new inline type is a compile error here until it is drawn).
 */
import { Bookmark, FootnoteReferenceRun, TextRun, type ParagraphChild } from 'docx';
import type { Break, Delete, Emphasis, FootnoteReference, InlineCode, Link, Strong, Text } from 'mdast';
import type { ResolvedInline } from '../../model/types.js';
import { citationOf } from '../../model/anchors.js';
import type { DocxContext } from './context.js';
import { Hyperlink, linkAround } from './links.js';
import { resolvedInlines } from './resolved.js';
import { MONO, STYLE } from './styles.js';
import { textRun } from './soft-hyphens.js';

/** Formatting carried down to the runs of nested inline content. */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** A character style (links). */
  style?: string;
  /** Font size in half-points (a table shrunk to fit the page). */
  size?: number;
}

type InlineHandlers = { [T in ResolvedInline['type']]: (node: Extract<ResolvedInline, { type: T }>, marks: Marks, context: DocxContext) => ParagraphChild[] };

const SAFE_URL = /^(https?:|mailto:)/i;

function inlineCode(node: InlineCode, marks: Marks, context: DocxContext): ParagraphChild[] {
  context.use('mono');
  // In a link the run keeps the link's style and takes the monospace face directly.
  const look = marks.style ? { font: MONO } : { style: STYLE.verbatimChar };
  return [new TextRun({ text: node.value.replace(/\n/g, ' '), ...marks, ...look })];
}

/** A link to a bookmark (`#id`: the model's target anchor) or to an http(s)/mailto URL; any other is text. */
function link(node: Link, marks: Marks, context: DocxContext): ParagraphChild[] {
  const runs = inlines(node.children, { ...marks, style: STYLE.hyperlink }, context);
  const tooltip = node.title ?? undefined;
  if (node.url.startsWith('#')) {
    const anchor = context.bookmark(node.data?.target?.anchor ?? decodeURIComponent(node.url.slice(1)));
    return linkAround(runs, (children) => new Hyperlink({ anchor }, children, tooltip));
  }
  if (!SAFE_URL.test(node.url)) return inlines(node.children, marks, context); // shown as text, never made a link
  return linkAround(runs, (children) => new Hyperlink({ url: node.url, id: context.linkId() }, children, tooltip));
}

/**
 * A citation: a bookmark for its own anchor (`fnref-N`, `fnref-N-K`) around a real Word footnote
 * reference, or, when the note was cited before, around a link to the note (`fn-N`) showing its number.
 */
function footnoteReference(node: FootnoteReference, _marks: Marks, context: DocxContext): ParagraphChild[] {
  const citation = citationOf(node);
  const id = context.bookmark(citation.anchor);
  if (!citation.repeat) return [new Bookmark({ id, children: [new FootnoteReferenceRun(citation.number)] })];
  const note = context.bookmark(citation.noteAnchor);
  return [new Bookmark({ id, children: [new Hyperlink({ anchor: note }, [new TextRun({ text: String(citation.number), style: STYLE.footnoteReference })])] })];
}

/** One handler per node type; the map is exported for the test that reads its keys. */
export const inlineHandlers = {
  text: (node: Text, marks, context) => [textRun(node.value.replace(/\n/g, ' '), marks, context)],
  emphasis: (node: Emphasis, marks, context) => inlines(node.children, { ...marks, italics: !marks.italics }, context),
  strong: (node: Strong, marks, context) => inlines(node.children, { ...marks, bold: true }, context),
  delete: (node: Delete, marks, context) => inlines(node.children, { ...marks, strike: true }, context),
  inlineCode,
  break: (_node: Break, marks) => [new TextRun({ break: 1, ...(marks.size ? { size: marks.size } : {}) })],
  link,
  footnoteReference,
} satisfies InlineHandlers;

/** The same map under its mapped type, through which a node's handler is called with the node's own type. */
const typed: InlineHandlers = inlineHandlers;

function one<T extends ResolvedInline['type']>(type: T, node: Extract<ResolvedInline, { type: T }>, marks: Marks, context: DocxContext): ParagraphChild[] {
  return typed[type](node, marks, context);
}

/** The runs of inline content (mdast children, checked to be resolved). */
export function inlines(nodes: readonly import('unist').Node[], marks: Marks, context: DocxContext): ParagraphChild[] {
  return resolvedInlines(nodes).flatMap((node) => one(node.type, node, marks, context));
}
