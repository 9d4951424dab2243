/**
 * Characters the editions' fonts cannot draw: that no font of the text (PT Serif, then its
 * fallbacks: Noto Serif, Noto Serif Armenian and Georgian, DejaVu Sans) or of code (PT Mono, DejaVu
 * Sans Mono, DejaVu Sans) has, reported at their place as warnings; the PDF build refuses them
 * rather than print empty boxes.
 */
import type { Code, InlineCode, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Chapter, Edition } from '../model/types.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { missingGlyphs } from '../text/measure.js';
import { familiesOf, type Face } from '../text/fonts.js';
import { describeCharacter as describe, drawnByOwnFonts, isRightToLeft } from '../text/glyphs.js';

export { FAST_CHARACTERS } from '../text/glyphs.js';

export function checkGlyphs(edition: Edition, diagnostics: Diagnostics): void {
  const check = (node: Text | InlineCode | Code, path: string) => {
    const face: Face = node.type === 'text' ? 'regular' : 'mono';
    // Fast path, without loading the font: characters PT Serif has (test/glyphs.test.ts checks them).
    if (face === 'regular' && drawnByOwnFonts(node.value)) return;
    const missing = missingGlyphs(node.value, face);
    if (missing.length) {
      const what = face === 'mono' ? 'code' : 'the text';
      const rtl = missing.some(isRightToLeft) ? ' (folio lays out left-to-right scripts only: Hebrew, Arabic and the other right-to-left scripts cannot be set yet)' : '';
      diagnostics.warn(path, `no font of ${what} (${familiesOf(face)}) has a glyph for ${missing.map(describe).join(', ')}${rtl}: the PDF cannot be built with it; use another character`, { place: node.position, ruleId: 'missing-glyph' });
    }
  };
  const checkAll = (tree: Parameters<typeof visit>[0], path: string) =>
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') check(node as Text | InlineCode | Code, path);
    });
  for (const chapter of edition.root.children as Chapter[]) {
    if (chapter.type === 'chapter') checkAll(chapter, chapter.path);
  }
  for (const note of edition.notes) checkAll(note.definition, note.path);
}
