/**
 * Breaks words into lines of a given width: first fit, with hyphenation (the language's patterns
 * and hard hyphens) when the next word does not fit, and character breaks only for a word longer
 * than a whole line. A hard line break ends a line there.
 */
import type { Word } from './words.js';
import type { BreakKind, SpaceRule } from './pieces.js';
import { breakPoints, chopWord, spaceWidth, splitWord } from './word-breaks.js';

export interface Line {
  words: Word[];
  /** Width without stretching the spaces. */
  natural: number;
  /** Notes first cited in this line. */
  notes: number[];
  last: boolean;
  /** Ended by a hard line break: set like a last line (not justified). */
  forced?: boolean;
  /** Ends inside a word (the word goes on in the next line): how it was cut. */
  splitsWord?: BreakKind;
  /** Set by optimal fit: how far the line's glyphs may widen or narrow, and its spaces stretch and shrink. */
  expansion?: number;
  space?: SpaceRule;
}

export interface BreakOptions {
  /** Width of the first line, when it differs. */
  firstWidth?: number;
  /** Break words at hyphenation points (not in code). */
  hyphenate?: boolean;
}

/** The lines being built, and the line being filled. */
class Lines {
  readonly lines: Line[] = [];
  current: Word[] = [];
  used = 0;

  constructor(private readonly width: number, private readonly firstWidth: number) {}

  available(): number {
    return this.lines.length === 0 ? this.firstWidth : this.width;
  }

  /** The space before `next` on the current line. */
  gap(next: Word): number {
    return this.current.length ? spaceWidth(this.current[this.current.length - 1]!, next) : 0;
  }

  fits(word: Word): boolean {
    return this.used + this.gap(word) + word.width <= this.available() + 0.01;
  }

  add(word: Word): void {
    this.used += this.gap(word) + word.width;
    this.current.push(word);
    if (word.breakAfter) this.push(false, true);
  }

  push(last: boolean, forced = false): void {
    const line: Line = { words: this.current, natural: this.used, notes: this.current.flatMap((w) => w.notes), last };
    if (forced) line.forced = true;
    this.lines.push(line);
    this.current = [];
    this.used = 0;
  }
}

/** Puts the head of `word` on the current line at its longest break point that fits; returns the tail. */
function breakInto(lines: Lines, word: Word, lang: string | undefined): Word | undefined {
  for (const point of breakPoints(word, lang)) {
    const [head, tail] = splitWord(word, point.offset, point.hyphen);
    if (lines.fits(head)) {
      lines.add(head);
      lines.push(false);
      lines.lines[lines.lines.length - 1]!.splitsWord = point.hyphen ? 'hyphen' : 'dash';
      if (word.breakAfter) tail.breakAfter = true;
      return tail;
    }
  }
  return undefined;
}

/**
 * A word longer than a whole line: cut between characters, all of it in one pass (a paragraph of a
 * megabyte without a space must not cost a pass per line); the last piece starts the next line.
 */
function chopInto(lines: Lines, word: Word, width: number): void {
  const chunks = chopWord(word, lines.available(), width);
  for (const chunk of chunks.slice(0, -1)) {
    lines.add(chunk);
    lines.push(false);
    lines.lines[lines.lines.length - 1]!.splitsWord = 'chop';
  }
  const rest = chunks[chunks.length - 1];
  if (rest) {
    if (word.breakAfter) rest.breakAfter = true;
    lines.add(rest);
  }
}

export function breakLines(words: Word[], width: number, lang: string, options: BreakOptions = {}): Line[] {
  const lines = new Lines(width, options.firstWidth ?? width);
  const queue = [...words].reverse(); // taken from the end: the next word is queue[queue.length - 1]
  while (queue.length) {
    const word = queue.pop()!;
    if (lines.fits(word)) {
      lines.add(word);
      continue;
    }
    const tail = breakInto(lines, word, options.hyphenate === false ? undefined : lang);
    if (tail) queue.push(tail);
    else if (lines.current.length) {
      lines.push(false);
      queue.push(word);
    } else chopInto(lines, word, width);
  }
  if (lines.current.length) lines.push(true);
  else if (lines.lines.length) lines.lines[lines.lines.length - 1]!.last = true;
  return lines.lines;
}

