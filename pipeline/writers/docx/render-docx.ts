/**
 * The DOCX edition: real Word footnotes, styles rather than direct formatting, a title page, a linked
 * contents with page numbers, running header and `Page: N` footer, the annex and the results table,
 * PT Serif embedded. Written from the edition model with the `docx` library.
 */
import { Document, NumberFormat, SectionType } from 'docx';
import type { Edition } from '../../model/types.js';
import { block } from './blocks.js';
import { DocxContext } from './context.js';
import { contents, footer, header, titleHeader, titlePage } from './furniture.js';
import { footnotes } from './notes.js';
import { compileParts, normalisePackage } from './package.js';
import { codeStyles, PAGE, styles } from './styles.js';

/** `templatesDir` is kept for the writers' common signature: the furniture's words are fields of the model. */
export async function renderDocx(edition: Edition, _templatesDir?: string): Promise<Uint8Array> {
  const context = new DocxContext(edition);
  const page = { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin };
  const body = edition.root.children.flatMap((chapter) => block(chapter, context));
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
    // The contents' page numbers are PAGEREF fields: LibreOffice computes them when it lays the
    // document out, Word when it opens it (updateFields). docx/layout could cache estimates in them,
    // but it costs 1.5 s a document and its estimates differed from LibreOffice's pages (see notes).
    features: { updateFields: true },
    sections: [
      { properties: { page }, ...(edition.draft ? { headers: { default: titleHeader(edition) } } : {}), children: [...titlePage(edition), ...contents(edition, context)] },
      {
        properties: { page: { ...page, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } }, type: SectionType.NEXT_PAGE },
        headers: { default: header(edition) },
        footers: { default: footer(edition) },
        children: body,
      },
    ],
  });
  for (const style of codeStyles()) document.Styles.addChildElement(style);
  return normalisePackage(compileParts(document), edition.epoch, edition.labels.locale, [...context.faces].sort());
}
