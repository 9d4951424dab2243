/**
 * The finished styles.xml, changed as an XML tree: the edition's language on the defaults and on
 * every paragraph and character style, so that Word and LibreOffice hyphenate every run by its
 * language, and folio's headings, title, contents and furniture left unhyphenated.
 */
import { attr, child, childrenOf, element, nameOf, parseXml, putInOrder, rootOf, serializeXml, setAttr, type XmlNode } from './xml.js';

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

/** The language on the document defaults and on every paragraph and character style. */
function applyLanguage(root: XmlNode, locale: string): void {
  const defaults = ensure(root, 'w:docDefaults', STYLES_ORDER);
  setLanguage(ensure(ensure(defaults, 'w:rPrDefault', DEFAULTS_ORDER), 'w:rPr', []), locale);
  for (const style of stylesIn(root)) {
    if (!['paragraph', 'character'].includes(styleType(style))) continue;
    setLanguage(ensure(style, 'w:rPr', STYLE_ORDER), locale);
  }
}

/** styles.xml as the edition has it: folio's (as `docx` wrote them) with its unhyphenated styles marked and `locale` as every style's language. */
export function finishStyles(ours: string, locale: string): string {
  const tree = parseXml(ours);
  const root = rootOf(tree, 'w:styles');
  if (!root) throw new Error('styles.xml without w:styles');
  suppressHyphens(root, UNHYPHENATED);
  applyLanguage(root, locale);
  return serializeXml(tree);
}
