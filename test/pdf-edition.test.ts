/**
 * The PDF editions, read back with pdfjs-dist: every note starts on the page of its citation (or,
 * split, continues on the next), the text and the notes in reading order equal the source's, Kazakh
 * letters extract as Kazakh; the layout keeps the page-building rules; tagged, with outline and
 * destinations; qpdf and pdffonts (where installed) find nothing wrong; same bytes on every build.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { textOf } from './mdast-text.js';
import type { Node } from 'unist';
import { build } from '../pipeline/build.js';
import { layoutEdition } from '../pipeline/layout/layout-document.js';
import { root, templates } from './helpers.js';
import { readPdf, type PdfItem } from './pdf-reader.js';
import { layoutProblems } from './layout-invariants.js';
import { TYPE } from '../pipeline/layout/geometry.js';

const out = mkdtempSync(join(tmpdir(), 'folio-pdf-'));
const result = await build({ sourceDir: join(root, 'source'), outDir: out, templatesDir: templates, formats: ['pdf'] });
const file = (lang: string) => join(out, lang, 'report.pdf');
const norm = (s: string) => s.replace(/[\s\u00ad\u2060\-]/g, ''); // word joiners (no-break rules) are no text
const near = (a: number, b: number) => Math.abs(a - b) < 0.06;


const digits = (i: PdfItem) => /^\d+\s*$/.test(i.text);

describe('the PDF editions', () => {
  it('are built for every language', () => {
    expect(result.diagnostics.list()).toEqual([]);
    expect(result.written.map((w) => w.lang)).toEqual(['en', 'ru', 'kk']);
  });

  describe.each(['en', 'ru', 'kk'])('%s', async (lang) => {
    const pdf = await readPdf(file(lang));
    const edition = result.editions.find((e) => e.lang === lang)!;
    const noteNumber = TYPE.note.size * 0.75;
    // Note numbers open each note (smaller than the note text, followed by it on the same line).
    const starts = new Map<number, number>();
    const citations = new Map<number, number>();
    pdf.items.forEach((item, k) => {
      if (!digits(item)) return;
      const n = Number(item.text.trim());
      const next = pdf.items.slice(k + 1).find((i) => i.text.trim() !== '');
      const prev = pdf.items.slice(0, k).reverse().find((i) => i.text.trim() !== '');
      if (near(item.size, noteNumber) && next && near(next.size, TYPE.note.size) && Math.abs(next.y - item.y) < 4) {
        if (!starts.has(n)) starts.set(n, item.page);
      } else if (prev && prev.page === item.page && near(item.size, prev.size * TYPE.noteNumberScale) && item.y < prev.y) {
        if (!citations.has(n)) citations.set(n, item.page);
      }
    });

    it('starts each of the 81 notes on the page that cites it', () => {
      expect([...starts.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
      expect([...citations.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
      const wrong = [...citations].filter(([n, page]) => starts.get(n) !== page);
      expect(wrong).toEqual([]);
    });

    it('has the notes’ text in order, split notes included', () => {
      const noteText = pdf.items.filter((i) => near(i.size, TYPE.note.size)).map((i) => i.text).join('');
      const expected = edition.notes.map((n) => textOf({ type: 'root', children: n.definition.children } as Node)).join('');
      expect(norm(noteText)).toBe(norm(expected));
    });

    it('has the text of every paragraph, in reading order', () => {
      const body = norm(pdf.items.filter((i) => near(i.size, TYPE.body.size) || near(i.size, TYPE.heading1.size) || near(i.size, TYPE.table.size)).map((i) => i.text).join(''));
      let at = 0;
      const missing: string[] = [];
      visit(edition.root, (node: Node) => {
        if (node.type !== 'paragraph') return undefined;
        const text = norm(textOf(node));
        const found = body.indexOf(text, at);
        if (found < 0) missing.push(textOf(node).slice(0, 80));
        else at = found + text.length;
        return 'skip';
      });
      expect(missing).toEqual([]);
    });

    it('keeps the page-building rules in its layout', () => {
      const layout = layoutEdition(edition, templates);
      expect(layoutProblems(layout, 81)).toEqual([]);
      expect(layout.pages.length).toBe(pdf.pages);
    });

    it('has an outline of the sections, and destinations for notes and headings', () => {
      expect(pdf.outline.map((o) => o.title.split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', expect.any(String), expect.any(String)]);
      expect(pdf.outline.find((o) => o.title.startsWith('VIII.'))!.items).toHaveLength(2);
      for (let n = 1; n <= 81; n++) {
        expect(pdf.destinations).toContain(`fn-${n}`);
        expect(pdf.destinations).toContain(`fnref-${n}`);
      }
      for (const e of edition.outline) expect(pdf.destinations).toContain(e.id);
    });

    it('draws the results chart as vector bars, tagged as a figure with its text alternative', () => {
      const layout = layoutEdition(edition, templates);
      const bars = layout.pages.flatMap((p) => p.boxes.filter((b) => b.kind === 'rect'));
      expect(bars).toHaveLength(4);
      const figure = layout.structure.find((s) => s.type === 'Figure');
      expect(figure?.alt).toContain(lang === 'en' ? '77.18' : '77,18');
    });

    it('prints the running header and Page: N', () => {
      const header = pdf.items.filter((i) => near(i.size, TYPE.header.size)).map((i) => i.text);
      expect(header).toContain(edition.text.country);
      const footers = pdf.items.filter((i) => near(i.size, TYPE.footer.size)).map((i) => i.text);
      expect(footers[0]).toBe(edition.labels.page.replace('{{page}}', '1'));
    });
  });

  it('extracts Kazakh letters from the Kazakh edition', async () => {
    const pdf = await readPdf(file('kk'));
    const text = pdf.items.map((i) => i.text).join('');
    const source = result.editions.find((e) => e.lang === 'kk')!;
    const used = new Set([...textOf(source.root)].filter((c) => 'ӘҒҚҢӨҰҮҺІәғқңөұүһі'.includes(c)));
    expect(used.size).toBeGreaterThanOrEqual(12);
    for (const letter of used) expect(text, letter).toContain(letter);
    expect(text).toContain('Қазақстан Республикасы');
  });

  const have = (cmd: string) => spawnSync(cmd, ['--version']).status === 0 || spawnSync(cmd, ['-v']).status === 0;
  const poppler = have('pdfinfo');
  if (!poppler) console.warn('pdf-edition: pdfinfo/pdffonts checks SKIPPED: poppler-utils is not installed');
  it.skipIf(!poppler)('is tagged, with every font embedded and subset (pdfinfo, pdffonts)', () => {
    for (const lang of ['en', 'ru', 'kk']) {
      const info = spawnSync('pdfinfo', [file(lang)], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      const fonts = spawnSync('pdffonts', [file(lang)], { encoding: 'utf8' }).stdout.trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    }
  });

  const qpdf = have('qpdf');
  if (!qpdf) console.warn('pdf-edition: the qpdf --check test is SKIPPED: qpdf is not installed');
  it.skipIf(!qpdf)('passes qpdf --check', () => {
    for (const lang of ['en', 'ru', 'kk']) {
      const run = spawnSync('qpdf', ['--check', file(lang)], { encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('No syntax or stream encoding errors found');
    }
  });

  it('is the same bytes on every build', async () => {
    const again = mkdtempSync(join(tmpdir(), 'folio-pdf-'));
    await build({ sourceDir: join(root, 'source'), outDir: again, templatesDir: templates, formats: ['pdf'], languages: ['kk'] });
    expect(readFileSync(join(again, 'kk', 'report.pdf')).equals(readFileSync(file('kk')))).toBe(true);
  });
});
