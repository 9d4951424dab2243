/** The structure tree of the tagged PDF, in reading order, created before any content. */
import type { Layout } from '../../layout/types.js';

export type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

export function buildStructure(doc: PDFKit.PDFDocument, layout: Layout): StructElement[] {
  const elements: StructElement[] = [];
  if (!layout.structure[0]) return elements;
  layout.structure.forEach((node, i) => {
    if (i === 0) return;
    elements[i] = doc.struct(node.type as never, (node.alt ? { alt: node.alt } : {}) as never);
  });
  layout.structure.forEach((node, i) => {
    if (i === 0) return;
    const element = elements[i]!;
    if (node.parent === 0 || node.parent === null) doc.addStructure(element);
    else elements[node.parent]!.add(element);
  });
  return elements;
}

/** Ends every element, so pdfkit writes the tree (an element never ended would make `end()` wait forever). */
export function endStructure(elements: StructElement[]): void {
  for (let i = 1; i < elements.length; i++) elements[i]?.end();
}
