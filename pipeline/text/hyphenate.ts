/**
 * Hyphenation points of a word for the edition's language (the `hyphen` package's patterns: en-GB,
 * ru). Kazakh has no patterns there, and Russian ones break Kazakh words wrongly, so Kazakh words
 * are not hyphenated (they still break at hard hyphens).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Hyphenator = (text: string, options: { hyphenChar: string; minWordLength?: number }) => string;

const PATTERNS: Record<string, string> = { en: 'hyphen/en-gb', ru: 'hyphen/ru' };
const loaded = new Map<string, Hyphenator | null>();
const cache = new Map<string, number[]>();

function hyphenator(lang: string): Hyphenator | null {
  if (!loaded.has(lang)) {
    const name = PATTERNS[lang];
    loaded.set(lang, name ? (require(name) as { hyphenateSync: Hyphenator }).hyphenateSync : null);
  }
  return loaded.get(lang)!;
}

/** Offsets inside `word` where it may break with a hyphen (at least 2 letters before, 3 after). */
export function hyphenationPoints(word: string, lang: string): number[] {
  const key = `${lang}\u0000${word}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const fn = hyphenator(lang);
  let points: number[] = [];
  if (fn && word.length >= 6 && /^\p{L}+$/u.test(word)) {
    const marked = fn(word, { hyphenChar: '\u00ad', minWordLength: 6 });
    let offset = 0;
    for (const ch of marked) {
      if (ch === '\u00ad') points.push(offset);
      else offset += ch.length;
    }
    points = points.filter((p) => p >= 2 && word.length - p >= 3);
  }
  cache.set(key, points);
  return points;
}
