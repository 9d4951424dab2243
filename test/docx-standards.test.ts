/**
 * The DOCX editions against the standards of issue 14, read back from the built files in all three
 * languages: the contents a real TOC field around its entries (each a link to the `_Toc` bookmark of
 * its heading, with a PAGEREF field), every field with a stored result (the pages of folio's own
 * layout), no `w:updateFields`, one section with a title page and the running header on the other
 * pages, core.xml dated from the edition's epoch, the chart's PNG fallback at 300 ppi, hyphenation
 * on with the language on every style; and, where LibreOffice is installed, its rendering: the
 * footnote separator drawn on every page with notes, the header on every page but the title page.
 */
import { mkdtempSync, copyFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { build } from '../pipeline/build.js';
import { sourceEpoch } from '../pipeline/load/source-date.js';
import { layoutEdition } from '../pipeline/layout/layout-document.js';
import { destPages } from '../pipeline/layout/pages/contents.js';
import { PAGE } from '../pipeline/writers/docx/styles.js';
import { DocxFile, childrenOf, nameOf, walk, type XmlNode } from './docx-reader.js';
import { root, templates } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'folio-docx-standards-'));
const sourceDir = join(root, 'source');
const result = await build({ sourceDir, outDir: out, templatesDir: templates, formats: ['docx'] });
const file = (lang: string) => join(out, lang, 'report.docx');
const LANGS = ['en', 'ru', 'kk'];

const at = (node: XmlNode | undefined, key: string): string | undefined => node?.[':@']?.[key];
function all(nodes: XmlNode[], name: string): XmlNode[] {
  const found: XmlNode[] = [];
  walk(nodes, (node, n) => {
    if (n === name) found.push(node);
  });
  return found;
}
const textOf = (node: XmlNode): string => {
  let text = '';
  walk([node], (n, name) => {
    if (name === 'w:t') text += childrenOf(n).map((c) => String(c['#text'] ?? '')).join('');
    else if (name === 'w:tab' && !at(n, 'w:val')) text += '\t';
  });
  return text;
};
const styleOf = (p: XmlNode) => at(all([p], 'w:pStyle')[0], 'w:val') ?? '';

describe('the DOCX editions to the standards', () => {
  it('are built', () => {
    expect(result.written.map((w) => w.lang)).toEqual(LANGS);
  });

  describe.each(LANGS)('%s', (lang) => {
    const docx = new DocxFile(file(lang));
    const edition = result.editions.find((e) => e.lang === lang)!;
    const body = docx.xml('word/document.xml');
    const paragraphs = all(body, 'w:p');

    it('has the contents as a real TOC field around its entries, each a link to its heading’s _Toc bookmark with a PAGEREF', () => {
      const fields = docx.fields();
      const toc = fields.filter((f) => f.instruction.startsWith('TOC'));
      expect(toc.map((f) => f.instruction)).toEqual(['TOC \\o "1-2" \\h \\z \\u']);
      // The field begins in the first entry and ends in the last: every entry, and nothing else, is inside it.
      let depth = 0;
      const inside: string[] = [];
      for (const p of paragraphs) {
        const before = depth;
        for (const c of all([p], 'w:fldChar')) depth += at(c, 'w:fldCharType') === 'begin' ? 1 : at(c, 'w:fldCharType') === 'end' ? -1 : 0;
        const begins = all([p], 'w:instrText').some((i) => textOf({ p: [i] } as never) === '' && childrenOf(i).some((c) => String(c['#text'] ?? '').trim().startsWith('TOC')));
        if (before > 0 || begins) inside.push(styleOf(p));
        else expect(styleOf(p)).not.toMatch(/^TOC\d$/);
      }
      expect(inside).toHaveLength(18);
      expect(inside.every((s) => /^TOC[12]$/.test(s))).toBe(true);
      expect(depth).toBe(0);

      // Each entry: a hyperlink to a _Toc bookmark that stands on the heading of that text, holding a PAGEREF to it.
      const bookmarks = new Map<string, XmlNode>();
      for (const p of paragraphs) for (const b of all([p], 'w:bookmarkStart')) bookmarks.set(at(b, 'w:name')!, p);
      const entries = paragraphs.filter((p) => /^TOC\d$/.test(styleOf(p)));
      const outline = edition.outline.filter((e) => e.depth <= 2);
      expect(entries.map((p) => styleOf(p))).toEqual(outline.map((e) => `TOC${e.depth}`));
      const where = destPages(layoutEdition(edition).pages);
      entries.forEach((p, i) => {
        const entry = outline[i]!;
        const links = all([p], 'w:hyperlink');
        expect(links).toHaveLength(1);
        const anchor = at(links[0], 'w:anchor')!;
        expect(anchor).toMatch(/^_Toc\d{9}$/);
        const heading = bookmarks.get(anchor)!;
        expect(styleOf(heading)).toBe(`Heading${entry.depth}`);
        expect(textOf(heading)).toBe(entry.label ? `${entry.label}\t${entry.text}` : entry.text);
        const pageref = new DocxFile(file(lang)).fields().find((f) => f.instruction === `PAGEREF ${anchor} \\h`)!;
        // Its stored result: the page of the heading in folio's own layout, counted from the title page as the DOCX counts.
        expect(pageref.result).toBe(String(where.get(entry.id)!.index));
        expect(textOf(links[0]!)).toBe(`${entry.label ?? ''}\t${entry.text}\t${pageref.result}`);
      });
    });

    it('gives every field a stored result and asks Word for nothing: no dirty field, no w:updateFields', () => {
      const parts = Object.keys(docx.parts).filter((p) => /^word\/(document|header\d+|footer\d+|footnotes)\.xml$/.test(p));
      const fields = parts.flatMap((p) => docx.fields(p));
      expect(fields.filter((f) => f.instruction.startsWith('PAGEREF'))).toHaveLength(18);
      expect(fields.filter((f) => f.instruction === 'PAGE')).toHaveLength(1);
      for (const f of fields) {
        expect(f.separated, f.instruction).toBe(true);
        expect(f.result.trim(), f.instruction).not.toBe('');
        expect(f.dirty, f.instruction).toBe(false);
      }
      const settings = docx.xml('word/settings.xml');
      expect(all(settings, 'w:updateFields')).toEqual([]);
      const hyphenation = all(settings, 'w:autoHyphenation');
      expect(hyphenation).toHaveLength(1);
      expect(['false', '0', 'off']).not.toContain(at(hyphenation[0], 'w:val'));
    });

    it('has one section: the title page (titlePg) without header or footer, the others with the running header and Page: N', () => {
      const sections = all(body, 'w:sectPr');
      expect(sections).toHaveLength(1);
      expect(all(sections, 'w:titlePg')).toHaveLength(1);
      expect(all(sections, 'w:pgNumType').every((n) => at(n, 'w:start') === undefined)).toBe(true);
      const text = (part: string | undefined) => docx.paragraphs(part!).map((p) => p.text).join('\n');
      expect(text(docx.headerFooter('header', 'first'))).toBe('');
      expect(text(docx.headerFooter('footer', 'first'))).toBe('');
      expect(text(docx.headerFooter('header', 'default'))).toBe(edition.furniture.runningHeader.join('\n'));
      expect(docx.fields(docx.headerFooter('footer', 'default')).map((f) => f.instruction)).toEqual(['PAGE']);
      // The body starts on a page of its own, after the contents.
      const first = paragraphs.find((p) => styleOf(p) === 'Heading1')!;
      expect(all([first], 'w:pageBreakBefore')).toHaveLength(1);
    });

    it('is dated from the edition’s epoch (the source’s date), never 1970', () => {
      const epoch = sourceEpoch(sourceDir);
      expect(edition.epoch).toBe(epoch);
      const core = docx.xml('docProps/core.xml');
      const iso = new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      for (const name of ['dcterms:created', 'dcterms:modified']) {
        const [node] = all(core, name);
        const value = childrenOf(node!).map((c) => String(c['#text'] ?? '')).join('');
        expect(value, name).toBe(iso);
        expect(new Date(value).getUTCFullYear(), name).toBeGreaterThan(1970);
      }
    });

    it('has the chart’s PNG fallback at 300 pixels an inch of its drawn size', () => {
      const raw = unzipSync(readFileSync(file(lang)));
      const drawing = all(body, 'w:drawing').find((d) => all([d], 'asvg:svgBlip').length > 0)!;
      const extent = all([drawing], 'wp:extent')[0]!;
      const blip = all([drawing], 'a:blip')[0]!;
      const target = all(docx.xml('word/_rels/document.xml.rels'), 'Relationship').find((r) => at(r, 'Id') === at(blip, 'r:embed'))!;
      const png = Buffer.from(raw[`word/${at(target, 'Target')}`]!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      const inches = (emu: string | undefined) => Number(emu) / 914400;
      expect(Math.abs(width / inches(at(extent, 'cx')) - 300)).toBeLessThan(1);
      expect(Math.abs(height / inches(at(extent, 'cy')) - 300)).toBeLessThan(1.5);
      // It says so: pHYs, 11811 pixels a metre on both axes.
      const phys = png.indexOf('pHYs', 0, 'latin1');
      expect(phys).toBeGreaterThan(0);
      expect([png.readUInt32BE(phys + 4), png.readUInt32BE(phys + 8), png[phys + 12]]).toEqual([11811, 11811, 1]);
    });

    it('puts the edition’s language on the defaults and every paragraph and character style, and no other language on a run', () => {
      const locale = edition.labels.locale;
      expect(locale).toBe({ en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }[lang]);
      const styles = docx.xml('word/styles.xml');
      const defaults = all(all(styles, 'w:rPrDefault'), 'w:lang');
      expect(defaults.map((l) => at(l, 'w:val'))).toEqual([locale]);
      const typed = all(styles, 'w:style').filter((s) => ['paragraph', 'character'].includes(at(s, 'w:type') ?? ''));
      expect(typed.length).toBeGreaterThan(30);
      for (const style of typed) {
        const rPr = childrenOf(style).find((c) => nameOf(c) === 'w:rPr');
        const langs = rPr ? childrenOf(rPr).filter((c) => nameOf(c) === 'w:lang') : [];
        expect(langs.map((l) => at(l, 'w:val')), at(style, 'w:styleId')).toEqual([locale]);
      }
      for (const part of ['word/document.xml', 'word/footnotes.xml']) {
        for (const l of all(all(docx.xml(part), 'w:r'), 'w:lang')) expect(at(l, 'w:val')).toBe(locale);
      }
      // Headings, title, contents and furniture are not hyphenated; body text and notes are.
      const byId = new Map(all(styles, 'w:style').map((s) => [at(s, 'w:styleId'), s]));
      for (const id of ['Heading1', 'Heading2', 'Title', 'TOC1', 'Header']) expect(all([byId.get(id)!], 'w:suppressAutoHyphens'), id).toHaveLength(1);
      for (const id of ['Normal', 'FootnoteText']) expect(all([byId.get(id)!], 'w:suppressAutoHyphens'), id).toHaveLength(0);
    });
  });

  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version']).status === 0);
  if (!soffice) console.warn('docx-standards: the LibreOffice rendering is SKIPPED: LibreOffice is not installed (apt-get install libreoffice-writer)');
  it.skipIf(!soffice)('in LibreOffice: the footnote separator on every page with notes, the header on every page but the title page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-lo-standards-'));
    const inputs = LANGS.map((lang) => {
      const copy = join(dir, `${lang}.docx`);
      copyFileSync(file(lang), copy);
      return copy;
    });
    const run = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...inputs], { encoding: 'utf8', timeout: 400_000 });
    expect(run.status, run.stderr).toBe(0);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const lang of LANGS) {
      const pdf = join(dir, `${lang}.pdf`);
      expect(existsSync(pdf), lang).toBe(true);
      const edition = result.editions.find((e) => e.lang === lang)!;
      const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
      const left = PAGE.margin.left / 20;
      let withNotes = 0;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const height = page.view[3]!;
        const bottom = height - PAGE.margin.bottom / 20;
        const items = (await page.getTextContent()).items.flatMap((t) => ('str' in t && t.str.trim() ? [{ text: t.str, size: Math.abs(t.transform[3]!), y: height - t.transform[5]! }] : []));
        // Notes: text at the notes' 9 points between the header and the bottom margin.
        const notes = items.filter((t) => t.size > 8.6 && t.size < 9.4 && t.y > 100 && t.y < bottom);
        // Short horizontal rules (painted paths, not clips) at the left margin: pdfjs gives each path's bounding box.
        const ops = await page.getOperatorList();
        const rules = ops.argsArray.flatMap((args) => {
          const a = args as unknown[];
          if (!Array.isArray(a) || a.length !== 3 || !Array.isArray(a[1]) || (a[2] as ArrayLike<number> | null)?.length !== 4 || a[0] === 28) return [];
          const [x0, y0, x1, y1] = Array.from(a[2] as ArrayLike<number>) as [number, number, number, number];
          return y1 - y0 < 2 && x1 - x0 > 50 && x1 - x0 < 250 && Math.abs(x0 - left) < 3 ? [{ y: height - y1, width: x1 - x0 }] : [];
        });
        if (notes.length) {
          withNotes++;
          const top = Math.min(...notes.map((t) => t.y));
          const separator = rules.filter((r) => r.y < top && r.y > top - 40);
          expect(separator.length, `${lang} page ${n}: the footnote separator above the notes`).toBeGreaterThan(0);
        }
        const header = items.filter((t) => t.y < PAGE.margin.top / 20).map((t) => t.text).join(' ').includes(edition.furniture.runningHeader[0]!);
        expect(header, `${lang} page ${n}: the running header`).toBe(n > 1);
      }
      expect(withNotes, lang).toBeGreaterThan(15);
      await doc.destroy();
    }
  }, 600_000);
});
