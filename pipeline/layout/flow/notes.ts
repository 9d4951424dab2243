/**
 * A note's own lines, laid out at the notes' size by the same block handlers as the text: any
 * block content (paragraphs, lists, code, quotations, tables). Its structure element follows the
 * block that cites it, a `Note` with the note's anchor as its ID. The note opens with its number (a
 * destination, and a `Link` back to the first citation): raised at the start of a first paragraph,
 * else hung at the left of the first block.
 */
import type { Note, ResolvedBlock } from '../../model/types.js';
import type { Box, TextStyle } from '../types.js';
import type { Fragment, Word } from '../inline/words.js';
import type { FlowLine } from './types.js';
import type { FlowState } from './state.js';
import { measureWord } from '../inline/words.js';
import { widthOf } from '../../text/measure.js';
import { textBox } from '../frame.js';
import { NOTES, TEXT_WIDTH, TYPE } from '../geometry.js';
import { blocks } from './blocks.js';

const numberStyle: TextStyle = { face: 'regular', size: TYPE.note.size * 0.75, rise: TYPE.note.size * 0.35 };

function numberWord(s: FlowState, note: Note, struct: number): Word {
  const fragment: Fragment = { text: String(note.number), style: numberStyle, link: { dest: note.citationAnchor }, dest: note.anchor, struct: s.span('Link', struct) };
  const word: Word = { fragments: [fragment], width: 0, notes: [] };
  word.width = measureWord(word);
  return word;
}

/** The number hung at the left of a note that does not open with a paragraph; returns its width with a gap. */
function hangNumber(s: FlowState, note: Note, struct: number): number {
  const text = String(note.number);
  const width = widthOf(text, numberStyle.face, numberStyle.size);
  const boxes: Box[] = [
    { kind: 'dest', name: note.anchor, x: 0, y: -TYPE.note.size },
    textBox({ x: 0, y: -numberStyle.rise!, text, style: numberStyle, width, link: { dest: note.citationAnchor }, struct: s.span('Link', struct) }),
  ];
  s.hang(boxes);
  return width + TYPE.note.size * 0.4;
}

export function addNote(s: FlowState, number: number): void {
  const note = s.edition.notes[number - 1];
  if (!note || s.notes.has(number)) return;
  const struct = s.struct('Note', s.section);
  s.structure[struct]!.id = note.anchor;
  const lines: FlowLine[] = [];
  s.notes.set(number, lines);
  const children = note.definition.children as ResolvedBlock[];
  s.within({ left: 0, width: TEXT_WIDTH, parent: struct, scale: NOTES, lines, decorations: [], paragraphsIn: struct, file: note.path }, () => {
    if (children[0]?.type === 'paragraph') {
      s.lead = numberWord(s, note, struct);
      blocks(s, children);
      return;
    }
    const hang = hangNumber(s, note, struct);
    s.within({ left: hang, width: TEXT_WIDTH - hang }, () => blocks(s, children));
    s.flushLabel();
  });
  if (lines[0]) lines[0].spaceBefore = TYPE.note.space;
}
