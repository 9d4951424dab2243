/**
 * The PDF edition: folio's own page layout, painted with pdfkit. Refuses an edition the fonts
 * cannot draw (a character without a glyph in the face that sets it) rather than print empty
 * boxes.
 */
import type { Edition } from '../../model/types.js';
import type { Layout } from '../../layout/types.js';
import { layoutEdition } from '../../layout/layout-document.js';
import { glyphsOf } from '../../layout/frame.js';
import { describeCharacter } from '../../text/glyphs.js';
import { FAMILY_OF, type Face } from '../../text/fonts.js';
import { FolioError } from '../../util/diagnostics.js';
import { paint } from './paint.js';

/** Characters drawn with the font's missing glyph (glyph 0), by face. */
function missingGlyphs(layout: Layout): Map<Face, Set<string>> {
  const missing = new Map<Face, Set<string>>();
  for (const page of layout.pages) {
    for (const box of page.boxes) {
      if (box.kind !== 'text') continue;
      const run = glyphsOf(box);
      run.glyphs.forEach((gid, i) => {
        if (gid !== 0) return;
        const chars = run.codePoints[i]!.map((cp) => String.fromCodePoint(cp)).filter((ch) => ch.codePointAt(0)! >= 0x20 && ch !== '\u00ad');
        if (chars.length === 0) return;
        const set = missing.get(box.style.face) ?? new Set<string>();
        for (const ch of chars) set.add(ch);
        missing.set(box.style.face, set);
      });
    }
  }
  return missing;
}

export async function renderPdf(edition: Edition, templatesDir: string): Promise<Uint8Array> {
  const layout = layoutEdition(edition, templatesDir);
  const missing = missingGlyphs(layout);
  if (missing.size) {
    const which = [...missing].map(([face, chars]) => `${[...chars].map(describeCharacter).join(', ')}, which ${FAMILY_OF[face]} cannot draw`);
    throw new FolioError(`the ${edition.lang} PDF would print empty boxes for ${which.join('; ')}: \`folio check\` shows where they are`);
  }
  return paint(layout, edition);
}
