/**
 * The optimal breaker (layout/inline/optimal-fit.ts) against brute force on small paragraphs, and
 * the justified lines it makes (optimal-lines.ts) on real words: nothing lost, no line wider than
 * its spaces and glyphs can shrink to, never three hyphens in a row, the minimum found exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Pieces, Separator } from '../pipeline/layout/inline/pieces.js';
import { DEFAULT_COSTS, greedyCost, hyphenationMayPay, optimalBreaks, optimalFit, paragraphCost } from '../pipeline/layout/inline/optimal-fit.js';
import { breakOptimally, EXPANSION, JUSTIFIED_SPACE } from '../pipeline/layout/inline/optimal-lines.js';
import { WordBuilder, styleFor } from '../pipeline/layout/inline/words.js';
import { textOf } from '../pipeline/layout/inline/word-breaks.js';

const runs = Number(process.env.FUZZ_RUNS ?? 60);

/** A paragraph of pieces: words of 1–3 pieces (hyphenation points inside), spaces between. */
const paragraph = fc.array(fc.array(fc.integer({ min: 8, max: 60 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }).map((words): Pieces => {
  const p: Pieces = { pieces: [], separators: [] };
  words.forEach((parts, w) => {
    parts.forEach((width, k) => {
      p.pieces.push({ word: w, start: k, end: k + 1, width });
      if (k < parts.length - 1) p.separators.push({ kind: 'inside', break: 'hyphen', width: 4 });
    });
    if (w < words.length - 1) p.separators.push({ kind: 'glue', width: 4, stretch: 2, shrink: 4 / 3 } satisfies Separator);
  });
  return p;
});

/** Every way to break: each separator a break or not; the last piece always ends a line. */
function* allBreaks(n: number): Generator<number[]> {
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const ends: number[] = [];
    for (let k = 0; k < n - 1; k++) if (mask & (1 << k)) ends.push(k);
    ends.push(n - 1);
    yield ends;
  }
}

describe('optimal fit', () => {
  it('finds the cheapest breaks of all (brute force over every break set)', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 70, max: 160 }), (p, width) => {
        let best = Infinity;
        for (const ends of allBreaks(p.pieces.length)) best = Math.min(best, paragraphCost(p, ends, width, width, DEFAULT_COSTS, 0.02));
        const found = optimalBreaks(p, width, width, DEFAULT_COSTS, 0.02);
        if (Number.isFinite(best)) expect(paragraphCost(p, found, width, width, DEFAULT_COSTS, 0.02)).toBeCloseTo(best, 6);
        expect(found[found.length - 1]).toBe(p.pieces.length - 1);
      }),
      { numRuns: runs },
    );
  });

  it('never ends three lines in a row with a hyphen, even when that is the tightest setting', () => {
    // Words of two halves each exactly a line's half: hyphenating every line would fit perfectly.
    const p: Pieces = { pieces: [], separators: [] };
    for (let w = 0; w < 8; w++) {
      p.pieces.push({ word: w, start: 0, end: 1, width: 48 }, { word: w, start: 1, end: 2, width: 48 });
      p.separators.push({ kind: 'inside', break: 'hyphen', width: 4 });
      if (w < 7) p.separators.push({ kind: 'glue', width: 4, stretch: 2, shrink: 4 / 3 });
    }
    const ends = optimalBreaks(p, 100, 100);
    let run = 0;
    for (const j of ends) {
      run = p.separators[j]?.kind === 'inside' ? run + 1 : 0;
      expect(run).toBeLessThanOrEqual(DEFAULT_COSTS.maxConsecutive);
    }
  });

  it('breaks a word wider than the line between characters, losing nothing', () => {
    const style = styleFor({ face: 'regular', size: 10 }, 'regular');
    const builder = new WordBuilder({ style, noteScale: 0.6 });
    builder.text(`see ${'x'.repeat(300)} and more`, style);
    const words = builder.finish();
    const lines = breakOptimally(words, 120, 'en');
    expect(lines.map((l) => l.words.map(textOf).join(' ') + (l.splitsWord ? '' : ' ')).join('')).toBe(`see ${'x'.repeat(300)} and more `);
    expect(lines.some((l) => l.splitsWord === 'chop')).toBe(true);
  });
});

describe('justified lines by optimal fit', () => {
  const style = styleFor({ face: 'regular', size: 10.8 }, 'regular');
  const text = fc.array(fc.constantFrom('referendum', 'commission', 'international', 'observers', 'the', 'of', 'a', 'accreditation', 'representatives', 'Nur-Sultan', 'законодательство', 'и', 'в', 'комиссии'), { minLength: 1, maxLength: 80 }).map((w) => w.join(' '));

  it('keeps every character, shrinks no line beyond its spaces and glyphs, hyphenates only at a point', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 150, max: 460 }), (source, width) => {
        const builder = new WordBuilder({ style, noteScale: 0.6 });
        builder.text(source, style);
        const lines = breakOptimally(builder.finish(), width, 'en');
        const joined = lines.map((l) => l.words.map(textOf).join(' ') + (l.splitsWord ? '' : ' ')).join('');
        const unhyphenated = lines.map((l, i) => {
          const t = l.words.map(textOf).join(' ');
          return (l.splitsWord === 'hyphen' ? t.slice(0, -1) : t) + (l.splitsWord || i === lines.length - 1 ? '' : ' ');
        }).join('');
        expect(unhyphenated).toBe(source);
        expect(joined.length).toBeGreaterThan(0);
        for (const line of lines) {
          const glyphs = line.words.reduce((w, word) => w + word.width, 0);
          const least = glyphs * (1 - EXPANSION) + (line.natural - glyphs) * (1 - JUSTIFIED_SPACE.shrink);
          if (line.words.length > 1) expect(least).toBeLessThanOrEqual(width + 1e-6);
        }
      }),
      { numRuns: runs },
    );
  });

  it('prefers a loose line to a hyphen before the last line (a word’s end left alone there)', () => {
    // Either line 1 is five words and `2-`, about the measure, and the last line `30 20`; or line 1 is
    // the five words, loose, and the last `32 20`. The fifth word's width sets how loose: somewhere
    // between a line the hyphen beats anyway and one that is no worse than the hyphen, the rule
    // against a hyphen before the last line must decide it (the width is searched, so the test
    // holds whatever the costs' values).
    const glue: Separator = { kind: 'glue', width: 4, stretch: 2, shrink: 4 / 3 };
    const lastSeparator = (fifth: number, costs: typeof DEFAULT_COSTS) => {
      const widths = [20, 14, 14, 14, fifth, 2, 30, 20];
      const words = [0, 1, 2, 3, 4, 5, 5, 6];
      const p: Pieces = {
        pieces: widths.map((width, k) => ({ word: words[k]!, start: 0, end: 1, width })),
        separators: [glue, glue, glue, glue, glue, { kind: 'inside', break: 'hyphen', width: 4 }, glue],
      };
      return p.separators[optimalBreaks(p, 100, 100, costs, EXPANSION).at(-2)!]!.kind;
    };
    const cheap = { ...DEFAULT_COSTS, finalBreak: 0 };
    const fifths = Array.from({ length: 81 }, (_, k) => 14 - k * 0.05);
    const decided = fifths.filter((w) => lastSeparator(w, DEFAULT_COSTS) === 'glue' && lastSeparator(w, cheap) === 'inside');
    expect(decided.length).toBeGreaterThan(0);
    // And never the other way: the rule only ever takes a hyphen away.
    expect(fifths.filter((w) => lastSeparator(w, DEFAULT_COSTS) === 'inside' && lastSeparator(w, cheap) === 'glue')).toEqual([]);
  });

  it('hyphenates rather than leave a line looser than its spaces stretch, once looseness costs more (looseGrowth)', () => {
    // Line 1 is `42 42`, its one space stretched 1.2 times its stretch (a loose line, no hyphen), or
    // `42 42 4-` exactly the measure with a hyphen; the rest is the same either way.
    const glue: Separator = { kind: 'glue', width: 4, stretch: 10, shrink: 4 / 3 };
    const widths = [42, 42, 4, 56, 30, 30, 30];
    const words = [0, 1, 2, 2, 3, 4, 5];
    const p: Pieces = {
      pieces: widths.map((width, k) => ({ word: words[k]!, start: 0, end: 1, width })),
      separators: [glue, glue, { kind: 'inside', break: 'hyphen', width: 4 }, glue, glue, glue],
    };
    expect(optimalBreaks(p, 100, 100, DEFAULT_COSTS, 0)[0]).toBe(2);
    expect(optimalBreaks(p, 100, 100, { ...DEFAULT_COSTS, looseGrowth: 1 }, 0)[0]).toBe(1); // the growth decides it
  });

  it('finds the same breaks when told the cost of a known solution (the bound only drops costlier paths)', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 70, max: 160 }), fc.integer({ min: 0, max: 2 ** 20 }), (p, width, mask) => {
        const plain = optimalFit(p, width, width, DEFAULT_COSTS, 0.02);
        const n = p.pieces.length;
        // Some break set: the bits of `mask` pick the separators, the last piece always ends.
        const some = [...Array.from({ length: n - 1 }, (_, k) => k).filter((k) => mask & (1 << k)), n - 1];
        for (const known of [plain.total, greedyCost(p, width, width, DEFAULT_COSTS, 0.02), paragraphCost(p, some, width, width, DEFAULT_COSTS, 0.02), 0]) {
          expect(optimalFit(p, width, width, DEFAULT_COSTS, 0.02, known).ends).toEqual(plain.ends);
        }
      }),
      { numRuns: runs },
    );
  });

  it('needs no hyphenation points when the paragraph without them costs less than one hyphenated line (hyphenationMayPay)', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 70, max: 240 }), (p, width) => {
        // The same words whole: each word's pieces joined, the breaks inside words gone.
        const whole: Pieces = { pieces: [], separators: [] };
        p.pieces.forEach((piece, k) => {
          const last = whole.pieces[whole.pieces.length - 1];
          if (last && last.word === piece.word) last.width += piece.width;
          else {
            if (k > 0) whole.separators.push(p.separators[k - 1]!);
            whole.pieces.push({ ...piece });
          }
        });
        const without = optimalFit(whole, width, width, DEFAULT_COSTS, 0.02);
        const withPoints = optimalFit(p, width, width, DEFAULT_COSTS, 0.02);
        expect(withPoints.total).toBeLessThanOrEqual(without.total + 1e-9);
        if (!hyphenationMayPay(without.total)) expect(withPoints.total).toBeCloseTo(without.total, 9);
        const wordEnds = (ps: Pieces, ends: number[]) => ends.map((k) => ps.pieces[k]!.word);
        if (!hyphenationMayPay(without.total)) expect(wordEnds(p, withPoints.ends)).toEqual(wordEnds(whole, without.ends));
      }),
      { numRuns: runs * 3 },
    );
  });

  it('gives a greedy cost no lower than the optimum, and Infinity only when greedy lines cannot be made', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 70, max: 160 }), (p, width) => {
        const best = optimalFit(p, width, width, DEFAULT_COSTS, 0.02).total;
        const greedy = greedyCost(p, width, width, DEFAULT_COSTS, 0.02);
        expect(greedy).toBeGreaterThanOrEqual(best - 1e-9);
      }),
      { numRuns: runs },
    );
  });
});
