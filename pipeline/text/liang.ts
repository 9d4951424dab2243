/**
 * Liang's hyphenation (TeX's patterns) over the `hyphen` package's compiled pattern sets, read
 * directly: the package finds the same points but reads every call's text through closures built
 * per character, which made hyphenating every word of a paragraph (what optimal fit needs) cost
 * about 25 µs a word. This walks the package's trie from each position of the word instead. It gives
 * the package's points exactly, quirks included (test/liang.test.ts compares them on every word of
 * the report and on random words); a word whose lower case changes its length is left to the package.
 *
 * A pattern set is `[levels, trie, exceptions?]`: `levels[i]` the digits of pattern i, the trie keyed
 * by one UTF-16 unit per level, each node an object of children, a pattern's index (a leaf), or
 * `[children, index]`; exceptions map a lower-case word to its points.
 */
export type TrieNode = { [unit: string]: TrieNode | [TrieNode, number] | number };
export type PatternSet = [levels: number[][], trie: TrieNode, exceptions?: Record<string, number[]>];

/** The offsets in `word` (letters only) where its patterns allow a hyphen, or undefined when it must go to the package. */
export function liangPoints(set: PatternSet, word: string): number[] | undefined {
  // Lower case by Unicode's default rules, not the machine's locale (which the package follows):
  // a build in a Turkish locale must make the same lines as any other.
  const lowered = word.toLowerCase();
  if (lowered.length !== word.length) return undefined;
  const exception = set[2]?.[lowered];
  if (exception) return exception.slice();
  const levels = patternLevels(set, `.${lowered}.`, word.length + 1);
  const n = levels.length;
  levels[0] = levels[1] = levels[n - 1] = levels[n - 2] = 0;
  const points: number[] = [];
  for (let i = 0; i < n; i++) if ((levels[i]! & 1) === 1) points.push(i);
  return points;
}

/**
 * The highest digit of every pattern found in `dotted` (the word between dots), by the position
 * between letters it falls on. A pattern starting at the leading dot and one starting at the first
 * letter both count from the first letter (the package's reading). A pattern may reach past the end:
 * the array then grows, as the package's does, and what it writes there is NaN (never odd).
 */
function patternLevels([table, trie]: PatternSet, dotted: string, size: number): number[] {
  const levels: number[] = new Array<number>(size).fill(0);
  for (let start = 0; dotted.length - start >= 3; start++) {
    const offset = start === 0 ? 0 : start - 1;
    let node: TrieNode | undefined = trie;
    for (let q = start; q < dotted.length && node; q++) {
      const entry: TrieNode[string] | undefined = node[dotted[q]!];
      if (entry === undefined) break;
      let index = -1;
      if (typeof entry === 'number') {
        index = entry;
        node = undefined;
      } else if (Array.isArray(entry)) {
        node = entry[0];
        index = entry[1];
      } else node = entry;
      if (index >= 0) raise(levels, table[index]!, offset);
    }
  }
  return levels;
}

/** Each level of `digits` laid over `levels` from `offset`, keeping the higher (Math.max, as the package does). */
function raise(levels: number[], digits: number[], offset: number): void {
  for (let k = 0; k < digits.length; k++) levels[offset + k] = Math.max(digits[k]!, levels[offset + k] as number);
}
