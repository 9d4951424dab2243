/** Inline content (mdast phrasing) → runs of a Word paragraph: one small function per node type. */
import { Bookmark, ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent } from 'mdast';
import type { DocxContext } from './context.js';
import { STYLE } from './styles.js';

export interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** A character style (links). */
  style?: string;
}

const SAFE_URL = /^(https?:|mailto:)/i;

type Handler<T extends PhrasingContent['type']> = (node: Extract<PhrasingContent, { type: T }>, marks: Marks, context: DocxContext) => ParagraphChild[];

const handlers: { [T in PhrasingContent['type']]: Handler<T> } = {
  text: (node, marks) => [new TextRun({ text: node.value.replace(/\n/g, ' '), ...marks })],
  emphasis: (node, marks, context) => inlines(node.children, { ...marks, italics: !marks.italics }, context),
  strong: (node, marks, context) => inlines(node.children, { ...marks, bold: true }, context),
  delete: (node, marks, context) => inlines(node.children, { ...marks, strike: true }, context),
  inlineCode: (node, marks) => [new TextRun({ text: node.value, ...marks, font: 'Courier New' })],
  break: () => [new TextRun({ break: 1 })],
  link: (node, marks, context) => {
    const linkRuns = inlines(node.children, { ...marks, style: STYLE.hyperlink }, context);
    const children = inlines(node.children, marks, context);
    if (node.url.startsWith('#')) return [new InternalHyperlink({ anchor: context.bookmark(decodeURIComponent(node.url.slice(1))), children: linkRuns })];
    if (SAFE_URL.test(node.url)) return [new ExternalHyperlink({ link: node.url, children: linkRuns })];
    return children; // any other scheme is shown as plain text, never made a link
  },
  footnoteReference: (node, _marks, context) => {
    const n = node.data?.number ?? 0;
    if (!node.data?.repeat) {
      // The first citation: a real Word footnote, with a bookmark for later citations to point to.
      return [new Bookmark({ id: context.bookmark(`fn-${n}`), children: [new FootnoteReferenceRun(n)] })];
    }
    return [new InternalHyperlink({ anchor: context.bookmark(`fn-${n}`), children: [new TextRun({ text: String(n), style: STYLE.footnoteReference })] })];
  },
  html: () => [],
  image: (node, marks) => [new TextRun({ text: node.alt ?? '', ...marks })],
  imageReference: (node, marks) => [new TextRun({ text: node.alt ?? '', ...marks })],
  linkReference: (node, marks, context) => inlines(node.children, marks, context),
  textDirective: (node, marks, context) => inlines(node.children, marks, context),
} as { [T in PhrasingContent['type']]: Handler<T> };

export function inlines(nodes: PhrasingContent[], marks: Marks, context: DocxContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    const handler = handlers[node.type] as Handler<typeof node.type> | undefined;
    if (!handler) throw new Error(`DOCX writer: no handler for inline node \`${node.type}\``);
    out.push(...handler(node as never, marks, context));
  }
  return out;
}
