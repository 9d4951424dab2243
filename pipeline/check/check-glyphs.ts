/**
 * Characters the editions' fonts cannot draw (PT Serif for the text, PT Mono for code, in the PDF
 * and the DOCX), reported at their place as warnings; the PDF build refuses them rather than print
 * empty boxes.
 */
import type { Code, InlineCode, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Chapter, Edition } from '../model/types.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { missingGlyphs } from '../text/measure.js';
import { FAMILY_OF, type Face } from '../text/fonts.js';
import { describeCharacter as describe } from '../text/glyphs.js';

/** ASCII, Latin-1, the Russian and Kazakh alphabets, and the punctuation of the reports. */
export const FAST_CHARACTERS = '\\n\\x20-\\x7e\\u00a0-\\u00ff\\u0401\\u0406\\u0410-\\u044f\\u0451\\u0456\\u0492\\u0493\\u049a\\u049b\\u04a2\\u04a3\\u04ae-\\u04b1\\u04ba\\u04bb\\u04d8\\u04d9\\u04e8\\u04e9\\u2013\\u2014\\u2018\\u2019\\u201c-\\u201e\\u2026\\u2116\\u20ac\\u2212';
const FAST = new RegExp(`^[${FAST_CHARACTERS}]*$`);

export function checkGlyphs(edition: Edition, diagnostics: Diagnostics): void {
  const check = (node: Text | InlineCode | Code, path: string) => {
    const face: Face = node.type === 'text' ? 'regular' : 'mono';
    // Fast path, without loading the font: characters PT Serif has (test/glyphs.test.ts checks them).
    if (face === 'regular' && FAST.test(node.value)) return;
    const missing = missingGlyphs(node.value, face);
    if (missing.length) {
      const what = face === 'mono' ? 'the code font' : "the editions' font";
      diagnostics.warn(path, `${what} (${FAMILY_OF[face]}) has no glyph for ${missing.map(describe).join(', ')}: the PDF cannot be built with it; use another character`, { place: node.position, ruleId: 'missing-glyph' });
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
