/** The pdfkit document of an edition: tagged PDF 1.7, its metadata, and the fonts the layout draws with. */
import PDFDocument from 'pdfkit';
import type { Layout } from '../../layout/types.js';
import type { Edition } from '../../model/types.js';
import { glyphsOf } from '../../layout/frame.js';
import { fontData, type FontId } from '../../text/fonts.js';

/**
 * The fonts the layout's text boxes draw with (their faces' own fonts and any fallback a run
 * needs), and PT Serif's four faces, which a picture's SVG text may ask for. Registering a font
 * embeds nothing: pdfkit embeds (a subset of) a font only once a run selects it.
 */
function fontsOf(layout: Layout): FontId[] {
  const used = new Set<FontId>(['regular', 'bold', 'italic', 'boldItalic']);
  for (const page of layout.pages) {
    for (const box of page.boxes) if (box.kind === 'text') for (const part of glyphsOf(box).parts) used.add(part.font);
  }
  return [...used].sort();
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
  for (const font of fontsOf(layout)) doc.registerFont(font, fontData(font));
  return doc;
}
