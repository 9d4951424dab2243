/**
 * The structure tree of the tagged PDF (ISO 32000-1, 14.7), written by folio rather than by
 * pdfkit's structure elements, which know neither object references nor attributes: under the
 * root, the layout's tree in reading order, the `Document` element first. Each element is a
 * dictionary with its type, parent, alternative text, identifier (in the root's ID tree) and
 * attributes (a header cell's scope, a list's numbering); its kids are its child elements, the
 * marked content drawn for it (MCIDs, through the page's entry of the parent tree) and, for a
 * `Link`, the link annotations over its text (object references, through the annotation's own
 * parent tree entry). Block elements join their parents at once; a span (a link, inline code)
 * joins its parent when its first content is drawn, so it stands between the parent's own runs
 * where it is read. Dictionaries are written when the tree ends.
 */
import type { Layout, StructNode } from '../../layout/types.js';
import { internals, type PdfRef } from './pdfkit-internals.js';

interface Element {
  ref: PdfRef;
  kids: unknown[];
  /** The page of its first content (`Pg`); content on other pages is referenced with its page. */
  page?: PdfRef;
  joined: boolean;
}

export interface Structure {
  /** Begins the marked content of element `index` on the current page (the caller ends it with EMC). */
  mark(index: number): void;
  /** The `Link` element that element `index` is or stands in (where a run with a link is tagged). */
  linkOf(index: number): number;
  /** Makes a link annotation for element `index`, given the annotation's StructParent key; the annotation joins the element. */
  annotate(index: number, make: (structParent: number) => PdfRef): void;
  /** Joins spans never drawn, writes every element and the ID tree. */
  end(): void;
}

/** The dictionary of a node, its kids and page left for `end()`. */
function dictionary(node: StructNode, parent: PdfRef): Record<string, unknown> {
  const data: Record<string, unknown> = { S: node.type, P: parent };
  if (node.alt) data.Alt = new String(node.alt);
  if (node.id) data.ID = new String(node.id);
  if (node.scope) data.A = { O: 'Table', Scope: node.scope };
  if (node.numbering) data.A = { O: 'List', ListNumbering: node.numbering };
  return data;
}

export function buildStructure(doc: PDFKit.PDFDocument, layout: Layout): Structure {
  const pdf = internals(doc);
  const root = pdf.getStructTreeRoot();
  const nodes = layout.structure;
  const elements: Element[] = [];
  nodes.forEach((node, i) => {
    const parent = node.parent === null ? root : elements[node.parent]!.ref;
    elements[i] = { ref: pdf.ref(dictionary(node, parent)), kids: [], joined: node.parent === null };
  });
  root.data.K = [elements[0]!.ref];

  const join = (i: number) => {
    const element = elements[i]!;
    if (element.joined) return;
    const parent = nodes[i]!.parent!;
    join(parent);
    elements[parent]!.kids.push(element.ref);
    element.joined = true;
  };
  nodes.forEach((node, i) => {
    if (!node.inline) join(i);
  });

  /** A kid on the current page: the value itself on the element's own page, else with its page. */
  const onPage = (element: Element, kid: Record<string, unknown>, short?: number) => {
    const page = pdf.page.dictionary;
    element.page ??= page;
    element.kids.push(element.page === page && short !== undefined ? short : { ...kid, Pg: page });
  };

  return {
    mark(index) {
      join(index);
      const element = elements[index]!;
      const marks = pdf.getStructParentTree().get(pdf.page.structParentTreeKey) as PdfRef[];
      const mcid = marks.length;
      marks.push(element.ref);
      onPage(element, { Type: 'MCR', MCID: mcid }, mcid);
      pdf.addContent(`/${nodes[index]!.type} <</MCID ${mcid}>> BDC`);
    },
    linkOf(index) {
      for (let i: number | null = index; i !== null; i = nodes[i]!.parent) if (nodes[i]!.type === 'Link') return i;
      throw new Error(`internal error: a link drawn outside a Link element (in ${nodes[index]?.type ?? 'nothing'})`);
    },
    annotate(index, make) {
      join(index);
      const element = elements[index]!;
      const key = pdf.createStructParentTreeNextKey();
      pdf.getStructParentTree().add(key, element.ref);
      onPage(element, { Type: 'OBJR', Obj: make(key) });
    },
    end() {
      nodes.forEach((_, i) => join(i));
      const ids: unknown[] = [];
      [...nodes.entries()]
        .filter(([, node]) => node.id)
        .sort(([, a], [, b]) => (a.id! < b.id! ? -1 : 1))
        .forEach(([i, node]) => ids.push(new String(node.id), elements[i]!.ref));
      if (ids.length) root.data.IDTree = { Names: ids };
      for (const element of elements) {
        if (element.kids.length) element.ref.data.K = element.kids;
        if (element.page) element.ref.data.Pg = element.page;
        element.ref.end();
      }
    },
  };
}
