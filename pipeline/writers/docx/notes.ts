/** The edition's notes as Word footnotes, keyed by their number (Word numbers them in citation order). */
import { Paragraph, TextRun } from 'docx';
import type { Edition } from '../../model/types.js';
import type { DocxContext } from './context.js';
import { inlines } from './inlines.js';
import { STYLE } from './styles.js';

export function footnotes(edition: Edition, context: DocxContext): Record<string, { children: Paragraph[] }> {
  const out: Record<string, { children: Paragraph[] }> = {};
  for (const note of edition.notes) {
    const paragraphs = note.definition.children.map((block, i) => {
      const runs = block.type === 'paragraph' ? inlines(block.children, {}, context) : [];
      // Word writes the note's number itself; the space after it is ours.
      return new Paragraph({ style: STYLE.footnoteText, children: i === 0 ? [new TextRun({ text: ' ' }), ...runs] : runs });
    });
    out[String(note.number)] = { children: paragraphs.length ? paragraphs : [new Paragraph({ style: STYLE.footnoteText, children: [] })] };
  }
  return out;
}
