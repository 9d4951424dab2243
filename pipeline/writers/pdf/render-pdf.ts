/** The PDF edition: folio's own page layout, painted with pdfkit. */
import type { Edition } from '../../model/types.js';
import { layoutEdition } from '../../layout/layout-document.js';
import { glyphsMissingIn } from '../../text/glyphs.js';
import { FolioError } from '../../util/diagnostics.js';
import { paint } from './paint.js';

export async function renderPdf(edition: Edition, templatesDir: string): Promise<Uint8Array> {
  const layout = layoutEdition(edition, templatesDir);
  const texts = layout.pages.flatMap((p) => p.boxes.flatMap((b) => (b.kind === 'text' ? [b.text] : [])));
  const missing = glyphsMissingIn(texts);
  if (missing.length) {
    throw new FolioError(`the ${edition.lang} PDF would print empty boxes for ${missing.join(', ')}, which PT Serif cannot draw: \`folio check\` shows where they are`);
  }
  return paint(layout, edition);
}
