/**
 * The page layout as data (the frame): pages of positioned boxes (text runs with their shaped
 * glyphs, rules, filled rectangles, pictures, destinations), with the structure each box belongs
 * to. The painter only draws these; tests read them as JSON. Units are PostScript points; y grows
 * downwards from the top of the page.
 */
import type { Face } from '../text/fonts.js';
import type { GlyphRun } from '../text/glyph-run.js';

export interface TextStyle {
  face: Face;
  size: number;
  /** Baseline shift upwards, for superscripts (note numbers). */
  rise?: number;
  color?: string;
  /** Struck through (the line itself is a rule box of the layout; the flag keeps such runs apart). */
  strike?: boolean;
}

/** Where a run links to: a named destination in the document, or a URL. */
export interface LinkTarget {
  dest?: string;
  url?: string;
}

/** What page furniture a box is part of (ISO 32000-1, 14.8.2.2: the subtypes of pagination artifacts). */
export type Furniture = 'Header' | 'Footer' | 'Watermark';

export interface TextBox {
  kind: 'text';
  x: number;
  /** Baseline. */
  y: number;
  /** The characters, for tests and messages; the painter draws `glyphs`. */
  text: string;
  style: TextStyle;
  width: number;
  /** Extra space after each space character (justified lines), already in `glyphs`' advances. */
  wordSpacing?: number;
  /** Horizontal scale of the glyphs (font expansion of a justified line, within ±2%); 1 when absent. */
  scale?: number;
  /** The shaped glyphs: set on every box the layout makes (`textBox` in layout/frame.ts); a frame made by hand gets them from `glyphsOf`. */
  glyphs?: GlyphRun;
  /** Where the run links to; its `struct` is then a `Link` element or one inside it (inline code), which the link's annotation joins. */
  link?: LinkTarget;
  /** Structure element the text belongs to (index into Layout.structure). */
  struct?: number;
  /** Not content (furniture, a leader's dots, a repeated table header), drawn as an artifact. */
  artifact?: boolean;
  /** The running header, the page number or a draft's mark: a pagination artifact of that kind. */
  furniture?: Furniture;
}

export interface RuleBox {
  kind: 'rule';
  x: number;
  y: number;
  width: number;
  thickness: number;
  artifact: true;
  furniture?: Furniture;
}

/** A filled rectangle (the bars of a chart), part of a structure element. */
export interface RectBox {
  kind: 'rect';
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
  fill: string;
  struct?: number;
  /** Decoration (code background, quote bar), drawn as an artifact. */
  artifact?: boolean;
}

/** A picture (PNG, JPEG or SVG), its top-left corner at (x, y). */
export interface ImageBox {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  data: Uint8Array;
  /** The source path, for messages. */
  src: string;
  struct?: number;
}

/** A named destination (`fn-12`, `legal-framework`): a point links can go to. */
export interface DestBox {
  kind: 'dest';
  name: string;
  x: number;
  y: number;
}

export type Box = TextBox | RuleBox | RectBox | ImageBox | DestBox;

export interface Page {
  /** 1-based position in the document. */
  index: number;
  /** The number printed in the footer (`Page: 3`), when the page has one. */
  label?: number;
  header: boolean;
  boxes: Box[];
  /** Notes whose text starts on this page, and those continued onto it. */
  notes: { number: number; continued: boolean; split: boolean; lines: number }[];
  /** Note citations in the body text of this page. */
  citations: number[];
  /** Lowest body baseline and top of the note area, for tests of where things sit. */
  bodyBottom: number;
  noteTop?: number;
}

/** A node of the logical structure tree (tagged PDF), in reading order. */
export interface StructNode {
  type: string;
  parent: number | null;
  /** Alternative text (figures). */
  alt?: string;
  /** A span inside its parent's text (inline code, a link): it joins the parent where its content is drawn, so the parent's reading order holds. */
  inline?: boolean;
  /** The element's identifier, unique in the document (a note's anchor, `fn-12`). */
  id?: string;
  /** Whom a table header cell heads. */
  scope?: 'Column' | 'Row';
  /** How a list numbers its items (ISO 32000-1, Table 347). */
  numbering?: 'Decimal' | 'Disc' | 'None';
}

export interface OutlineItem {
  title: string;
  dest: string;
  page: number;
  children: OutlineItem[];
}

export interface Layout {
  pageWidth: number;
  pageHeight: number;
  pages: Page[];
  structure: StructNode[];
  outline: OutlineItem[];
}
