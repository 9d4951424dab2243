/**
 * Kazakh (and any language folio hyphenates that browsers cannot): folio's hyphenation points as
 * soft hyphens (U+00AD, the character itself: hast-util-to-html writes it raw) in the page's text,
 * so `hyphens: auto` has somewhere to break; only in words wider than the hyphenation zone
 * (text/hyphenation-zone.ts; measured at the body's size, notes too, as a browser's measure is not
 * known in advance). Not in headings (never hyphenated, as in the PDF),
 * code, the chart's SVG, or attribute values (ids, URLs); URLs written in the text are skipped by
 * the hyphenation rules themselves (text/hyphenate.ts).
 */
import type { Element, Root, RootContent } from 'hast';
import { needsSoftHyphens } from '../../text/hyphenate.js';
import { softHyphensInZone } from '../../text/hyphenation-zone.js';

const UNHYPHENATED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'svg', 'script', 'style']);

function walk(node: Root | Element, lang: string): void {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'text') child.value = softHyphensInZone(child.value, lang, 1, 1);
    else if (child.type === 'element' && !UNHYPHENATED.has(child.tagName)) walk(child, lang);
  }
}

/** Adds soft hyphens to the tree's text in place, when the edition's language needs them. */
export function addSoftHyphens(tree: Root, lang: string): void {
  if (needsSoftHyphens(lang)) walk(tree, lang);
}
