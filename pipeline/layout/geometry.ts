/** The page and type of the PDF edition, close to the published ODIHR report: A4, serif text. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 70.9,
  right: 70.9,
  /** Top of the body text area (below the running header). */
  top: 92,
  /** Bottom of the body and notes area. */
  bottom: 770,
  headerTop: 34,
  footerBaseline: 806,
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

import type { Face } from '../text/fonts.js';

export interface HeadingSpec {
  face: Face;
  size: number;
  leading: number;
  before: number;
  after: number;
  /** Indent of the text after a numeral. */
  indent: number;
}

export const TYPE = {
  body: { size: 10.8, leading: 14.2, paragraphSpace: 7.5 },
  note: { size: 8.4, leading: 10.2, space: 1.8, scale: 0.62 },
  noteArea: { gap: 9, ruleWidth: 120, ruleGapBelow: 5 },
  heading1: { face: 'bold', size: 11.5, leading: 15, before: 16, after: 8, indent: 36 } as HeadingSpec,
  heading2: { face: 'bold', size: 10.8, leading: 14.2, before: 10, after: 6, indent: 36 } as HeadingSpec,
  heading3: { face: 'boldItalic', size: 10.8, leading: 14.2, before: 8, after: 4, indent: 0 } as HeadingSpec,
  heading4: { face: 'bold', size: 10, leading: 13.2, before: 8, after: 3, indent: 0 } as HeadingSpec,
  heading5: { face: 'boldItalic', size: 9.5, leading: 12.6, before: 7, after: 3, indent: 0 } as HeadingSpec,
  heading6: { face: 'italic', size: 9.5, leading: 12.6, before: 7, after: 2, indent: 0 } as HeadingSpec,
  header: { size: 7.5, leading: 9 },
  footer: { size: 8.5 },
  noteNumberScale: 0.62,
  annexIndent: 28,
  contents: { size: 10.8, leading: 17, indent: 36, numberWidth: 30 },
  table: { size: 10, leading: 13, padding: 4, minSize: 7 },
  /** Code blocks at `scale` × the text size, lines `leading` × their size apart, on a light background. */
  code: { scale: 0.85, inlineScale: 0.9, leading: 1.3, padding: 3, background: '#f1f1f1' },
  /** Each list level indents its items by `indent` ems; tight items are `tightSpace` apart. */
  list: { indent: 2, markerGap: 0.4, tightSpace: 2 },
  /** Each level of quotation indents by `indent`; a bar `bar` wide stands `barGap` left of the text. */
  quote: { indent: 18, bar: 1.2, barGap: 9, color: '#9a9a9a' },
  thematicBreak: { space: 8, thickness: 0.6 },
  figure: { captionSize: 9.5, captionLeading: 12, captionGap: 4, pixel: 0.75 },
};

/** The sizes of a kind of text (the body or the notes), which the same block layout scales to. */
export interface TypeScale {
  size: number;
  leading: number;
  /** Space before a paragraph (after the first). */
  paragraphSpace: number;
  tableSize: number;
  tableLeading: number;
}

export const BODY: TypeScale = { size: TYPE.body.size, leading: TYPE.body.leading, paragraphSpace: TYPE.body.paragraphSpace, tableSize: TYPE.table.size, tableLeading: TYPE.table.leading };
export const NOTES: TypeScale = { size: TYPE.note.size, leading: TYPE.note.leading, paragraphSpace: 0, tableSize: 7.8, tableLeading: 10 };
