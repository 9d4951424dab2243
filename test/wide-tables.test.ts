/**
 * Wide tables are laid out readably or refused (issue 17): from about 12 columns the PDF set
 * 1,234,567 one digit per line, and at 200 columns its glyphs overprinted. Tables of 12, 30 and 200
 * columns of such numbers, read back: in the PDF (pdfjs) no number is split, no two text boxes
 * overlap, everything stays inside the text area, the type is never below the floor, and a table
 * split into parts repeats its first column in each; in the DOCX every table's columns sum to at
 * most the text width and every cell holds its whole number; the HTML lets a wide table scroll
 * inside its own box. A table that cannot be set even so is refused with its place in both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { renderPdf } from '../pipeline/writers/pdf/render-pdf.js';
import { renderDocx } from '../pipeline/writers/docx/render-docx.js';
import { renderHtml } from '../pipeline/writers/html/render-html.js';
import { PAGE, TEXT_WIDTH, TYPE } from '../pipeline/layout/geometry.js';
import { readPdfPages, type PdfPage } from './pdf-reader.js';
import { templates } from './helpers.js';

const ROWS = 3;
const number = (r: number, c: number) => (1_234_567 + 1000 * r + c).toLocaleString('en');
/** A table of `columns` columns: a row-header column (`Region<columns>`, `Area r`) and numbers. */
function wideTable(columns: number): string {
  const row = (cell: (c: number) => string) => `| ${Array.from({ length: columns }, (_, c) => cell(c)).join(' | ')} |`;
  const body = Array.from({ length: ROWS }, (_, r) => row((c) => (c === 0 ? `Area ${r}` : number(r, c))));
  return [row((c) => (c === 0 ? `Region${columns}` : `Column ${c}`)), row((c) => (c === 0 ? ':--' : '--:')), ...body].join('\n');
}
const SIZES = [12, 30, 200];
const MD = `# WIDE TABLES {#wide}\n\n${SIZES.map((n) => `Table of ${n} columns.\n\n${wideTable(n)}\n`).join('\n')}`;
const cells = (n: number) => ROWS * (n - 1);
const NUMBER = /^\d,\d{3},\d{3}$/;

describe('wide tables', async () => {
  const { edition, diagnostics } = editionFromMarkdown(MD);
  const file = join(mkdtempSync(join(tmpdir(), 'folio-wide-')), 'wide.pdf');
  writeFileSync(file, await renderPdf(edition, templates));
  const pages = await readPdfPages(file);
  // From the chapter's first page on (after the title page and the contents).
  const first = pages.findIndex((p) => p.items.some((i) => i.text.includes('WIDE TABLES') && i.y > PAGE.top - 15));
  const body = pages.slice(first);
  const items = body.flatMap((p) => p.items).filter((i) => i.y > PAGE.top - 15 && i.y < PAGE.bottom);

  it('the source is clean; the tables fill pages of their own', () => {
    expect(diagnostics.list()).toEqual([]);
    expect(first).toBeGreaterThan(0);
    expect(body.length).toBeGreaterThanOrEqual(2);
  });

  it('PDF: every number is whole on one line, each cell once (the first column aside)', () => {
    const numbers = items.filter((i) => /\d,\d/.test(i.text) || /^[\d,]+$/.test(i.text.trim()) && i.text.includes(','));
    for (const n of numbers) expect(n.text.trim()).toMatch(NUMBER);
    expect(numbers.length).toBe(SIZES.reduce((a, n) => a + cells(n), 0));
    const seen = new Set(numbers.map((n) => `${n.page}:${n.x.toFixed(1)}:${n.y.toFixed(1)}`));
    expect(seen.size).toBe(numbers.length);
  });

  it('PDF: no two text boxes overlap, all inside the text area, none below the smallest size', () => {
    for (const page of body) {
      const boxes = page.items.filter((i) => i.y > PAGE.top - 15 && i.y < PAGE.bottom).map((i) => ({ i, left: i.x, right: i.x + i.width, top: i.y - i.size * 0.75, bottom: i.y + i.size * 0.2 }));
      for (const b of boxes) {
        expect(b.left, b.i.text).toBeGreaterThanOrEqual(PAGE.left - 0.5);
        expect(b.right, b.i.text).toBeLessThanOrEqual(PAGE.left + TEXT_WIDTH + 0.5);
        expect(b.i.size, b.i.text).toBeGreaterThanOrEqual(TYPE.table.minSize - 0.01);
      }
      // Sorted by their tops, a box can only overlap those that start above its bottom.
      boxes.sort((p, q) => p.top - q.top);
      const overlaps: string[] = [];
      boxes.forEach((p, a) => {
        for (let b = a + 1; b < boxes.length && boxes[b]!.top < p.bottom - 0.1; b++) {
          const q = boxes[b]!;
          if (Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.1) overlaps.push(`page ${page.page}: “${p.i.text}” and “${q.i.text}”`);
        }
      });
      expect(overlaps).toEqual([]);
    }
  });

  it('PDF: 12 columns are set smaller (in two parts at most); 30 and 200 are split, each part repeating the first column on the row of its numbers', () => {
    const parts = (n: number) => items.filter((i) => i.text.trim() === `Region${n}`);
    expect(parts(12).length).toBeLessThanOrEqual(2);
    expect(items.find((i) => i.text.trim() === 'Column 11')!.size).toBeLessThan(TYPE.table.size);
    expect(parts(30).length).toBeGreaterThanOrEqual(2);
    expect(parts(200).length).toBeGreaterThanOrEqual(15);
    // In every part the first column stands left of its row's numbers, on the same baseline.
    const areas = items.filter((i) => /^Area \d$/.test(i.text.trim()));
    expect(areas).toHaveLength(ROWS * (parts(12).length + parts(30).length + parts(200).length));
    for (const area of areas) {
      const row = items.filter((i) => i.page === area.page && Math.abs(i.y - area.y) < 0.5 && NUMBER.test(i.text.trim()));
      expect(row.length, area.text).toBeGreaterThan(0);
      for (const n of row) expect(n.x).toBeGreaterThan(area.x + area.width);
    }
    // Every column's header is drawn once.
    for (const c of [11, 29, 199]) expect(items.filter((i) => i.text.replace(/\s+/g, ' ').trim() === `Column ${c}` || i.text.trim() === `${c}`).length).toBeGreaterThan(0);
  });

  it('PDF: each part is a Table of its own in the structure tree', () => {
    let tables = 0;
    const walk = (node: PdfPage['structure'] | { type: 'content' }) => {
      if (!node || !('role' in node)) return;
      if (node.role === 'Table') tables++;
      for (const child of node.children) walk(child as never);
    };
    for (const p of body) walk(p.structure);
    // Parts never cross a page (three rows keep together), so each Table shows on one page's tree.
    expect(tables).toBe(items.filter((i) => /^Region\d+$/.test(i.text.trim())).length);
  });

  it('DOCX: every table fits the text width, its cells hold whole numbers, its type at least 7.5 pt', async () => {
    const document = strFromU8(unzipSync(await renderDocx(edition, templates))['word/document.xml']!);
    const section = document.slice(document.lastIndexOf('<w:sectPr'));
    const attr = (xml: string, tag: string, name: string) => Number(new RegExp(`<${tag}[^>]*w:${name}="(\\d+)"`).exec(xml)![1]);
    const textWidth = attr(section, 'w:pgSz', 'w') - attr(section, 'w:pgMar', 'left') - attr(section, 'w:pgMar', 'right');
    const tables = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThan(SIZES.length); // 30 and 200 columns are split
    let numbers = 0;
    for (const t of tables) {
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(textWidth);
      for (const cell of t.matchAll(/<w:tc>.*?<\/w:tc>/gs)) {
        const text = [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
        if (text.includes(',')) {
          expect(text).toMatch(NUMBER);
          numbers++;
        }
      }
      for (const size of t.matchAll(/<w:sz w:val="(\d+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(15);
    }
    expect(numbers).toBe(SIZES.reduce((a, n) => a + cells(n), 0));
  });

  it('HTML: a table stands in a box of its own that scrolls sideways, so the page does not', () => {
    const html = renderHtml(edition, { templatesDir: templates, alternates: [] });
    expect([...html.matchAll(/<div class="table-scroll" role="region" tabindex="0" aria-label="([^"]+)"><table>/g)].map((m) => m[1])).toEqual(SIZES.map((n) => `Region${n}, Column 1, Column 2, …`));
    expect(html).toMatch(/\.table-scroll\s*\{[^}]*overflow-x:\s*auto/);
  });
});

describe('a table that cannot be set even split', () => {
  // A word of 160 letters, without a hyphen or a slash, is wider than the page even at 7 pt.
  const md = `# T {#t}\n\nText.\n\n| Name | Code |\n| -- | -- |\n| Area | ${'x'.repeat(160)} |\n`;

  it('is refused by the PDF and the DOCX with its place and how many columns fit', async () => {
    const { edition } = editionFromMarkdown(md);
    const message = /^test\.md:5:1: the table is too wide for the page even at \d+\.\d pt and split into several tables: its column 2 beside the first needs \d+ pt of \d+ pt \(1 of its 2 columns fit side by side\)/;
    await expect(renderPdf(edition, templates)).rejects.toThrow(message);
    await expect(renderDocx(edition, templates)).rejects.toThrow(message);
  });
});
