/**
 * Liang's hyphenation (TeX's patterns) over the `hyphen` package's compiled pattern sets, read
 * directly: the package finds the same points but reads every call's text through closures built
 * per character, which made hyphenating every word of a paragraph (what optimal fit needs) cost
 * about 25 µs a word. This walks the patterns' trie from each position of the word instead. It gives
 * the package's points exactly, quirks included (test/liang.test.ts compares them on every word of
 * the report and on random words); a word whose lower case changes its length is left to the package.
 *
 * A pattern set in the package is `[levels, trie, exceptions?]`: `levels[i]` the digits of pattern
 * i, the trie keyed by one UTF-16 unit per level, each node an object of children, a pattern's index
 * (a leaf), or `[children, index]`; exceptions map a lower-case word to its points. Folio holds it
 * flat, in typed arrays (`Patterns`): built from the package's file text by pattern-file.ts without
 * making the package's many small objects, or from the objects themselves by `flatten`.
 */
export type TrieNode = { [unit: string]: TrieNode | [TrieNode, number] | number };
export type PatternSet = [levels: number[][], trie: TrieNode, exceptions?: Record<string, number[]>];

export interface Patterns {
  /** The digits of pattern i are `digits[patternStart[i]]` up to `digits[patternStart[i + 1]]`. */
  digits: Uint8Array;
  patternStart: Int32Array;
  /** The edges of node n are `edgeStart[n]` up to `edgeStart[n + 1]`, sorted by their unit. */
  edgeStart: Int32Array;
  unit: Uint16Array;
  /** The node an edge leads to, or -1 (a leaf). */
  child: Int32Array;
  /** The pattern an edge completes, or -1. */
  pattern: Int32Array;
  root: number;
  exceptions: Map<string, number[]>;
}

export interface Edge {
  unit: number;
  child: number;
  pattern: number;
}

/** Collects nodes children first: a node's edges are stored together once all its children are. */
export class PatternsBuilder {
  private readonly starts: number[] = [0];
  private readonly units: number[] = [];
  private readonly children: number[] = [];
  private readonly patterns: number[] = [];

  /** Stores a node's edges (children already stored) and returns its number. */
  node(edges: Edge[]): number {
    edges.sort((a, b) => a.unit - b.unit);
    for (const e of edges) {
      this.units.push(e.unit);
      this.children.push(e.child);
      this.patterns.push(e.pattern);
    }
    this.starts.push(this.units.length);
    return this.starts.length - 2;
  }

  build(levels: number[][], root: number, exceptions: Map<string, number[]>): Patterns {
    const patternStart = new Int32Array(levels.length + 1);
    levels.forEach((digits, i) => (patternStart[i + 1] = patternStart[i]! + digits.length));
    const digits = new Uint8Array(patternStart[levels.length]!);
    levels.forEach((d, i) => digits.set(d, patternStart[i]!));
    return {
      digits, patternStart, root, exceptions,
      edgeStart: Int32Array.from(this.starts), unit: Uint16Array.from(this.units), child: Int32Array.from(this.children), pattern: Int32Array.from(this.patterns),
    };
  }
}

/** The package's objects, flat. Keys longer than one unit are left out: the walk never matches them. */
export function flatten([levels, trie, exceptions]: PatternSet): Patterns {
  const b = new PatternsBuilder();
  const nodeOf = (node: TrieNode): number => {
    const edges: Edge[] = [];
    for (const [key, entry] of Object.entries(node)) {
      if (key.length !== 1) continue;
      if (typeof entry === 'number') edges.push({ unit: key.charCodeAt(0), child: -1, pattern: entry });
      else if (Array.isArray(entry)) edges.push({ unit: key.charCodeAt(0), child: nodeOf(entry[0]), pattern: entry[1] });
      else edges.push({ unit: key.charCodeAt(0), child: nodeOf(entry), pattern: -1 });
    }
    return b.node(edges);
  };
  const root = nodeOf(trie);
  return b.build(levels, root, new Map(Object.entries(exceptions ?? {})));
}

/** The offsets in `word` (letters only) where its patterns allow a hyphen, or undefined when it must go to the package. */
export function liangPoints(set: Patterns, word: string): number[] | undefined {
  // Lower case by Unicode's default rules, not the machine's locale (which the package follows):
  // a build in a Turkish locale must make the same lines as any other.
  const lowered = word.toLowerCase();
  if (lowered.length !== word.length) return undefined;
  const exception = set.exceptions.get(lowered);
  if (exception) return exception.slice();
  const levels = patternLevels(set, `.${lowered}.`, word.length + 1);
  const n = levels.length;
  levels[0] = levels[1] = levels[n - 1] = levels[n - 2] = 0;
  const points: number[] = [];
  for (let i = 0; i < n; i++) if ((levels[i]! & 1) === 1) points.push(i);
  return points;
}

/** The edge of `node` for `unit`, or -1 (binary search: a node's edges are sorted). */
function edgeOf(p: Patterns, node: number, unit: number): number {
  let lo = p.edgeStart[node]!;
  let hi = p.edgeStart[node + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const u = p.unit[mid]!;
    if (u === unit) return mid;
    if (u < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The highest digit of every pattern found in `dotted` (the word between dots), by the position
 * between letters it falls on. A pattern starting at the leading dot and one starting at the first
 * letter both count from the first letter (the package's reading). A pattern may reach past the end:
 * the array then grows, as the package's does, and what it writes there is NaN (never odd).
 */
function patternLevels(p: Patterns, dotted: string, size: number): number[] {
  const levels: number[] = new Array<number>(size).fill(0);
  for (let start = 0; dotted.length - start >= 3; start++) {
    const offset = start === 0 ? 0 : start - 1;
    let node = p.root;
    for (let q = start; q < dotted.length && node >= 0; q++) {
      const edge = edgeOf(p, node, dotted.charCodeAt(q));
      if (edge < 0) break;
      const index = p.pattern[edge]!;
      node = p.child[edge]!;
      if (index >= 0) raise(levels, p, index, offset);
    }
  }
  return levels;
}

/** Each level of pattern `index` laid over `levels` from `offset`, keeping the higher (Math.max, as the package does). */
function raise(levels: number[], p: Patterns, index: number, offset: number): void {
  const from = p.patternStart[index]!;
  const count = p.patternStart[index + 1]! - from;
  for (let k = 0; k < count; k++) levels[offset + k] = Math.max(p.digits[from + k]!, levels[offset + k] as number);
}
