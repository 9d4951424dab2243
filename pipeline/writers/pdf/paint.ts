/**
 * Draws a laid-out edition with pdfkit: fonts embedded (subset, with ToUnicode), text runs, rules,
 * named destinations, internal and external links, the outline, and the structure tree of a tagged
 * PDF (headings, paragraphs, notes, tables; header, footer and rules as artifacts). Knows nothing
 * of layout; dates and ids come from SOURCE_DATE_EPOCH so the bytes are the same on every build.
 */
import { buffer as bytesOf } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import type { Layout, TextBox } from '../../layout/types.js';
import type { Edition } from '../../model/types.js';
import { fontData, type Face } from '../../text/fonts.js';
import { drawShapedText } from './glyph-text.js';

const FACES: Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

export function paint(layout: Layout, edition: Edition): Promise<Uint8Array> {
  const date = new Date(edition.epoch * 1000);
  const title = `${edition.text.title} — ${edition.text.country}, ${edition.text.event}, ${edition.eventDateText}`;
  const doc = new PDFDocument({
    size: [layout.pageWidth, layout.pageHeight],
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    pdfVersion: '1.7',
    font: null, // no default Helvetica: pdfkit would load it for each document, for nothing
    tagged: true,
    lang: edition.labels.locale,
    displayTitle: true,
    info: {
      Title: title,
      Author: edition.text.mission,
      Subject: `${edition.text.country}, ${edition.text.event}, ${edition.eventDateText}`,
      Creator: 'folio',
      Producer: 'folio (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  for (const face of FACES) doc.registerFont(face, fontData(face));

  // The structure tree, in reading order, created before any content.
  const elements: StructElement[] = [];
  const root = layout.structure[0];
  if (root) {
    layout.structure.forEach((node, i) => {
      if (i === 0) return;
      elements[i] = doc.struct(node.type as never, (node.alt ? { alt: node.alt } : {}) as never);
    });
    layout.structure.forEach((node, i) => {
      if (i === 0) return;
      const element = elements[i]!;
      if (node.parent === 0 || node.parent === null) doc.addStructure(element);
      else elements[node.parent]!.add(element);
    });
  }

  // Its own copy of the bytes (not a view of Node's shared pool): the array may be transferred to another thread.
  const done = bytesOf(doc as unknown as NodeJS.ReadableStream).then((b) => new Uint8Array(b));

  const outlineTops = new Map<string, ReturnType<typeof doc.outline.addItem>>();

  for (const page of layout.pages) {
    doc.addPage({ size: [layout.pageWidth, layout.pageHeight], margin: 0 });
    // Destinations first, so links to anywhere resolve.
    for (const box of page.boxes) if (box.kind === 'dest') doc.addNamedDestination(box.name, 'XYZ', box.x, layout.pageHeight - box.y, null);

    // Content, grouped into marked-content sequences by structure element.
    let open: { struct?: number; artifact: boolean } | undefined;
    let color: string | undefined; // the page's fill colour, set when it changes
    const close = () => {
      if (open) doc.endMarkedContent();
      open = undefined;
    };
    for (const box of page.boxes) {
      if (box.kind === 'dest') continue;
      const artifact = box.kind === 'rule' || (box.kind === 'text' && !!box.artifact) || box.struct === undefined;
      const struct = box.kind === 'text' || box.kind === 'rect' ? box.struct : undefined;
      if (!open || open.artifact !== artifact || open.struct !== struct) {
        close();
        if (artifact) doc.markContent('Artifact', { type: 'Pagination' } as never);
        else elements[struct!]!.add(doc.markStructureContent(layout.structure[struct!]!.type as never));
        open = { struct, artifact };
      }
      if (box.kind === 'rule') {
        doc.save().moveTo(box.x, box.y).lineTo(box.x + box.width, box.y).lineWidth(box.thickness).strokeColor('#000000').stroke().restore();
        continue;
      }
      if (box.kind === 'rect') {
        doc.save().rect(box.x, box.y, box.width, box.height).fillColor(box.fill).fill().restore();
        continue; // the colour is restored with the graphics state
      }
      const wanted = box.style.color ?? '#000000';
      if (wanted !== color) doc.fillColor((color = wanted));
      doc.font(box.style.face).fontSize(box.style.size);
      if (!drawShapedText(doc, box)) drawText(doc, box);
    }
    close();
    // Links over the runs that have a target.
    for (const box of page.boxes) {
      if (box.kind !== 'text' || !box.link) continue;
      const top = box.y - box.style.size * 0.8;
      const height = box.style.size * 1.05;
      if (box.link.dest) doc.goTo(box.x, top, Math.max(box.width, 3), height, box.link.dest);
      else if (box.link.url) doc.link(box.x, top, box.width, height, box.link.url);
    }
    // The outline: pdfkit points each item at the page current when it is added.
    for (const item of layout.outline) {
      if (item.page === page.index) outlineTops.set(item.dest, doc.outline.addItem(item.title));
      for (const child of item.children) if (child.page === page.index) outlineTops.get(item.dest)?.addItem(child.title);
    }
  }
  for (let i = 1; i < elements.length; i++) elements[i]?.end();
  doc.end();
  return done;
}

/** Text with marks placed off the pen position, laid out by pdfkit (font, size and colour are set). */
function drawText(doc: PDFKit.PDFDocument, box: TextBox): void {
  // pdfkit places text by its top; our y is the baseline.
  doc.text(box.text, box.x, box.y, { lineBreak: false, baseline: 'alphabetic', wordSpacing: box.wordSpacing ?? 0 } as PDFKit.Mixins.TextOptions);
}
