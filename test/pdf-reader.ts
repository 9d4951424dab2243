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

/** A node of a page's structure tree (tagged PDF), as pdfjs reads it. */
export interface PdfStructNode {
  role: string;
  alt?: string;
  children: (PdfStructNode | { type: 'content'; id: string })[];
}

/** What one page draws, read back: text with its font, links, structure, and the paths and pictures of its operators. */
export interface PdfPage {
  page: number;
  height: number;
  /** Text items with the PostScript name of their font (`PTMono-Regular`, subset tag removed) and their width. */
  items: (PdfItem & { font: string; width: number })[];
  /** Link annotations, the rectangle from the top of the page: [left, top, right, bottom]. */
  links: { url?: string; dest?: string; rect: [number, number, number, number] }[];
  structure: PdfStructNode | null;
  /** Straight stroked segments, from the top of the page. */
  lines: { x1: number; y1: number; x2: number; y2: number; width: number }[];
  /** Filled areas (their bounding boxes), from the top of the page. */
  fills: { x: number; y: number; width: number; height: number }[];
  /** Pictures drawn (their bounding boxes), from the top of the page. */
  images: { x: number; y: number; width: number; height: number }[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

function bounds(points: [number, number][], height: number) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => height - p[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** The operators' paths and pictures, placed with the transformation matrix in force. */
function drawings(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>, height: number): Pick<PdfPage, 'lines' | 'fills' | 'images'> {
  const out: Pick<PdfPage, 'lines' | 'fills' | 'images'> = { lines: [], fills: [], images: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  const stack: [Matrix, number][] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push([ctm, lineWidth]);
    else if (fn === OPS.restore) [ctm, lineWidth] = stack.pop() ?? [ctm, lineWidth];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) out.images.push(bounds([apply(ctm, 0, 0), apply(ctm, 1, 1)], height));
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = args as [number, [Record<number, number> | null]];
      const values = data ? Object.values(data) : [];
      const points: [number, number][] = [];
      const segments: [number, number][][] = [];
      for (let k = 0; k < values.length; ) {
        const op = values[k++]!;
        const take = op === 2 ? 6 : op === 3 ? 0 : 2; // curveTo has three points, closePath none
        const pts: [number, number][] = [];
        for (let j = 0; j < take; j += 2) pts.push(apply(ctm, values[k + j]!, values[k + j + 1]!));
        k += take;
        if (op === 0) segments.push(pts);
        else segments[segments.length - 1]?.push(...pts);
        points.push(...pts);
      }
      if (paint === OPS.stroke) {
        for (const seg of segments) {
          for (let j = 1; j < seg.length; j++) out.lines.push({ x1: seg[j - 1]![0], y1: height - seg[j - 1]![1], x2: seg[j]![0], y2: height - seg[j]![1], width: lineWidth * Math.abs(ctm[3]) });
        }
      } else if (points.length && (paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke)) out.fills.push(bounds(points, height));
    }
  });
  return out;
}

function structNode(node: { role?: string; alt?: string; children?: unknown[]; type?: string; id?: string }): PdfStructNode | { type: 'content'; id: string } {
  if (node.type === 'content' || node.role === undefined) return { type: 'content', id: node.id ?? '' };
  const out: PdfStructNode = { role: node.role, children: (node.children ?? []).map((c) => structNode(c as never)) };
  if (node.alt) out.alt = node.alt;
  return out;
}

/** Every page of the PDF with its text, fonts, links, structure tree and drawings. */
export async function readPdfPages(path: string): Promise<PdfPage[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(path));
  const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3]! - page.view[1]!;
    const ops = await page.getOperatorList();
    const content = await page.getTextContent();
    const items: PdfPage['items'] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a, , , d, e, f] = item.transform as number[];
      const font = page.commonObjs.has(item.fontName) ? String((page.commonObjs.get(item.fontName) as { name?: string }).name ?? '') : '';
      items.push({ page: p, text: item.str, x: e!, y: height - f!, size: Math.round(Math.abs(d! || a!) * 100) / 100, font: font.replace(/^[A-Z]{6}\+/, ''), width: item.width });
    }
    const links = ((await page.getAnnotations()) as { subtype: string; url?: string; dest?: unknown; rect: number[] }[])
      .filter((a) => a.subtype === 'Link')
      .map((a) => ({ url: a.url, dest: typeof a.dest === 'string' ? a.dest : undefined, rect: [a.rect[0]!, height - a.rect[3]!, a.rect[2]!, height - a.rect[1]!] as [number, number, number, number] }));
    const tree = await page.getStructTree();
    pages.push({ page: p, height, items, links, structure: tree ? (structNode(tree as never) as PdfStructNode) : null, ...drawings(ops as never, OPS as never, height) });
  }
  await doc.destroy();
  return pages;
}
