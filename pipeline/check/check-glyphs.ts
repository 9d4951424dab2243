/**
 * Characters the editions' font (PT Serif, in the PDF and the DOCX) cannot draw, reported at their
 * place as warnings; the PDF build refuses them rather than print empty boxes.
 */
import type { Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Chapter, Edition } from '../model/types.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { missingGlyphs } from '../layout/measure.js';

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} “${ch}”`;
}

export function checkGlyphs(edition: Edition, diagnostics: Diagnostics): void {
  const check = (node: Text, path: string) => {
    if (/^[\x20-\x7e\u00a0-\u024f\u0400-\u04ff\u2000-\u206f]*$/.test(node.value)) return; // fast path: covered ranges
    const missing = missingGlyphs(node.value, 'regular');
    if (missing.length) {
      diagnostics.warn(path, `the editions' font (PT Serif) has no glyph for ${missing.map(describe).join(', ')}: the PDF cannot be built with it; use another character`, { place: node.position, ruleId: 'missing-glyph' });
    }
  };
  for (const chapter of edition.root.children as Chapter[]) {
    if (chapter.type !== 'chapter') continue;
    visit(chapter, 'text', (node: Text) => check(node, chapter.path));
  }
  for (const note of edition.notes) visit(note.definition, 'text', (node: Text) => check(node, note.path));
}

/** Every character of the edition the font lacks (for the PDF writer, which refuses them). */
export function glyphsMissingIn(texts: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const t of texts) for (const ch of missingGlyphs(t, 'regular')) all.add(ch);
  return [...all].map(describe);
}
