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

export const TYPE = {
  body: { size: 10.8, leading: 14.2, paragraphSpace: 7.5 },
  note: { size: 8.4, leading: 10.2, space: 1.8, scale: 0.62 },
  noteArea: { gap: 9, ruleWidth: 120, ruleGapBelow: 5 },
  heading1: { size: 11.5, leading: 15, before: 16, after: 8, indent: 36 },
  heading2: { size: 10.8, leading: 14.2, before: 10, after: 6, indent: 36 },
  heading3: { size: 10.8, leading: 14.2, before: 8, after: 4, indent: 0 },
  header: { size: 7.5, leading: 9 },
  footer: { size: 8.5 },
  noteNumberScale: 0.62,
  annexIndent: 28,
  contents: { size: 10.8, leading: 17, indent: 36, numberWidth: 30 },
  table: { size: 10, leading: 13, padding: 4 },
};
