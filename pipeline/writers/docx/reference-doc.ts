/**
 * House styles, as Pandoc's `--reference-doc`: a Word document whose styles (styles.xml: paragraph,
 * character and table styles by id), page size and margins (its last section's `w:pgSz`, `w:pgMar`)
 * and fonts (its theme's font names, its font table) the DOCX editions take; its text is ignored.
 * `defaultReferenceDoc` writes folio's own styles into such a document (`templates/reference.docx`
 * of `folio new`), to edit in Word: a paragraph in each style, named after it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { Document, FootnoteReferenceRun, Footer, Header, Paragraph, TextRun, Table, TableRow, TableCell, WidthType } from 'docx';
import { FolioError } from '../../util/diagnostics.js';
import { MAX_TEXT_BYTES, readFailure, readRegularFileSync } from '../../util/read-file.js';
import { compileParts, finishParts, zipTime } from './package.js';
import { codeStyles, PAGE, STYLE, styles, textWidth, type PageGeometry } from './styles.js';
import { attr, child, childrenOf, descendants, nameOf, parseXml, rootOf, setChildren, type XmlNode } from './xml.js';

/** What the editions take from a reference document. */
export interface ReferenceDoc {
  /** Its styles.xml. */
  styles?: string;
  /** The page size and margins of its last section. */
  page?: PageGeometry;
  /** Its theme (with the theme's fonts for headings and body text). */
  theme?: string;
  /** Its font table's entries, without embedded faces. */
  fonts: XmlNode[];
}

/** A reference document that cannot be used: `reason` says why, after its name (“is a FIFO…”). */
export class ReferenceDocError extends FolioError {
  constructor(readonly path: string, readonly reason: string) {
    super(`the reference document ${path} ${reason}`);
  }
}

/** The file name a report's own reference document has in its templates folder. */
export const REFERENCE_FILE = 'reference.docx';

/** A relationship's target part, from the part the relationships belong to. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const piece of `${base}${target}`.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The targets of a part's relationships, by the relationship's type (its last segment: `styles`, `theme`). */
function relationships(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const relsPath = resolve(part, `_rels/${part.split('/').pop()}.rels`);
  const data = files[relsPath];
  const out = new Map<string, string>();
  if (!data) return out;
  const root = rootOf(parseXml(strFromU8(data)), 'Relationships');
  for (const rel of root ? childrenOf(root) : []) {
    const type = attr(rel, 'Type')?.split('/').pop();
    const target = attr(rel, 'Target');
    if (type && target && attr(rel, 'TargetMode') !== 'External' && !out.has(type)) out.set(type, resolve(part, target));
  }
  return out;
}

/** A twips value of an attribute (`w:w="11906"`), if it is one. */
function twips(node: XmlNode | undefined, name: string): number | undefined {
  const value = attr(node, name);
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Math.abs(Number(value));
}

/** The page of the document's last section (the body's `w:sectPr`), folio's where it says nothing. */
function pageOf(documentXml: string): PageGeometry | undefined {
  const body = descendants(parseXml(documentXml), 'w:body')[0];
  const section = body && [...childrenOf(body)].reverse().find((c) => nameOf(c) === 'w:sectPr');
  if (!section) return undefined;
  const size = child(section, 'w:pgSz');
  const margin = child(section, 'w:pgMar');
  if (!size && !margin) return undefined;
  const page: PageGeometry = {
    width: twips(size, 'w:w') ?? PAGE.width,
    height: twips(size, 'w:h') ?? PAGE.height,
    margin: {
      top: twips(margin, 'w:top') ?? PAGE.margin.top,
      bottom: twips(margin, 'w:bottom') ?? PAGE.margin.bottom,
      left: twips(margin, 'w:left') ?? PAGE.margin.left,
      right: twips(margin, 'w:right') ?? PAGE.margin.right,
      header: twips(margin, 'w:header') ?? PAGE.margin.header,
      footer: twips(margin, 'w:footer') ?? PAGE.margin.footer,
    },
  };
  return textWidth(page) > 1440 ? page : undefined; // less than an inch of text: not a page to set text on
}

/** The font table's entries without their embedded faces (`w:embedRegular`…), whose files are not taken. */
function fontsOf(fontTable: string): XmlNode[] {
  const root = rootOf(parseXml(fontTable), 'w:fonts');
  const fonts = root ? childrenOf(root).filter((c) => nameOf(c) === 'w:font' && attr(c, 'w:name')) : [];
  for (const font of fonts) setChildren(font, childrenOf(font).filter((c) => !nameOf(c)?.startsWith('w:embed')));
  return fonts;
}

/** The parts folio reads (XML and relationships), each of at most MAX_TEXT_BYTES unpacked: nothing else is inflated. */
const wanted = (file: { name: string; originalSize: number }) => /\.(xml|rels)$/.test(file.name) && file.originalSize <= MAX_TEXT_BYTES;

/** A part that is not XML is the document's fault, told with the part's name (the parser's error would read as folio's bug). */
function wellFormed(name: string, part: string, data: Uint8Array): void {
  try {
    parseXml(strFromU8(data));
  } catch (error) {
    throw new ReferenceDocError(name, `is not a Word document folio can read: its part ${part} is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

/** Reads a reference document (`name` for messages): a Word document with at least its styles. */
export function readReferenceDoc(bytes: Uint8Array, name: string): ReferenceDoc {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: wanted });
  } catch (error) {
    throw new ReferenceDocError(name, `is not a Word document (.docx): ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const [part, data] of Object.entries(files)) wellFormed(name, part, data);
  const main = relationships(files, '').get('officeDocument');
  const documentXml = main ? files[main] : undefined;
  if (!main || !documentXml) throw new ReferenceDocError(name, 'is not a Word document (.docx): it has no main document part');
  const rels = relationships(files, main);
  const part = (type: string) => {
    const path = rels.get(type);
    const data = path ? files[path] : undefined;
    return data ? strFromU8(data) : undefined;
  };
  const styles = part('styles');
  if (!styles) throw new ReferenceDocError(name, 'has no styles (word/styles.xml)');
  const fontTable = part('fontTable');
  const page = pageOf(strFromU8(documentXml));
  const theme = part('theme');
  return { styles, ...(page ? { page } : {}), ...(theme ? { theme } : {}), fonts: fontTable ? fontsOf(fontTable) : [] };
}

/**
 * The reference document of a build: the file given (`--reference-doc`), else the templates'
 * `reference.docx` when there is one, else none (folio's own styles).
 */
export function loadReferenceDoc(file: string | undefined, templatesDir: string | undefined): ReferenceDoc | undefined {
  const path = file ?? (templatesDir && existsSync(join(templatesDir, REFERENCE_FILE)) ? join(templatesDir, REFERENCE_FILE) : undefined);
  if (path === undefined) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = readRegularFileSync(path); // a FIFO is refused, never opened for reading: it would block the build
  } catch (error) {
    throw new ReferenceDocError(path, readFailure(error).replace(/^cannot read file: /, 'cannot be read: '));
  }
  return readReferenceDoc(bytes, path);
}

/** The date folio's reference document carries: fixed, so that `folio new` writes the same bytes every time. */
const REFERENCE_EPOCH = Date.UTC(2026, 0, 1) / 1000;

/** A paragraph in a style, its text the style's name, as in Pandoc's reference.docx. */
const sample = (style: string, text: string, children: (TextRun | FootnoteReferenceRun)[] = []) => new Paragraph({ style, children: [new TextRun(text), ...children] });

/**
 * folio's styles, page and fonts as a Word document (`templates/reference.docx`): a paragraph in each
 * of folio's paragraph styles, runs in its character styles, a table, a note, header and footer.
 * Editing its styles in Word and building with it (it is read from the templates folder) restyles
 * the editions.
 */
export function defaultReferenceDoc(): Uint8Array {
  const locale = 'en-GB';
  const cell = (style: string, text: string) => new TableCell({ width: { size: 3000, type: WidthType.DXA }, children: [sample(style, text)] });
  const document = new Document({
    title: 'folio reference document',
    description: 'The styles, page and fonts of folio’s DOCX editions: edit the styles in Word, keep the file as templates/reference.docx.',
    creator: 'folio',
    lastModifiedBy: 'folio',
    revision: 1,
    styles: styles(locale),
    footnotes: { 1: { children: [sample(STYLE.footnoteText, ' Footnote Text')] } },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
      headers: { default: new Header({ children: [sample(STYLE.header, 'Header')] }) },
      footers: { default: new Footer({ children: [sample(STYLE.footer, 'Footer')] }) },
      children: [
        sample(STYLE.coverLine, 'Cover Line'),
        sample(STYLE.title, 'Title', [new FootnoteReferenceRun(1)]),
        sample(STYLE.contentsHeading, 'TOC Heading'),
        sample(STYLE.toc(1), 'toc 1'),
        sample(STYLE.toc(2), 'toc 2'),
        ...[1, 2, 3, 4, 5, 6].map((depth) => sample(STYLE.heading(depth), `Heading ${depth}`)),
        new Paragraph({ children: [new TextRun('Normal: body text, with '), new TextRun({ text: 'Hyperlink', style: STYLE.hyperlink }), new TextRun(' and '), new TextRun({ text: 'Verbatim Char', style: STYLE.verbatimChar }), new TextRun('.')] }),
        sample(STYLE.recommendation, 'Recommendation'),
        sample(STYLE.annexItem, '1.\tAnnex Recommendation'),
        sample(STYLE.compact, 'Compact'),
        sample(STYLE.listParagraph, 'List Paragraph'),
        sample(STYLE.blockText, 'Block Text'),
        sample(STYLE.sourceCode, 'Source Code'),
        sample(STYLE.horizontalRule, ''),
        sample(STYLE.figure, 'Figure'),
        sample(STYLE.caption, 'Caption'),
        new Table({ columnWidths: [3000, 3000], width: { size: 6000, type: WidthType.DXA }, rows: [new TableRow({ children: [cell(STYLE.tableHeading, 'Table Heading'), cell(STYLE.tableHeading, 'Table Heading')] }), new TableRow({ children: [cell(STYLE.tableText, 'Table Text'), cell(STYLE.tableText, 'Table Text')] })] }),
        sample(STYLE.normal, ''),
      ],
    }],
  });
  for (const style of codeStyles()) document.Styles.addChildElement(style);
  const parts = compileParts(document);
  finishParts(parts, { epoch: REFERENCE_EPOCH, locale, embed: false });
  const mtime = zipTime(REFERENCE_EPOCH);
  const files: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  // The content types and the package relationships first, as Word writes them.
  const first = ['[Content_Types].xml', '_rels/.rels'].filter((name) => parts.has(name));
  for (const name of [...first, ...[...parts.keys()].filter((n) => !first.includes(n))]) {
    const data = parts.get(name)!;
    files[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime, level: 6 }];
  }
  return zipSync(files);
}
