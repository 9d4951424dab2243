/**
 * Optimal-fit line breaking (the Knuth–Plass family): of all the ways to break a paragraph, the
 * one whose lines cost least in total. A line's cost grows with the cube of how far its spaces
 * stretch or shrink (its adjustment ratio), faster once they stretch beyond their allowance (a
 * loose line), plus a penalty for ending inside a word; very loose lines are costly but allowed,
 * as Typst does, rather than forbidden, as TeX does (so a paragraph always has a solution, and
 * hyphenation is used only where it buys a much better paragraph).
 * On top: demerits for two lines in a row that end with a hyphen (three in a row cost more than
 * any paragraph without them), for a tight line next to a loose one, and for a hyphen before a
 * paragraph's last line. Lines never shrink their spaces beyond the allowed shrink; the only
 * lines wider than the measure are those that no break can avoid.
 */
import type { Pieces, Separator, BreakKind } from './pieces.js';

export interface FitCosts {
  /** Penalty for a line ending at each kind of break inside a word (added to the badness). */
  penalty: Record<BreakKind, number>;
  /** Extra cost when a line ends with a hyphen and so does the line before. */
  consecutive: number;
  /** Lines in a row that may end with a hyphen before the cost becomes prohibitive. */
  maxConsecutive: number;
  /** Extra cost when a line's fitness class is two or more away from the previous line's. */
  fitnessJump: number;
  /** Extra cost when the line before the last ends inside a word. */
  finalBreak: number;
  /** How many times faster the badness grows beyond an adjustment ratio of 1 (spaces stretched by all their stretch). */
  looseGrowth: number;
}

/**
 * Chosen by measuring the report's PDFs with `make typography` (3 letters each side of a hyphen):
 * hyphen 2.5, loose growth 5 and final break 2 give 2.1 hyphenated lines per 100 in English, 21.7
 * in Russian and 14.8 in Kazakh, with 0.9%, 2.6% and 2.5% of lines looser than 1.5 times their
 * spaces (2.3 and 2.6 gave Russian 21.7 and 21.6, 2.6% and 2.7%). Without the faster growth (1),
 * hyphen 0.9 gave 4.0, 22.3 and 16.7 with 0.3%, 2.7% and 3.0%; hyphen 1.2 there, 21.9 in Russian
 * but 3.9% loose in Kazakh; growth 7 or more left Russian at 22.1 or more. A final
 * break of 100 (never a hyphen before the last line) left 5.5% of Russian lines loose; no fitness
 * demerit, 4.0% in Kazakh.
 */
export const DEFAULT_COSTS: FitCosts = {
  penalty: { hyphen: 2.5, 'hard-hyphen': 0.3, dash: 0.2, chop: 20 },
  consecutive: 3,
  maxConsecutive: 2,
  fitnessJump: 0.5,
  finalBreak: 2,
  looseGrowth: 5,
};

/** Beyond this the badness stops growing: every very loose line is equally bad. */
const BADNESS_CAP = 1000;
const PROHIBITIVE = 1e7;

interface Node {
  /** The last piece of the line that ends here (-1: the paragraph's start). */
  end: number;
  lines: number;
  /** Lines in a row, up to this one, that end inside a word with a visible hyphen. */
  run: number;
  fitness: number;
  total: number;
  prev?: Node;
  /** Whether this line ends inside a word (what the final-break demerit looks at). */
  inside: boolean;
  /** Of the line after this node: where it starts (the cumulative widths at its first piece) and its measure. */
  start: number;
  stretch: number;
  shrink: number;
  boxes: number;
  width: number;
}

/** Cumulative widths, so a line's natural width, stretch and shrink are differences. */
interface Totals {
  /** Where each piece ends, counting every separator before it at its unbroken width. */
  end: Float64Array;
  width: Float64Array;
  /** Stretch and shrink of separators 0..k-1. */
  stretch: Float64Array;
  shrink: Float64Array;
  /** Width of pieces 0..k-1 (what glyph expansion scales). */
  boxes: Float64Array;
}

/** Totals of pieces already summed: the greedy bound and the search read the same pieces. */
const summed = new WeakMap<Pieces, Totals>();

function totalsOf(p: Pieces): Totals {
  let t = summed.get(p);
  if (!t) summed.set(p, (t = sumPieces(p)));
  return t;
}

function sumPieces(p: Pieces): Totals {
  const n = p.pieces.length;
  const t: Totals = { end: new Float64Array(n), width: new Float64Array(n), stretch: new Float64Array(n + 1), shrink: new Float64Array(n + 1), boxes: new Float64Array(n + 1) };
  let x = 0;
  for (let k = 0; k < n; k++) {
    const before = p.separators[k - 1];
    if (before && before.kind !== 'inside') x += before.width;
    x += p.pieces[k]!.width;
    t.end[k] = x;
    t.width[k] = p.pieces[k]!.width;
    const after = p.separators[k];
    t.stretch[k + 1] = t.stretch[k]! + (after?.kind === 'glue' ? after.stretch : 0);
    t.shrink[k + 1] = t.shrink[k]! + (after?.kind === 'glue' ? after.shrink : 0);
    t.boxes[k + 1] = t.boxes[k]! + p.pieces[k]!.width;
  }
  return t;
}

/** The adjustment ratio of a line: its spaces' change as a share of what they may stretch or shrink. */
export function adjustmentRatio(natural: number, width: number, stretch: number, shrink: number, ragged: boolean): number {
  if (natural <= width + 1e-6) {
    if (ragged) return 0;
    return stretch > 0 ? (width - natural) / stretch : width - natural < 0.5 ? 0 : Infinity;
  }
  return shrink > 0 ? (width - natural) / shrink : -Infinity;
}

function fitnessOf(r: number): number {
  return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/** A line's badness: the cube of its ratio, growing `looseGrowth` times as fast beyond 1, up to the cap. */
function badnessOf(r: number, looseGrowth: number): number {
  const abs = Math.abs(r);
  const cube = abs * abs * abs;
  return Math.min(r > 1 ? 1 + looseGrowth * (cube - 1) : cube, BADNESS_CAP);
}

/** Shows a hyphen at the line's end: a hyphenation point or a hard hyphen. */
function flagged(sep: Separator | undefined): boolean {
  return sep?.kind === 'inside' && (sep.break === 'hyphen' || sep.break === 'hard-hyphen');
}

interface Context {
  p: Pieces;
  t: Totals;
  width: number;
  firstWidth: number;
  costs: FitCosts;
  /** How far glyphs may widen or narrow, as a share of their width. */
  expansion: number;
  /** No path costing more is followed (the cost of a known solution, or Infinity). */
  bound: number;
}

/** What every line ending at one break shares, worked out once per break rather than once per line. */
interface LineEnd {
  j: number;
  end: number;
  /** The width added when a line ends here inside a word (a hyphen). */
  added: number;
  stretch: number;
  shrink: number;
  boxes: number;
  ragged: boolean;
  last: boolean;
  flagged: boolean;
  penalty: number;
}

function lineEndAt(c: Context, j: number, out: LineEnd): LineEnd {
  const sep = c.p.separators[j];
  out.j = j;
  out.end = c.t.end[j]!;
  out.added = sep?.kind === 'inside' ? sep.width : 0;
  out.stretch = c.t.stretch[j]!;
  out.shrink = c.t.shrink[j]!;
  out.boxes = c.t.boxes[j + 1]!;
  out.last = j === c.p.pieces.length - 1;
  out.ragged = out.last || sep?.kind === 'forced';
  out.flagged = flagged(sep);
  out.penalty = sep?.kind === 'inside' ? c.costs.penalty[sep.break] : 0;
  return out;
}

/** A node after piece `j` with what the next line needs to know of its start. */
function nodeAt(c: Context, j: number, lines: number, run: number, fitness: number, total: number, prev: Node | undefined): Node {
  const i = j + 1;
  const inside = j >= 0 && c.p.separators[j]?.kind === 'inside';
  return { end: j, lines, run, fitness, total, prev, inside, start: c.t.end[i]! - c.t.width[i]!, stretch: c.t.stretch[i]!, shrink: c.t.shrink[i]!, boxes: c.t.boxes[i]!, width: lines === 0 ? c.firstWidth : c.width };
}

/** What a line from a node to a break costs and leaves: filled in place by `lineCost`, so no object is made per candidate. */
interface LineCost {
  total: number;
  run: number;
  fitness: number;
}

/**
 * Fills `out` with the line from `a` to the break `e`: 'overfull' when it is (so is every longer
 * one), 'forbidden' when it would end one hyphen too many in a row, else 'ok'.
 */
function lineCost(c: Context, a: Node, e: LineEnd, out: LineCost): 'ok' | 'overfull' | 'forbidden' {
  const natural = e.end - a.start + e.added;
  const glyphs = c.expansion * (e.boxes - a.boxes);
  const r = adjustmentRatio(natural, a.width, e.stretch - a.stretch + glyphs, e.shrink - a.shrink + glyphs, e.ragged);
  if (r < -1) return 'overfull';
  const run = e.flagged ? a.run + 1 : 0;
  if (run > c.costs.maxConsecutive) return 'forbidden';
  const base = 0.01 + badnessOf(r, c.costs.looseGrowth) + e.penalty;
  let cost = base * base;
  if (run > 1) cost += c.costs.consecutive;
  const fitness = e.ragged ? 1 : fitnessOf(r);
  if (a.end >= 0 && Math.abs(fitness - a.fitness) > 1) cost += c.costs.fitnessJump;
  if (e.last && a.inside) cost += c.costs.finalBreak;
  out.total = a.total + cost;
  out.run = run;
  out.fitness = fitness;
  return 'ok';
}

/**
 * The best line into one break for each hyphen run and fitness class (slot run * 4 + fitness),
 * reused from break to break: the node it starts from and what it costs, so that only the lines
 * kept become nodes.
 */
interface Slots {
  from: (Node | undefined)[];
  total: Float64Array;
  run: Int32Array;
  fitness: Int32Array;
  /** Filled slots in slot order, then by total: what `undominated` reads. */
  order: Int32Array;
}

function slotsFor(costs: FitCosts): Slots {
  const n = 4 * (costs.maxConsecutive + 1);
  return { from: new Array<Node | undefined>(n), total: new Float64Array(n), run: new Int32Array(n), fitness: new Int32Array(n), order: new Int32Array(n) };
}

/**
 * The filled slots worth keeping, as nodes: a line is dropped when another costs at least the
 * largest fitness demerit less and has no longer run of hyphens, since no line after it can then
 * make it the better start (the rest of a line's cost depends on the break alone). Exact, and it
 * keeps the active list to a few nodes per break. Sorted by total, ties in slot order.
 */
function undominated(c: Context, s: Slots, j: number, out: Node[]): void {
  let filled = 0;
  for (let k = 0; k < s.from.length; k++) {
    if (s.from[k] === undefined) continue;
    let at = filled++;
    while (at > 0 && s.total[s.order[at - 1]!]! > s.total[k]!) {
      s.order[at] = s.order[at - 1]!;
      at--;
    }
    s.order[at] = k;
  }
  const firstKept = out.length;
  for (let q = 0; q < filled; q++) {
    const k = s.order[q]!;
    let dominated = false;
    for (let m = firstKept; m < out.length && !dominated; m++) dominated = out[m]!.run <= s.run[k]! && out[m]!.total + c.costs.fitnessJump <= s.total[k]!;
    if (!dominated) out.push(nodeAt(c, j, s.from[k]!.lines + 1, s.run[k]!, s.fitness[k]!, s.total[k]!, s.from[k]));
  }
}

/**
 * The lines into break `e` from the active nodes: the best ones appended to `reached` as nodes;
 * the active nodes whose lines are not yet overfull kept at the front of `active` (in order),
 * the others dropped. When nothing reaches the break and nothing stays active, the cheapest
 * overfull line is taken (a piece alone wider than the line).
 */
function breaksAt(c: Context, active: Node[], e: LineEnd, s: Slots, line: LineCost, reached: Node[]): void {
  s.from.fill(undefined);
  let cheapestDead: Node | undefined;
  let alive = 0;
  for (let q = 0; q < active.length; q++) {
    const a = active[q]!;
    if (a.total > c.bound) continue;
    const verdict = lineCost(c, a, e, line);
    if (verdict === 'overfull') {
      if (!cheapestDead || a.total < cheapestDead.total) cheapestDead = a;
      continue;
    }
    active[alive++] = a;
    if (verdict === 'forbidden' || line.total > c.bound) continue;
    const key = line.run * 4 + line.fitness;
    if (s.from[key] === undefined || line.total < s.total[key]!) {
      s.from[key] = a;
      s.total[key] = line.total;
      s.run[key] = line.run;
      s.fitness[key] = line.fitness;
    }
  }
  active.length = alive;
  undominated(c, s, e.j, reached);
  if (reached.length === 0 && alive === 0 && cheapestDead) reached.push(nodeAt(c, e.j, cheapestDead.lines + 1, 0, 1, cheapestDead.total + PROHIBITIVE, cheapestDead));
}

/** The pieces after which lines end, in order (the last piece always among them). */
export function optimalBreaks(p: Pieces, width: number, firstWidth: number, costs: FitCosts = DEFAULT_COSTS, expansion = 0): number[] {
  return optimalFit(p, width, firstWidth, costs, expansion).ends;
}

/**
 * Whether a paragraph broken best without hyphenation points, at `total`, could still be beaten
 * with them: any line ending at a hyphenation point costs at least the square of its penalty (plus
 * 0.01) on its own, and no cost is negative, so a cheaper paragraph without them is the optimum of
 * all (the breaker then need not look for the points at all).
 */
export function hyphenationMayPay(total: number, costs: FitCosts = DEFAULT_COSTS): boolean {
  return total >= (0.01 + costs.penalty.hyphen) ** 2;
}

/**
 * The best breaks (the pieces after which lines end, the last piece always among them) and their
 * total cost. `known`, the cost of some way to break the same paragraph, lets the search drop every
 * partial path that already costs more (no cost is negative, so none of them can end cheaper): most
 * very loose lines are then never followed. Exact; when no path within the bound is left (a `known`
 * that was not the cost of a solution of these pieces), the search runs again without it.
 */
export function optimalFit(p: Pieces, width: number, firstWidth: number, costs: FitCosts = DEFAULT_COSTS, expansion = 0, known = Infinity): { ends: number[]; total: number } {
  const n = p.pieces.length;
  if (n === 0) return { ends: [], total: 0 };
  // A margin for rounding: the same breaks summed over other pieces may differ in the last bits.
  const bound = known * (1 + 1e-9) + 1e-9;
  const c: Context = { p, t: totalsOf(p), width, firstWidth, costs, expansion, bound };
  const s = slotsFor(costs);
  const e = {} as LineEnd;
  const line: LineCost = { total: 0, run: 0, fitness: 0 };
  let active: Node[] = [nodeAt(c, -1, 0, 0, 1, 0, undefined)];
  const reached: Node[] = [];
  for (let j = 0; j < n; j++) {
    reached.length = 0;
    breaksAt(c, active, lineEndAt(c, j, e), s, line, reached);
    const mustBreak = j === n - 1 || p.separators[j]?.kind === 'forced';
    if (mustBreak) active = reached.slice();
    else for (const node of reached) active.push(node);
  }
  let best = active[0];
  for (const node of active) if (node.total < best!.total) best = node;
  // Nothing left, or only a path dearer than the bound (an overfull line taken in despair): the
  // known cost was not one of these pieces' solutions, so search again without it.
  if (!best || (best.total > bound && known !== Infinity)) return optimalFit(p, width, firstWidth, costs, expansion);
  const ends: number[] = [];
  for (let node: Node | undefined = best; node && node.end >= 0; node = node.prev) ends.push(node.end);
  return { ends: ends.reverse(), total: best.total };
}

/**
 * The cost of breaking greedily, each line ending at the last break before it would be overfull
 * (Infinity when that leaves no allowed line): a cheap first bound for `optimalFit`'s `known`.
 */
export function greedyCost(p: Pieces, width: number, firstWidth: number, costs: FitCosts = DEFAULT_COSTS, expansion = 0): number {
  const n = p.pieces.length;
  const c: Context = { p, t: totalsOf(p), width, firstWidth, costs, expansion, bound: Infinity };
  const e = {} as LineEnd;
  const line: LineCost = { total: 0, run: 0, fitness: 0 };
  const taken: LineCost = { total: 0, run: 0, fitness: 0 };
  let node = nodeAt(c, -1, 0, 0, 1, 0, undefined);
  while (node.end < n - 1) {
    let end = -1;
    for (let j = node.end + 1; j < n; j++) {
      const verdict = lineCost(c, node, lineEndAt(c, j, e), line);
      if (verdict === 'overfull') break;
      if (verdict === 'ok') {
        end = j;
        Object.assign(taken, line);
      }
      if (e.ragged) break;
    }
    if (end < 0) return Infinity;
    node = nodeAt(c, end, node.lines + 1, taken.run, taken.fitness, taken.total, undefined);
  }
  return node.total;
}

/** The total cost of breaking after the pieces `ends` (Infinity when a line is overfull or not allowed): what `optimalBreaks` minimises. */
export function paragraphCost(p: Pieces, ends: number[], width: number, firstWidth: number, costs: FitCosts = DEFAULT_COSTS, expansion = 0): number {
  const c: Context = { p, t: totalsOf(p), width, firstWidth, costs, expansion, bound: Infinity };
  let node = nodeAt(c, -1, 0, 0, 1, 0, undefined);
  const line: LineCost = { total: 0, run: 0, fitness: 0 };
  const e = {} as LineEnd;
  for (const j of ends) {
    if (lineCost(c, node, lineEndAt(c, j, e), line) !== 'ok') return Infinity;
    node = nodeAt(c, j, node.lines + 1, line.run, line.fitness, line.total, node);
  }
  return node.total;
}
