/**
 * Lays out a whole edition, phase by phase: the flow of the title page and of the body (chapters
 * through the block handlers), the body's pages (numbered from 1, so laid out before the contents
 * that cite their numbers), the contents, then the running header and the `Page: N` footer on every
 * page but the title page, and the outline.
 */
import type { Edition } from '../model/types.js';
import type { Layout, OutlineItem, Page } from './types.js';
import type { Flow } from './flow/types.js';
import { FlowState } from './flow/state.js';
import { chapter } from './flow/blocks.js';
import { paginate } from './pages/paginate.js';
import { titlePageLines } from './pages/title-page.js';
import { contentsLines, destPages } from './pages/contents.js';
import { addFurniture } from './pages/furniture.js';
import { PAGE } from './geometry.js';

function outlineOf(headings: Flow['headings'], pages: Page[]): OutlineItem[] {
  const all = destPages(pages);
  const outline: OutlineItem[] = [];
  for (const h of headings) {
    const item: OutlineItem = { title: h.title, dest: h.dest, page: all.get(h.dest)?.index ?? 1, children: [] };
    if (h.depth === 1 || outline.length === 0) outline.push(item);
    else outline[outline.length - 1]!.children.push(item);
  }
  return outline;
}

/**
 * Each edition is laid out once: the DOCX (its contents' page numbers) and the PDF of a language,
 * rendered in one thread, share the layout. The painter and the DOCX only read it. Once the PDF is
 * painted the layout is let go (`releaseLayout`: three layouts of a long report held to the end of
 * the build took a gigabyte), and only the page of each destination stays for the DOCX.
 */
const laidOut = new WeakMap<Edition, Layout>();
const destinationPages = new WeakMap<Edition, ReadonlyMap<string, number>>();

export function layoutEdition(edition: Edition, _templatesDir?: string): Layout {
  let layout = laidOut.get(edition);
  if (!layout) laidOut.set(edition, (layout = layOut(edition)));
  return layout;
}

/** The index of the page each destination (heading, note, anchor) is first on, in the edition's layout. */
export function destinationPageIndexes(edition: Edition): ReadonlyMap<string, number> {
  let found = destinationPages.get(edition);
  if (!found) {
    found = new Map([...destPages(layoutEdition(edition).pages)].map(([name, page]) => [name, page.index]));
    destinationPages.set(edition, found);
  }
  return found;
}

/** Lets the edition's layout go (its PDF is painted), keeping the destinations' pages. */
export function releaseLayout(edition: Edition): void {
  if (laidOut.has(edition)) destinationPageIndexes(edition);
  laidOut.delete(edition);
}

function layOut(edition: Edition): Layout {
  const s = new FlowState(edition);
  const titleLines = titlePageLines(s);
  const titleNotes = new Map(s.notes);
  s.notes.clear();
  // The contents come before the body in reading order: their heading, then the TOC.
  const contents = { heading: s.struct('H1', 0), toc: s.struct('TOC', 0) };

  const bodyLines = s.ctx.lines;
  for (const node of edition.root.children) chapter(s, node);
  const body: Flow = { lines: bodyLines, notes: new Map(s.notes), structure: s.structure, headings: s.headings };
  const bodyPages = paginate(body, 1);

  const contentsPages = paginate({ lines: contentsLines(s, edition, contents, bodyPages), notes: new Map(), structure: s.structure, headings: [] }, 1);
  const titlePages = paginate({ lines: titleLines, notes: titleNotes, structure: s.structure, headings: [] }, 1);

  const pages: Page[] = [
    ...titlePages.map((p) => ({ ...p, label: undefined, header: false })),
    ...contentsPages.map((p) => ({ ...p, label: undefined, header: true })),
    ...bodyPages,
  ];
  pages.forEach((p, i) => (p.index = i + 1));
  addFurniture(pages, edition);
  return { pageWidth: PAGE.width, pageHeight: PAGE.height, pages, structure: s.structure, outline: outlineOf(body.headings, pages) };
}
