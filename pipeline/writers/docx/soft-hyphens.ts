/**
 * A run of text, with folio's hyphenation points as Word soft hyphens (`<w:softHyphen/>`) where the
 * edition's language needs them (Kazakh: neither Word nor LibreOffice has patterns for it; they
 * hyphenate English and Russian themselves, by the runs' `w:lang`), and only in words wider than
 * the hyphenation zone (text/hyphenation-zone.ts). Not in headings (the frame says so), code (its
 * own runs) or URLs (the hyphenation rules skip them).
 */
import { SoftHyphen, TextRun } from 'docx';
import { needsSoftHyphens } from '../../text/hyphenate.js';
import { softHyphensInZone } from '../../text/hyphenation-zone.js';
import { BODY_SIZE } from './styles.js';
import type { DocxContext } from './context.js';
import type { Marks } from './inlines.js';

export function textRun(text: string, marks: Marks, context: DocxContext): TextRun {
  if (context.frame.hyphenate === false || !needsSoftHyphens(context.edition.lang)) return new TextRun({ text, ...marks });
  const pieces = softHyphensInZone(text, context.edition.lang, context.frame.styles.textSize, BODY_SIZE).split('\u00ad');
  if (pieces.length === 1) return new TextRun({ text, ...marks });
  const children = pieces.flatMap((piece, i) => (i === 0 ? [piece] : [new SoftHyphen(), piece])).filter((c) => c !== '');
  return new TextRun({ children, ...marks });
}
