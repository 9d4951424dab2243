/**
 * Every style of the DOCX edition, in one place: a layout change is one edit here. Sizes are in
 * half-points, spacing and indents in twentieths of a point (twips).
 */
import { AlignmentType, BorderStyle, LineRuleType, type IStylesOptions } from 'docx';
import { FAMILY } from '../../text/fonts.js';

export const PAGE = {
  /** A4 in twips, margins as in the published report. */
  width: 11906,
  height: 16838,
  margin: { top: 1700, bottom: 1300, left: 1418, right: 1418, header: 567, footer: 567 },
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** Contents entries stop short of the margin, where their page numbers stand. */
export const TOC_RIGHT_INDENT = 567;

export const STYLE = {
  title: 'Title',
  coverLine: 'CoverLine',
  heading: (depth: number) => `Heading${Math.min(depth, 3)}`,
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
} as const;

export function styles(locale: string): IStylesOptions {
  const body = { font: FAMILY, size: 22, language: { value: locale } };
  return {
    default: {
      document: { run: body, paragraph: { spacing: { after: 160, line: 264, lineRule: LineRuleType.AUTO } } },
      heading1: {
        run: { font: FAMILY, size: 24, bold: true, color: '000000' },
        paragraph: { spacing: { before: 360, after: 200 }, keepNext: true, keepLines: true, indent: { left: 720, hanging: 720 }, outlineLevel: 0 },
      },
      heading2: {
        run: { font: FAMILY, size: 22, bold: true, color: '000000' },
        paragraph: { spacing: { before: 240, after: 160 }, keepNext: true, keepLines: true, indent: { left: 720, hanging: 720 }, outlineLevel: 1 },
      },
      heading3: {
        run: { font: FAMILY, size: 22, bold: true, italics: true, color: '000000' },
        paragraph: { spacing: { before: 200, after: 120 }, keepNext: true, keepLines: true, outlineLevel: 2 },
      },
      title: {
        run: { font: FAMILY, size: 36, bold: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240 } },
      },
      footnoteText: {
        run: { font: FAMILY, size: 18 },
        paragraph: { spacing: { after: 40, line: 228, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.JUSTIFIED },
      },
      footnoteReference: { run: { superScript: true } },
      hyperlink: { run: { color: '1F3F77', underline: {} } },
    },
    paragraphStyles: [
      {
        id: STYLE.normal,
        name: 'Normal',
        run: body,
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 160 } },
      },
      {
        id: STYLE.coverLine,
        name: 'Cover Line',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        run: { size: 28, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
      },
      {
        id: STYLE.recommendation,
        name: 'Recommendation',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        run: { bold: true },
        paragraph: { keepLines: true },
      },
      {
        id: STYLE.annexItem,
        name: 'Annex Recommendation',
        basedOn: STYLE.normal,
        next: STYLE.annexItem,
        paragraph: { indent: { left: 567, hanging: 567 }, keepLines: true, leftTabStop: 567 },
      },
      {
        id: STYLE.header,
        name: 'Header',
        basedOn: STYLE.normal,
        run: { size: 16, italics: true },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0, line: 220, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.footer,
        name: 'Footer',
        basedOn: STYLE.normal,
        run: { size: 18 },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
      },
      {
        id: STYLE.contentsHeading,
        name: 'TOC Heading',
        basedOn: STYLE.normal,
        next: STYLE.normal,
        run: { size: 24, bold: true },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 240, after: 240 } },
      },
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
      {
        id: STYLE.tableText,
        name: 'Table Text',
        basedOn: STYLE.normal,
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40 } },
      },
      {
        id: STYLE.tableHeading,
        name: 'Table Heading',
        basedOn: STYLE.tableText,
        run: { bold: true },
      },
    ],
  };
}

export const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
