/**
 * Paints a laid-out edition (the frame) with pdfkit: the document and its fonts, the structure
 * tree, each page's content and links, the page labels, the outline. Knows nothing of layout;
 * dates and ids come from the edition's date so the bytes are the same on every build.
 */
import { buffer as bytesOf } from 'node:stream/consumers';
import type { Layout, OutlineItem } from '../../layout/types.js';
import type { Edition } from '../../model/types.js';
import { createDocument } from './document.js';
import { buildStructure } from './structure.js';
import { paintPage } from './page.js';
import { linkDescriptions } from './link-descriptions.js';
import { pageLabelNums } from './page-labels.js';
import { internals } from './pdfkit-internals.js';

type OutlineNode = ReturnType<PDFKit.PDFDocument['outline']['addItem']>;

/** pdfkit points each outline item at the page current when it is added. */
function addOutline(doc: PDFKit.PDFDocument, outline: OutlineItem[], page: number, tops: Map<string, OutlineNode>): void {
  for (const item of outline) {
    if (item.page === page) tops.set(item.dest, doc.outline.addItem(item.title));
    for (const child of item.children) if (child.page === page) tops.get(item.dest)?.addItem(child.title);
  }
}

export function paint(layout: Layout, edition: Edition): Promise<Uint8Array> {
  const doc = createDocument(layout, edition);
  const structure = buildStructure(doc, layout);
  // Its own copy of the bytes (not a view of Node's shared pool): the array may be transferred to another thread.
  const done = bytesOf(doc as unknown as NodeJS.ReadableStream).then((b) => new Uint8Array(b));
  const tops = new Map<string, OutlineNode>();
  const describe = linkDescriptions(edition);
  internals(doc)._root.data.PageLabels = { Nums: pageLabelNums(layout.pages) };
  for (const page of layout.pages) {
    paintPage(doc, page, layout, structure, describe);
    addOutline(doc, layout.outline, page.index, tops);
  }
  structure.end();
  doc.end();
  return done;
}
