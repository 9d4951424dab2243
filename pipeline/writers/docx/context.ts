/**
 * The DOCX writer's environment and state (as Pandoc's `Writers/Docx/Types.hs`): the edition, the
 * page (folio's or a reference document's), Word bookmark names for the model's anchors and the
 * contents' `_Toc` bookmarks, the lists' numbering, hyperlink relationship ids, and the frame the
 * blocks being drawn stand in (body or note, quote and list indentation, paragraph style).
 */
import type { Edition, OutlineEntry } from '../../model/types.js';
import { ListNumbering } from './numbering.js';
import type { ExtraFace } from './package.js';
import { BODY, PAGE, textWidth, type PageGeometry, type StyleSet } from './styles.js';

/** Where blocks are being drawn: what their paragraphs look like and how far they are indented. */
export interface Frame {
  /** The styles of the part: the body's or the notes'. */
  readonly styles: StyleSet;
  /** Style of a plain paragraph here (the set's, a quote's, a list item's, a recommendation's); undefined: Normal. */
  readonly paragraph: string | undefined;
  /** Left indent of the text from the margin, in twips, from the quotes and list items around it. */
  readonly indent: number;
  /** The source file of the blocks, for messages (a chapter's, a note's). */
  readonly file?: string;
}

/** How deep the contents go: sections and subsections, as in the PDF. */
export const CONTENTS_DEPTH = 2;

/** The headings the contents list, in order. */
export function contentsEntries(edition: Edition): OutlineEntry[] {
  return edition.outline.filter((e) => e.depth <= CONTENTS_DEPTH);
}

export class DocxContext {
  private readonly names = new Map<string, string>();
  private readonly tocNames = new Map<string, string>();
  private readonly used = new Set<string>();
  private links = 0;
  /** Faces besides PT Serif the document uses (code, marks PT Serif lacks): they are embedded with it. */
  readonly faces = new Set<ExtraFace>();
  readonly numbering = new ListNumbering((face) => this.use(face));
  private current: Frame = { styles: BODY, paragraph: BODY.paragraph, indent: 0 };
  private pageBreak = false;

  /** `page`: the page's size and margins (a reference document's, or folio's A4). */
  constructor(readonly edition: Edition, readonly page: PageGeometry = PAGE) {
    for (const entry of contentsEntries(edition)) this.tocNames.set(entry.id, `_Toc${String(this.tocNames.size + 1).padStart(9, '0')}`);
  }

  /** The width between the page's margins, in twips. */
  get textWidth(): number {
    return textWidth(this.page);
  }

  /** A Word bookmark name for an id: letters, digits and `_`, at most 40 characters, unique. */
  bookmark(id: string): string {
    let name = this.names.get(id);
    if (name) return name;
    const base = `b_${id.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 36);
    name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    this.names.set(id, name);
    return name;
  }

  /**
   * The `_Toc` bookmark of a heading the contents lists, if it does: named as Word names the bookmarks
   * of its own contents (`_Toc` and digits, hidden in Word's bookmark list), in the contents' order.
   */
  tocBookmark(id: string): string | undefined {
    return this.tocNames.get(id);
  }

  /** Notes that the document draws text in `face`, so that it is embedded. */
  use(face: ExtraFace): void {
    this.faces.add(face);
  }

  /** A relationship id for the next external hyperlink, counted, so every build gives the same ids. */
  linkId(): string {
    return `H${++this.links}`;
  }

  /** Starts the next paragraph drawn on a new page (the body after the contents). */
  breakPage(): void {
    this.pageBreak = true;
  }

  /** Whether the paragraph being made starts a new page; asking takes the break. */
  takePageBreak(): boolean {
    const taken = this.pageBreak;
    this.pageBreak = false;
    return taken;
  }

  /** Whether a page break waits for the next paragraph. */
  get pageBreakPending(): boolean {
    return this.pageBreak;
  }

  get frame(): Frame {
    return this.current;
  }

  /** Draws `draw` in the current frame changed by `change`, then restores the frame. */
  within<T>(change: Partial<Frame>, draw: () => T): T {
    const saved = this.current;
    this.current = { ...saved, ...change };
    try {
      return draw();
    } finally {
      this.current = saved;
    }
  }
}
