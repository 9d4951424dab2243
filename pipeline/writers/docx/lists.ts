/**
 * Lists as real Word lists: each item's first paragraph carries `w:numPr` (the list's own numbering
 * instance, `w:ilvl` = the list's depth), the item's further blocks are indented to its text without
 * a marker, nested lists go one level deeper, task items start with a checkbox. Tight lists take the
 * compact style, loose ones the list paragraph style.
 */
import { CheckBox, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { List, ListItem } from 'mdast';
import type { DocxContext } from './context.js';
import { block } from './blocks.js';
import { inlines } from './inlines.js';
import { levelIndent, type ListRef } from './numbering.js';
import { paragraph } from './paragraphs.js';
import { resolvedBlocks } from './resolved.js';
import { faceFor } from '../../text/measure.js';
import { FAMILY_OF } from '../../text/fonts.js';
import { LIST_STEP } from './styles.js';

/**
 * A task item's state as a Word checkbox (w14), drawn as □ and ■ in a face that has them (PT Mono:
 * PT Serif has neither, nor ☐ ☒, which only DejaVu Sans has, 740 KB to embed for two marks).
 */
const BOX = { checked: '■', unchecked: '□' };

function checkbox(checked: boolean, context: DocxContext): ParagraphChild[] {
  const face = faceFor(BOX.checked + BOX.unchecked, 'regular');
  if (face === 'mono' || face === 'symbol') context.use(face);
  const font = FAMILY_OF[face];
  const hex = (glyph: string) => glyph.codePointAt(0)!.toString(16).toUpperCase();
  return [
    new CheckBox({ checked, checkedState: { value: hex(BOX.checked), font }, uncheckedState: { value: hex(BOX.unchecked), font } }),
    new TextRun({ text: ' ' }),
  ];
}

interface ItemLayout {
  numbering: ListRef;
  style: string;
  /** The first paragraph's indent: the level's own, or direct where the list stands indented (in a quote, past nine levels). */
  marker: { left: number; hanging: number } | 'level';
  /** Where the item's text starts, in twips from the margin. */
  text: number;
}

function listItem(item: ListItem, layout: ItemLayout, context: DocxContext): FileChild[] {
  const children = resolvedBlocks(item.children);
  const first = children[0]?.type === 'paragraph' ? children[0] : undefined;
  const box = typeof item.checked === 'boolean' ? checkbox(item.checked, context) : [];
  const runs = first ? inlines(first.children, {}, context) : [];
  const head = paragraph([...box, ...runs], context, { style: layout.style, numbering: layout.numbering, indent: layout.marker });
  const rest = first ? children.slice(1) : children;
  return [head, ...context.within({ paragraph: layout.style, indent: layout.text }, () => rest.flatMap((child) => block(child, context)))];
}

export function list(node: List, context: DocxContext): FileChild[] {
  const { frame } = context;
  const numbering = context.numbering.of(node);
  const loose = Boolean(node.spread) || node.children.some((item) => item.spread);
  const text = frame.indent + LIST_STEP;
  const layout: ItemLayout = {
    numbering,
    style: loose ? frame.styles.looseList : frame.styles.tightList,
    marker: text === levelIndent(numbering.level) ? 'level' : { left: text, hanging: LIST_STEP },
    text,
  };
  return node.children.flatMap((item) => listItem(item, layout, context));
}
