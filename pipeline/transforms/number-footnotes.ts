/**
 * Numbers the notes by first citation, in reading order: the title note first, then the text.
 * A citation of an undefined note and a note never cited are errors; a second citation of the same
 * note gets the same number, points back to the note, and is a warning.
 */
import type { FootnoteReference } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Note } from '../model/types.js';
import type { TransformContext } from './context.js';
import { pendingNotes } from './collect-notes.js';
import { citationAnchor, noteAnchor } from '../model/anchors.js';
import { fill } from '../util/templates.js';

export function numberFootnotes(context: TransformContext): void {
  const { edition, tree, diagnostics, pathOf } = context;
  const table = pendingNotes.get(edition) ?? new Map();
  const notes: Note[] = [];
  const byId = new Map<string, Note>();

  const cite = (identifier: string, label: string, path: string, reference?: FootnoteReference, place: import('unist').Position | import('unist').Point | undefined = reference?.position): Note | undefined => {
    const existing = byId.get(identifier);
    if (existing) {
      if (reference) {
        diagnostics.warn(path, `note \`${label}\` is cited again (first citation numbered ${existing.number}): the second citation points to the same note`, {
          place: reference.position,
          ruleId: 'repeated-citation',
        });
      }
      return existing;
    }
    const pending = table.get(identifier);
    if (!pending) {
      diagnostics.error(path, `citation of undefined note \`${label}\`: add a definition \`[^${label}]: …\` after the paragraph, or fix the label`, {
        place,
        ruleId: 'undefined-note',
      });
      return undefined;
    }
    const number = notes.length + 1;
    const note: Note = {
      id: identifier, label: pending.definition.label ?? identifier, number, anchor: noteAnchor(number), citationAnchor: citationAnchor(number), name: fill(edition.labels.noteLabel, { number }),
      definition: pending.definition, path: pending.path,
    };
    notes.push(note);
    byId.set(identifier, note);
    return note;
  };

  /** Citations of each note so far: the title page's citation of the title note is the first. */
  const occurrences = new Map<number, number>();
  const titleNote = edition.meta.titleNote;
  if (titleNote) {
    const identifier = titleNote.toLowerCase();
    const note = cite(identifier, titleNote, context.reportPath, undefined, context.titleNotePlace);
    if (note) {
      edition.titleNote = note;
      occurrences.set(note.number, 1);
    }
  }

  visit(tree, 'footnoteReference', (reference: FootnoteReference) => {
    const label = reference.label ?? reference.identifier;
    const before = byId.has(reference.identifier);
    const note = cite(reference.identifier, label, pathOf(reference), reference);
    if (!note) return;
    const occurrence = (occurrences.get(note.number) ?? 0) + 1;
    occurrences.set(note.number, occurrence);
    const data = (reference.data ??= {});
    data.number = note.number;
    data.noteAnchor = note.anchor;
    data.anchor = citationAnchor(note.number, occurrence);
    if (before) data.repeat = true;
  });

  for (const [identifier, pending] of table) {
    if (!byId.has(identifier)) {
      diagnostics.error(pending.path, `note \`${pending.definition.label ?? identifier}\` is never cited: cite it with \`[^${pending.definition.label ?? identifier}]\` or delete it`, {
        place: pending.definition.position,
        ruleId: 'unused-note',
      });
    }
  }
  edition.notes = notes;
  edition.notesById = byId;
}
