/**
 * The structure tree of the tagged PDF, in reading order, its elements created before any content.
 * Block elements join their parents at once; a span (inline code) joins its parent when its first
 * content is drawn, so it stands between the parent's own runs where it is read.
 */
import type { Layout } from '../../layout/types.js';

export type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

export interface Structure {
  elements: StructElement[];
  /** Joins a span to its parent, once (before its content is added). */
  attach(index: number): void;
  /** Attaches spans never drawn and ends every element (an element never ended would make `end()` wait forever). */
  end(): void;
}

export function buildStructure(doc: PDFKit.PDFDocument, layout: Layout): Structure {
  const elements: StructElement[] = [];
  const waiting = new Set<number>();
  layout.structure.forEach((node, i) => {
    if (i === 0) return;
    elements[i] = doc.struct(node.type as never, (node.alt ? { alt: node.alt } : {}) as never);
  });
  const join = (i: number) => {
    const parent = layout.structure[i]!.parent;
    if (parent === 0 || parent === null) doc.addStructure(elements[i]!);
    else elements[parent]!.add(elements[i]!);
  };
  layout.structure.forEach((node, i) => {
    if (i === 0) return;
    if (node.inline) waiting.add(i);
    else join(i);
  });
  const attach = (i: number) => {
    if (!waiting.delete(i)) return;
    join(i);
  };
  return {
    elements,
    attach,
    end() {
      for (const i of [...waiting]) attach(i);
      for (let i = 1; i < elements.length; i++) elements[i]?.end();
    },
  };
}
