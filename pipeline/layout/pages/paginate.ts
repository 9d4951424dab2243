/**
 * Page building with notes at the bottom of the page that cites them. The rules:
 * - a line that cites a note keeps at least two of the note's lines on its page (all of a shorter note);
 * - a note that does not fit is split, and continues at the bottom of the next page, before that
 *   page's own notes; a page on which a note is split takes no more text;
 * - a note never comes before its citation, and notes keep their order;
 * - headings stay with the two lines that follow; no single line of a paragraph is left at the
 *   bottom or top of a page (no orphans, no widows); table rows do not split, and a table that
 *   continues on a new page repeats its header row there.
 */
import type { Page } from '../types.js';
import type { Flow } from '../flow/types.js';
import { startPage, type Building } from './building.js';
import { atPageTop, chunkEnd } from './chunks.js';
import { placeChunk } from './place-chunk.js';
import { finishPage } from './finish-page.js';

export function paginate(flow: Flow, firstLabel = 1): Page[] {
  const pages: Page[] = [];
  let page: Building = startPage([]);
  const next = () => {
    pages.push(finishPage(page, pages.length + 1, firstLabel + pages.length));
    page = startPage(page.leaving);
  };
  const lines = flow.lines;
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.pageBreakBefore && page.lines.length > 0) next();
    const end = chunkEnd(lines, i);
    const chunk = lines.slice(i, end);
    const result = placeChunk(page, page.lines.length === 0 ? atPageTop(chunk) : chunk, flow);
    if (result) {
      i = end;
      if (result === 'split') next();
    } else if (page.lines.length === 0 && page.closed) {
      next(); // a page given over to a note continued from before
    } else if (page.lines.length === 0) {
      // Nothing fits on an empty page: place line by line, as much as goes.
      const one = placeChunk(page, atPageTop([lines[i]!]), flow, true);
      i++;
      if (one === 'split' || one === false) next();
    } else next();
  }
  // Notes still continuing after the last line of text get pages of their own.
  while (page.leaving.length > 0) next();
  if (page.lines.length || page.notes.length) pages.push(finishPage(page, pages.length + 1, firstLabel + pages.length));
  return pages;
}
