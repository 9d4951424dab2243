/**
 * Page furniture of the DOCX edition, with words from the templates and labels: the title page, the
 * contents (links to the headings with PAGEREF page numbers), the running header and the `Page: N`
 * footer.
 */
import {
  Footer, FootnoteReferenceRun, Header, InternalHyperlink, PageBreak, PageNumber, PageReference, Paragraph, TextRun, BorderStyle, TabStopType, LeaderType, AlignmentType,
} from 'docx';
import type { Edition } from '../../model/types.js';
import type { DocxContext } from './context.js';
import { STYLE, TEXT_WIDTH, TOC_RIGHT_INDENT } from './styles.js';

/** The title page: every cover line (country, event…), the date, then the title with its note. */
export function titlePage(edition: Edition): Paragraph[] {
  const { cover, date, title } = edition.furniture.titlePage;
  const note = edition.titleNote ? [new FootnoteReferenceRun(edition.titleNote.number)] : [];
  return [
    ...cover.map((line, i) => new Paragraph({ style: STYLE.coverLine, ...(i === 0 ? { spacing: { before: 2400 } } : {}), children: [new TextRun(line)] })),
    new Paragraph({ style: STYLE.coverLine, ...(cover.length === 0 ? { spacing: { before: 2400 } } : {}), children: [new TextRun({ text: date, bold: false })] }),
    new Paragraph({ style: STYLE.title, children: [new TextRun(title), ...note] }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

export function contents(edition: Edition, context: DocxContext): Paragraph[] {
  const entries = edition.outline.filter((e) => e.depth <= 2);
  return [
    new Paragraph({ style: STYLE.contentsHeading, children: [new TextRun(edition.labels.contents)] }),
    ...entries.map((e) => {
      const anchor = context.bookmark(e.id);
      return new Paragraph({
        style: STYLE.toc(e.depth),
        // The right tab with its dot leader runs to the margin (a leader cannot be set in a style with docx).
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - TOC_RIGHT_INDENT, leader: LeaderType.DOT }],
        children: [
          new InternalHyperlink({ anchor, children: [new TextRun(`${e.label ?? ''}\t${e.text}`)] }),
          new TextRun('\t'),
          new PageReference(anchor),
        ],
      });
    }),
  ];
}

function draftMark(edition: Edition): Paragraph[] {
  return edition.draft ? [new Paragraph({ style: STYLE.header, alignment: AlignmentType.RIGHT, children: [new TextRun({ text: edition.labels.draftMark, bold: true, italics: false, color: 'B00020' })] })] : [];
}

/** The title page's header: empty, or the draft mark. */
export function titleHeader(edition: Edition): Header {
  return new Header({ children: draftMark(edition) });
}

export function header(edition: Edition): Header {
  const text = edition.furniture.runningHeader;
  return new Header({
    children: [...draftMark(edition), ...text.map(
      (line, i) =>
        new Paragraph({
          style: STYLE.header,
          border: i === text.length - 1 ? { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 } } : undefined,
          children: [new TextRun(line)],
        }),
    )],
  });
}

export function footer(edition: Edition): Footer {
  const { before, after } = edition.furniture.pageLabel;
  return new Footer({
    children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: [before ?? '', PageNumber.CURRENT, after ?? ''] })] })],
  });
}
