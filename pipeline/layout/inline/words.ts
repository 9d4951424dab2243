/**
 * Inline content → words: runs of text between spaces, each made of fragments that carry a style,
 * a link, a note citation (set as a raised smaller number) or a destination. A note citation joins
 * the word before it, so a line never starts with a note number.
 */
import type { PhrasingContent } from 'mdast';
import type { Face } from '../text/fonts.js';
import type { LinkTarget, TextStyle } from './types.js';
import { widthOf } from '../text/measure.js';

export interface Fragment {
  text: string;
  style: TextStyle;
  link?: LinkTarget;
  /** The note this fragment cites (its number is the fragment's text). */
  note?: number;
  /** A named destination placed where this fragment starts. */
  dest?: string;
}

export interface Word {
  fragments: Fragment[];
  width: number;
  /** Notes first cited in this word. */
  notes: number[];
}

export interface InlineOptions {
  style: TextStyle;
  /** Size of note numbers relative to the text, and their rise. */
  noteScale: number;
  /** Link targets for `#id` links. */
  destFor(id: string): string;
}

function faceOf(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

export function measureWord(word: Word): number {
  return word.fragments.reduce((w, f) => w + widthOf(f.text, f.style.face, f.style.size), 0);
}

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

  text(value: string, style: TextStyle, link?: LinkTarget): void {
    const parts = value.split(/([ \t\n\r]+)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^[ \t\n\r]+$/.test(part)) this.flush();
      else {
        const last = this.current[this.current.length - 1];
        if (last && last.style === style && last.link === link && last.note === undefined && !last.dest) last.text += part;
        else this.current.push({ text: part, style, link });
      }
    }
  }

  /** A note citation: the number, smaller and raised, joined to the word before it. */
  note(number: number, first: boolean, base: TextStyle): void {
    const size = base.size * this.options.noteScale;
    const style: TextStyle = { face: 'regular', size, rise: base.size * 0.38 };
    const fragment: Fragment = { text: String(number), style, note: number, link: { dest: `fn-${number}` }, dest: first ? `fnref-${number}` : undefined };
    this.current.push(fragment);
    if (first) this.notes.push(number);
  }

  inline(nodes: PhrasingContent[], bold = false, italic = false, link?: LinkTarget): void {
    const base = this.options.style;
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const style = styleFor(base, faceOf(bold || base.face === 'bold' || base.face === 'boldItalic', italic !== (base.face === 'italic' || base.face === 'boldItalic')));
          this.text(node.value, style, link);
          break;
        }
        case 'emphasis':
          this.inline(node.children, bold, !italic, link);
          break;
        case 'strong':
          this.inline(node.children, true, italic, link);
          break;
        case 'delete':
          this.inline(node.children, bold, italic, link);
          break;
        case 'inlineCode':
          this.text(node.value, styleFor(base, faceOf(bold, italic)), link);
          break;
        case 'break':
          this.flush();
          break;
        case 'link': {
          const target: LinkTarget = node.url.startsWith('#')
            ? { dest: this.options.destFor(decodeURIComponent(node.url.slice(1))) }
            : /^(https?:|mailto:)/i.test(node.url) ? { url: node.url } : {};
          this.inline(node.children, bold, italic, target.dest || target.url ? target : link);
          break;
        }
        case 'footnoteReference':
          this.note(node.data?.number ?? 0, !node.data?.repeat, styleFor(base, faceOf(bold, italic)));
          break;
        case 'html':
          break;
        default:
          if ('children' in node) this.inline(node.children as PhrasingContent[], bold, italic, link);
          else if ('value' in node) this.text(String(node.value), styleFor(base, faceOf(bold, italic)), link);
      }
    }
  }

  finish(): Word[] {
    this.flush();
    return this.words;
  }
}

const styles = new Map<string, TextStyle>();
/** One shared style object per face and size, so fragments can be merged by identity. */
export function styleFor(base: TextStyle, face: Face): TextStyle {
  const key = `${face}/${base.size}/${base.rise ?? 0}/${base.color ?? ''}`;
  let style = styles.get(key);
  if (!style) {
    style = { ...base, face };
    styles.set(key, style);
  }
  return style;
}
