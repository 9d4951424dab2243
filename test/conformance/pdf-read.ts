/**
 * A PDF read back for the conformance checks with pdfjs-dist: text items with position, size and
 * real font name, the structure element each sits in (marked content → structure tree), the
 * painted paths' boxes (from the operator list, through the current transformation matrix) and the
 * link annotations. Coordinates are PDF points from the page's top-left corner.
 */
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructNode {
  id: number;
  role: string;
  parent?: number;
  page: number;
}

export interface PdfItem {
  page: number;
  str: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  size: number;
  font: string;
  node?: number;
  artifact: boolean;
}

export interface PdfChar {
  ch: string;
  item: number;
  page: number;
  x: number;
  width: number;
  y: number;
  size: number;
  font: string;
  node?: number;
}

export interface Box {
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The painting operator (stroke, fill…). */
  paint: number;
}

export interface Annotation {
  page: number;
  subtype: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  url?: string;
  dest?: string;
  fieldType?: string;
  checkBox?: boolean;
  value?: string;
}

export interface Pdf {
  pages: number;
  heights: number[];
  items: PdfItem[];
  chars: PdfChar[];
  nodes: StructNode[];
  boxes: Box[];
  annotations: Annotation[];
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface RawStruct {
  role?: string;
  type?: string;
  id?: string;
  children?: RawStruct[];
}

/** `firstPage` 2 leaves out the title page (the checks never look at it). */
export async function readPdf(path: string, firstPage = 1): Promise<Pdf> {
  const data = new Uint8Array(readFileSync(path));
  const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const out: Pdf = { pages: doc.numPages, heights: [], items: [], chars: [], nodes: [], boxes: [], annotations: [] };
  try {
    for (let p = firstPage; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const height = page.view[3]! - page.view[1]!;
      out.heights[p] = height;
      // Structure: content ids → nodes.
      const byContent = new Map<string, number>();
      const tree = (await page.getStructTree()) as RawStruct | null;
      const visit = (n: RawStruct, parent: number | undefined) => {
        if (n.type === 'content' && n.id) {
          if (parent !== undefined) byContent.set(n.id, parent);
          return;
        }
        if (!n.role && !n.children) return;
        const id = out.nodes.length;
        out.nodes.push({ id, role: n.role ?? '', parent, page: p });
        for (const c of n.children ?? []) visit(c, id);
      };
      if (tree) visit(tree, undefined);
      // Paths (operator list first: it loads the fonts into commonObjs too).
      const ops = await page.getOperatorList();
      const stack: Matrix[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
        else if (fn === OPS.constructPath) {
          const paint = Number(args[0]);
          const mm = args[2] as ArrayLike<number> | null;
          if (!mm || mm.length < 4) continue;
          const corners = [apply(ctm, mm[0]!, mm[1]!), apply(ctm, mm[2]!, mm[1]!), apply(ctm, mm[0]!, mm[3]!), apply(ctm, mm[2]!, mm[3]!)];
          const xs = corners.map((c) => c[0]);
          const ys = corners.map((c) => height - c[1]);
          out.boxes.push({ page: p, x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys), paint });
        }
      }
      // Text.
      const content = await page.getTextContent({ includeMarkedContent: true });
      const marks: { id?: string; tag?: string }[] = [];
      for (const item of content.items as unknown[]) {
        const it = item as { type?: string; id?: string; tag?: string; str?: string; transform?: number[]; width?: number; fontName?: string };
        if (it.type === 'beginMarkedContentProps' || it.type === 'beginMarkedContent') {
          marks.push({ id: it.id ?? undefined, tag: it.tag });
          continue;
        }
        if (it.type === 'endMarkedContent') {
          marks.pop();
          continue;
        }
        if (typeof it.str !== 'string' || it.str === '') continue;
        const [a, , , d, e, f] = (it.transform ?? [1, 0, 0, 1, 0, 0]) as [number, number, number, number, number, number];
        const mc = [...marks].reverse().find((m) => m.id);
        const fontObj = it.fontName && page.commonObjs.has(it.fontName) ? (page.commonObjs.get(it.fontName) as { name?: string }) : undefined;
        const pi: PdfItem = {
          page: p,
          str: it.str,
          x: e,
          y: height - f,
          width: it.width ?? 0,
          size: Math.round(Math.abs(d || a) * 100) / 100,
          font: fontObj?.name ?? it.fontName ?? '',
          node: mc?.id ? byContent.get(mc.id) : undefined,
          artifact: marks.some((m) => m.tag === 'Artifact'),
        };
        const index = out.items.length;
        out.items.push(pi);
        const cs = [...pi.str];
        const w = cs.length ? pi.width / cs.length : 0;
        cs.forEach((ch, k) => {
          out.chars.push({ ch, item: index, page: p, x: pi.x + w * k, width: w, y: pi.y, size: pi.size, font: pi.font, node: pi.node });
        });
      }
      for (const a of (await page.getAnnotations()) as Record<string, unknown>[]) {
        const rect = a.rect as number[] | undefined;
        if (!rect || rect.length < 4) continue;
        out.annotations.push({
          page: p,
          subtype: String(a.subtype ?? ''),
          x1: Math.min(rect[0]!, rect[2]!),
          x2: Math.max(rect[0]!, rect[2]!),
          y1: height - Math.max(rect[1]!, rect[3]!),
          y2: height - Math.min(rect[1]!, rect[3]!),
          url: typeof a.url === 'string' ? a.url : typeof a.unsafeUrl === 'string' ? a.unsafeUrl : undefined,
          dest: typeof a.dest === 'string' ? a.dest : a.dest ? JSON.stringify(a.dest) : undefined,
          fieldType: typeof a.fieldType === 'string' ? a.fieldType : undefined,
          checkBox: a.checkBox === true,
          value: typeof a.fieldValue === 'string' ? a.fieldValue : undefined,
        });
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** Roles from a node up to the root. */
export function ancestry(pdf: Pdf, node: number | undefined): StructNode[] {
  const out: StructNode[] = [];
  let n = node === undefined ? undefined : pdf.nodes[node];
  while (n) {
    out.push(n);
    n = n.parent === undefined ? undefined : pdf.nodes[n.parent];
  }
  return out;
}

export const MONO_FONT = /mono|courier|code|consol|menlo|inconsolata/i;
export const ITALIC_FONT = /italic|oblique/i;
export const BOLD_FONT = /bold|black|heavy|semibold|demi/i;
