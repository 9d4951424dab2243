/**
 * Resolved blocks → Word paragraphs and tables: one handler per `ResolvedBlock` type (and the
 * chapter and annex item they hold), the map proven complete by `satisfies`: a new block type is a
 * compile error here until it is drawn. Lists, tables and pictures have their own modules.
 */
import { Bookmark, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Blockquote, Code, Heading, Paragraph as MdParagraph, ThematicBreak } from 'mdast';
import type { Recommendation, RecommendationItem, RecommendationList, ResolvedBlock, ResolvedChapter } from '../../model/types.js';
import type { DocxContext } from './context.js';
import { chart, figure } from './figures.js';
import { inlines } from './inlines.js';
import { list } from './lists.js';
import { paragraph } from './paragraphs.js';
import { codeRuns } from './code.js';
import { Hyperlink } from './links.js';
import { resolvedBlocks } from './resolved.js';
import { QUOTE_STEP, STYLE } from './styles.js';
import { table } from './tables.js';

export type BlockNode = ResolvedBlock | ResolvedChapter | RecommendationItem;
type BlockHandlers = { [T in BlockNode['type']]: (node: Extract<BlockNode, { type: T }>, context: DocxContext) => FileChild[] };

/**
 * A section heading: its own style per level, the numeral the model gives (`IV.`) and a tab, a
 * bookmark for its id, and the `_Toc` bookmark the contents' entry links to when the contents list it.
 */
function heading(node: Heading, context: DocxContext): FileChild[] {
  const label = node.data?.label;
  const runs = inlines(node.children, {}, context);
  let content: ParagraphChild[] = label ? [new TextRun(label), new TextRun({ text: '\t' }), ...runs] : runs;
  const id = node.data?.id;
  if (id) content = [new Bookmark({ id: context.bookmark(id), children: content })];
  const toc = id ? context.tocBookmark(id) : undefined;
  if (toc) content = [new Bookmark({ id: toc, children: content })];
  return [paragraph(content, context, { style: STYLE.heading(node.depth) })];
}

/** A block quote: its blocks in the quote style, indented one step further per quote around them. */
function blockquote(node: Blockquote, context: DocxContext): FileChild[] {
  const { frame } = context;
  return context.within({ paragraph: frame.styles.quote, indent: frame.indent + QUOTE_STEP }, () => blocks(node.children, context));
}

/** A code block: one paragraph in the code style, its lines kept (w:br between them, tabs as w:tab). */
function code(node: Code, context: DocxContext): FileChild[] {
  context.use('mono');
  return [paragraph(codeRuns(node.value), context, { style: context.frame.styles.code })];
}

function thematicBreak(_node: ThematicBreak, context: DocxContext): FileChild[] {
  return [paragraph([], context, { style: STYLE.horizontalRule })];
}

/** A recommendation: its paragraphs in the recommendation style, the first holding the bookmark for its id. */
function recommendation(node: Recommendation, context: DocxContext): FileChild[] {
  return context.within({ paragraph: STYLE.recommendation }, () =>
    resolvedBlocks(node.children).flatMap((child, i) =>
      i === 0 && child.type === 'paragraph'
        ? [paragraph([new Bookmark({ id: context.bookmark(node.id), children: inlines(child.children, {}, context) })], context)]
        : block(child, context),
    ),
  );
}

/** An annex entry: its number (a link back to the recommendation) and a tab, the entry's own bookmark (`annex-ID`). */
function recommendationItem(node: RecommendationItem, context: DocxContext): FileChild[] {
  return context.within({ paragraph: STYLE.annexItem }, () =>
    resolvedBlocks(node.children).flatMap((child, i) => {
      if (child.type !== 'paragraph') return block(child, context);
      const runs = inlines(child.children, {}, context);
      if (i > 0) return [paragraph([new TextRun({ text: '\t' }), ...runs], context)];
      const number: ParagraphChild[] = [new Hyperlink({ anchor: context.bookmark(node.ref) }, [new TextRun({ text: `${node.number}.` })]), new TextRun({ text: '\t' })];
      return [paragraph([new Bookmark({ id: context.bookmark(node.anchor), children: [...number, ...runs] })], context)];
    }),
  );
}

/** One handler per node type; the map is exported for the test that reads its keys. */
export const blockHandlers = {
  chapter: (node: ResolvedChapter, context) => context.within({ file: node.path }, () => blocks(node.children, context)),
  heading,
  paragraph: (node: MdParagraph, context) => [paragraph(inlines(node.children, {}, context), context)],
  list,
  blockquote,
  code,
  thematicBreak,
  table,
  recommendation,
  recommendationList: (node: RecommendationList, context) => node.children.flatMap((item) => recommendationItem(item, context)),
  recommendationItem,
  barChart: (node, context) => chart(node, context),
  figure: (node, context) => figure(node, context),
} satisfies BlockHandlers;

/** The same map under its mapped type, through which a node's handler is called with the node's own type. */
const typed: BlockHandlers = blockHandlers;

function one<T extends BlockNode['type']>(type: T, node: Extract<BlockNode, { type: T }>, context: DocxContext): FileChild[] {
  return typed[type](node, context);
}

/** One block, drawn by its handler. */
export function block(node: BlockNode, context: DocxContext): FileChild[] {
  return one(node.type, node, context);
}

/** Blocks (mdast children, checked to be resolved), drawn in order in the current frame. */
export function blocks(nodes: readonly import('unist').Node[], context: DocxContext): FileChild[] {
  return resolvedBlocks(nodes).flatMap((node) => block(node, context));
}
