/** The PDF edition: folio's own page layout, painted with pdfkit. */
import type { Edition } from '../../model/types.js';
import { layoutEdition } from '../../layout/layout-document.js';
import { paint } from './paint.js';

export async function renderPdf(edition: Edition, templatesDir: string): Promise<Uint8Array> {
  return paint(layoutEdition(edition, templatesDir), edition);
}
