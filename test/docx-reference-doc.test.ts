/**
 * House styles (issue 16): a reference document, as Pandoc's `--reference-doc`, restyles the DOCX
 * editions. Its styles take the place of folio's of the same id (or of the same built-in name, as a
 * Word in another language writes them), folio's styles it lacks stay, its page size and margins
 * and its theme's fonts are the edition's; `folio new` writes folio's own as
 * `templates/reference.docx`, which building with changes nothing. Read back from the built files.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { build } from '../pipeline/build.js';
import { main } from '../pipeline/cli/main.js';
import { newReport } from '../pipeline/cli/new-report.js';
import { defaultReferenceDoc, readReferenceDoc } from '../pipeline/writers/docx/reference-doc.js';
import { renderDocx } from '../pipeline/writers/docx/render-docx.js';
import { attr, child, childrenOf, descendants, element, nameOf, parseXml, putInOrder, rootOf, serializeXml, setAttr, setChildren, type XmlNode } from '../pipeline/writers/docx/xml.js';
import { DocxFile } from './docx-reader.js';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { root, templates } from './helpers.js';

const A5 = { w: 8391, h: 11906, margin: 1134 };
const sourceDir = join(root, 'source');

/** A Word document made from another by changing its XML parts (parsed, changed, written back). */
function edit(docx: Uint8Array, changes: Record<string, (tree: XmlNode[]) => void>): Uint8Array {
  const files = unzipSync(docx);
  for (const [part, change] of Object.entries(changes)) {
    const tree = parseXml(strFromU8(files[part]!));
    change(tree);
    files[part] = strToU8(serializeXml(tree));
  }
  return zipSync(files);
}

const stylesOf = (tree: XmlNode[]) => childrenOf(rootOf(tree, 'w:styles')!).filter((s) => nameOf(s) === 'w:style');
const styleById = (tree: XmlNode[], id: string) => stylesOf(tree).find((s) => attr(s, 'w:styleId') === id);

/** Sets run properties of a style (color, size, language), in the schema's order. */
function restyle(style: XmlNode, run: { color?: string; size?: number; lang?: string }): void {
  const order = ['w:name', 'w:basedOn', 'w:next', 'w:qFormat', 'w:pPr', 'w:rPr'];
  let rPr = child(style, 'w:rPr');
  if (!rPr) {
    rPr = element('w:rPr');
    putInOrder(style, rPr, order);
  }
  const rOrder = ['w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:color', 'w:sz', 'w:szCs', 'w:lang'];
  if (run.color) putInOrder(rPr, element('w:color', { 'w:val': run.color }), rOrder);
  if (run.size) {
    putInOrder(rPr, element('w:sz', { 'w:val': String(run.size * 2) }), rOrder);
    putInOrder(rPr, element('w:szCs', { 'w:val': String(run.size * 2) }), rOrder);
  }
  if (run.lang) putInOrder(rPr, element('w:lang', { 'w:val': run.lang }), rOrder);
}

/**
 * The house style: folio's reference document with Heading 1 red at 20 points (and marked en-US,
 * which the edition's language overrides), no Recommendation style (folio's stays), a table style
 * of its own, an A5 page with 2 cm margins, and "House Sans" as its theme's and font table's font.
 */
function houseStyle(): Uint8Array {
  return edit(defaultReferenceDoc(), {
    'word/styles.xml': (tree) => {
      restyle(styleById(tree, 'Heading1')!, { color: 'FF0000', size: 20, lang: 'en-US' });
      const styles = rootOf(tree, 'w:styles')!;
      setChildren(styles, childrenOf(styles).filter((s) => attr(s, 'w:styleId') !== 'Recommendation'));
      setChildren(styles, [...childrenOf(styles), element('w:style', { 'w:type': 'table', 'w:styleId': 'HouseTable' }, [element('w:name', { 'w:val': 'House Table' })])]);
    },
    'word/document.xml': (tree) => {
      const section = descendants(tree, 'w:sectPr').at(-1)!;
      setAttr(child(section, 'w:pgSz')!, 'w:w', String(A5.w));
      setAttr(child(section, 'w:pgSz')!, 'w:h', String(A5.h));
      for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right']) setAttr(child(section, 'w:pgMar')!, side, String(A5.margin));
    },
    'word/theme/theme1.xml': (tree) => {
      for (const latin of descendants(descendants(tree, 'a:minorFont'), 'a:latin')) setAttr(latin, 'typeface', 'House Sans');
    },
    'word/fontTable.xml': (tree) => {
      const fonts = rootOf(tree, 'w:fonts')!;
      setChildren(fonts, [...childrenOf(fonts), element('w:font', { 'w:name': 'House Sans' }, [element('w:family', { 'w:val': 'swiss' })])]);
    },
  });
}

const dir = mkdtempSync(join(tmpdir(), 'folio-reference-'));
const housePath = join(dir, 'house.docx');
writeFileSync(housePath, houseStyle());
const plain = await build({ sourceDir, outDir: join(dir, 'plain'), templatesDir: templates, formats: ['docx'], languages: ['en', 'ru'] });
const housed = await build({ sourceDir, outDir: join(dir, 'house'), templatesDir: templates, formats: ['docx'], languages: ['en', 'ru'], referenceDoc: housePath });
/** A part of a built file as a tree of xml.ts (the reader's own trees name attributes differently). */
const tree = (docx: DocxFile, part: string) => parseXml(docx.parts[part]!);
const plainDocx = (lang: string) => new DocxFile(join(dir, 'plain', lang, 'report.docx'));
const houseDocx = (lang: string) => new DocxFile(join(dir, 'house', lang, 'report.docx'));

describe('a reference document (--reference-doc)', () => {
  it('builds', () => {
    expect(plain.written).toHaveLength(2);
    expect(housed.written).toHaveLength(2);
  });

  it.each(['en', 'ru'])('%s: restyles Heading 1 red at 20 points, in the edition’s language', (lang) => {
    const heading = styleById(tree(houseDocx(lang), 'word/styles.xml'), 'Heading1')!;
    const rPr = child(heading, 'w:rPr')!;
    expect(attr(child(rPr, 'w:color'), 'w:val')).toBe('FF0000');
    expect(attr(child(rPr, 'w:sz'), 'w:val')).toBe('40');
    expect(attr(child(rPr, 'w:lang'), 'w:val')).toBe(lang === 'en' ? 'en-GB' : 'ru-RU');
    // The headings of the text take it: Heading1 paragraphs, no direct colour or size on their runs.
    const paragraphs = descendants(tree(houseDocx(lang), 'word/document.xml'), 'w:p').filter((p) => descendants([p], 'w:pStyle').some((s) => attr(s, 'w:val') === 'Heading1'));
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const p of paragraphs) expect([...descendants([p], 'w:color'), ...descendants([p], 'w:sz')]).toEqual([]);
  });

  it('takes its A5 page and margins in place of A4, and sets tables and pictures to its text width', () => {
    const section = descendants(tree(houseDocx('en'), 'word/document.xml'), 'w:sectPr').at(-1)!;
    expect([attr(child(section, 'w:pgSz'), 'w:w'), attr(child(section, 'w:pgSz'), 'w:h')]).toEqual([String(A5.w), String(A5.h)]);
    const margins = child(section, 'w:pgMar')!;
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((m) => attr(margins, m))).toEqual(Array(4).fill(String(A5.margin)));
    const plainSection = descendants(tree(plainDocx('en'), 'word/document.xml'), 'w:sectPr').at(-1)!;
    expect(attr(child(plainSection, 'w:pgSz'), 'w:w')).toBe('11906');
    const textWidth = A5.w - 2 * A5.margin;
    const table = descendants(tree(houseDocx('en'), 'word/document.xml'), 'w:tblGrid')[0]!;
    const widths = childrenOf(table).map((c) => Number(attr(c, 'w:w')));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(textWidth);
    for (const extent of descendants(tree(houseDocx('en'), 'word/document.xml'), 'wp:extent')) expect(Number(attr(extent, 'cx')) / 635).toBeLessThanOrEqual(textWidth + 1); // EMU → twips
  });

  it('keeps folio’s styles it lacks, as folio has them, and adds its own', () => {
    const house = tree(houseDocx('en'), 'word/styles.xml');
    const mine = tree(plainDocx('en'), 'word/styles.xml');
    const ids = (tree: XmlNode[]) => stylesOf(tree).map((s) => attr(s, 'w:styleId'));
    for (const id of ids(mine)) expect(ids(house), id).toContain(id);
    for (const id of ['Recommendation', 'FootnoteText', 'SourceCode', 'TOC1', 'AnnexRecommendation', 'Title', 'Normal']) {
      expect(serializeXml([styleById(house, id)!]), id).toBe(serializeXml([styleById(mine, id)!]));
    }
    expect(ids(house)).toContain('HouseTable');
    expect(new Set(ids(house)).size).toBe(ids(house).length);
  });

  it('takes its theme’s fonts and its font table’s names, and still embeds PT Serif', () => {
    const docx = houseDocx('en');
    expect(docx.parts['word/theme/theme1.xml']).toContain('typeface="House Sans"');
    expect(plainDocx('en').parts['word/theme/theme1.xml']).not.toContain('House Sans');
    const fonts = descendants(tree(docx, 'word/fontTable.xml'), 'w:font').map((f) => attr(f, 'w:name'));
    expect(fonts).toContain('House Sans');
    expect(fonts).toContain('PT Serif');
    expect(docx.parts['word/fontTable.xml']).toContain('w:embedRegular');
  });

  it('matches a Word style by its built-in name under another id (a German Word’s berschrift1 is Heading 1)', async () => {
    const german = edit(defaultReferenceDoc(), {
      'word/styles.xml': (tree) => {
        const heading = styleById(tree, 'Heading1')!;
        setAttr(heading, 'w:styleId', 'berschrift1');
        setAttr(child(heading, 'w:name')!, 'w:val', 'heading 1');
        restyle(heading, { color: '00AA00' });
        for (const s of stylesOf(tree)) for (const ref of descendants([s], 'w:basedOn')) if (attr(ref, 'w:val') === 'Heading1') setAttr(ref, 'w:val', 'berschrift1');
      },
    });
    const { edition } = editionFromMarkdown('# First {#first}\n\nText.\n');
    const styles = parseXml(new DocxFile(await renderDocx(edition, templates, { reference: readReferenceDoc(german, 'german.docx') })).parts['word/styles.xml']!);
    expect(styleById(styles, 'berschrift1')).toBeUndefined();
    expect(attr(child(child(styleById(styles, 'Heading1'), 'w:rPr'), 'w:color'), 'w:val')).toBe('00AA00');
  });

  it('refuses a file that is not a Word document, with its name', () => {
    expect(() => readReferenceDoc(new TextEncoder().encode('not a zip'), 'notes.txt')).toThrow(/reference document notes\.txt is not a Word document/);
    const noStyles = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
    expect(() => readReferenceDoc(noStyles, 'empty.docx')).toThrow(/empty\.docx/);
  });
});

describe('folio’s own reference document', () => {
  it('is the same bytes every time, dated, with a paragraph in each of folio’s paragraph styles', () => {
    const doc = defaultReferenceDoc();
    expect(Buffer.from(defaultReferenceDoc()).equals(Buffer.from(doc))).toBe(true);
    const docx = new DocxFile(doc);
    expect(docx.parts['docProps/core.xml']).toMatch(/<dcterms:created[^>]*>2026-01-01T00:00:00Z</);
    const used = new Set(descendants(tree(docx, 'word/document.xml'), 'w:pStyle').map((s) => attr(s, 'w:val')));
    for (const id of ['Title', 'CoverLine', 'Heading1', 'Heading6', 'Recommendation', 'AnnexRecommendation', 'Compact', 'BlockText', 'SourceCode', 'TOC1', 'TOC2', 'TableText', 'TableHeading', 'Caption']) expect(used, id).toContain(id);
    expect(Object.keys(docx.parts).filter((p) => p.startsWith('word/fonts/'))).toEqual([]); // no fonts embedded
  });

  it('changes nothing when an edition is built with it', async () => {
    const { edition } = editionFromMarkdown('# First {#first}\n\nText with a note.[^n]\n\n[^n]: The note.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    const without = new DocxFile(await renderDocx(edition, templates));
    const withIt = new DocxFile(await renderDocx(edition, templates, { reference: readReferenceDoc(defaultReferenceDoc(), 'reference.docx') }));
    for (const part of ['word/styles.xml', 'word/document.xml', 'word/theme/theme1.xml', 'word/settings.xml']) expect(withIt.parts[part], part).toBe(without.parts[part]);
  });

  it('is written by folio new into the report’s templates, and a build takes it from there', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'folio-new-reference-')), 'report');
    newReport(report, ['en'], templates);
    const written = join(report, 'templates', 'reference.docx');
    expect(existsSync(written)).toBe(true);
    expect(Buffer.from(readFileSync(written)).equals(Buffer.from(defaultReferenceDoc()))).toBe(true);
    // The house style put there restyles the report's build.
    writeFileSync(written, houseStyle());
    const result = await build({ sourceDir: report, outDir: join(report, 'out'), templatesDir: join(report, 'templates'), formats: ['docx'] });
    expect(result.written).toHaveLength(1);
    const styles = tree(new DocxFile(join(report, 'out', 'en', 'report.docx')), 'word/styles.xml');
    expect(attr(child(child(styleById(styles, 'Heading1'), 'w:rPr'), 'w:color'), 'w:val')).toBe('FF0000');
  });
});

describe('folio build --reference-doc', () => {
  it('restyles the DOCX; a missing file is bad usage, one that is not a Word document a problem', async () => {
    const templatesCopy = join(dir, 'templates');
    cpSync(templates, templatesCopy, { recursive: true });
    const out = join(dir, 'cli');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const error = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await main(['build', '--source', sourceDir, '--out', out, '--templates', templatesCopy, '--lang', 'en', '--format', 'docx', '--quiet', '--reference-doc', housePath]);
      expect(code).toBe(0);
      const styles = tree(new DocxFile(join(out, 'en', 'report.docx')), 'word/styles.xml');
      expect(attr(child(child(styleById(styles, 'Heading1'), 'w:rPr'), 'w:color'), 'w:val')).toBe('FF0000');
      // A file that is not there is bad usage (2), said before anything is built.
      const missing = await main(['build', '--source', sourceDir, '--out', out, '--templates', templatesCopy, '--lang', 'en', '--format', 'docx', '--quiet', '--reference-doc', join(dir, 'missing.docx')]);
      expect(missing).toBe(2);
      expect(error.mock.calls.map((c) => String(c[0])).join('')).toMatch(/--reference-doc \S*missing\.docx: no such file/);
      // One that is not a Word document is a problem that names it, found before anything is rendered.
      writeFileSync(join(dir, 'notes.docx'), 'not a zip');
      const bad = await main(['build', '--source', sourceDir, '--out', out, '--templates', templatesCopy, '--lang', 'en', '--format', 'docx', '--quiet', '--reference-doc', join(dir, 'notes.docx')]);
      expect(bad).toBe(1);
      expect(write.mock.calls.map((c) => String(c[0])).join('')).toMatch(/notes\.docx:1:1: error: reference document: is not a Word document \(\.docx\)/);
    } finally {
      write.mockRestore();
      error.mockRestore();
    }
  }, 120_000);
});
