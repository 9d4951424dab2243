/**
 * The typography figures of one PDF, from its glyphs alone (see classify.ts for which lines count).
 *
 * - Word space of a full line: its gaps' mean (the line's width less its words, over its gaps)
 *   divided by the natural space of the line's font at its size. Last lines are set at natural
 *   width and are left out of the spaces and the loose share.
 * - Hyphenated lines: full lines ending in a hyphenation (hyphens.ts), per 100 text lines (full and
 *   last lines of the body and the notes). Runs count consecutive text lines ending in any hyphen,
 *   the word's own included: a ladder looks the same to the reader.
 * - Page-final hyphens: a page whose last body line ends in a hyphenation; page-turn splits: any
 *   hyphenation (body or notes) continued on the next page.
 */
import { classify, type TextLine } from './classify.js';
import { lineEndHyphens, lexiconOf, addWords, type LineEndHyphen } from './hyphens.js';
import { pageLines } from './lines.js';
import { splitNotes, type SplitNote } from './notes.js';
import type { PdfGlyphs } from './read-pdf.js';
import { splits, type Split, type SplitKind } from './splits.js';

export interface Figures {
  pages: number;
  textLines: number;
  bodyLines: number;
  noteLines: number;
  fullLines: number;
  hyphenated: number;
  hyphenatedPer100: number;
  hardHyphens: number;
  longestRun: number;
  runsOf3: number;
  shortFragments: number;
  compoundBreaks: number;
  spaceMedian: number;
  spaceP95: number;
  loose: number;
  looseShare: number;
  splits: Record<SplitKind, number>;
  numberSplits: number;
  pageFinalHyphens: number;
  pageTurnSplits: number;
  splitNotes: number;
  oneLineNoteFragments: number;
  /** Fonts whose natural space was not known (0.25 em assumed). */
  unknownSpace: string[];
  examples: Record<string, string[]>;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : NaN);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Each full line's word space as a multiple of its font's natural space. */
function spaceRatios(lines: TextLine[], pdf: PdfGlyphs, unknown: Set<string>): number[] {
  return lines.filter((l) => l.kind === 'full' && l.gaps.length).map((l) => {
    const font = pdf.fonts[l.font];
    if (font?.space == null) unknown.add(font?.name ?? '?');
    const natural = (font?.space ?? 0.25) * l.size;
    return l.gaps.reduce((a, b) => a + b, 0) / l.gaps.length / natural;
  });
}

/** The longest run of consecutive text lines ending in a hyphen, and the number of runs of 3 or more. */
function runs(lines: TextLine[], ends: Set<TextLine>): { longest: number; of3: number } {
  let longest = 0;
  let of3 = 0;
  for (const area of ['body', 'note'] as const) {
    let run = 0;
    for (const l of lines.filter((x) => x.area === area && x.kind !== 'other')) {
      run = ends.has(l) ? run + 1 : 0;
      if (run === 3) of3++;
      longest = Math.max(longest, run);
    }
  }
  return { longest, of3 };
}

function pageFinal(lines: TextLine[], soft: LineEndHyphen[]): LineEndHyphen[] {
  const lastBody = new Map<number, TextLine>();
  for (const l of lines) if (l.area === 'body') lastBody.set(l.page, l);
  return soft.filter((h) => h.line.area === 'body' && lastBody.get(h.line.page) === h.line);
}

const show = (h: LineEndHyphen) => `p${h.line.page + 1} ${h.text}`;

/** Measures one PDF; `sourceWords` (the edition's source text) help tell hard hyphens from hyphenation. */
export function measure(pdf: PdfGlyphs, sourceWords: string[] = []): Figures {
  const { lines } = classify(pdf, pageLines(pdf));
  const text = lines.filter((l) => l.kind !== 'other' && l.area !== 'furniture');
  const ends = lineEndHyphens(lines, addWords(lexiconOf(lines), sourceWords));
  const soft = ends.filter((h) => !h.hard);
  const unknown = new Set<string>();
  const ratios = spaceRatios(lines, pdf, unknown).sort((a, b) => a - b);
  const loose = ratios.filter((r) => r > 1.5).length;
  const { longest, of3 } = runs(lines, new Set(ends.map((h) => h.line)));
  const found: Split[] = splits(lines);
  const count = (k: SplitKind) => found.filter((s) => s.kind === k).length;
  const kinds: SplitKind[] = ['day–month', 'number–unit', 'label–number', 'range', 'digit groups', 'initials'];
  const short = soft.filter((h) => Math.min(h.before, h.after) < 3);
  const final = pageFinal(lines, soft);
  const turns = soft.filter((h) => h.next && h.next.page !== h.line.page);
  const notes: SplitNote[] = splitNotes(lines);
  const oneLine = notes.filter((n) => Math.min(n.before, n.after) < 2);
  return {
    pages: pdf.pages.length,
    textLines: text.length,
    bodyLines: text.filter((l) => l.area === 'body').length,
    noteLines: text.filter((l) => l.area === 'note').length,
    fullLines: ratios.length,
    hyphenated: soft.length,
    hyphenatedPer100: round((100 * soft.length) / Math.max(1, text.length), 1),
    hardHyphens: ends.length - soft.length,
    longestRun: longest,
    runsOf3: of3,
    shortFragments: short.length,
    compoundBreaks: soft.filter((h) => h.inCompound).length,
    spaceMedian: round(percentile(ratios, 0.5)),
    spaceP95: round(percentile(ratios, 0.95)),
    loose,
    looseShare: round((100 * loose) / Math.max(1, ratios.length), 1),
    splits: Object.fromEntries(kinds.map((k) => [k, count(k)])) as Record<SplitKind, number>,
    numberSplits: found.length,
    pageFinalHyphens: final.length,
    pageTurnSplits: turns.length,
    splitNotes: notes.length,
    oneLineNoteFragments: oneLine.length,
    unknownSpace: [...unknown],
    examples: {
      shortFragments: short.map(show),
      hardHyphens: ends.filter((h) => h.hard).map(show),
      compoundBreaks: soft.filter((h) => h.inCompound).map(show),
      splits: found.map((s) => `p${s.line.page + 1} ${s.kind}: ${s.text}`),
      pageTurnSplits: turns.map(show),
      oneLineNoteFragments: oneLine.map((n) => `note ${n.number} p${n.page + 1}: ${n.before} + ${n.after} lines`),
    },
  };
}
