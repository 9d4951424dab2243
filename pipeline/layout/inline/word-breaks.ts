/**
 * Where words may break: after hard hyphens, dashes and slashes, at the language's hyphenation
 * points (both by text/hyphenate.ts), and (for a word longer than a whole line) between any two characters.
 */
import type { Fragment, Word } from './words.js';
import { measureWord } from './words.js';
import { widthOf } from '../../text/measure.js';
import { tokenBreaks, type BreakPoint } from '../../text/hyphenate.js';
import { TYPE } from '../geometry.js';

/**
 * The space after a word, in its last style; inside inline code PT Mono's (wide) space, but between
 * inline code and the text the text's own.
 */
export function spaceWidth(word: Word, next?: Word): number {
  const f = word.fragments[word.fragments.length - 1]!;
  const style = f.note !== undefined ? word.fragments[0]!.style : f.style;
  if (style.face === 'mono' && next && next.fragments[0]?.style.face !== 'mono') return widthOf(' ', 'regular', style.size / TYPE.code.inlineScale);
  return widthOf(' ', style.face, style.size);
}

export function textOf(word: Word): string {
  return word.fragments.length === 1 ? word.fragments[0]!.text : word.fragments.map((f) => f.text).join('');
}

/** Splits a word at a character offset; the head gets a hyphen when `hyphen` is true, and is marked when it ends with its own hard hyphen. */
export function splitWord(word: Word, offset: number, hyphen: boolean): [Word, Word] {
  const head: Fragment[] = [];
  const tail: Fragment[] = [];
  let seen = 0;
  for (const f of word.fragments) {
    const end = seen + f.text.length;
    if (end <= offset) head.push(f);
    else if (seen >= offset) tail.push(f);
    else {
      head.push({ ...f, text: f.text.slice(0, offset - seen) });
      tail.push({ ...f, text: f.text.slice(offset - seen), dest: undefined });
    }
    seen = end;
  }
  const last = head[head.length - 1];
  if (hyphen && last) head[head.length - 1] = { ...last, text: `${last.text}-` };
  else if (last?.text.endsWith('-')) head[head.length - 1] = { ...last, hardHyphenEnd: true };
  const h: Word = { fragments: head, width: 0, notes: word.notes.filter((n) => head.some((f) => f.note === n)) };
  const t: Word = { fragments: tail, width: 0, notes: word.notes.filter((n) => tail.some((f) => f.note === n)) };
  h.width = measureWord(h);
  t.width = measureWord(t);
  return [h, t];
}

/**
 * Break points inside a word, shortest head first: after hard hyphens, dashes and slashes, and at the
 * language's hyphenation points (none without a language), by text/hyphenate.ts's rules. Letters
 * after a note number are not hyphenated (a note number is digits, which would forbid the word's).
 * `text` is the word's text (`textOf(word)`). Read only: a word without a note gets the cached list.
 */
export function breakPointsInOrder(word: Word, text: string, lang: string | undefined): readonly BreakPoint[] {
  if (text.length > 80) return []; // no word is that long: a run of characters is cut, not hyphenated
  const noteStart = word.fragments.findIndex((f) => f.note !== undefined);
  if (noteStart < 0) return tokenBreaks(text, lang);
  const noteOffset = word.fragments.slice(0, noteStart).reduce((n, f) => n + f.text.length, 0);
  return [...tokenBreaks(text.slice(0, noteOffset), lang), ...tokenBreaks(text, undefined).filter((p) => p.offset > noteOffset)];
}

/** The break points of `breakPointsInOrder`, longest head first (what first fit tries). */
export function breakPoints(word: Word, lang: string | undefined): BreakPoint[] {
  return [...breakPointsInOrder(word, textOf(word), lang)].reverse();
}

/** Cuts a word into pieces that fit `first`, then `width`, measuring each character once. */
export function chopWord(word: Word, first: number, width: number): Word[] {
  const pieces: Word[] = [];
  let fragments: Fragment[] = [];
  let used = 0;
  let limit = first;
  const close = () => {
    const w: Word = { fragments, width: used, notes: word.notes.filter((n) => fragments.some((f) => f.note === n)) };
    pieces.push(w);
    fragments = [];
    used = 0;
    limit = width;
  };
  for (const f of word.fragments) {
    let start = 0;
    let runWidth = 0;
    const chars = Array.from(f.text);
    let offset = 0;
    chars.forEach((ch, i) => {
      const w = widthOf(ch, f.style.face, f.style.size);
      if (used + runWidth + w > limit && (used + runWidth > 0)) {
        if (offset > start) fragments.push({ ...f, text: f.text.slice(start, offset), dest: start === 0 ? f.dest : undefined });
        used += runWidth;
        close();
        start = offset;
        runWidth = 0;
      }
      runWidth += w;
      offset += ch.length;
      void i;
    });
    if (offset > start) fragments.push({ ...f, text: f.text.slice(start), dest: start === 0 ? f.dest : undefined });
    used += runWidth;
  }
  if (fragments.length) close();
  return pieces;
}

