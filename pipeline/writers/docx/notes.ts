/**
 * The edition's notes as Word footnotes, keyed by their number (Word numbers footnotes in the order
 * of their ids, which are the model's numbers). A note holds any blocks, drawn by the same handlers
 * as the body's in the notes' styles. Its first paragraph carries the note's bookmark (`fn-N`, the
 * target of repeated citations) and the number Word writes; a note that starts with another block
 * (a list, code) gets a first paragraph of its own for them.
 */
import { Bookmark, Paragraph, TextRun, type FileChild } from 'docx';
import type { Edition, Note } from '../../model/types.js';
import { block } from './blocks.js';
import type { DocxContext } from './context.js';
import { inlines } from './inlines.js';
import { paragraph } from './paragraphs.js';
import { resolvedBlocks } from './resolved.js';
import { NOTE } from './styles.js';

function note(note: Note, context: DocxContext): FileChild[] {
  const children = resolvedBlocks(note.definition.children);
  const first = children[0]?.type === 'paragraph' ? children[0] : undefined;
  // Word writes the note's number itself, at the start of the first paragraph; the space after it is ours.
  const runs = first ? [new TextRun({ text: ' ' }), ...inlines(first.children, {}, context)] : [];
  const head = paragraph([new Bookmark({ id: context.bookmark(note.anchor), children: runs })], context);
  return [head, ...(first ? children.slice(1) : children).flatMap((child) => block(child, context))];
}

export function footnotes(edition: Edition, context: DocxContext): Record<string, { children: Paragraph[] }> {
  const out: Record<string, { children: Paragraph[] }> = {};
  context.within({ styles: NOTE, paragraph: NOTE.paragraph, indent: 0 }, () => {
    // docx types a note's children as paragraphs but writes any block it is given, and a Word note may
    // hold tables (CT_FtnEdn holds block-level elements); the first child, which docx gives the
    // note's number, is always a paragraph.
    for (const n of edition.notes) out[String(n.number)] = { children: context.within({ file: n.path }, () => note(n, context)) as Paragraph[] };
  });
  return out;
}
