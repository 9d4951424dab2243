/** The notes of a chapter as HTML: DPUB-ARIA footnotes with a back-link to the first citation. */
import type { Element, ElementContent } from 'hast';
import type { FootnoteReference, RootContent } from 'mdast';
import { toHast, type Handlers } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Edition, Note } from '../../model/types.js';

/** Notes first cited inside `nodes`, in citation order. */
export function notesFirstCitedIn(edition: Edition, nodes: RootContent[]): Note[] {
  const out: Note[] = [];
  visit({ type: 'root', children: nodes }, 'footnoteReference', (ref: FootnoteReference) => {
    if (ref.data?.repeat) return;
    const note = edition.notesById.get(ref.identifier);
    if (note) out.push(note);
  });
  return out;
}

export function renderNote(edition: Edition, note: Note, handlers: Handlers): Element {
  const body = toHast({ type: 'root', children: note.definition.children }, { handlers }) as { children: ElementContent[] };
  const blocks = body.children.filter((c) => c.type === 'element') as Element[];
  const number: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['note-number'] }, children: [{ type: 'text', value: String(note.number) }] };
  const back: ElementContent = {
    type: 'element',
    tagName: 'a',
    properties: { href: `#${note.citationAnchor}`, role: 'doc-backlink', ariaLabel: edition.labels.backToText },
    children: [{ type: 'text', value: '↩' }],
  };
  const first = blocks[0];
  if (first && first.tagName === 'p') first.children.unshift(number, { type: 'text', value: ' ' });
  else blocks.unshift({ type: 'element', tagName: 'p', properties: {}, children: [number] });
  const last = blocks[blocks.length - 1]!;
  last.children.push({ type: 'text', value: ' ' }, back);
  return { type: 'element', tagName: 'aside', properties: { id: note.anchor, role: 'doc-footnote', className: ['footnote'] }, children: blocks };
}

export function notesBlock(edition: Edition, notes: Note[], handlers: Handlers): Element[] {
  if (notes.length === 0) return [];
  return [
    {
      type: 'element',
      tagName: 'div',
      properties: { className: ['notes'] },
      children: notes.map((n) => renderNote(edition, n, handlers)),
    },
  ];
}
