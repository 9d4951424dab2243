/**
 * The pdfkit document of an edition: tagged PDF 1.7 in the edition's language, its title shown
 * by viewers, its metadata (information dictionary and XMP alike), the sRGB output intent, and
 * the fonts the layout draws with. Conforms to PDF/UA-1 and PDF/A-2a with what the painter adds.
 */
import { PDFDocument } from './pdfkit-module.js';
import type { Layout } from '../../layout/types.js';
import type { Edition } from '../../model/types.js';
import { glyphsOf } from '../../layout/frame.js';
import { fontData, type FontId } from '../../text/fonts.js';
import { useMetadata, xmpPacket, type DocumentInfo } from './metadata.js';
import { addOutputIntent } from './output-intent.js';

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
  for (const font of fontsOf(layout)) doc.registerFont(font, fontData(font));
  return doc;
}
