/**
 * The DOCX edition: real Word footnotes, styles rather than direct formatting, a title page, a
 * contents that is a real TOC field with page numbers, running header and `Page: N` footer, the
 * annex and the results table, PT Serif embedded, hyphenated in the edition's language. Written from
 * the edition model with the `docx` library; the styles, page and fonts of a reference document
 * (`--reference-doc`, `templates/reference.docx`) take the place of folio's own when one is given.
 *
 * One section: the title page is its first page (`titlePg`), without header or footer; the contents
 * and the body follow with the running header and the footer. LibreOffice (7.4) draws the footnote
 * separator only in the section that cites the first note, so a second section for the body would
 * have none; pages are therefore numbered from the title page, which shows no number.
 */
import { Document } from 'docx';
import type { Edition } from '../../model/types.js';
import { destinationPageIndexes } from '../../layout/layout-document.js';
import { block } from './blocks.js';
import { contentsEntries, DocxContext } from './context.js';
import { contents, footer, header, titleFooter, titleHeader, titlePage } from './furniture.js';
import { footnotes } from './notes.js';
import { compileParts, normalisePackage } from './package.js';
import type { ReferenceDoc } from './reference-doc.js';
import { BODY_SIZE, codeStyles, PAGE, styles } from './styles.js';
import { zoneTwips } from '../../text/hyphenation-zone.js';

export interface DocxOptions {
  /** A reference document, read (`readReferenceDoc`): its styles, page size, margins and fonts are the edition's. */
  reference?: ReferenceDoc;
}

/**
 * The page each heading of the contents is on in folio's own layout of the edition (the PDF's), as
 * the DOCX counts pages: from the title page. Word and LibreOffice lay the pages out a little
 * differently and compute their own numbers; these are the stored results until they do.
 */
function contentsPages(edition: Edition): Map<string, number> {
  const where = destinationPageIndexes(edition);
  const pages = new Map<string, number>();
  for (const entry of contentsEntries(edition)) {
    const page = where.get(entry.id);
    if (page !== undefined) pages.set(entry.id, page);
  }
  return pages;
}

/** `templatesDir` is kept for the writers' common signature: the furniture's words are fields of the model. */
export async function renderDocx(edition: Edition, _templatesDir?: string, options: DocxOptions = {}): Promise<Uint8Array> {
  const pageGeometry = options.reference?.page ?? PAGE;
  const context = new DocxContext(edition, pageGeometry);
  const page = { size: { width: pageGeometry.width, height: pageGeometry.height }, margin: pageGeometry.margin };
  context.breakPage(); // the body starts on a page of its own
  const body = edition.root.children.flatMap((chapter) => block(chapter, context));
  context.takePageBreak();
  // Laid out once the body is drawn: a node the writer cannot draw stops it first, with its own message.
  const front = [...titlePage(edition), ...contents(edition, context, contentsPages(edition))];
  const notes = footnotes(edition, context);
  const lists = context.numbering.config();
  const document = new Document({
    title: `${edition.text.title} — ${edition.text.country}, ${edition.text.event}, ${edition.eventDateText}`,
    subject: `${edition.text.country}, ${edition.text.event}, ${edition.eventDateText}`,
    creator: edition.text.mission,
    lastModifiedBy: edition.text.mission,
    description: edition.meta.id,
    revision: 1,
    styles: styles(edition.labels.locale),
    footnotes: notes,
    ...(lists.length ? { numbering: { config: lists } } : {}),
    // Word and LibreOffice hyphenate the runs by their language (w:lang, from the styles), within
    // the hyphenation zone (both read it); Word also keeps to two hyphenated lines in a row and
    // leaves words in capitals whole (LibreOffice 7.4 reads neither). No w:updateFields: every
    // field has its stored result, Word asks nothing.
    hyphenation: { autoHyphenation: true, hyphenationZone: zoneTwips(BODY_SIZE), consecutiveHyphenLimit: 2, doNotHyphenateCaps: true },
    sections: [
      {
        properties: { page, titlePage: true },
        headers: { first: titleHeader(edition), default: header(edition) },
        // The footer's stored page number is that of the first page that shows it, the contents'.
        footers: { first: titleFooter(), default: footer(edition, 2) },
        children: [...front, ...body],
      },
    ],
  });
  for (const style of codeStyles()) document.Styles.addChildElement(style);
  return normalisePackage(compileParts(document), {
    epoch: edition.epoch,
    locale: edition.labels.locale,
    extra: [...context.faces].sort(),
    ...(options.reference ? { reference: options.reference } : {}),
  });
}
