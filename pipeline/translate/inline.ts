/**
 * A unit's inline content as a translator's segment: text, and protected inline codes for what a
 * translator must not break. Markup that wraps text is a `<g>` (emphasis `italic`, strong `bold`,
 * strikethrough `x-strikethrough`, links `link`, cross-references `x-folio-xref`); what stands
 * alone is an `<x/>` (a note citation `x-folio-note`, an empty cross-reference, a line break `lb`)
 * or a `<ph>` holding the Markdown it stands for (inline code `x-code`, a picture `image`).
 *
 * Codes are named so that the source's and the target's name the same thing alike: a note by its
 * label (`n:official-version`), a cross-reference by its target (`r:publish-results`), the others
 * by their kind and rank in the segment (`i1`, `b2`, `l1`…); a name used twice gets `#2`.
 */
import type { PhrasingContent } from 'mdast';
import type { Unit } from '../check/structure.js';

export type Token =
  | { t: 'text'; v: string }
  | { t: 'open'; id: string; ctype: string }
  | { t: 'close'; id: string }
  | { t: 'x'; id: string; ctype: string; equiv?: string }
  | { t: 'ph'; id: string; ctype: string; v: string };

/** What a code stands for in Markdown, to write a changed segment back. */
export interface Code {
  element: 'g' | 'x' | 'ph';
  ctype: string;
  /** For `g`: the Markdown before and after the wrapped text; for `x` and `ph`: the Markdown itself. */
  open: string;
  close?: string;
}

export interface Segment {
  tokens: Token[];
  codes: Map<string, Code>;
}

function slice(source: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s !== undefined && e !== undefined ? source.slice(s, e) : '';
}

/** The Markdown around a wrapping node's children: `*` and `*`, `[` and `](url)`. */
function around(node: PhrasingContent & { children: PhrasingContent[] }, source: string): [string, string] {
  const whole = slice(source, node);
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  const start = node.position?.start.offset;
  if (whole && first !== undefined && last !== undefined && start !== undefined) {
    return [whole.slice(0, first - start), whole.slice(last - start)];
  }
  return ['', ''];
}

export function segmentOf(unit: Unit, source: string): Segment {
  const tokens: Token[] = [];
  const codes = new Map<string, Code>();
  const counts = new Map<string, number>();
  const name = (base: string, numbered: boolean) => {
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return numbered ? `${base}${n}` : n === 1 ? base : `${base}#${n}`;
  };
  const text = (v: string) => {
    const value = v.replace(/\s*\n\s*/g, ' ');
    const last = tokens[tokens.length - 1];
    if (last?.t === 'text') last.v += value;
    else tokens.push({ t: 'text', v: value });
  };
  const wrap = (node: PhrasingContent & { children: PhrasingContent[] }, id: string, ctype: string, fallback: [string, string]) => {
    const [open, close] = around(node, source);
    codes.set(id, { element: 'g', ctype, open: open || fallback[0], close: close || fallback[1] });
    tokens.push({ t: 'open', id, ctype });
    node.children.forEach(walk);
    tokens.push({ t: 'close', id });
  };
  function walk(node: PhrasingContent): void {
    switch (node.type) {
      case 'text':
        text(node.value);
        return;
      case 'emphasis':
        return wrap(node, name('i', true), 'italic', ['*', '*']);
      case 'strong':
        return wrap(node, name('b', true), 'bold', ['**', '**']);
      case 'delete':
        return wrap(node, name('s', true), 'x-strikethrough', ['~~', '~~']);
      case 'link': {
        const target = node.url.startsWith('#') ? decodeURIComponent(node.url.slice(1)) : undefined;
        const title = node.title ? ` "${node.title.replace(/"/g, '\\"')}"` : '';
        if (target !== undefined && node.children.length === 0) {
          const id = name(`r:${target}`, false);
          codes.set(id, { element: 'x', ctype: 'x-folio-xref', open: slice(source, node) || `[](${node.url})` });
          tokens.push({ t: 'x', id, ctype: 'x-folio-xref', equiv: `[](${node.url})` });
          return;
        }
        if (target !== undefined) return wrap(node, name(`r:${target}`, false), 'x-folio-xref', ['[', `](${node.url}${title})`]);
        return wrap(node, name('l', true), 'link', ['[', `](${node.url}${title})`]);
      }
      case 'footnoteReference': {
        const id = name(`n:${node.identifier}`, false);
        const markdown = `[^${node.label ?? node.identifier}]`;
        codes.set(id, { element: 'x', ctype: 'x-folio-note', open: markdown });
        tokens.push({ t: 'x', id, ctype: 'x-folio-note', equiv: markdown });
        return;
      }
      case 'break': {
        const id = name('br', true);
        codes.set(id, { element: 'x', ctype: 'lb', open: slice(source, node) || '\\\n' });
        tokens.push({ t: 'x', id, ctype: 'lb' });
        return;
      }
      case 'inlineCode':
      case 'image':
      case 'html':
      default: {
        const markdown = slice(source, node);
        const ctype = node.type === 'image' ? 'image' : node.type === 'inlineCode' ? 'x-code' : `x-${node.type}`;
        const id = name(node.type === 'image' ? 'img' : node.type === 'inlineCode' ? 'c' : 'o', true);
        codes.set(id, { element: 'ph', ctype, open: markdown });
        tokens.push({ t: 'ph', id, ctype, v: markdown });
      }
    }
  }
  (unit.node.children as PhrasingContent[]).forEach(walk);
  // Trim the segment's ends as the unit's text is trimmed.
  const first = tokens[0];
  if (first?.t === 'text') first.v = first.v.replace(/^\s+/, '');
  const last = tokens[tokens.length - 1];
  if (last?.t === 'text') last.v = last.v.replace(/\s+$/, '');
  return { tokens: tokens.filter((t) => t.t !== 'text' || t.v !== ''), codes };
}

/** Two segments say the same: equal tokens, adjacent texts joined. */
export function sameTokens(a: Token[], b: Token[]): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

export function normalise(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.t === 'text' && last?.t === 'text') last.v += t.v;
    else out.push(t.t === 'text' ? { ...t } : t.t === 'x' ? { t: 'x', id: t.id, ctype: t.ctype } : t);
  }
  return out.filter((t) => t.t !== 'text' || t.v !== '');
}

/** Text escaped so that Markdown reads it back as the same text. */
export function escapeText(text: string, atStart: boolean, inCell: boolean): string {
  let out = text.replace(/[\\`*_[\]<~]/g, (c) => `\\${c}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (inCell) out = out.replace(/\|/g, '\\|');
  if (atStart) out = out.replace(/^(\s*)([#>+:=-]|\d+[.)])/, (_m, space: string, marker: string) => `${space}${marker.replace(/^(\d+)?([.)#>+:=-])$/, (_x, digits: string | undefined, p: string) => `${digits ?? ''}\\${p}`)}`);
  return out;
}

/** The Markdown of a segment, codes written with what they stand for. */
export function markdownOf(tokens: Token[], codes: Map<string, Code>, inCell: boolean): string {
  let out = '';
  for (const t of tokens) {
    if (t.t === 'text') out += escapeText(t.v, out === '' || out.endsWith('\n'), inCell);
    else if (t.t === 'open') out += codes.get(t.id)!.open;
    else if (t.t === 'close') out += codes.get(t.id)!.close ?? '';
    else out += codes.get(t.id)!.open;
  }
  return out;
}
