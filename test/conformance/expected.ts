/**
 * What the spec's HTML of an example asks of an edition, read from that HTML: the non-space
 * characters of the body and of the notes with their inline properties (emphasis, strong, code,
 * strikethrough, link target), the leaf blocks they sit in, and the structure around them (lists
 * with their depth, start and items, block quotes, code blocks with their lines, headings, tables,
 * thematic breaks, hard breaks, footnote citations and notes). The DOCX and PDF checks compare an
 * edition with this, feature by feature; a feature applies to an example when this holds it.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root } from 'hast';
import { WS } from './model.js';
import { citationsAsSup } from './html-check.js';

export type Stream = 'body' | 'notes';

export interface ExpChar {
  ch: string;
  block: number;
  /** Emphasis depth: 1 inside one `<em>`, 2 inside an `<em>` in an `<em>`… */
  em: number;
  strong: boolean;
  code: boolean;
  del: boolean;
  href?: string;
}

export interface ExpBlock {
  id: number;
  kind: 'p' | 'h' | 'code' | 'cell' | 'text';
  stream: Stream;
  /** Range of its characters in its stream (end exclusive). */
  start: number;
  end: number;
  level?: number;
  /** List items around it, outermost first. */
  items: number[];
  /** Block quotes around it, outermost first. */
  quotes: number[];
  code?: string;
  cell?: { table: number; row: number; col: number; header: boolean };
  note?: number;
}

export interface ExpList {
  id: number;
  ordered: boolean;
  start: number;
  /** Lists around it (0: not nested). */
  depth: number;
  stream: Stream;
  items: number[];
  parentItem?: number;
}

export interface ExpItem {
  id: number;
  list: number;
  index: number;
  /** Leaf blocks whose nearest item is this one, in order. */
  blocks: number[];
  /** A task list item: checked or not. */
  task?: boolean;
}

export interface ExpQuote {
  id: number;
  stream: Stream;
  depth: number;
  blocks: number[];
  items: number[];
}

export interface ExpTable {
  id: number;
  stream: Stream;
  rows: number;
  cols: number;
  headerRows: number;
  aligns: (string | undefined)[];
  cells: { row: number; col: number; header: boolean; block: number; align?: string; text: string }[];
}

export interface ExpBreak {
  stream: Stream;
  block: number;
  /** Index of the last character before the break and of the first after it. */
  before: number;
  after: number;
}

export interface ExpCitation {
  /** The note's number (1-based, order of first citation). */
  note: number;
  first: boolean;
  stream: Stream;
  before: number;
  after: number;
}

export interface ExpNote {
  number: number;
  start: number;
  end: number;
}

export interface Expected {
  body: ExpChar[];
  notes: ExpChar[];
  blocks: ExpBlock[];
  lists: ExpList[];
  items: ExpItem[];
  quotes: ExpQuote[];
  tables: ExpTable[];
  hrs: number;
  breaks: ExpBreak[];
  citations: ExpCitation[];
  notesList: ExpNote[];
  bodyText: string;
  notesText: string;
  links: number;
  images: number;
}

interface Ctx {
  stream: Stream;
  em: number;
  strong: boolean;
  code: boolean;
  del: boolean;
  href?: string;
  items: number[];
  quotes: number[];
  lists: number;
  note?: number;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'hr', 'section', 'div']);

function isElement(n: ElementContent | undefined): n is Element {
  return !!n && n.type === 'element';
}

function textContent(n: ElementContent): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element') {
    // A note's citation is not text of its cell.
    if (n.tagName === 'sup' && 'dataNoteCitation' in (n.properties ?? {})) return '';
    return n.children.map(textContent).join('');
  }
  return '';
}

export function expectedOf(html: string): Expected {
  const root: Root = fromHtml(citationsAsSup(html), { fragment: true });
  const x: Expected = { body: [], notes: [], blocks: [], lists: [], items: [], quotes: [], tables: [], hrs: 0, breaks: [], citations: [], notesList: [], bodyText: '', notesText: '', links: 0, images: 0 };
  const text: Record<Stream, string[]> = { body: [], notes: [] };
  const noteNumbers = new Map<string, number>();
  const cited = new Set<number>();
  let leaf: number | undefined;
  let table: ExpTable | undefined;
  let row = -1;
  let col = -1;

  const openLeaf = (kind: ExpBlock['kind'], ctx: Ctx, extra: Partial<ExpBlock> = {}): number => {
    const id = x.blocks.length;
    const start = x[ctx.stream].length;
    x.blocks.push({ id, kind, stream: ctx.stream, start, end: start, items: [...ctx.items], quotes: [...ctx.quotes], note: ctx.note, ...extra });
    const item = ctx.items[ctx.items.length - 1];
    if (item !== undefined) x.items[item]!.blocks.push(id);
    for (const q of ctx.quotes) x.quotes[q]!.blocks.push(id);
    text[ctx.stream].push(' ');
    return id;
  };
  const closeLeaf = (ctx: Ctx) => {
    if (leaf !== undefined) x.blocks[leaf]!.end = x[x.blocks[leaf]!.stream].length;
    leaf = undefined;
    text[ctx.stream].push(' ');
  };

  const inline = (n: ElementContent, ctx: Ctx) => {
    if (n.type === 'text') {
      if (leaf === undefined) {
        if (n.value.trim() === '') return;
        leaf = openLeaf('text', ctx);
      }
      text[ctx.stream].push(n.value);
      for (const ch of n.value) {
        if (WS.test(ch)) continue;
        x[ctx.stream].push({ ch, block: leaf, em: ctx.em, strong: ctx.strong, code: ctx.code, del: ctx.del, href: ctx.href });
      }
      return;
    }
    if (!isElement(n)) return;
    const tag = n.tagName;
    if (BLOCKS.has(tag)) return block(n, ctx);
    if (leaf === undefined && tag !== 'input') leaf = openLeaf('text', ctx);
    const len = x[ctx.stream].length;
    if (tag === 'sup') {
      const a = n.children.find(isElement);
      const href = a && a.tagName === 'a' ? String(a.properties?.href ?? '') : '';
      const placeholder = n.properties?.dataNoteCitation;
      if (href.startsWith('#user-content-fn-') || typeof placeholder === 'string') {
        const label = typeof placeholder === 'string' ? placeholder : href.slice('#user-content-fn-'.length);
        if (!noteNumbers.has(label)) noteNumbers.set(label, noteNumbers.size + 1);
        const note = noteNumbers.get(label)!;
        x.citations.push({ note, first: !cited.has(note), stream: ctx.stream, before: len - 1, after: len });
        cited.add(note);
        return;
      }
    }
    if (tag === 'br') {
      x.breaks.push({ stream: ctx.stream, block: leaf!, before: len - 1, after: len });
      text[ctx.stream].push('\n');
      return;
    }
    if (tag === 'input') {
      const item = ctx.items[ctx.items.length - 1];
      if (item !== undefined && n.properties?.type === 'checkbox') x.items[item]!.task = n.properties.checked === true;
      return;
    }
    if (tag === 'img') {
      x.images++;
      return;
    }
    if (tag === 'a' && 'dataFootnoteBackref' in (n.properties ?? {})) return;
    const next: Ctx = { ...ctx };
    if (tag === 'em') next.em = ctx.em + 1;
    else if (tag === 'strong') next.strong = true;
    else if (tag === 'code') next.code = true;
    else if (tag === 'del' || tag === 's') next.del = true;
    else if (tag === 'a' && typeof n.properties?.href === 'string') {
      next.href = n.properties.href;
      x.links++;
    }
    for (const c of n.children) inline(c, next);
  };

  const block = (n: Element, ctx: Ctx) => {
    const tag = n.tagName;
    closeLeaf(ctx);
    if (tag === 'section' && ('dataFootnotes' in (n.properties ?? {}) || String(n.properties?.className ?? '').includes('footnotes'))) {
      const ol = n.children.find((c) => isElement(c) && c.tagName === 'ol');
      if (!isElement(ol)) return;
      for (const li of ol.children) {
        if (!isElement(li) || li.tagName !== 'li') continue;
        const number = x.notesList.length + 1;
        const start = x.notes.length;
        const noteCtx: Ctx = { stream: 'notes', em: 0, strong: false, code: false, del: false, items: [], quotes: [], lists: 0, note: number };
        for (const c of li.children) inline(c, noteCtx);
        closeLeaf(noteCtx);
        x.notesList.push({ number, start, end: x.notes.length });
      }
      return;
    }
    if (/^h[1-6]$/.test(tag) || tag === 'p') {
      leaf = openLeaf(tag === 'p' ? 'p' : 'h', ctx, tag === 'p' ? {} : { level: Number(tag[1]) });
      for (const c of n.children) inline(c, ctx);
      closeLeaf(ctx);
      return;
    }
    if (tag === 'pre') {
      const code = n.children.find((c) => isElement(c) && c.tagName === 'code');
      const value = textContent(code ?? n);
      leaf = openLeaf('code', ctx, { code: value });
      for (const c of (isElement(code) ? code : n).children) inline(c, { ...ctx, code: false });
      closeLeaf(ctx);
      return;
    }
    if (tag === 'hr') {
      if (ctx.stream === 'body') x.hrs++;
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      const id = x.lists.length;
      const start = tag === 'ol' && n.properties?.start !== undefined ? Number(n.properties.start) : 1;
      x.lists.push({ id, ordered: tag === 'ol', start, depth: ctx.lists, stream: ctx.stream, items: [], parentItem: ctx.items[ctx.items.length - 1] });
      for (const li of n.children) {
        if (!isElement(li) || li.tagName !== 'li') continue;
        const item = x.items.length;
        x.items.push({ id: item, list: id, index: x.lists[id]!.items.length, blocks: [] });
        x.lists[id]!.items.push(item);
        const inner: Ctx = { ...ctx, items: [...ctx.items, item], lists: ctx.lists + 1 };
        for (const c of li.children) inline(c, inner);
        closeLeaf(inner);
      }
      return;
    }
    if (tag === 'blockquote') {
      const id = x.quotes.length;
      x.quotes.push({ id, stream: ctx.stream, depth: ctx.quotes.length, blocks: [], items: [...ctx.items] });
      const inner: Ctx = { ...ctx, quotes: [...ctx.quotes, id] };
      for (const c of n.children) inline(c, inner);
      closeLeaf(inner);
      return;
    }
    if (tag === 'table') {
      const outer = table;
      table = { id: x.tables.length, stream: ctx.stream, rows: 0, cols: 0, headerRows: 0, aligns: [], cells: [] };
      x.tables.push(table);
      row = -1;
      for (const c of n.children) if (isElement(c)) block(c, ctx);
      table = outer;
      return;
    }
    if (tag === 'thead' || tag === 'tbody') {
      for (const c of n.children) if (isElement(c)) block(c, { ...ctx });
      return;
    }
    if (tag === 'tr' && table) {
      row = table.rows++;
      col = -1;
      for (const c of n.children) if (isElement(c)) block(c, ctx);
      return;
    }
    if ((tag === 'td' || tag === 'th') && table) {
      col++;
      table.cols = Math.max(table.cols, col + 1);
      const align = typeof n.properties?.align === 'string' ? n.properties.align : undefined;
      if (table.aligns[col] === undefined) table.aligns[col] = align;
      if (tag === 'th' && col === 0) table.headerRows++;
      const id = openLeaf('cell', ctx, { cell: { table: table.id, row, col, header: tag === 'th' } });
      leaf = id;
      for (const c of n.children) inline(c, ctx);
      table.cells.push({ row, col, header: tag === 'th', block: id, align, text: textContent(n) });
      closeLeaf(ctx);
      return;
    }
    for (const c of n.children) inline(c, ctx);
    closeLeaf(ctx);
  };

  const top: Ctx = { stream: 'body', em: 0, strong: false, code: false, del: false, items: [], quotes: [], lists: 0 };
  for (const c of root.children) inline(c as ElementContent, top);
  closeLeaf(top);
  x.bodyText = text.body.join('');
  x.notesText = text.notes.join('');
  return x;
}

/** The lines of a code block's text as the spec gives it (its final newline ends the last line). */
export function codeLines(code: string): string[] {
  const lines = code.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Runs of consecutive characters of a stream that have a property (e.g. one emphasis span). */
export function segments(stream: readonly ExpChar[], has: (c: ExpChar) => boolean): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  stream.forEach((c, i) => {
    if (!has(c)) return;
    const last = out[out.length - 1];
    if (last && last.end === i && stream[i - 1]!.block === c.block) {
      last.end = i + 1;
      last.text += c.ch;
    } else out.push({ start: i, end: i + 1, text: c.ch });
  });
  return out;
}

/** An item whose content starts with its own text (not with a nested list, whose marker would come first). */
export function itemStartsWithText(x: Expected, item: ExpItem): boolean {
  const own = item.blocks[0];
  if (own === undefined) return false;
  const nested = x.items.filter((i) => i.id !== item.id && isInside(x, i, item)).flatMap((i) => i.blocks);
  return nested.every((b) => b > own) && x.blocks[own]!.end > x.blocks[own]!.start;
}

/** `inner` is nested (at any depth) in `outer`. */
export function isInside(x: Expected, inner: ExpItem, outer: ExpItem): boolean {
  let list = x.lists[inner.list];
  while (list && list.parentItem !== undefined) {
    if (list.parentItem === outer.id) return true;
    list = x.lists[x.items[list.parentItem]!.list];
  }
  return false;
}

/** Blocks of an item other than its first (its later paragraphs, code, quotes), not in nested items. */
export function continuationBlocks(item: ExpItem): number[] {
  return item.blocks.slice(1);
}

export const LITERAL_MARKER = /^\s*([•◦▪‣●○■□◆◇–—\-*+·]|\(?\d{1,9}[.)])[\t ]/u;
