/**
 * The PDF edition: folio's own page layout, painted with pdfkit. Refuses an edition the fonts
 * cannot draw (a character no font of the face that sets it has, its own nor a fallback) rather
 * than print empty boxes.
 */
import type { Edition } from '../../model/types.js';
import type { Layout } from '../../layout/types.js';
import { layoutEdition, releaseLayout } from '../../layout/layout-document.js';
import { glyphsOf } from '../../layout/frame.js';
import { describeCharacter } from '../../text/glyphs.js';
import { familiesOf, type Face } from '../../text/fonts.js';
import type { ShapedRun } from '../../text/measure.js';
import { FolioError } from '../../util/diagnostics.js';
import { paint } from './paint.js';

/** Characters drawn with the missing glyph (glyph 0: no font of the face has them), by face (each shaped word looked at once). */
function missingGlyphs(layout: Layout): Map<Face, Set<string>> {
  const missing = new Map<Face, Set<string>>();
  const seen = new Set<ShapedRun>();
  for (const page of layout.pages) {
    for (const box of page.boxes) {
      if (box.kind !== 'text') continue;
      for (const part of glyphsOf(box).parts) {
        if (seen.has(part)) continue;
        seen.add(part);
        part.glyphs.forEach((gid, i) => {
          const chars = gid === 0 ? part.codePoints[i]!.filter((cp) => cp >= 0x20 && cp !== 0xad) : [];
          if (chars.length === 0) return;
          const set = missing.get(box.style.face) ?? new Set<string>();
          for (const cp of chars) set.add(String.fromCodePoint(cp));
          missing.set(box.style.face, set);
        });
      }
    }
  }
  return missing;
}

export async function renderPdf(edition: Edition, templatesDir: string): Promise<Uint8Array> {
  const layout = layoutEdition(edition, templatesDir);
  try {
    const missing = missingGlyphs(layout);
    if (missing.size) {
      const which = [...missing].map(([face, chars]) => `${[...chars].map(describeCharacter).join(', ')}, which no font of the text (${familiesOf(face)}) can draw`);
      throw new FolioError(`the ${edition.lang} PDF would print empty boxes for ${which.join('; ')}: \`folio check\` shows where they are`);
    }
    return await paint(layout, edition);
  } finally {
    releaseLayout(edition);
  }
}
