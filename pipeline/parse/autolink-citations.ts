/**
 * A note citation right after a bare URL stays a citation. GFM's autolink literal takes
 * `https://example.org/x[^3]` (and `www.example.org/x[^3]`) up to the `]` as one address, so the
 * citation vanished into the link (`…/x[^3`, then a stray `]`); GitHub reads footnotes first and
 * links `https://example.org/x` alone. Here the link ends where a `[^` begins, trailing punctuation
 * is given back to the text as GFM does (`x.[^3]` links `x`), and the citation returns to the text
 * as `[^3]`, where transforms/find-literal-citations.ts makes it a citation of its note (or reports an
 * undefined label, or one with a space, at its place), as for any citation written as text.
 */
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** What GFM leaves out of the end of an autolink literal. */
const TRAILING = /[?!.,:*_~]+$/;

/** The link's one text, when the link is an autolink literal: its text is exactly its source, with no `<…>` or `[…](…)` around it. */
function literalText(link: Link): Text | undefined {
  const [only] = link.children;
  const { start, end } = link.position ?? {};
  if (link.children.length !== 1 || only?.type !== 'text' || start?.offset === undefined || end?.offset === undefined) return undefined;
  return end.offset - start.offset === only.value.length && link.url.endsWith(only.value) ? only : undefined;
}

/** Without GFM's trailing punctuation, and without closing parentheses it does not open. */
function trimmed(address: string): string {
  for (;;) {
    const shorter = address.replace(TRAILING, '');
    const open = (shorter.match(/\(/g) ?? []).length;
    const close = (shorter.match(/\)/g) ?? []).length;
    const next = shorter.endsWith(')') && close > open ? shorter.slice(0, -1) : shorter;
    if (next === address) return address;
    address = next;
  }
}

/** The address before the citation, trimmed as GFM trims one; undefined when nothing of an address is left. */
function addressBefore(value: string, cut: number): string | undefined {
  const address = trimmed(value.slice(0, cut));
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^/?#]*[^/?#.]/i.test(address) ? address : undefined;
}

/** The link cut at `[^`, and the rest as text: [link, text], or only the text when no address is left. */
function split(link: Link, text: Text): PhrasingContent[] | undefined {
  const cut = text.value.indexOf('[^');
  if (cut < 0) return undefined;
  const { start, end } = link.position!;
  const at = (n: number) => ({ line: start.line, column: start.column + n, offset: start.offset! + n });
  const address = addressBefore(text.value, cut) ?? '';
  const rest: Text = { type: 'text', value: text.value.slice(address.length), position: { start: at(address.length), end } };
  if (!address) return [rest];
  const prefix = link.url.slice(0, link.url.length - text.value.length); // `http://` before `www.`
  const shortened: Link = { ...link, url: `${prefix}${address}`, children: [{ ...text, value: address, position: { start, end: at(address.length) } }], position: { start, end: at(address.length) } };
  return [shortened, rest];
}

/** Joins texts that touch (the citation's `[^3` and the `]` after the link) into one, as the parser would have written them. */
function joinTexts(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of children) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && last.position?.end.offset !== undefined && last.position.end.offset === node.position?.start.offset) {
      out[out.length - 1] = { ...last, value: last.value + node.value, position: { start: last.position.start, end: node.position.end } };
    } else out.push(node);
  }
  return out;
}

export function citationsAfterAutolinks(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    if (!parent.children.some((c) => c.type === 'link' && literalText(c as Link)?.value.includes('[^'))) return;
    const children = (parent.children as PhrasingContent[]).flatMap((c) => {
      const text = c.type === 'link' ? literalText(c) : undefined;
      return (text && split(c as Link, text)) || [c];
    });
    parent.children = joinTexts(children) as Parent['children'];
  });
}
