/**
 * The finished styles.xml, changed as an XML tree: a reference document's styles merged in (as
 * Pandoc's `--reference-doc`: its styles take the place of folio's of the same id, or of the same
 * built-in name under another id, as Word writes them in other languages; folio's styles it lacks
 * stay; its document defaults and latent styles are the document's), then the edition's language
 * on the defaults and on every paragraph and character style, so that Word and LibreOffice
 * hyphenate every run by its language.
 */
import { attr, child, childrenOf, element, nameOf, parseXml, putInOrder, rootOf, serializeXml, setAttr, setChildren, type XmlNode } from './xml.js';

/** The order of a style's children (CT_Style). */
const STYLE_ORDER = [
  'w:name', 'w:aliases', 'w:basedOn', 'w:next', 'w:link', 'w:autoRedefine', 'w:hidden', 'w:uiPriority', 'w:semiHidden', 'w:unhideWhenUsed', 'w:qFormat',
  'w:locked', 'w:personal', 'w:personalCompose', 'w:personalReply', 'w:rsid', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:tblStylePr',
];

/** The order of run properties (CT_RPr). */
const RPR_ORDER = [
  'w:rStyle', 'w:rFonts', 'w:b', 'w:bCs', 'w:i', 'w:iCs', 'w:caps', 'w:smallCaps', 'w:strike', 'w:dstrike', 'w:outline', 'w:shadow', 'w:emboss', 'w:imprint',
  'w:noProof', 'w:snapToGrid', 'w:vanish', 'w:webHidden', 'w:color', 'w:spacing', 'w:w', 'w:kern', 'w:position', 'w:sz', 'w:szCs', 'w:highlight', 'w:u',
  'w:effect', 'w:bdr', 'w:shd', 'w:fitText', 'w:vertAlign', 'w:rtl', 'w:cs', 'w:em', 'w:lang', 'w:eastAsianLayout', 'w:specVanish', 'w:oMath', 'w:rPrChange',
];

/** The order of paragraph properties (CT_PPr), up to what folio sets. */
const PPR_ORDER = [
  'w:pStyle', 'w:keepNext', 'w:keepLines', 'w:pageBreakBefore', 'w:framePr', 'w:widowControl', 'w:numPr', 'w:suppressLineNumbers', 'w:pBdr', 'w:shd', 'w:tabs',
  'w:suppressAutoHyphens', 'w:kinsoku', 'w:wordWrap', 'w:overflowPunct', 'w:topLinePunct', 'w:autoSpaceDE', 'w:autoSpaceDN', 'w:bidi', 'w:adjustRightInd',
  'w:snapToGrid', 'w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc', 'w:textDirection', 'w:textAlignment',
  'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange',
];

const DEFAULTS_ORDER = ['w:rPrDefault', 'w:pPrDefault'];

/** The children of `w:styles` in their order (CT_Styles). */
const STYLES_ORDER = ['w:docDefaults', 'w:latentStyles', 'w:style'];

/** Folio's styles that are never hyphenated: headings, title and cover lines, contents, furniture. */
export const UNHYPHENATED = ['Title', 'CoverLine', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6', 'TOCHeading', 'TOC1', 'TOC2', 'Header', 'Footer'];

const styleId = (style: XmlNode) => attr(style, 'w:styleId');
const styleType = (style: XmlNode) => attr(style, 'w:type') ?? 'paragraph';
const styleName = (style: XmlNode) => attr(child(style, 'w:name'), 'w:val')?.toLowerCase();
const stylesIn = (root: XmlNode) => childrenOf(root).filter((c) => nameOf(c) === 'w:style');

/** The child `name` of `parent`, made (in its place by `order`) when missing. */
function ensure(parent: XmlNode, name: string, order: readonly string[]): XmlNode {
  const found = child(parent, name);
  if (found) return found;
  const made = element(name);
  putInOrder(parent, made, order);
  return made;
}

/** Sets the language (`w:val`, the one Latin and Cyrillic text takes) in run properties, keeping the East Asian and complex-script ones. */
function setLanguage(rPr: XmlNode, locale: string): void {
  const lang = child(rPr, 'w:lang');
  if (lang) setAttr(lang, 'w:val', locale);
  else putInOrder(rPr, element('w:lang', { 'w:val': locale }), RPR_ORDER);
}

/** Adds `w:suppressAutoHyphens` to the paragraph properties of the styles with these ids. */
function suppressHyphens(root: XmlNode, ids: readonly string[]): void {
  for (const style of stylesIn(root)) {
    if (!ids.includes(styleId(style) ?? '') || styleType(style) !== 'paragraph') continue;
    const pPr = ensure(style, 'w:pPr', STYLE_ORDER);
    if (!child(pPr, 'w:suppressAutoHyphens')) putInOrder(pPr, element('w:suppressAutoHyphens'), PPR_ORDER);
  }
}

/**
 * Gives the reference's styles folio's ids where they are folio's styles under another id (same
 * type and name, such as `heading 1` with the id `berschrift1` in a German Word's file), and follows
 * the renaming in the references between its styles.
 */
function matchIds(reference: XmlNode, ours: XmlNode): void {
  const ourIds = new Set(stylesIn(ours).map(styleId));
  const theirIds = new Set(stylesIn(reference).map(styleId));
  const byName = new Map(stylesIn(ours).map((s) => [`${styleType(s)}/${styleName(s)}`, styleId(s)!]));
  const renamed = new Map<string, string>();
  for (const style of stylesIn(reference)) {
    const id = styleId(style);
    if (!id || ourIds.has(id)) continue;
    const ourId = byName.get(`${styleType(style)}/${styleName(style)}`);
    if (ourId && !theirIds.has(ourId) && ![...renamed.values()].includes(ourId)) renamed.set(id, ourId);
  }
  if (!renamed.size) return;
  for (const style of stylesIn(reference)) {
    const id = styleId(style);
    if (id && renamed.has(id)) setAttr(style, 'w:styleId', renamed.get(id)!);
    for (const ref of ['w:basedOn', 'w:next', 'w:link']) {
      const node = child(style, ref);
      const to = node ? renamed.get(attr(node, 'w:val') ?? '') : undefined;
      if (node && to) setAttr(node, 'w:val', to);
    }
  }
}

/** The root's attributes with the reference's namespaces added, and `mc:Ignorable` naming those of both that are declared. */
function mergeRootAttributes(ours: XmlNode, reference: XmlNode): void {
  const mine = ours[':@'] ?? {};
  const theirs = reference[':@'] ?? {};
  const merged: Record<string, string> = { ...mine };
  for (const [key, value] of Object.entries(theirs)) if (key.startsWith('@_xmlns:') && !(key in merged)) merged[key] = value;
  const ignorable = [...new Set([...(mine['@_mc:Ignorable'] ?? '').split(/\s+/), ...(theirs['@_mc:Ignorable'] ?? '').split(/\s+/)])].filter((p) => p && `@_xmlns:${p}` in merged);
  if (ignorable.length) merged['@_mc:Ignorable'] = ignorable.join(' ');
  ours[':@'] = merged;
}

/** Folio's styles with the reference's in their place, and the reference's others after them. */
function mergeStyles(ours: XmlNode, reference: XmlNode): void {
  matchIds(reference, ours);
  mergeRootAttributes(ours, reference);
  const theirs = new Map(stylesIn(reference).map((s) => [styleId(s), s]));
  const ourIds = new Set(stylesIn(ours).map(styleId));
  const pick = (name: string) => child(reference, name) ?? child(ours, name);
  const children: XmlNode[] = [];
  for (const name of ['w:docDefaults', 'w:latentStyles']) {
    const node = pick(name);
    if (node) children.push(node);
  }
  for (const style of stylesIn(ours)) children.push(theirs.get(styleId(style)) ?? style);
  for (const style of stylesIn(reference)) if (!ourIds.has(styleId(style))) children.push(style);
  setChildren(ours, children);
}

/**
 * Widow and orphan control in the document defaults (the OOXML default is none): no paragraph, body
 * or note, leaves a single line at a page's foot or head, as in the PDF.
 */
function controlWidows(root: XmlNode): void {
  const defaults = ensure(root, 'w:docDefaults', STYLES_ORDER);
  const pPr = ensure(ensure(defaults, 'w:pPrDefault', DEFAULTS_ORDER), 'w:pPr', []);
  if (!child(pPr, 'w:widowControl')) putInOrder(pPr, element('w:widowControl'), PPR_ORDER);
}

/** The language on the document defaults and on every paragraph and character style. */
function applyLanguage(root: XmlNode, locale: string): void {
  const defaults = ensure(root, 'w:docDefaults', STYLES_ORDER);
  setLanguage(ensure(ensure(defaults, 'w:rPrDefault', DEFAULTS_ORDER), 'w:rPr', []), locale);
  for (const style of stylesIn(root)) {
    if (!['paragraph', 'character'].includes(styleType(style))) continue;
    setLanguage(ensure(style, 'w:rPr', STYLE_ORDER), locale);
  }
}

/**
 * styles.xml as the edition has it: folio's (`ours`, as `docx` wrote them) with folio's unhyphenated
 * styles marked and widows controlled, the reference's styles merged in when there is one, and `locale` as every style's
 * language.
 */
export function finishStyles(ours: string, locale: string, reference?: string): string {
  const tree = parseXml(ours);
  const root = rootOf(tree, 'w:styles');
  if (!root) throw new Error('styles.xml without w:styles');
  suppressHyphens(root, UNHYPHENATED);
  controlWidows(root);
  const theirs = reference === undefined ? undefined : rootOf(parseXml(reference), 'w:styles');
  if (theirs) mergeStyles(root, theirs);
  applyLanguage(root, locale);
  return serializeXml(tree);
}
