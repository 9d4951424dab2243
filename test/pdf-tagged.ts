/**
 * A tagged PDF read back for the standards tests (qpdf's objects, pdf-objects.ts): the structure
 * tree in reading order, each element with its type, dictionary, parent and kids (child elements,
 * marked-content references with their page, object references); every page's drawing (what is
 * drawn in which marked content, pdf-content.ts), fonts (pdf-fonts.ts) and annotations; the XMP
 * packet. Shared by the PDF/UA (Matterhorn) and PDF/A checks.
 */
import { readFileSync } from 'node:fs';
import { isRef, PdfObjects, type PdfDict, type PdfValue } from './pdf-objects.js';
import { readContent, type ContentRead } from './pdf-content.js';
import { readFont, type FontRead } from './pdf-fonts.js';

export type StructKid = { kind: 'element'; element: StructElem } | { kind: 'mcid'; mcid: number; page?: string } | { kind: 'objr'; obj: string; page?: string };

export interface StructElem {
  ref: string;
  /** The structure type without its slash (`P`, `Link`). */
  type: string;
  dict: PdfDict;
  parent: StructElem | null;
  kids: StructKid[];
}

export interface PageRead {
  /** From 1, as printed by viewers' page counters. */
  number: number;
  ref: string;
  dict: PdfDict;
  content: ContentRead;
  fonts: Map<string, FontRead>;
  annotations: { ref: string; dict: PdfDict }[];
}

export interface TaggedPdf {
  pdf: PdfObjects;
  bytes: Buffer;
  /** Elements in reading order (depth first), the root's kids first. */
  elements: StructElem[];
  byRef: Map<string, StructElem>;
  pages: PageRead[];
  xmp?: string;
}

const name = (v: PdfValue | undefined) => (typeof v === 'string' && v.startsWith('/') ? v.slice(1) : undefined);

function readElements(pdf: PdfObjects): { elements: StructElem[]; byRef: Map<string, StructElem> } {
  const elements: StructElem[] = [];
  const byRef = new Map<string, StructElem>();
  const visit = (ref: string, parent: StructElem | null) => {
    if (byRef.has(ref)) return byRef.get(ref)!;
    const dict = pdf.dict(ref)!;
    const element: StructElem = { ref, type: name(dict['/S']) ?? '?', dict, parent, kids: [] };
    byRef.set(ref, element);
    elements.push(element);
    const page = isRef(dict['/Pg']) ? dict['/Pg'] : undefined;
    const k = dict['/K'];
    for (const kid of Array.isArray(pdf.value(k)) ? pdf.array(k) : k === undefined || k === null ? [] : [k]) {
      if (typeof kid === 'number') element.kids.push({ kind: 'mcid', mcid: kid, page });
      const k = pdf.dict(kid);
      if (!k) continue;
      if (k['/Type'] === '/MCR') element.kids.push({ kind: 'mcid', mcid: k['/MCID'] as number, page: (k['/Pg'] as string | undefined) ?? page });
      else if (k['/Type'] === '/OBJR') element.kids.push({ kind: 'objr', obj: k['/Obj'] as string, page: (k['/Pg'] as string | undefined) ?? page });
      else if (isRef(kid)) element.kids.push({ kind: 'element', element: visit(kid, element) });
    }
    return element;
  };
  const root = pdf.dict(pdf.catalog['/StructTreeRoot']);
  const top = root?.['/K'];
  for (const kid of Array.isArray(top) ? top : top === undefined ? [] : [top]) if (isRef(kid)) visit(kid, null);
  return { elements, byRef };
}

function readPages(pdf: PdfObjects): PageRead[] {
  const fonts = new Map<string, FontRead>();
  return pdf.pages.map((page) => {
    const resources = pdf.dict(page.dict['/Resources']);
    const pageFonts = new Map<string, FontRead>();
    for (const [key, ref] of Object.entries(pdf.dict(resources?.['/Font']) ?? {})) {
      if (!isRef(ref)) continue;
      if (!fonts.has(ref)) fonts.set(ref, readFont(pdf, ref));
      pageFonts.set(key.slice(1), fonts.get(ref)!);
    }
    const annotations = pdf.array(page.dict['/Annots']).filter(isRef).map((ref) => ({ ref, dict: pdf.dict(ref)! }));
    return { number: page.index + 1, ref: page.ref, dict: page.dict, content: readContent(page.content), fonts: pageFonts, annotations };
  });
}

export function readTagged(path: string): TaggedPdf {
  const pdf = new PdfObjects(path);
  const { elements, byRef } = readElements(pdf);
  const xmp = pdf.stream(pdf.catalog['/Metadata'])?.data.toString('utf8');
  return { pdf, bytes: readFileSync(path), elements, byRef, pages: readPages(pdf), xmp };
}

/** The element's child elements. */
export const children = (element: StructElem) => element.kids.flatMap((k) => (k.kind === 'element' ? [k.element] : []));
