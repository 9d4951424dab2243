/**
 * A Word paragraph in the current frame: its style, a direct indent only where the frame's differs
 * from the style's own, and a page break before it when one waits (the first paragraph of the body).
 */
import { Paragraph, type AlignmentType, type ParagraphChild } from 'docx';
import type { DocxContext } from './context.js';
import type { ListRef } from './numbering.js';
import { indentOfStyle } from './styles.js';

export interface ParagraphOptions {
  /** The paragraph's style (default: the frame's paragraph style). */
  style?: string;
  /** The list level of the item this paragraph is the first paragraph of. */
  numbering?: ListRef;
  /** A direct indent instead of the frame's (a list item's marker and text), or none: the list level's own. */
  indent?: { left: number; hanging?: number } | 'level';
  /** A direct alignment (a table cell: its column's). */
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

export function paragraph(runs: ParagraphChild[], context: DocxContext, options: ParagraphOptions = {}): Paragraph {
  const style = options.style ?? context.frame.paragraph;
  const left = context.frame.indent;
  const indent = options.indent === 'level' ? undefined : options.indent ?? (left !== indentOfStyle(style) ? { left } : undefined);
  return new Paragraph({
    ...(style ? { style } : {}),
    ...(context.takePageBreak() ? { pageBreakBefore: true } : {}),
    ...(options.alignment ? { alignment: options.alignment } : {}),
    ...(options.numbering ? { numbering: { ...options.numbering, custom: true } } : {}),
    ...(indent ? { indent } : {}),
    children: runs,
  });
}
