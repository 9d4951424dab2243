/**
 * Page furniture of the DOCX edition, with words from the templates and labels: the title page, the
 * contents (a TOC field around its entries, each a link to its heading's `_Toc` bookmark with a
 * PAGEREF page number), the running header and the `Page: N` footer. Every field carries a stored
 * result: the page numbers of folio's own layout of the edition.
 */
import { Footer, FootnoteReferenceRun, Header, Paragraph, TextRun, BorderStyle, TabStopType, LeaderType, AlignmentType } from 'docx';
import type { Edition } from '../../model/types.js';
import { CONTENTS_DEPTH, contentsEntries, type DocxContext } from './context.js';
import { field, fieldEnd, fieldStart } from './fields.js';
import { Hyperlink } from './links.js';
import { STYLE, TOC_RIGHT_INDENT } from './styles.js';

/**
 * The contents' TOC field: headings of levels 1 to CONTENTS_DEPTH (\o, by their styles, and \u, by
 * their outline levels, which folio's heading styles carry), as links (\h), no tab leader or page
 * numbers in Web layout (\z): what Word's "Update Table" rebuilds is what folio writes. (Levels
 * 1-3 would add the annex's topic headings, which the PDF's contents leaves out too.)
 */
export const TOC_INSTRUCTION = `TOC \\o "1-${CONTENTS_DEPTH}" \\h \\z \\u`;

/** The title page: every cover line (country, event…), the date, then the title with its note. */
export function titlePage(edition: Edition): Paragraph[] {
  const { cover, date, title } = edition.furniture.titlePage;
  const note = edition.titleNote ? [new FootnoteReferenceRun(edition.titleNote.number)] : [];
  return [
    ...cover.map((line, i) => new Paragraph({ style: STYLE.coverLine, ...(i === 0 ? { spacing: { before: 2400 } } : {}), children: [new TextRun(line)] })),
    new Paragraph({ style: STYLE.coverLine, ...(cover.length === 0 ? { spacing: { before: 2400 } } : {}), children: [new TextRun({ text: date, bold: false })] }),
    new Paragraph({ style: STYLE.title, children: [new TextRun(title), ...note] }),
  ];
}

/**
 * The contents: its heading, then its entries inside a TOC field (begun in the first entry, ended in
 * the last), each entry a link to its heading's `_Toc` bookmark: numeral, tab, title, tab and a
 * PAGEREF field whose stored result is `pages`' number for the heading (folio's own layout).
 */
export function contents(edition: Edition, context: DocxContext, pages: ReadonlyMap<string, number>): Paragraph[] {
  const entries = contentsEntries(edition);
  return [
    new Paragraph({ style: STYLE.contentsHeading, pageBreakBefore: true, children: [new TextRun(edition.labels.contents)] }),
    ...entries.map((e, i) => {
      const anchor = context.tocBookmark(e.id)!;
      const page = pages.get(e.id);
      return new Paragraph({
        style: STYLE.toc(e.depth),
        // The right tab with its dot leader runs to the entries' right indent (a leader cannot be set in a style with docx).
        tabStops: [{ type: TabStopType.RIGHT, position: context.textWidth - TOC_RIGHT_INDENT, leader: LeaderType.DOT }],
        children: [
          ...(i === 0 ? fieldStart(TOC_INSTRUCTION) : []),
          new Hyperlink({ anchor }, [new TextRun(`${e.label ?? ''}\t${e.text}`), new TextRun('\t'), ...field(`PAGEREF ${anchor} \\h`, page === undefined ? '' : String(page))]),
          ...(i === entries.length - 1 ? [fieldEnd()] : []),
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
  const mark = draftMark(edition);
  return new Header({ children: mark.length ? mark : [new Paragraph({ style: STYLE.header, children: [] })] });
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

/** The `Page: N` footer: a PAGE field, its stored result `first`, the number of the first page that shows it. */
export function footer(edition: Edition, first: number): Footer {
  const { before, after } = edition.furniture.pageLabel;
  return new Footer({
    children: [new Paragraph({ style: STYLE.footer, children: [...(before ? [new TextRun(before)] : []), ...field('PAGE', String(first)), ...(after ? [new TextRun(after)] : [])] })],
  });
}

/** The title page's footer: empty. */
export function titleFooter(): Footer {
  return new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [] })] });
}
