/**
 * Lays out a whole edition: the title page (with the note on the title), the contents (with the
 * page numbers of the laid-out body: the body is numbered from 1, so it is laid out first), the
 * body, then the running header and the `Page: N` footer on every page but the title page.
 */
import type { Edition } from '../model/types.js';
import type { Box, Layout, OutlineItem, Page, TextStyle } from './types.js';
import { FlowBuilder } from './flow.js';
import { paginate } from './paginate.js';
import { PAGE, TEXT_WIDTH, TYPE } from './geometry.js';
import { styleFor } from './words.js';
import { widthOf } from '../text/measure.js';
import { fill } from '../util/templates.js';

function destPages(pages: Page[]): Map<string, Page> {
  const map = new Map<string, Page>();
  for (const page of pages) for (const box of page.boxes) if (box.kind === 'dest' && !map.has(box.name)) map.set(box.name, page);
  return map;
}

export function layoutEdition(edition: Edition, templatesDir: string): Layout {
  const builder = new FlowBuilder(edition);

  // Title page.
  const { cover: [country, event], date, title } = edition.furniture.titlePage;
  const cover = styleFor({ face: 'bold', size: 14 }, 'bold');
  const titleStyle = styleFor({ face: 'bold', size: 19 }, 'bold');
  const titleStruct = builder.struct('H1', 0);
  builder.addText([{ type: 'text', value: country ?? '' }], { style: cover, leading: 20, spaceBefore: 0, align: 'center', struct: builder.struct('P', 0), whole: true });
  builder.lines[0]!.spaceBefore = 0;
  builder.lines[0]!.height += 190;
  builder.lines[0]!.ascent += 190;
  builder.addText([{ type: 'text', value: event ?? '' }], { style: cover, leading: 20, spaceBefore: 4, align: 'center', struct: builder.struct('P', 0), whole: true });
  builder.addText([{ type: 'text', value: date ?? '' }], { style: styleFor({ face: 'regular', size: 13 }, 'regular'), leading: 20, spaceBefore: 4, align: 'center', struct: builder.struct('P', 0), whole: true });
  const titleNodes: import('mdast').PhrasingContent[] = [{ type: 'text', value: title }];
  if (edition.titleNote) {
    titleNodes.push({ type: 'footnoteReference', identifier: edition.titleNote.id, label: edition.titleNote.label, data: { number: edition.titleNote.number } });
  }
  builder.addText(titleNodes, { style: titleStyle, leading: 25, spaceBefore: 30, align: 'center', struct: titleStruct, whole: true });
  const titleLines = builder.lines.splice(0);
  const titleNotes = new Map(builder.notes);
  builder.notes.clear();

  // The contents' structure element comes before the body's in reading order.
  const toc = builder.struct('TOC', 0);

  // Body.
  builder.blocks(edition.root.children);
  const bodyFlow = { lines: builder.lines.splice(0), notes: new Map(builder.notes), structure: builder.structure, headings: builder.headings };
  const bodyPages = paginate(bodyFlow, 1);

  // Contents, with the body's page numbers.
  const where = destPages(bodyPages);
  const entryStyle = styleFor({ face: 'regular', size: TYPE.contents.size }, 'regular');
  builder.addText([{ type: 'text', value: edition.labels.contents }], {
    style: styleFor({ face: 'bold', size: TYPE.heading1.size }, 'bold'), leading: TYPE.heading1.leading + 10, spaceBefore: 0, align: 'left', keepWithNext: true, whole: true,
    struct: builder.struct('H1', toc),
  });
  for (const entry of edition.outline.filter((e) => e.depth <= 2)) {
    const page = where.get(entry.id);
    const number = page?.label !== undefined ? String(page.label) : '';
    const indent = entry.depth === 1 ? TYPE.contents.indent : TYPE.contents.indent * 2;
    const numberWidth = widthOf(number, entryStyle.face, entryStyle.size);
    const start = builder.lines.length;
    const item = builder.struct('TOCI', toc);
    builder.addText([{ type: 'link', url: `#${entry.id}`, children: [{ type: 'text', value: entry.text }] }], {
      style: entryStyle, leading: TYPE.contents.leading, spaceBefore: 0, align: 'left', indent, whole: true, struct: item,
      hanging: entry.numeral ? `${entry.numeral}.` : undefined, hangingLink: entry.id,
    });
    for (let k = start; k < builder.lines.length; k++) {
      const line = builder.lines[k]!;
      line.boxes = line.boxes.map((b) => (b.kind === 'text' && b.x === 0 && entry.depth === 2 ? { ...b, x: TYPE.contents.indent } : b));
    }
    // Dot leader from the end of the entry's last line to its page number.
    const last = builder.lines[builder.lines.length - 1]!;
    const texts = last.boxes.filter((b): b is Extract<Box, { kind: 'text' }> => b.kind === 'text');
    const end = Math.max(...texts.map((b) => b.x + b.width)) + 4;
    const right = TEXT_WIDTH - numberWidth - 4;
    // Dots on a grid shared by all entries, so the leaders line up down the page.
    const glyph = widthOf('.', entryStyle.face, entryStyle.size);
    const pitch = 5;
    for (let x = Math.ceil(end / pitch) * pitch; x + glyph <= right; x += pitch) {
      last.boxes.push({ kind: 'text', x, y: 0, text: '.', style: entryStyle, width: glyph, artifact: true });
    }
    last.boxes.push({ kind: 'text', x: TEXT_WIDTH - numberWidth, y: 0, text: number, style: entryStyle, width: numberWidth, link: { dest: entry.id }, struct: item });
  }
  const contentsPages = paginate({ lines: builder.lines.splice(0), notes: new Map(), structure: builder.structure, headings: [] }, 1);
  const titlePages = paginate({ lines: titleLines, notes: titleNotes, structure: builder.structure, headings: [] }, 1);

  // Assemble and number the pages; furniture.
  const pages: Page[] = [];
  for (const p of titlePages) pages.push({ ...p, label: undefined, header: false });
  for (const p of contentsPages) pages.push({ ...p, label: undefined, header: true });
  for (const p of bodyPages) pages.push(p);
  pages.forEach((p, i) => (p.index = i + 1));
  const headerLines = edition.furniture.runningHeader;
  const headerStyle: TextStyle = styleFor({ face: 'italic', size: TYPE.header.size }, 'italic');
  const footerStyle: TextStyle = styleFor({ face: 'regular', size: TYPE.footer.size }, 'regular');
  const draftStyle: TextStyle = { ...styleFor({ face: 'bold', size: 9 }, 'bold'), color: '#b00020' };
  for (const page of pages) {
    if (edition.draft) {
      const mark = edition.labels.draftMark;
      const w = widthOf(mark, draftStyle.face, draftStyle.size);
      page.boxes.push({ kind: 'text', x: PAGE.left + TEXT_WIDTH - w, y: PAGE.headerTop + TYPE.header.leading, text: mark, style: draftStyle, width: w, artifact: true });
    }
    if (page.header) {
      headerLines.forEach((line, k) => {
        page.boxes.push({ kind: 'text', x: PAGE.left, y: PAGE.headerTop + (k + 1) * TYPE.header.leading, text: line, style: headerStyle, width: widthOf(line, headerStyle.face, headerStyle.size), artifact: true });
      });
      page.boxes.push({ kind: 'rule', x: PAGE.left, y: PAGE.headerTop + headerLines.length * TYPE.header.leading + 5, width: TEXT_WIDTH, thickness: 0.4, artifact: true });
    }
    if (page.label !== undefined) {
      const text = fill(edition.labels.page, { page: page.label });
      const w = widthOf(text, footerStyle.face, footerStyle.size);
      page.boxes.push({ kind: 'text', x: PAGE.left + TEXT_WIDTH - w, y: PAGE.footerBaseline, text, style: footerStyle, width: w, artifact: true });
    }
  }

  // Outline: sections and their subsections.
  const all = destPages(pages);
  const outline: OutlineItem[] = [];
  for (const h of bodyFlow.headings) {
    const item: OutlineItem = { title: h.title, dest: h.dest, page: all.get(h.dest)?.index ?? 1, children: [] };
    if (h.depth === 1 || outline.length === 0) outline.push(item);
    else outline[outline.length - 1]!.children.push(item);
  }
  return { pageWidth: PAGE.width, pageHeight: PAGE.height, pages, structure: builder.structure, outline };
}
