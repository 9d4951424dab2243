/**
 * One page of the frame: its destinations first, then its boxes grouped into marked-content
 * sequences by structure element, everything else an artifact (furniture as pagination artifacts
 * of its kind, rules and decorations as layout artifacts), then the link annotations over the runs
 * that have a target: each with its description (`Contents`), printable, in its `Link` element.
 */
import type { Box, Furniture, Layout, Page, TextBox } from '../../layout/types.js';
import type { Structure } from './structure.js';
import type { Describe } from './link-descriptions.js';
import { paintBox, type PaintState } from './boxes.js';
import { internals } from './pdfkit-internals.js';

/** How a box is marked: as the content of a structure element, or as an artifact. */
type Mark = { struct: number } | { artifact: Furniture | 'Layout' };

function markOf(box: Box): Mark {
  const struct = box.kind === 'text' || box.kind === 'rect' || box.kind === 'image' ? box.struct : undefined;
  const artifact = box.kind === 'rule' || ((box.kind === 'text' || box.kind === 'rect') && box.artifact);
  if (struct !== undefined && !artifact) return { struct };
  return { artifact: (box.kind === 'text' || box.kind === 'rule' ? box.furniture : undefined) ?? 'Layout' };
}

const sameMark = (a: Mark, b: Mark) => ('struct' in a ? 'struct' in b && a.struct === b.struct : 'artifact' in b && a.artifact === b.artifact);

function begin(doc: PDFKit.PDFDocument, mark: Mark, structure: Structure): void {
  if ('struct' in mark) return structure.mark(mark.struct);
  const properties = mark.artifact === 'Layout' ? '/Type /Layout' : `/Type /Pagination /Subtype /${mark.artifact}`;
  internals(doc).addContent(`/Artifact <<${properties}>> BDC`);
}

function content(doc: PDFKit.PDFDocument, page: Page, structure: Structure): void {
  let open: Mark | undefined;
  const state: PaintState = { doc };
  for (const box of page.boxes) {
    if (box.kind === 'dest') continue;
    const mark = markOf(box);
    if (!open || !sameMark(open, mark)) {
      if (open) internals(doc).addContent('EMC');
      begin(doc, mark, structure);
      open = mark;
    }
    paintBox(state, box);
  }
  if (open) internals(doc).addContent('EMC');
}

function link(doc: PDFKit.PDFDocument, box: TextBox, structure: Structure, describe: Describe): void {
  const target = box.link!;
  const top = box.y - box.style.size * 0.8;
  const height = box.style.size * 1.05;
  const element = structure.linkOf(box.struct ?? 0);
  structure.annotate(element, (key) => {
    const options = { Contents: new String(describe(target, box.text)), StructParent: key } as never;
    if (target.dest) doc.goTo(box.x, top, Math.max(box.width, 3), height, target.dest, options);
    else doc.link(box.x, top, box.width, height, target.url!, options);
    return internals(doc).page.annotations.at(-1)!;
  });
}

export function paintPage(doc: PDFKit.PDFDocument, page: Page, layout: Layout, structure: Structure, describe: Describe): void {
  doc.addPage({ size: [layout.pageWidth, layout.pageHeight], margin: 0 });
  for (const box of page.boxes) if (box.kind === 'dest') doc.addNamedDestination(box.name, 'XYZ', box.x, layout.pageHeight - box.y, null);
  content(doc, page, structure);
  for (const box of page.boxes) if (box.kind === 'text' && box.link && (box.link.dest || box.link.url)) link(doc, box, structure, describe);
}
