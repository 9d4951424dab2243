/**
 * Notes split across pages, and the one-line fragments among them. A note starts with its number:
 * a line of the note area whose first word is a number drawn smaller than the text (raised, as
 * folio, LaTeX, Typst and LibreOffice draw it), or, where numbers are not raised, the number after
 * the last one seen. A note area that does not start with a note continues the last note of the
 * previous page; the fragment on either side is counted in lines.
 */
import type { TextLine } from './classify.js';

export interface SplitNote {
  /** The note's number, as printed. */
  number: string;
  /** The page (from 0) the note starts on. */
  page: number;
  /** Its lines on that page and on the next. */
  before: number;
  after: number;
}

function startNumber(line: TextLine, previous: number | undefined): string | undefined {
  const first = line.words[0]?.text ?? '';
  const m = /^\d+/.exec(first);
  if (!m) return undefined;
  if (line.smallStart) return m[0];
  return previous !== undefined && Number(m[0]) === previous + 1 && first === m[0] ? m[0] : undefined;
}

/** Every note that runs from one page onto the next. */
export function splitNotes(lines: TextLine[]): SplitNote[] {
  const notes = lines.filter((l) => l.area === 'note');
  const out: SplitNote[] = [];
  /** The last note seen, with its lines on its last page so far. */
  let last: { number: string; page: number; lines: number } | undefined;
  for (const page of new Set(notes.map((l) => l.page))) {
    const previous = last;
    let continued = 0;
    for (const line of notes.filter((l) => l.page === page)) {
      const n = startNumber(line, last ? Number(last.number) : undefined);
      if (n !== undefined) last = { number: n, page, lines: 1 };
      else if (last && last.page === page) last.lines++;
      else continued++;
    }
    if (continued && previous && previous.page === page - 1) {
      out.push({ number: previous.number, page: previous.page, before: previous.lines, after: continued });
      if (last === previous) last = { ...previous, page, lines: continued }; // the note goes on over a third page
    }
  }
  return out;
}
