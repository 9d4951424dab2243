/**
 * The layout engine on hostile documents, as data: many notes on a page, a note longer than half a
 * page and one longer than a page, notes in a table cell, a heading and a recommendation, and random
 * documents (fast-check) where notes land on every line of a page, the last one included. Every
 * layout keeps the rules of page building (test/layout-invariants.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { layoutEdition } from '../pipeline/layout/layout-document.js';
import { PAGE } from '../pipeline/layout/geometry.js';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { layoutProblems } from './layout-invariants.js';
import { root, templates } from './helpers.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from '../pipeline/layout/types.js';

const WORDS = 'the referendum commission observed that voters were informed about procedures although campaign finance remained unregulated and media coverage lacked balance'.split(' ');
function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 3) % WORDS.length]!);
  return `${out.join(' ')}.`;
}

function layout(markdown: string, golden?: string) {
  const { edition, diagnostics } = editionFromMarkdown(markdown);
  expect(diagnostics.list().filter((m) => m.severity === 'error')).toEqual([]);
  const result = layoutEdition(edition, templates);
  if (golden) expectGolden(golden, result);
  return { edition, layout: result };
}

/**
 * Golden layouts (test/golden/layout-NAME.json): for each page, the notes cited in its text and the
 * notes on it (number, continued from the page before, split to the page after), and where its text
 * and notes end. Regenerate with UPDATE=1 after an intended change, and look at the difference.
 */
function expectGolden(name: string, l: Layout): void {
  const summary = l.pages.map((p) => ({
    page: p.index,
    citations: p.citations,
    notes: p.notes.map((n) => `${n.number}${n.continued ? ' (continued)' : ''}${n.split ? ' (split)' : ''}`),
    bodyBottom: Math.round(p.bodyBottom),
    noteTop: p.noteTop === undefined ? null : Math.round(p.noteTop),
  }));
  const path = join(root, 'test', 'golden', `layout-${name}.json`);
  if (process.env.UPDATE || !existsSync(path)) writeFileSync(path, JSON.stringify(summary, null, 1) + '\n');
  expect(summary).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

describe('page building with notes', () => {
  it('places thirty notes cited in one paragraph', () => {
    const refs = Array.from({ length: 30 }, (_, i) => `Sentence ${i} ${sentence(i, 8)}[^n${i}]`).join(' ');
    const defs = Array.from({ length: 30 }, (_, i) => `[^n${i}]: ${sentence(i, 30)}`).join('\n\n');
    const { edition, layout: l } = layout(`# MANY NOTES {#many}\n\n${refs}\n\n${defs}\n`, 'many-notes');
    expect(layoutProblems(l, edition.notes.length)).toEqual([]);
    expect(edition.notes).toHaveLength(30);
    expect(Math.max(...l.pages.map((p) => p.notes.length))).toBeGreaterThan(5);
  });

  it('splits a note longer than half a page, and one longer than a page, across pages', () => {
    const half = Array.from({ length: 40 }, (_, i) => sentence(i, 14)).join(' ');
    const long = Array.from({ length: 140 }, (_, i) => sentence(i + 3, 14)).join(' ');
    const text = Array.from({ length: 6 }, (_, i) => sentence(i, 60)).join('\n\n');
    const md = `# LONG NOTES {#long}\n\n${text}\n\nA paragraph with a long note.[^half] ${sentence(2, 40)}\n\n[^half]: ${half}\n\n${text}\n\nAnother one with a note longer than a page.[^long] ${sentence(3, 50)}\n\n[^long]: ${long}\n\n${text}\n\nAfter it, a short note.[^short]\n\n[^short]: Short.\n`;
    const { edition, layout: l } = layout(md, 'long-notes');
    expect(layoutProblems(l, edition.notes.length)).toEqual([]);
    const longNumber = edition.notesById.get('long')!.number;
    const longPieces = l.pages.flatMap((p) => p.notes.filter((n) => n.number === longNumber));
    expect(longPieces.length).toBeGreaterThanOrEqual(3); // longer than a page: on at least three pages
    expect(longPieces.slice(1).every((p) => p.continued)).toBe(true);
    expect(l.pages.some((p) => p.notes.some((n) => n.split))).toBe(true);
  });

  it('keeps notes cited in a heading, a table cell and a recommendation on their pages', () => {
    const filler = Array.from({ length: 8 }, (_, i) => sentence(i, 50)).join('\n\n');
    const md = `# HEADING WITH A NOTE[^in-heading] {#h}\n\n[^in-heading]: The heading's note.\n\n${filler}\n\n| Item | Number |\n| :-- | --: |\n| A cell with a note[^in-cell] | 12 |\n| Another | 13 |\n\n[^in-cell]: The cell's note.\n\n${filler}\n\n:::recommendation{#r priority=1}\nA recommendation with a note.[^in-rec]\n:::\n\n[^in-rec]: The recommendation's note.\n`;
    const { edition, layout: l } = layout(md, 'notes-in-heading-cell-recommendation');
    expect(layoutProblems(l, edition.notes.length)).toEqual([]);
    expect(edition.notes.map((n) => n.label)).toEqual(['in-heading', 'in-cell', 'in-rec']);
  });

  it('keeps the rules on random documents, notes landing on the last line of a page included', () => {
    let lastLineCitations = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ words: fc.integer({ min: 5, max: 140 }), notes: fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 4 }), heading: fc.boolean() }), { minLength: 3, maxLength: 25 }),
        (paragraphs) => {
          let md = '# RANDOM {#random}\n\n';
          let k = 0;
          paragraphs.forEach((p, i) => {
            if (p.heading) md += `## SECTION ${i} {#s${i}}\n\n`;
            const labels = p.notes.map(() => `n${k++}`);
            md += `${sentence(i, p.words)}${labels.map((l) => `[^${l}]`).join('')} ${sentence(i + 1, 6)}\n\n`;
            labels.forEach((l, j) => (md += `[^${l}]: ${sentence(j, p.notes[j]!)}\n\n`));
          });
          const { edition, layout: l } = layout(md);
          const problems = layoutProblems(l, edition.notes.length);
          for (const page of l.pages) {
            if (page.citations.length && page.noteTop !== undefined) {
              const lastBaseline = page.bodyBottom;
              const cited = page.boxes.some((b) => b.kind === 'dest' && b.name.startsWith('fnref-') && Math.abs(b.y + 10.8 - lastBaseline) < 12);
              if (cited) lastLineCitations++;
            }
          }
          return problems.length === 0 || (console.error(problems), false);
        },
      ),
      { numRuns: 40, seed: 20220605 },
    );
    expect(lastLineCitations).toBeGreaterThan(0);
  });

  it('keeps text inside the page and headings with what follows', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `## HEADING ${i} {#h${i}}\n\n${sentence(i, 45 + (i % 7) * 11)}`).join('\n\n');
    const { layout: l } = layout(`# KEEP {#keep}\n\n${filler}\n`);
    for (const page of l.pages) {
      const texts = page.boxes.filter((b) => b.kind === 'text' && !b.artifact);
      const last = texts.reduce((a, b) => (b.y > a.y ? b : a), texts[0]!);
      // The lowest text on a page is never a heading (size 10.8 bold with nothing after it).
      if (last && last.kind === 'text') expect(last.style.face === 'bold' && /^HEADING/.test(last.text) && page.index < l.pages.length).toBe(false);
      for (const b of texts) expect(b.y).toBeLessThanOrEqual(PAGE.bottom + 1);
    }
  });
});
