/** The pdfkit document of an edition: tagged PDF 1.7, its metadata, and the faces the layout uses. */
import PDFDocument from 'pdfkit';
import type { Layout } from '../../layout/types.js';
import type { Edition } from '../../model/types.js';
import { fontData, type Face } from '../../text/fonts.js';

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
  for (const face of facesOf(layout)) doc.registerFont(face, fontData(face));
  return doc;
}
