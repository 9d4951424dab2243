/** “Did you mean”: the known name closest to a mistyped one (fastest-levenshtein), when it is close. */
import { closest, distance } from 'fastest-levenshtein';

/** The candidate within about a third of the word's length in edits, if any. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const best = closest(word, list);
  return distance(word, best) <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` (did you mean \`x\`?)`, or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>, format = (s: string) => `\`${s}\``): string {
  const best = nearest(word, candidates);
  return best ? ` (did you mean ${format(best)}?)` : '';
}
