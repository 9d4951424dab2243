/**
 * Inline content → words: runs of text between spaces, each made of fragments that carry a style,
 * a link, a note citation (set as a raised smaller number) or a destination. A note citation joins
 * the word before it, so a line never starts with a note number. Each link and each citation is a
 * `Link` span of its own (the tagged PDF ties its annotations to it), inline code a `Code` span.
 * One handler per resolved inline node type, the map proven complete by `satisfies`.
 */
import type { FootnoteReference, Link, PhrasingContent } from 'mdast';
import type { ResolvedInline } from '../../model/types.js';
import { citationOf } from '../../model/anchors.js';
import type { Face } from '../../text/fonts.js';
import type { LinkTarget, TextStyle } from '../types.js';
import { widthOf } from '../../text/measure.js';
import { TYPE } from '../geometry.js';

export interface Fragment {
  text: string;
  style: TextStyle;
  link?: LinkTarget;
  /** The note this fragment cites (its number is the fragment's text). */
  note?: number;
  /** A named destination placed where this fragment starts. */
  dest?: string;
  /** A structure element of its own inside the paragraph's (a link, inline code). */
  struct?: number;
}

export interface Word {
  fragments: Fragment[];
  width: number;
  /** Notes first cited in this word. */
  notes: number[];
  /** A hard line break follows the word. */
  breakAfter?: boolean;
}

export interface InlineOptions {
  style: TextStyle;
  /** Size of note numbers relative to the text. */
  noteScale: number;
  /** A new structure element for a span of its own (a link, inline code), inside `parent` or else the paragraph's. */
  span?(type: string, parent?: number): number;
}

/** What the enclosing inline nodes set. */
interface Inherited {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  link?: LinkTarget;
  /** The `Link` span of the enclosing link. */
  linkStruct?: number;
}

type InlineHandler<T> = (builder: WordBuilder, node: T, inherited: Inherited) => void;

function faceOf(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

export function measureWord(word: Word): number {
  return word.fragments.reduce((w, f) => w + widthOf(f.text, f.style.face, f.style.size), 0);
}

/** Where a link goes: a destination for `#id`, a URI for http(s) and mailto, else nowhere. */
function targetOf(node: Link): LinkTarget | undefined {
  if (node.url.startsWith('#')) return { dest: node.data?.target?.anchor ?? decodeURIComponent(node.url.slice(1)) };
  if (/^(https?:|mailto:)/i.test(node.url)) return { url: node.url };
  return undefined;
}

const handlers = {
  text: (b, node, s) => b.text(node.value, b.styleOf(s), s.link, s.linkStruct),
  emphasis: (b, node, s) => b.inline(node.children, { ...s, italic: !s.italic }),
  strong: (b, node, s) => b.inline(node.children, { ...s, bold: true }),
  delete: (b, node, s) => b.inline(node.children, { ...s, strike: true }),
  inlineCode: (b, node, s) => b.code(node.value, s),
  break: (b) => b.hardBreak(),
  link: (b, node, s) => {
    const link = targetOf(node);
    b.inline(node.children, link ? { ...s, link, linkStruct: b.span('Link') } : s);
  },
  footnoteReference: (b, node, s) => b.note(node, b.styleOf(s)),
} satisfies { [T in ResolvedInline['type']]: InlineHandler<Extract<ResolvedInline, { type: T }>> };

export class WordBuilder {
  readonly words: Word[] = [];
  private current: Fragment[] = [];
  private notes: number[] = [];

  constructor(private readonly options: InlineOptions) {}

  private flush(): void {
    if (this.current.length === 0) return;
    const word: Word = { fragments: this.current, width: 0, notes: this.notes };
    word.width = measureWord(word);
    this.words.push(word);
    this.current = [];
    this.notes = [];
  }

  /** The style of text inside the given inline nodes (the base face's weight and slant combined with theirs). */
  styleOf(s: Inherited): TextStyle {
    const base = this.options.style;
    const bold = s.bold || base.face === 'bold' || base.face === 'boldItalic';
    const italic = s.italic !== (base.face === 'italic' || base.face === 'boldItalic');
    return styleFor(s.strike ? { ...base, strike: true } : base, faceOf(bold, italic));
  }

  text(value: string, style: TextStyle, link?: LinkTarget, struct?: number): void {
    const parts = value.split(/([ \t\n\r]+)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^[ \t\n\r]+$/.test(part)) this.flush();
      else {
        const last = this.current[this.current.length - 1];
        if (last && last.style === style && last.link === link && last.note === undefined && !last.dest && last.struct === struct) last.text += part;
        else this.current.push(struct === undefined ? { text: part, style, link } : { text: part, style, link, struct });
      }
    }
  }

  /** A structure element for a span of the paragraph, or of `parent` (a link's inline code). */
  span(type: string, parent?: number): number | undefined {
    return this.options.span?.(type, parent);
  }

  /** Inline code: PT Mono, a little smaller than the text, a `Code` span of its own (inside its link's, in a link). */
  code(value: string, s: Inherited): void {
    const base = this.options.style;
    const style = styleFor({ ...base, size: base.size * TYPE.code.inlineScale, ...(s.strike ? { strike: true } : {}) }, 'mono');
    this.text(value, style, s.link, this.span('Code', s.linkStruct));
  }

  hardBreak(): void {
    this.flush();
    const last = this.words[this.words.length - 1];
    if (last) last.breakAfter = true;
  }

  /** A note citation: the number, smaller and raised, joined to the word before it, linking to the note. */
  note(node: FootnoteReference, base: TextStyle): void {
    const { number, anchor, noteAnchor, repeat } = citationOf(node);
    const size = base.size * this.options.noteScale;
    const style: TextStyle = { face: 'regular', size, rise: base.size * 0.38 };
    const fragment: Fragment = { text: String(number), style, note: number, link: { dest: noteAnchor }, dest: anchor };
    const struct = this.span('Link');
    if (struct !== undefined) fragment.struct = struct;
    this.current.push(fragment);
    if (!repeat) this.notes.push(number);
  }

  inline(nodes: PhrasingContent[], inherited: Inherited = { bold: false, italic: false, strike: false }): void {
    for (const node of nodes as ResolvedInline[]) (handlers[node.type] as InlineHandler<ResolvedInline>)(this, node, inherited);
  }

  finish(): Word[] {
    this.flush();
    return this.words;
  }
}

const styles = new Map<string, TextStyle>();
/** One shared style object per face and size, so fragments can be merged by identity. */
export function styleFor(base: TextStyle, face: Face): TextStyle {
  const key = `${face}/${base.size}/${base.rise ?? 0}/${base.color ?? ''}${base.strike ? '/strike' : ''}`;
  let style = styles.get(key);
  if (!style) {
    style = { ...base, face };
    styles.set(key, style);
  }
  return style;
}
