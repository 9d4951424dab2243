/**
 * A paragraph's words as the optimal breaker sees them: pieces of words (a word cut at each of its
 * break points) and, between two pieces, what a line may end at there: the space between two words
 * (glue that stretches and shrinks), a break inside a word (after a hard hyphen, a dash or a slash,
 * at a hyphenation point, or for a word longer than a line between characters), or a hard line
 * break. Widths are in points.
 */
import type { Word } from './words.js';
import { breakPointsInOrder, chopWord, spaceWidth, textOf } from './word-breaks.js';
import type { BreakPoint } from '../../text/hyphenate.js';
import { prefixWidths } from './prefix-widths.js';
import { widthOf } from '../../text/measure.js';

export interface Piece {
  word: number;
  /** Character offsets of the piece in its word's text. */
  start: number;
  end: number;
  width: number;
  /** A piece of a word cut between characters (wider than a line): the piece as a word of its own. */
  chunk?: Word;
}

export type BreakKind = 'hyphen' | 'hard-hyphen' | 'dash' | 'chop';

export type Separator =
  | { kind: 'glue'; width: number; stretch: number; shrink: number }
  /** Inside a word: `width` is added when the line ends here (an inserted hyphen). */
  | { kind: 'inside'; break: BreakKind; width: number }
  /** A hard line break between two words. */
  | { kind: 'forced'; width: number };

export interface Pieces {
  pieces: Piece[];
  /** `separators[k]` stands between `pieces[k]` and `pieces[k + 1]`. */
  separators: Separator[];
}

export interface SpaceRule {
  /** How far a space may stretch and shrink, as fractions of its width. */
  stretch: number;
  shrink: number;
}

function kindOf(text: string, point: BreakPoint): BreakKind {
  if (point.hyphen) return 'hyphen';
  return text[point.offset - 1] === '-' ? 'hard-hyphen' : 'dash';
}

/** The width of the hyphen added after the piece that ends at `offset`, in that piece's style. */
function hyphenWidth(word: Word, offset: number): number {
  let seen = 0;
  for (const f of word.fragments) {
    seen += f.text.length;
    if (seen >= offset) return widthOf('-', f.style.face, f.style.size);
  }
  const last = word.fragments[word.fragments.length - 1]!;
  return widthOf('-', last.style.face, last.style.size);
}

/**
 * A word wider than a line, cut between characters as `chopWord` cuts it: each piece a word of its
 * own, measured once (a word of a megabyte must not be split and measured again at every cut).
 */
function addChopped(out: Pieces, word: Word, index: number, width: number): void {
  const chunks = chopWord(word, width, width);
  let start = 0;
  chunks.forEach((chunk, k) => {
    const end = start + textOf(chunk).length;
    out.pieces.push({ word: index, start, end, width: chunk.width, chunk });
    if (k < chunks.length - 1) out.separators.push({ kind: 'inside', break: 'chop', width: 0 });
    start = end;
  });
}

/** Cuts one word at its break points, appending its pieces and the breaks between them. */
function addWord(out: Pieces, word: Word, index: number, width: number, lang: string | undefined): void {
  if (word.width > width) return addChopped(out, word, index, width);
  const text = textOf(word);
  const points = breakPointsInOrder(word, text, lang);
  const prefix = points.length ? prefixWidths(word) : undefined;
  let start = 0;
  for (const point of points) {
    out.pieces.push({ word: index, start, end: point.offset, width: prefix![point.offset]! - prefix![start]! });
    const kind = kindOf(text, point);
    out.separators.push({ kind: 'inside', break: kind, width: kind === 'hyphen' ? hyphenWidth(word, point.offset) : 0 });
    start = point.offset;
  }
  // The last piece takes the rest of the word's width, so the pieces add up to the word.
  out.pieces.push({ word: index, start, end: text.length, width: word.width - (prefix?.[start] ?? 0) });
}

export function piecesOf(words: Word[], width: number, lang: string | undefined, rule: SpaceRule): Pieces {
  const out: Pieces = { pieces: [], separators: [] };
  words.forEach((word, i) => {
    addWord(out, word, i, width, lang);
    const next = words[i + 1];
    if (!next) return;
    const space = spaceWidth(word, next);
    if (word.breakAfter) out.separators.push({ kind: 'forced', width: space });
    else out.separators.push({ kind: 'glue', width: space, stretch: space * rule.stretch, shrink: space * rule.shrink });
  });
  return out;
}
