/**
 * One page of the frame: its destinations first, then its boxes grouped into marked-content
 * sequences by structure element (furniture, rules and decorations as artifacts), then the link
 * annotations over the runs that have a target.
 */
import type { Box, Layout, Page } from '../../layout/types.js';
import type { Structure } from './structure.js';
import { paintBox, type PaintState } from './boxes.js';

function structOf(box: Box): number | undefined {
  return box.kind === 'text' || box.kind === 'rect' || box.kind === 'image' ? box.struct : undefined;
}

function isArtifact(box: Box): boolean {
  if (box.kind === 'rule') return true;
  if ((box.kind === 'text' || box.kind === 'rect') && box.artifact) return true;
  return structOf(box) === undefined;
}

function content(doc: PDFKit.PDFDocument, page: Page, layout: Layout, structure: Structure): void {
  let open: { struct?: number; artifact: boolean } | undefined;
  const state: PaintState = { doc };
  const close = () => {
    if (open) doc.endMarkedContent();
    open = undefined;
  };
  for (const box of page.boxes) {
    if (box.kind === 'dest') continue;
    const artifact = isArtifact(box);
    const struct = structOf(box);
    if (!open || open.artifact !== artifact || open.struct !== struct) {
      close();
      if (artifact) doc.markContent('Artifact', { type: 'Pagination' } as never);
      else {
        structure.attach(struct!);
        structure.elements[struct!]!.add(doc.markStructureContent(layout.structure[struct!]!.type as never));
      }
      open = { struct, artifact };
    }
    paintBox(state, box);
  }
  close();
}

function links(doc: PDFKit.PDFDocument, page: Page): void {
  for (const box of page.boxes) {
    if (box.kind !== 'text' || !box.link) continue;
    const top = box.y - box.style.size * 0.8;
    const height = box.style.size * 1.05;
    if (box.link.dest) doc.goTo(box.x, top, Math.max(box.width, 3), height, box.link.dest);
    else if (box.link.url) doc.link(box.x, top, box.width, height, box.link.url);
  }
}

export function paintPage(doc: PDFKit.PDFDocument, page: Page, layout: Layout, structure: Structure): void {
  doc.addPage({ size: [layout.pageWidth, layout.pageHeight], margin: 0 });
  for (const box of page.boxes) if (box.kind === 'dest') doc.addNamedDestination(box.name, 'XYZ', box.x, layout.pageHeight - box.y, null);
  content(doc, page, layout, structure);
  links(doc, page);
}
