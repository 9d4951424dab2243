/**
 * The canonical English source against the published text (../shared/seed, present beside the repo
 * in development and CI; the test says so and is skipped where it is absent):
 * - each of the 80 citations in the text stands after the same three words as its number in the
 *   seed, with the same number;
 * - every sentence of the text and of the notes is in the seed, and every sentence of the seed is in
 *   the edition (compared without white space and hyphens, which the extraction lost; a sentence may
 *   be split once, where a page break or a note block cut it in the seed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { textOf as rawText } from './mdast-text.js';

/** Text with a line break at each note citation, so sentences are not joined across notes. */
const textOf = (node: Node) => rawText(node, '\n');
import type { Node } from 'unist';
import { load } from '../pipeline/build.js';
import { root, templates } from './helpers.js';

const seedPath = join(root, '..', 'shared', 'seed', '000_5c211dbf4dc0bacd.txt');
const haveSeed = existsSync(seedPath);
if (!haveSeed) console.warn(`seed-fidelity: SKIPPED, no seed at ${seedPath}`);

const FURNITURE = /^(Republic of Kazakhstan|Referendum, 5 June 2022|ODIHR Referendum Assessment Mission Final Report|Page: \d+|[IVX]+\.|[AB]\.|\d{1,2}\.?)$/;
const SENTENCE = /(?<=[.;:”])\s+(?=[A-Z“‘])/;
const norm = (s: string) => s.replace(/[\s\-\\\u00AD\u2060]/g, ''); // the word joiner of the no-break rules is no text


/** Found whole, or in two parts (cut by a page break or a note block in the other text). */
function found(haystack: string, sentence: string): boolean {
  const n = norm(sentence);
  if (n.length === 0 || haystack.includes(n)) return true;
  const words = sentence.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    if (haystack.includes(norm(words.slice(0, k).join(' '))) && haystack.includes(norm(words.slice(k).join(' ')))) return true;
  }
  return false;
}

describe.skipIf(!haveSeed)('the English source against the published seed', async () => {
  const seedLines = haveSeed ? readFileSync(seedPath, 'utf8').split('\n') : [];
  const seedText = seedLines.filter((l) => !FURNITURE.test(l.trim())).join('\n');
  const seedFlat = seedText.replace(/\s+/g, ' ');
  const { editions } = await load(join(root, 'source'), templates, ['en']);
  const en = editions[0]!;
  /** Each citation as the seed shows it: the three words before it, then its number. */
  const markers: { words: string; number: number }[] = [];
  visit(en.root, (node: Node & { children?: (Node & { value?: string; data?: { number?: number } })[] }) => {
    if (!node.children) return;
    let before = '';
    for (const c of node.children) {
      if (c.type === 'text') before += c.value;
      else if (c.type === 'footnoteReference') {
        markers.push({ words: before.trim().split(/\s+/).slice(-3).join(' '), number: c.data?.number ?? 0 });
        before = '';
      } else before += ' ';
    }
  });
  /** The seed without its note markers (exactly those, not every number in the text). */
  let seedClean = seedFlat;
  for (const m of markers) seedClean = seedClean.replace(`${m.words} ${m.number} `, `${m.words} `).replace(`${m.words} ${m.number}`, m.words);

  it('places every citation after the same words as the seed', () => {
    const misplaced = markers.filter((m) => !seedFlat.includes(`${m.words} ${m.number} `) && !seedFlat.endsWith(`${m.words} ${m.number}`));
    expect(misplaced).toEqual([]);
    expect(markers.length).toBe(80); // note 1 is cited by the title
    expect(markers.map((m) => m.number)).toEqual(Array.from({ length: 80 }, (_, i) => i + 2));
  });

  it('has every sentence of its text and notes in the seed', () => {
    const haystack = norm(seedClean);
    const missing: string[] = [];
    const check = (text: string) => {
      for (const part of text.split('\n')) for (const s of part.split(SENTENCE)) if (!found(haystack, s)) missing.push(s);
    };
    visit(en.root, (node: Node) => {
      if (node.type === 'paragraph' || node.type === 'heading') {
        check(textOf(node));
        return 'skip';
      }
      return undefined;
    });
    for (const note of en.notes) check(textOf({ type: 'root', children: note.definition.children } as Node));
    expect(missing).toEqual([]);
  });

  it('leaves no sentence of the seed out', () => {
    const parts: string[] = [en.text.country, en.text.event, en.text.title];
    visit(en.root, (node: Node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        parts.push(textOf(node));
        return 'skip';
      }
      return undefined;
    });
    for (const note of en.notes) parts.push(textOf({ type: 'root', children: note.definition.children } as Node));
    const ours = norm(parts.join(' '));
    const missing: string[] = [];
    for (const s of seedClean.split(SENTENCE)) {
      if (!found(ours, s)) missing.push(s);
    }
    // Known and documented (source/README.md): the annex repeats recommendations 3 and 12 in a wording
    // that differs from the inline text, which is the single source; the results table lost its
    // layout in the extraction (its cells are checked one by one below).
    const known = [
      /^To ensure an equitable campaign environment, .*official positions, and introduce/,
      /^Media Criminal provisions .*restore the reputation harmed\.$/,
      /^FINAL RESULTS Number of registered voters/,
      /^Central Referendum Commission website\. 11,734,642/,
    ];
    expect(missing.filter((m) => !known.some((k) => k.test(m)))).toEqual([]);
    expect(missing.length).toBe(known.length);
    const cells = ['Number of registered voters', 'Turnout', 'Including voting with the AVCs', 'Votes', 'In favour', 'Against', 'Invalid', 'Ballots with ‘Yes’ and ‘No” options marked', '11,734,642', '7,985,769', '14,538', '6,163,516', '1,490,470', '205,924', '125,859', 'Percentage', '68.05', '77.18', '18.66', '2.58', '1.58'];
    for (const cell of cells) {
      expect(seedFlat).toContain(cell);
      expect(ours).toContain(norm(cell));
    }
  });
});
