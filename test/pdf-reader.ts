/** Reads a PDF back for the tests with pdfjs-dist: text items with page, position and size. */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfItem {
  page: number;
  text: string;
  x: number;
  /** From the top of the page, like the layout. */
  y: number;
  size: number;
}

export interface PdfRead {
  pages: number;
  items: PdfItem[];
  outline: { title: string; items: { title: string }[] }[];
  destinations: string[];
}

export async function readPdf(path: string): Promise<PdfRead> {
  const data = new Uint8Array(readFileSync(path));
  const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const items: PdfItem[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3]! - page.view[1]!;
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a, , , d, e, f] = item.transform as number[];
      items.push({ page: p, text: item.str, x: e!, y: height - f!, size: Math.round(Math.abs(d! || a!) * 100) / 100 });
    }
  }
  const outline = ((await doc.getOutline()) ?? []).map((o) => ({ title: o.title, items: o.items.map((i) => ({ title: i.title })) }));
  const destinations = Object.keys((await doc.getDestinations()) as Record<string, unknown>);
  await doc.destroy();
  return { pages: doc.numPages, items, outline, destinations };
}
