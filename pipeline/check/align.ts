/**
 * Sequence alignment (Needleman–Wunsch, minimising cost): pairs the items of an original and a
 * translation in order, leaving out (a gap) what has no counterpart. `cost(a, b)` is the price of
 * pairing two items (Infinity: never); a gap costs `GAP`, so a pair is kept when it costs less than
 * two gaps, and a missing or extra item is one gap, not a shift of everything after it.
 */
export const GAP = 1;

/** Above this many cells (a section of thousands of blocks) items are paired by position instead. */
const MAX_CELLS = 4_000_000;

export type Step<A, B> = { a: A; b: B; ai: number; bi: number } | { a: A; b?: undefined; ai: number; bi?: undefined } | { a?: undefined; b: B; ai?: undefined; bi: number };

export function align<A, B>(as: readonly A[], bs: readonly B[], cost: (a: A, b: B) => number): Step<A, B>[] {
  const n = as.length;
  const m = bs.length;
  const width = m + 1;
  if ((n + 1) * width > MAX_CELLS) return byPosition(as, bs);
  const table = new Float64Array((n + 1) * width);
  const move = new Uint8Array((n + 1) * width); // 0 pair, 1 gap in b (a alone), 2 gap in a (b alone)
  for (let i = 1; i <= n; i++) {
    table[i * width] = i * GAP;
    move[i * width] = 1;
  }
  for (let j = 1; j <= m; j++) {
    table[j] = j * GAP;
    move[j] = 2;
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const pair = table[(i - 1) * width + j - 1]! + cost(as[i - 1]!, bs[j - 1]!);
      const aAlone = table[(i - 1) * width + j]! + GAP;
      const bAlone = table[i * width + j - 1]! + GAP;
      let best = pair;
      let how = 0;
      if (aAlone < best) {
        best = aAlone;
        how = 1;
      }
      if (bAlone < best) {
        best = bAlone;
        how = 2;
      }
      table[i * width + j] = best;
      move[i * width + j] = how;
    }
  }
  const steps: Step<A, B>[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = i === 0 ? 2 : j === 0 ? 1 : move[i * width + j]!;
    if (how === 0) {
      steps.push({ a: as[i - 1]!, b: bs[j - 1]!, ai: i - 1, bi: j - 1 });
      i--;
      j--;
    } else if (how === 1) {
      steps.push({ a: as[i - 1]!, ai: i - 1 });
      i--;
    } else {
      steps.push({ b: bs[j - 1]!, bi: j - 1 });
      j--;
    }
  }
  return steps.reverse();
}

function byPosition<A, B>(as: readonly A[], bs: readonly B[]): Step<A, B>[] {
  const steps: Step<A, B>[] = [];
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    if (i < as.length && i < bs.length) steps.push({ a: as[i]!, b: bs[i]!, ai: i, bi: i });
    else if (i < as.length) steps.push({ a: as[i]!, ai: i });
    else steps.push({ b: bs[i]!, bi: i });
  }
  return steps;
}
