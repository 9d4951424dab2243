/**
 * HTML: folio's chapter content read back from the page and compared, after normalising both sides
 * the same way, with the spec's HTML.
 *
 * Normalised on both sides: the parser's view (entity forms, attribute quoting and order, void
 * syntax), whitespace between blocks and around `<br>` (not inside `<pre>` or `<code>`), `id`,
 * `class`, `role`, `aria-*`, `scope` and `data-footnote-*` attributes, `align="left"` (the default
 * of folio's stylesheet for cells), and footnote citations (`<sup><a href="#…">N</a></sup>`, the
 * link's attributes dropped). Folio's own furniture is taken away: the section numerals of headings
 * (`<span class="numeral">`), the heading level offset (the report title is folio's `<h1>`, so a
 * Markdown `#` is an `<h2>`), the cell alignment classes (read as `align`), and the notes: folio's
 * `<div class="notes">` and the spec's `<section data-footnotes>` are compared apart, note by note,
 * without folio's note number or either side's back-links.
 * Nothing else is forgiven: a `<th scope="row">` where the spec has `<td>` is a difference.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { CheckResult } from './model.js';

type Node = Root | RootContent | ElementContent;
type Side = 'folio' | 'spec';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption', 'br',
]);

const DROPPED = /^(id|className|class|role|scope|aria[A-Z-].*|dataFootnote.*|dataFootnotes)$/;

function isElement(n: Node | undefined): n is Element {
  return !!n && n.type === 'element';
}

function classes(e: Element): string[] {
  const c: unknown = e.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function isNoteCitation(e: Element): boolean {
  if (e.tagName !== 'sup') return false;
  if ('dataNoteCitation' in (e.properties ?? {})) return true;
  const kids = e.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const a = kids[0];
  return kids.length === 1 && isElement(a) && a.tagName === 'a' && String(a.properties?.href ?? '').startsWith('#');
}

export interface Normalised {
  body: string;
  notes: string[];
  text: string;
}

/** Notes (each as its content), taken out of the tree. */
function takeNotes(root: Root, side: Side): Element[] {
  const notes: Element[] = [];
  const visit = (parent: Root | Element) => {
    parent.children = (parent.children as Node[]).filter((child) => {
      if (!isElement(child)) return true;
      const cls = classes(child);
      if (side === 'folio' && child.tagName === 'div' && cls.includes('notes')) {
        for (const aside of child.children) if (isElement(aside) && aside.tagName === 'aside') notes.push(aside);
        return false;
      }
      if (side === 'spec' && child.tagName === 'section' && (cls.includes('footnotes') || 'dataFootnotes' in (child.properties ?? {}))) {
        const walk = (e: Element) => {
          for (const c of e.children) {
            if (!isElement(c)) continue;
            if (c.tagName === 'li' && String(c.properties?.id ?? '').includes('fn-')) notes.push(c);
            else walk(c);
          }
        };
        walk(child);
        return false;
      }
      visit(child);
      return true;
    }) as typeof parent.children;
  };
  visit(root);
  return notes;
}

/** Folio's and the spec's own parts of a note: its number, its back-links. */
function stripNoteFurniture(note: Element, side: Side): void {
  const furniture = (c: ElementContent) =>
    isElement(c) && ((side === 'folio' && classes(c).includes('note-number')) || (c.tagName === 'a' && (side === 'folio' ? c.properties?.role === 'doc-backlink' : 'dataFootnoteBackref' in (c.properties ?? {}))));
  const visit = (e: Element) => {
    const kept: ElementContent[] = [];
    e.children.forEach((c, i) => {
      if (furniture(c)) {
        // The space that separates a back-link from the text goes with it.
        const last = kept[kept.length - 1];
        if (last && last.type === 'text') last.value = last.value.replace(/[ \t\n]+$/, '');
        return;
      }
      if (c.type === 'text' && kept.length === 0 && i > 0 && furniture(e.children[i - 1]!)) c = { ...c, value: c.value.replace(/^[ \t\n]+/, '') };
      if (isElement(c)) visit(c);
      kept.push(c);
    });
    e.children = kept;
  };
  visit(note);
}

function normaliseTree(node: Element | Root, side: Side, inPre: boolean): void {
  const children: ElementContent[] = [];
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'comment') {
      children.push(child);
      continue;
    }
    if (child.type === 'text') {
      const prev = children[children.length - 1];
      if (prev && prev.type === 'text') prev.value += child.value;
      else children.push({ type: 'text', value: child.value });
      continue;
    }
    if (!isElement(child)) continue;
    const cls = classes(child);
    if (side === 'folio' && cls.includes('numeral')) {
      const next = (node.children as ElementContent[])[(node.children as ElementContent[]).indexOf(child) + 1];
      if (next && next.type === 'text') next.value = next.value.replace(/^[ \t\n]+/, '');
      continue;
    }
    if (side === 'folio' && cls.includes('table-scroll')) {
      // folio's sideways-scrolling box around a table (a named region) holds the table itself.
      const inner: Root = { type: 'root', children: child.children };
      normaliseTree(inner, side, inPre);
      children.push(...(inner.children as ElementContent[]));
      continue;
    }
    const e: Element = { ...child, properties: { ...(child.properties ?? {}) } };
    if (side === 'folio') {
      const m = /^h([2-7])$/.exec(e.tagName);
      if (m) e.tagName = `h${Number(m[1]) - 1}`;
      const align = cls.map((c) => /^align-(left|right|center)$/.exec(c)?.[1]).find(Boolean);
      if (align && (e.tagName === 'td' || e.tagName === 'th')) e.properties.align = align;
    }
    if (e.properties.align === 'left') delete e.properties.align;
    for (const key of Object.keys(e.properties)) if (DROPPED.test(key)) delete e.properties[key];
    if (isNoteCitation(child)) {
      e.properties = {};
      e.children = [{ type: 'text', value: textOf(child.children).trim() }];
    }
    normaliseTree(e, side, inPre || e.tagName === 'pre' || e.tagName === 'code');
    children.push(e);
  }
  // Whitespace next to block boundaries is not content.
  const blockParent = node.type === 'root' || BLOCK.has(node.tagName);
  const out: ElementContent[] = [];
  for (const c of children) if (c.type === 'text' && !inPre) c.value = c.value.replace(/[ \t\n\r\f]+/g, ' ');
  children.forEach((c, i) => {
    if (c.type === 'text' && !inPre) {
      let v = c.value;
      const prev = children[i - 1];
      const next = children[i + 1];
      if ((prev ? isElement(prev) && BLOCK.has(prev.tagName) : blockParent)) v = v.replace(/^ +/, '');
      if ((next ? isElement(next) && BLOCK.has(next.tagName) : blockParent)) v = v.replace(/ +$/, '');
      if (v === '') return;
      const last = out[out.length - 1];
      if (last && last.type === 'text') last.value += v;
      else out.push({ type: 'text', value: v });
      return;
    }
    const last = out[out.length - 1];
    if (c.type === 'text' && last && last.type === 'text') last.value += c.value;
    else out.push(c);
  });
  node.children = out as typeof node.children;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

function attr(name: string, value: unknown): string {
  if (value === true) return ` ${name}`;
  if (value === false || value === null || value === undefined) return '';
  const v = Array.isArray(value) ? value.join(' ') : String(value);
  return ` ${name}="${escape(v).replace(/"/g, '&quot;')}"`;
}

export function serialise(nodes: readonly Node[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return escape(n.value);
      if (n.type === 'comment') return `<!--${n.value}-->`;
      if (n.type === 'element') {
        const attrs = Object.keys(n.properties ?? {})
          .sort()
          .map((k) => attr(k, n.properties[k]))
          .join('');
        const inner = serialise(n.type === 'element' && n.tagName === 'template' ? [] : n.children);
        return ['br', 'hr', 'img', 'input'].includes(n.tagName) && inner === '' ? `<${n.tagName}${attrs}>` : `<${n.tagName}${attrs}>${inner}</${n.tagName}>`;
      }
      if (n.type === 'root') return serialise(n.children);
      return '';
    })
    .join('');
}

function textOf(nodes: readonly Node[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value;
      if (n.type === 'element') return (BLOCK.has(n.tagName) ? ' ' : '') + textOf(n.children) + (BLOCK.has(n.tagName) ? ' ' : '');
      if (n.type === 'root') return textOf(n.children);
      return '';
    })
    .join('');
}

/**
 * A citation ending a link's text goes just after the link: an HTML parser cannot keep micromark's
 * link (the citation) inside a link, and folio writes it after the link for that reason.
 */
function liftCitations(parent: Root | Element): void {
  const out: (typeof parent.children)[number][] = [];
  for (const c of parent.children) {
    if (!isElement(c)) {
      out.push(c);
      continue;
    }
    liftCitations(c);
    if (c.tagName === 'a' && !isNoteCitation(c)) {
      const kids = [...c.children];
      while (kids.length && kids[kids.length - 1]!.type === 'text' && (kids[kids.length - 1] as { value: string }).value.trim() === '') kids.pop();
      const last = kids[kids.length - 1];
      if (isElement(last) && isNoteCitation(last)) {
        out.push({ ...c, children: kids.slice(0, -1) }, last);
        continue;
      }
    }
    out.push(c);
  }
  parent.children = out as typeof parent.children;
}

function normalise(root: Root, side: Side): Normalised {
  liftCitations(root);
  const notes = takeNotes(root, side);
  normaliseTree(root, side, false);
  const noteTexts: string[] = [];
  const noteHtml = notes.map((n) => {
    stripNoteFurniture(n, side);
    const holder: Element = { type: 'element', tagName: 'div', properties: {}, children: n.children };
    normaliseTree(holder, side, false);
    noteTexts.push(textOf(holder.children));
    return serialise(holder.children);
  });
  return { body: serialise(root.children), notes: noteHtml, text: textOf(root.children) + ' ' + noteTexts.join(' ') };
}

/**
 * micromark writes a note cited in link text as a link inside a link, which an HTML parser splits
 * apart; the citation is read as what it is (a `<sup>` holding the note's number) before parsing.
 */
export function citationsAsSup(html: string): string {
  return html.replace(/<sup><a href="#user-content-fn-([^"]*)"[^>]*data-footnote-ref[^>]*>([^<]*)<\/a><\/sup>/g, (_, label: string, n: string) => `<sup data-note-citation="${label}">${n}</sup>`);
}

export function normaliseSpec(html: string): Normalised {
  return normalise(fromHtml(citationsAsSup(html), { fragment: true }), 'spec');
}

/** The chapter content of a folio page: every `<section class="chapter">`'s children, in order. */
export function folioChapter(page: string): Root {
  const doc = fromHtml(page);
  const out: Root = { type: 'root', children: [] };
  const visit = (n: Root | Element) => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'section' && classes(c).includes('chapter')) out.children.push(...(c.children as RootContent[]));
      else visit(c);
    }
  };
  visit(doc);
  return out;
}

export function normaliseFolio(page: string): Normalised {
  return normalise(folioChapter(page), 'folio');
}

export function tokens(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** Tokens of `want` missing from `have` (as a multiset). */
export function missingTokens(want: string[], have: string[]): string[] {
  const count = new Map<string, number>();
  for (const t of have) count.set(t, (count.get(t) ?? 0) + 1);
  const missing: string[] = [];
  for (const t of want) {
    const n = count.get(t) ?? 0;
    if (n > 0) count.set(t, n - 1);
    else missing.push(t);
  }
  return missing;
}

/** Where two serialisations part: the markup each has there (from its tag's start), then the context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tag = Math.max(a.lastIndexOf('<', i), b.lastIndexOf('<', i));
  const at = tag >= 0 && i - tag < 12 && !a.slice(tag, i).includes('>') ? tag : i;
  const cut = (s: string) => JSON.stringify(s.slice(at, at + 14).replace(/[^<>]*$/, (m) => (m.length > 8 ? m.slice(0, 8) : m)) || '(end)');
  const from = Math.max(0, i - 30);
  return `folio ${cut(a)} where the spec has ${cut(b)}: folio “${a.slice(from, i + 50)}” spec “${b.slice(from, i + 50)}”`;
}

export function checkHtml(page: string, specHtml: string): CheckResult[] {
  const folio = normaliseFolio(page);
  const spec = normaliseSpec(specHtml);
  const results: CheckResult[] = [];
  let exact: CheckResult = { feature: 'exact', pass: true };
  if (folio.body !== spec.body) exact = { feature: 'exact', pass: false, reason: `body differs, ${firstDifference(folio.body, spec.body)}` };
  else if (folio.notes.length !== spec.notes.length) exact = { feature: 'exact', pass: false, reason: `${folio.notes.length} notes, spec ${spec.notes.length}` };
  else {
    const i = folio.notes.findIndex((n, k) => n !== spec.notes[k]);
    if (i >= 0) exact = { feature: 'exact', pass: false, reason: `note ${i + 1} differs, ${firstDifference(folio.notes[i]!, spec.notes[i]!)}` };
  }
  results.push(exact);
  const missing = missingTokens(tokens(spec.text), tokens(folio.text));
  results.push(missing.length ? { feature: 'text', pass: false, reason: `missing words: ${missing.slice(0, 8).map((w) => JSON.stringify(w)).join(' ')}` } : { feature: 'text', pass: true });
  if (spec.notes.length) {
    const same = folio.notes.length === spec.notes.length && folio.notes.every((n, k) => n === spec.notes[k]);
    results.push(same ? { feature: 'notes', pass: true } : { feature: 'notes', pass: false, reason: exact.reason ?? 'notes differ' });
  }
  return results;
}

