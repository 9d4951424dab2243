/** The rules of page building, checked on a layout as data. Returns the broken ones, as text. */
import type { Layout, TextBox } from '../pipeline/layout/types.js';
import { PAGE } from '../pipeline/layout/geometry.js';

/** The text of the page's lowest line of body text, when that line runs to the right margin (a justified line). */
function lastBodyLine(page: Layout['pages'][number]): string | undefined {
  const body = page.boxes.filter((b): b is TextBox => b.kind === 'text' && !b.artifact && (page.noteTop === undefined || b.y < page.noteTop));
  const bottom = Math.max(...body.map((b) => b.y));
  const line = body.filter((b) => Math.abs(b.y + (b.style.rise ?? 0) - bottom) < 0.5).sort((a, b) => a.x - b.x);
  const end = line[line.length - 1];
  if (!end || end.x + end.width < PAGE.width - PAGE.right - 1) return undefined;
  return line.map((b) => b.text).join('').trimEnd();
}

export function layoutProblems(layout: Layout, noteCount: number): string[] {
  const problems: string[] = [];
  const citedOn = new Map<number, number>();
  const startsOn = new Map<number, number>();
  let open: number | undefined; // a note split at the bottom of the previous page
  for (const page of layout.pages) {
    for (const n of page.citations) if (!citedOn.has(n)) citedOn.set(n, page.index);
    const numbers = page.notes.map((p) => p.number);
    if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!)) problems.push(`page ${page.index}: notes out of order (${numbers.join(', ')})`);
    if (open !== undefined) {
      const first = page.notes[0];
      if (!first || first.number !== open || !first.continued) problems.push(`page ${page.index}: note ${open} split on the previous page does not continue first here`);
    }
    open = undefined;
    page.notes.forEach((p, i) => {
      if (!p.continued) {
        if (startsOn.has(p.number)) problems.push(`note ${p.number} starts twice`);
        startsOn.set(p.number, page.index);
      } else if (i !== 0) problems.push(`page ${page.index}: continued note ${p.number} is not the first note`);
      if ((p.split || p.continued) && p.lines < 2) problems.push(`page ${page.index}: only ${p.lines} line of split note ${p.number} here (at least 2 on each page)`);
      if (p.split) {
        if (i !== page.notes.length - 1) problems.push(`page ${page.index}: split note ${p.number} is not the last note`);
        open = p.number;
      }
    });
    const last = lastBodyLine(page);
    if (last && /\p{L}-$/u.test(last)) problems.push(`page ${page.index}: ends inside a word (${last.slice(-30)})`);
    if (page.noteTop !== undefined && page.bodyBottom + 2 > page.noteTop) problems.push(`page ${page.index}: text (${page.bodyBottom.toFixed(1)}) runs into the notes (${page.noteTop.toFixed(1)})`);
    for (const box of page.boxes) {
      if (box.kind === 'dest') continue;
      if (box.y > PAGE.height - 20 || box.y < 20) problems.push(`page ${page.index}: a box off the page at y=${box.y.toFixed(1)}`);
      if (box.kind === 'text' && !box.artifact && box.y > PAGE.bottom + 1) problems.push(`page ${page.index}: text below the bottom margin (y=${box.y.toFixed(1)}): ${box.text}`);
    }
  }
  if (open !== undefined) problems.push(`note ${open} is split on the last page and never continues`);
  for (let n = 1; n <= noteCount; n++) {
    const cited = citedOn.get(n);
    const starts = startsOn.get(n);
    if (starts === undefined) problems.push(`note ${n} never appears`);
    else if (cited !== undefined && cited !== starts) problems.push(`note ${n} is cited on page ${cited} but starts on page ${starts}`);
  }
  return problems;
}
