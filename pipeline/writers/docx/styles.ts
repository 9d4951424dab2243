/**
 * Every style of the DOCX edition, in one place: a layout change is one edit here. Sizes are in
 * half-points, spacing and indents in twentieths of a point (twips). Style names follow Word's
 * built-in ones and Pandoc's reference.docx ("Source Code", "Verbatim Char", "Block Text", "Compact").
 */
import { AlignmentType, BorderStyle, ImportedXmlComponent, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { FAMILY, FAMILY_OF } from '../../text/fonts.js';

/** A page's size and margins, in twips: folio's own (`PAGE`), or a reference document's. */
export interface PageGeometry {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number; readonly header: number; readonly footer: number };
}

export const PAGE: PageGeometry = {
  /** A4 in twips, margins as in the published report. */
  width: 11906,
  height: 16838,
  margin: { top: 1700, bottom: 1300, left: 1418, right: 1418, header: 567, footer: 567 },
};

/** The width text runs in between the margins, in twips. */
export function textWidth(page: PageGeometry): number {
  return page.width - page.margin.left - page.margin.right;
}
/** Contents entries stop short of the margin, where their page numbers stand. */
export const TOC_RIGHT_INDENT = 567;
/** Indent of each list level and of each block quote, in twips. */
export const LIST_STEP = 567;
export const QUOTE_STEP = 567;

/** The monospace face of code (PT Mono), embedded in the documents that use it. */
export const MONO = FAMILY_OF.mono;

export const STYLE = {
  title: 'Title',
  coverLine: 'CoverLine',
  heading: (depth: number) => `Heading${Math.min(Math.max(depth, 1), 6)}`,
  normal: 'Normal',
  recommendation: 'Recommendation',
  annexItem: 'AnnexRecommendation',
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  header: 'Header',
  footer: 'Footer',
  contentsHeading: 'TOCHeading',
  toc: (depth: number) => `TOC${depth}`,
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  hyperlink: 'Hyperlink',
  compact: 'Compact',
  listParagraph: 'ListParagraph',
  blockText: 'BlockText',
  sourceCode: 'SourceCode',
  verbatimChar: 'VerbatimChar',
  horizontalRule: 'HorizontalRule',
  figure: 'Figure',
  caption: 'Caption',
  footnoteSourceCode: 'FootnoteSourceCode',
  footnoteBlockText: 'FootnoteBlockText',
  footnoteTableText: 'FootnoteTableText',
  footnoteTableHeading: 'FootnoteTableHeading',
} as const;

/** The styles blocks take in one part of the document: the body's, or the notes' smaller ones. */
export interface StyleSet {
  /** A plain paragraph (undefined: Normal, written without a style as Word does). */
  readonly paragraph: string | undefined;
  readonly tightList: string;
  readonly looseList: string;
  readonly code: string;
  readonly quote: string;
  readonly tableText: string;
  readonly tableHeading: string;
  /** Size of the tables' text, in points (the column widths are measured at it). */
  readonly tableSize: number;
  /** Size of the part's running text, in points (its words are measured against the hyphenation zone at it). */
  readonly textSize: number;
}

/** The body's and the notes' text sizes, in points. */
export const BODY_SIZE = 11;
export const NOTE_SIZE = 9;

export const BODY: StyleSet = {
  paragraph: undefined, tightList: STYLE.compact, looseList: STYLE.listParagraph, code: STYLE.sourceCode, quote: STYLE.blockText,
  tableText: STYLE.tableText, tableHeading: STYLE.tableHeading, tableSize: BODY_SIZE, textSize: BODY_SIZE,
};

export const NOTE: StyleSet = {
  paragraph: STYLE.footnoteText, tightList: STYLE.footnoteText, looseList: STYLE.footnoteText, code: STYLE.footnoteSourceCode,
  quote: STYLE.footnoteBlockText, tableText: STYLE.footnoteTableText, tableHeading: STYLE.footnoteTableHeading, tableSize: NOTE_SIZE, textSize: NOTE_SIZE,
};

/** Left indent the style of a paragraph gives itself (quotes are indented by their style). */
export function indentOfStyle(style: string | undefined): number {
  return style === STYLE.blockText || style === STYLE.footnoteBlockText ? QUOTE_STEP : 0;
}

export const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

function headings(): NonNullable<IStylesOptions['default']> {
  const heading = (size: number, bold: boolean, italics: boolean, before: number, after: number, level: number, hanging = false) => ({
    run: { font: FAMILY, size, ...(bold ? { bold } : {}), ...(italics ? { italics } : {}), color: '000000' },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true, ...(hanging ? { indent: { left: 720, hanging: 720 } } : {}), outlineLevel: level },
  });
  return {
    heading1: heading(24, true, false, 360, 200, 0, true),
    heading2: heading(22, true, false, 240, 160, 1, true),
    heading3: heading(22, true, true, 200, 120, 2),
    heading4: heading(22, false, true, 200, 120, 3),
    heading5: heading(20, true, false, 160, 80, 4),
    heading6: heading(20, false, true, 160, 80, 5),
  };
}

/** Code: monospace, left aligned, never hyphenated, lines kept (as XML: docx has no option for w:suppressAutoHyphens). */
function codeStyle(id: string, name: string, basedOn: string, size: number): ImportedXmlComponent {
  return ImportedXmlComponent.fromXmlString(
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="${basedOn}"/><w:qFormat/>` +
      `<w:pPr><w:keepLines/><w:shd w:val="clear" w:color="auto" w:fill="F4F4F4"/><w:suppressAutoHyphens/><w:spacing w:before="60" w:after="160" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>` +
      `<w:rPr><w:rFonts w:ascii="${MONO}" w:hAnsi="${MONO}" w:cs="${MONO}" w:eastAsia="${MONO}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`,
  );
}

/**
 * The code styles, added to the document's styles after it is made (`addChildElement`): given as
 * `importedStyles`, they would take the place of docx's default styles (headings, notes, links).
 */
export function codeStyles(): ImportedXmlComponent[] {
  return [codeStyle(STYLE.sourceCode, 'Source Code', STYLE.normal, 20), codeStyle(STYLE.footnoteSourceCode, 'Footnote Source Code', STYLE.footnoteText, 16)];
}

function bodyStyles(body: { font: string; size: number }): IParagraphStyleOptions[] {
  return [
    // Ragged right: Word and LibreOffice break lines greedily and cannot shrink spaces, so justified
    // their lines came out loose (a fifth to a half of them in LibreOffice 7.4: README, Typesetting).
    // A house style (`--reference-doc`) may justify Normal again.
    { id: STYLE.normal, name: 'Normal', run: body, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 160 } } },
    { id: STYLE.coverLine, name: 'Cover Line', basedOn: STYLE.normal, next: STYLE.normal, run: { size: 28, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
    { id: STYLE.recommendation, name: 'Recommendation', basedOn: STYLE.normal, next: STYLE.normal, run: { bold: true }, paragraph: { keepLines: true } },
    { id: STYLE.annexItem, name: 'Annex Recommendation', basedOn: STYLE.normal, next: STYLE.annexItem, paragraph: { indent: { left: 567, hanging: 567 }, keepLines: true, leftTabStop: 567 } },
    { id: STYLE.compact, name: 'Compact', basedOn: STYLE.normal, paragraph: { spacing: { before: 0, after: 60 } } },
    { id: STYLE.listParagraph, name: 'List Paragraph', basedOn: STYLE.normal, paragraph: { spacing: { after: 160 } } },
    { id: STYLE.blockText, name: 'Block Text', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { indent: { left: QUOTE_STEP, right: QUOTE_STEP }, spacing: { before: 60, after: 120 } } },
    { id: STYLE.horizontalRule, name: 'Horizontal Rule', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { border: { bottom: TABLE_BORDER }, spacing: { after: 240 } } },
    { id: STYLE.figure, name: 'Figure', basedOn: STYLE.normal, next: STYLE.normal, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 } } },
    { id: STYLE.caption, name: 'caption', basedOn: STYLE.normal, next: STYLE.normal, run: { size: 20, italics: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
  ];
}

function furnitureStyles(): IParagraphStyleOptions[] {
  return [
    { id: STYLE.header, name: 'Header', basedOn: STYLE.normal, run: { size: 16, italics: true }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0, line: 220, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.footer, name: 'Footer', basedOn: STYLE.normal, run: { size: 18 }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } },
    { id: STYLE.contentsHeading, name: 'TOC Heading', basedOn: STYLE.normal, next: STYLE.normal, run: { size: 24, bold: true }, paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 240, after: 240 } } },
    ...[1, 2].map((depth) => ({
      id: STYLE.toc(depth),
      name: `toc ${depth}`,
      basedOn: STYLE.normal,
      next: STYLE.normal,
      paragraph: {
        alignment: AlignmentType.LEFT,
        spacing: { after: 60 },
        indent: { left: depth === 1 ? 720 : 1440, hanging: 720, right: TOC_RIGHT_INDENT },
        leftTabStop: depth === 1 ? 720 : 1440,
      },
    })),
  ];
}

function tableStyles(): IParagraphStyleOptions[] {
  return [
    { id: STYLE.tableText, name: 'Table Text', basedOn: STYLE.normal, paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40 } } },
    { id: STYLE.tableHeading, name: 'Table Heading', basedOn: STYLE.tableText, run: { bold: true } },
  ];
}

/** Blocks inside notes: the body's kinds, at the notes' size. */
function noteStyles(): IParagraphStyleOptions[] {
  return [
    { id: STYLE.footnoteBlockText, name: 'Footnote Block Text', basedOn: STYLE.footnoteText, paragraph: { indent: { left: QUOTE_STEP, right: QUOTE_STEP } } },
    { id: STYLE.footnoteTableText, name: 'Footnote Table Text', basedOn: STYLE.footnoteText, paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 20, after: 20 } } },
    { id: STYLE.footnoteTableHeading, name: 'Footnote Table Heading', basedOn: STYLE.footnoteTableText, run: { bold: true } },
  ];
}

export function styles(locale: string): IStylesOptions {
  const body = { font: FAMILY, size: 2 * BODY_SIZE, language: { value: locale } };
  return {
    default: {
      document: { run: body, paragraph: { spacing: { after: 160, line: 264, lineRule: LineRuleType.AUTO } } },
      ...headings(),
      title: { run: { font: FAMILY, size: 36, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240 } } },
      // A note's paragraph is kept whole (a longer one than a page still splits): LibreOffice 7.4
      // applies no widow control to notes and left single lines of split notes on either page.
      footnoteText: { run: { font: FAMILY, size: 2 * NOTE_SIZE }, paragraph: { spacing: { after: 40, line: 228, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT, keepLines: true } },
      footnoteReference: { run: { superScript: true } },
      hyperlink: { run: { color: '1F3F77', underline: {} } },
    },
    paragraphStyles: [...bodyStyles(body), ...furnitureStyles(), ...tableStyles(), ...noteStyles()],
    characterStyles: [{ id: STYLE.verbatimChar, name: 'Verbatim Char', run: { font: MONO } }],
  };
}
