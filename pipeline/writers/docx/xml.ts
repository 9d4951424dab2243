/**
 * XML parts of a package as trees, to change them as XML rather than as text: fast-xml-parser in its
 * order-preserving form, which writes a part back byte for byte as it read it (tested on every part
 * `docx` writes). An element is `{ name: children, ':@': attributes }`; text is `{ '#text': … }`.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export type XmlNode = { [name: string]: XmlNode[] | string | Record<string, string> | undefined } & { ':@'?: Record<string, string> };

const ATTR = '@_';

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: ATTR, trimValues: false, parseTagValue: false,
  parseAttributeValue: false, processEntities: true, ignoreDeclaration: false, commentPropName: '#comment',
});
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: ATTR, suppressEmptyNode: true, processEntities: true, commentPropName: '#comment' });

export function parseXml(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

export function serializeXml(nodes: XmlNode[]): string {
  return builder.build(nodes) as string;
}

/** An element's name (`w:style`), or undefined for text, comments and the declaration. */
export function nameOf(node: XmlNode): string | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  return name === undefined || name.startsWith('#') || name.startsWith('?') ? undefined : name;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = Object.keys(node).find((k) => k !== ':@');
  const value = name === undefined ? undefined : node[name];
  return Array.isArray(value) ? value : [];
}

export function setChildren(node: XmlNode, children: XmlNode[]): void {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  node[name] = children;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.[':@']?.[`${ATTR}${name}`];
}

export function setAttr(node: XmlNode, name: string, value: string): void {
  node[':@'] = { ...(node[':@'] ?? {}), [`${ATTR}${name}`]: value };
}

/** The attributes of an element, by name (without the parser's prefix). */
export function attrsOf(node: XmlNode): Record<string, string> {
  return Object.fromEntries(Object.entries(node[':@'] ?? {}).map(([k, v]) => [k.slice(ATTR.length), v]));
}

export function element(name: string, attributes: Record<string, string> = {}, children: XmlNode[] = []): XmlNode {
  const node: XmlNode = { [name]: children };
  if (Object.keys(attributes).length) node[':@'] = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`${ATTR}${k}`, v]));
  return node;
}

/** The first child element named `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node ? childrenOf(node).find((c) => nameOf(c) === name) : undefined;
}

/** The root element of a parsed part (after its declaration). */
export function rootOf(nodes: XmlNode[], name: string): XmlNode | undefined {
  return nodes.find((n) => nameOf(n) === name);
}

/** Every element named `name` under `nodes`, depth first, in document order. */
export function descendants(nodes: XmlNode[], name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (list: XmlNode[]) => {
    for (const node of list) {
      if (nameOf(node) === name) out.push(node);
      visit(childrenOf(node));
    }
  };
  visit(nodes);
  return out;
}

/**
 * Puts `node` among `parent`'s children where the schema's sequence `order` wants it (OOXML readers,
 * Word first, refuse elements out of order), replacing a child of the same name.
 */
export function putInOrder(parent: XmlNode, node: XmlNode, order: readonly string[]): void {
  const name = nameOf(node)!;
  const children = childrenOf(parent).filter((c) => nameOf(c) !== name);
  const rank = order.indexOf(name);
  const at = children.findIndex((c) => {
    const r = order.indexOf(nameOf(c) ?? '');
    return r > rank;
  });
  if (at < 0) children.push(node);
  else children.splice(at, 0, node);
  setChildren(parent, children);
}
