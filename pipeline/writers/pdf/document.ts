/**
 * The pdfkit document of an edition: tagged PDF 1.7 in the edition's language, its title shown
 * by viewers, its metadata (information dictionary and XMP alike), the sRGB output intent, and
 * the faces the layout uses. Conforms to PDF/UA-1 and PDF/A-2a with what the painter adds.
 */
import PDFDocument from 'pdfkit';
import type { Layout } from '../../layout/types.js';
import type { Edition } from '../../model/types.js';
import { fontData, type Face } from '../../text/fonts.js';
import { useMetadata, xmpPacket, type DocumentInfo } from './metadata.js';
import { addOutputIntent } from './output-intent.js';

const FACES: Face[] = ['regular', 'bold', 'italic', 'boldItalic', 'mono', 'symbol'];

/** The faces the layout's text boxes use, in a fixed order. */
function facesOf(layout: Layout): Face[] {
  const used = new Set<Face>(['regular', 'bold', 'italic', 'boldItalic']);
  for (const page of layout.pages) for (const box of page.boxes) if (box.kind === 'text') used.add(box.style.face);
  return FACES.filter((f) => used.has(f));
}

export function createDocument(layout: Layout, edition: Edition): PDFKit.PDFDocument {
  const date = new Date(edition.epoch * 1000);
  const title = `${edition.text.title} — ${edition.text.country}, ${edition.text.event}, ${edition.eventDateText}`;
  const info: DocumentInfo = {
    Title: title,
    Author: edition.text.mission,
    Subject: `${edition.text.country}, ${edition.text.event}, ${edition.eventDateText}`,
    Creator: 'folio',
    Producer: 'folio (pdfkit)',
    CreationDate: date,
    ModDate: date,
  };
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
    info,
  } as unknown as PDFKit.PDFDocumentOptions);
  useMetadata(doc, xmpPacket(info, edition.labels.locale));
  addOutputIntent(doc);
  for (const face of facesOf(layout)) doc.registerFont(face, fontData(face));
  return doc;
}
