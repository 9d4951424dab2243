/**
 * The HTML editions in a real browser (Debian's Chromium driven by playwright-core): axe-core finds
 * no accessibility violations; the keyboard reaches every note citation, follows it to the note and
 * back; the page fits a phone's width. Said SKIPPED where Chromium is not installed.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from '../pipeline/build.js';
import { root, templates } from './helpers.js';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { renderHtml } from '../pipeline/writers/html/render-html.js';

const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!executable) console.warn('html-in-browser: SKIPPED: Chromium is not installed (apt-get install chromium)');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the open page, as `rule (nodes)`; the page's policy forbids scripts, so axe is added through the browser's protocol. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  })) as { violations: { id: string; nodes: unknown[] }[] };
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

describe.skipIf(!executable)('the HTML editions in Chromium', () => {
  let browser: Browser;
  const out = mkdtempSync(join(tmpdir(), 'folio-browser-'));
  beforeAll(async () => {
    await build({ sourceDir: join(root, 'source'), outDir: out, templatesDir: templates, formats: ['html'] });
    browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => browser?.close());

  it.each(['en', 'ru', 'kk'])('%s: axe-core finds no violations', async (lang) => {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, lang, 'report.html')}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('reaches every note from the keyboard, and comes back', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, 'en', 'report.html')}`);
    const refs = await page.$$eval('a[role="doc-noteref"]', (as) => as.map((a) => a.id));
    expect(refs).toHaveLength(81);
    // Tab through the page and record which citations receive focus.
    const focused = new Set<string>();
    for (let i = 0; i < 400 && focused.size < 81; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement?.getAttribute('role') === 'doc-noteref' ? document.activeElement.id : ''));
      if (id) focused.add(id);
    }
    expect(focused.size).toBe(81);
    // Follow one citation with Enter, then its back-link.
    await page.focus('#fnref-42');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#fn-42');
    await page.focus('#fn-42 a[role="doc-backlink"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#fnref-42');
    await page.close();
  }, 120_000);

  it('fits a phone’s width without scrolling sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`file://${join(out, 'kk', 'report.html')}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The chart's text, as drawn: at least 12 CSS pixels high on the phone.
    const sizes = await page.$$eval('figure.chart-figure svg text', (texts) =>
      texts.filter((t) => (t as SVGGraphicsElement).getBoundingClientRect().width > 0).map((t) => {
        const svg = t.closest('svg')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      }));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    await page.close();
  }, 60_000);

  it('a table of 200 columns scrolls in its own box on a phone: the page does not, and no number breaks', async () => {
    const row = (cell: (c: number) => string) => `| ${Array.from({ length: 200 }, (_, c) => cell(c)).join(' | ')} |`;
    const md = `# WIDE {#wide}\n\n${row((c) => `Column ${c}`)}\n${row(() => '--:')}\n${row((c) => (1_234_567 + c).toLocaleString('en'))}\n`;
    const { edition } = editionFromMarkdown(md);
    const file = join(out, 'wide.html');
    writeFileSync(file, renderHtml(edition, { templatesDir: templates, alternates: [] }));
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`file://${file}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const box = await page.$eval('.table-scroll', (d) => ({ scroll: d.scrollWidth, client: d.clientWidth, overflow: getComputedStyle(d).overflowX }));
    expect(box.overflow).toBe('auto');
    expect(box.scroll).toBeGreaterThan(10 * box.client);
    // Each number's text is drawn on one line.
    const lines = await page.$$eval('td', (cells) => cells.map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }));
    expect(lines).toHaveLength(200);
    expect(Math.max(...lines)).toBe(1);
    // A box that scrolls is reachable from the keyboard (axe's scrollable-region-focusable among its rules).
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('prints with running heads and page numbers in the margins, and no half-empty chapter pages', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, 'en', 'report.html')}`);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.close();
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const pages: { texts: { text: string; y: number }[]; height: number }[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const pdfPage = await doc.getPage(p);
      const height = pdfPage.view[3]!;
      const content = await pdfPage.getTextContent();
      const texts = content.items.flatMap((i) => ('str' in i && i.str.trim() ? [{ text: i.str, y: height - (i.transform as number[])[5]! }] : []));
      pages.push({ texts, height });
    }
    await doc.destroy();
    // Every page but the title page: the running head at the top, `Page: N` at the foot.
    pages.slice(1).forEach((p, i) => {
      const foot = p.texts.filter((t) => t.y > p.height - 60).map((t) => t.text).join(' ');
      expect(foot, `page ${i + 2}`).toContain(`Page: ${i + 2}`);
      const head = p.texts.filter((t) => t.y < 60).map((t) => t.text).join(' ');
      expect(head, `page ${i + 2}`).toContain('ODIHR Referendum Assessment Mission Final Report');
    });
    // Body pages (after the contents, before the last) filled at least half: chapters run on.
    const body = pages.slice(3, -1);
    const halfEmpty = body.filter((p) => Math.max(...p.texts.filter((t) => t.y < p.height - 60).map((t) => t.y)) < p.height / 2);
    expect(halfEmpty.length, `${halfEmpty.length} of ${body.length} pages less than half full`).toBeLessThanOrEqual(1);
  }, 120_000);
});
