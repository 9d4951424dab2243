/**
 * Resolves reference-style links and images (`[text][ref]`, `![alt][ref]`, `[ref]`) against the
 * chapter's own link reference definitions, into plain links and images with their URL and title,
 * and removes the definitions. A definition belongs to its chapter: `[foo]: /url` in one chapter
 * never changes `[foo]` in another. (micromark makes a reference only where a definition matches,
 * so every reference here finds one; should one not, it goes back to its text.)
 */
import type { Definition, Image, Link, LinkReference, ImageReference, Parent, PhrasingContent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

function definitionsOf(tree: Root): Map<string, Definition> {
  const map = new Map<string, Definition>();
  visit(tree, 'definition', (node: Definition) => {
    if (!map.has(node.identifier)) map.set(node.identifier, node); // the first definition wins (CommonMark)
  });
  return map;
}

function resolved(node: LinkReference | ImageReference, definition: Definition): Link | Image {
  const { url, title } = definition;
  if (node.type === 'imageReference') return { type: 'image', url, title, alt: node.alt, position: node.position };
  return { type: 'link', url, title, children: node.children, position: node.position };
}

/** The reference's source form, when no definition matches. */
function asText(node: LinkReference | ImageReference): PhrasingContent[] {
  const label = node.label ?? node.identifier;
  const open = node.type === 'imageReference' ? '![' : '[';
  const inner: PhrasingContent[] = node.type === 'imageReference' ? [{ type: 'text', value: node.alt ?? '' }] : node.children;
  return [{ type: 'text', value: open }, ...inner, { type: 'text', value: node.referenceType === 'full' ? `][${label}]` : ']' }];
}

export function resolveReferences(tree: Root): void {
  const definitions = definitionsOf(tree);
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return undefined;
    const reference = node as LinkReference | ImageReference;
    const definition = definitions.get(reference.identifier);
    const replacement = definition ? [resolved(reference, definition)] : asText(reference);
    parent.children.splice(index, 1, ...(replacement as never[]));
    return index; // visit the replacement (a link's children may hold more)
  });
}
