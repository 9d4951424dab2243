/**
 * Breaks words into lines of a given width: first fit, with hyphenation (the language's patterns
 * and hard hyphens) when the next word does not fit, and character breaks only for a word longer
 * than a whole line. Then positions the words of each line: justified (but the last line), left,
 * centred or right.
 */
import type { Box, TextBox } from './types.js';
import type { Fragment, Word } from './words.js';
import { measureWord } from './words.js';
import { widthOf } from '../text/measure.js';
import { hyphenationPoints } from '../text/hyphenate.js';

export interface Line {
  words: Word[];
  /** Width without stretching the spaces. */
  natural: number;
  /** Notes first cited in this line. */
  notes: number[];
  last: boolean;
}

export type Align = 'justify' | 'left' | 'center' | 'right';

function spaceWidth(word: Word): number {
  const f = word.fragments[word.fragments.length - 1]!;
  const style = f.note !== undefined ? word.fragments[0]!.style : f.style;
  return widthOf(' ', style.face, style.size);
}

function textOf(word: Word): string {
  return word.fragments.map((f) => f.text).join('');
}

/** Splits a word at a character offset; the head gets a hyphen when `hyphen` is true. */
function splitWord(word: Word, offset: number, hyphen: boolean): [Word, Word] {
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
  if (hyphen && head.length) {
    const last = head[head.length - 1]!;
    head[head.length - 1] = { ...last, text: `${last.text}-` };
  }
  const h: Word = { fragments: head, width: 0, notes: word.notes.filter((n) => head.some((f) => f.note === n)) };
  const t: Word = { fragments: tail, width: 0, notes: word.notes.filter((n) => tail.some((f) => f.note === n)) };
  h.width = measureWord(h);
  t.width = measureWord(t);
  return [h, t];
}

/** Break points inside a word: after hard hyphens, dashes and slashes, then hyphenation points. */
function breakPoints(word: Word, lang: string): { offset: number; hyphen: boolean }[] {
  const text = textOf(word);
  if (text.length > 80) return []; // no word is that long: a run of characters is cut, not hyphenated
  const points: { offset: number; hyphen: boolean }[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    if ('-–—/'.includes(text[i]!) && /\p{L}|\d/u.test(text[i - 1]!) && /\p{L}|\d/u.test(text[i + 1]!)) points.push({ offset: i + 1, hyphen: false });
  }
  // Hyphenate the letters of each hyphen-free part (not across note numbers or punctuation).
  const letters = /\p{L}+/gu;
  for (const m of text.matchAll(letters)) {
    const noteStart = word.fragments.findIndex((f) => f.note !== undefined);
    const noteOffset = noteStart < 0 ? Infinity : word.fragments.slice(0, noteStart).reduce((n, f) => n + f.text.length, 0);
    if (m.index >= noteOffset) continue;
    for (const p of hyphenationPoints(m[0], lang)) points.push({ offset: m.index + p, hyphen: true });
  }
  return points.sort((a, b) => b.offset - a.offset); // longest head first
}

/** Cuts a word into pieces that fit `first`, then `width`, measuring each character once. */
function chopWord(word: Word, first: number, width: number): Word[] {
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

export function breakLines(words: Word[], width: number, lang: string, firstWidth = width): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let used = 0;
  const available = () => (lines.length === 0 ? firstWidth : width);
  const push = (last: boolean) => {
    lines.push({ words: current, natural: used, notes: current.flatMap((w) => w.notes), last });
    current = [];
    used = 0;
  };
  const queue = [...words];
  while (queue.length) {
    const word = queue.shift()!;
    const gap = current.length ? spaceWidth(current[current.length - 1]!) : 0;
    if (used + gap + word.width <= available() + 0.01) {
      current.push(word);
      used += gap + word.width;
      continue;
    }
    // Try to put the head of the word on this line.
    let placed = false;
    for (const point of breakPoints(word, lang)) {
      const [head, tail] = splitWord(word, point.offset, point.hyphen);
      if (used + gap + head.width <= available() + 0.01) {
        current.push(head);
        used += gap + head.width;
        push(false);
        queue.unshift(tail);
        placed = true;
        break;
      }
    }
    if (placed) continue;
    if (current.length) {
      push(false);
      queue.unshift(word);
      continue;
    }
    // A word longer than a whole line: cut it between characters, all of it in one pass (a
    // paragraph of a megabyte without a space must not cost a pass per line).
    const chunks = chopWord(word, available(), width);
    for (const chunk of chunks.slice(0, -1)) {
      current = [chunk];
      used = chunk.width;
      push(false);
    }
    const rest = chunks[chunks.length - 1];
    if (rest) {
      current = [rest];
      used = rest.width;
    }
  }
  if (current.length) push(true);
  else if (lines.length) lines[lines.length - 1]!.last = true;
  return lines;
}

/**
 * The boxes of a line, `x` from the line's start, `y` the baseline offset. Consecutive fragments
 * of one style and link make one run, drawn in one go with the line's extra word spacing (fewer
 * drawing operations; copied text keeps its spaces). Raised fragments (note numbers) are runs of
 * their own, drawn higher.
 */
export function placeLine(line: Line, width: number, align: Align, struct?: number): Box[] {
  const boxes: Box[] = [];
  const gaps = line.words.length - 1;
  const slack = Math.max(0, width - line.natural);
  const stretch = align === 'justify' && !line.last && gaps > 0 ? slack / gaps : 0;
  let x = align === 'center' ? slack / 2 : align === 'right' ? slack : 0;
  let run: TextBox | undefined;
  const sameTarget = (a?: TextBox['link'], b?: TextBox['link']) => a?.dest === b?.dest && a?.url === b?.url;
  line.words.forEach((word, i) => {
    const lastWord = i === line.words.length - 1;
    word.fragments.forEach((f, j) => {
      if (f.dest) boxes.push({ kind: 'dest', name: f.dest, x, y: -f.style.size });
      const w = widthOf(f.text, f.style.face, f.style.size);
      const spaced = !lastWord && j === word.fragments.length - 1;
      const continues = run && run.style === f.style && !f.style.rise && sameTarget(run.link, f.link) && (run.text.endsWith(' ') || j > 0);
      if (run && continues) {
        run.text += f.text;
        run.width = x + w - run.x;
      } else {
        run = { kind: 'text', x, y: -(f.style.rise ?? 0), text: f.text, style: f.style, width: w, struct };
        if (f.link) run.link = f.link;
        if (stretch) run.wordSpacing = stretch;
        boxes.push(run);
      }
      x += w;
      if (spaced) {
        run.text += ' ';
        x += spaceWidth(word) + stretch;
        if (f.style.rise) run = undefined; // the text after a note number starts a new run
      }
    });
  });
  for (const b of boxes) if (b.kind === 'text' && b.text.endsWith(' ')) b.text = b.text.replace(/ +$/, ' ');
  return boxes;
}
