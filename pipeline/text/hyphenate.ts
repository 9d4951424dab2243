/**
 * Where a word may break, by the edition's language: at its hyphenation points (TeX's patterns for
 * some seventy languages from the `hyphen` package, read by liang.ts; folio's own syllables for
 * Kazakh, kazakh-syllables.ts) and after
 * its hard hyphens, dashes and slashes. The rules every language shares live here, once, for the
 * PDF's line breaker and for the soft hyphens the DOCX and HTML editions get where Word, LibreOffice
 * and browsers have no dictionary:
 * - at least `left` letters before a hyphen and `right` after it (the language's minima);
 * - no word shorter than `minWord` letters is hyphenated, nor one in capitals (an acronym);
 * - a token with a digit, a URL or an e-mail address is not hyphenated;
 * - a compound that has a hard hyphen (or dash, or slash) breaks only there (`Нур-|Султане`, never
 *   `Нур-Сул-тане`), and only with two letters on each side (`so-|called`, never `e-|mail`);
 * - never at a hyphen or dash after a number or before one: a range (`2019–2022`), a number and its
 *   suffix (`10-бап`, `5-го`, `15-тен`) or a name with a number (`COVID-19`) stays whole.
 * A token is the text between spaces; no-break spaces (U+00A0) join words into one token, and
 * each of those words follows the rules on its own (`5 маусым-дағы`).
 */
import { createRequire } from 'node:module';
import { kazakhSyllableBreaks } from './kazakh-syllables.js';
import { flatten, liangPoints, type PatternSet, type Patterns } from './liang.js';
import { cachedPatterns } from './pattern-cache.js';

const require = createRequire(import.meta.url);
type Hyphenator = (text: string, options: { hyphenChar: string; minWordLength?: number }) => string;

interface LanguageRules {
  /** Fewest letters before a hyphenation hyphen, and after it. */
  left: number;
  right: number;
  /** Words shorter than this are never hyphenated. */
  minWord: number;
  /** Every candidate point of a word of letters (offsets), before the minima are applied. */
  points(word: string): number[];
  /** Word, LibreOffice and browsers hyphenate the language themselves (else they get folio's points as soft hyphens). */
  readersHyphenate: boolean;
}

/** A pattern file of the `hyphen` package, flat (liang.ts), from folio's cache or required and flattened. */
function loadPatterns(name: string): Patterns {
  const path = require.resolve(`hyphen/patterns/${name}.js`);
  return cachedPatterns(path, () => flatten(require(path) as PatternSet));
}

/** The points a pattern set of the `hyphen` package (`hyphen/patterns/<name>.js`) marks in `word`, read by liang.ts. */
function patterns(name: string): (word: string) => number[] {
  let set: Patterns | undefined;
  let slow: Hyphenator | undefined;
  return (word) => {
    set ??= loadPatterns(name);
    const points = liangPoints(set, word);
    if (points) return points;
    slow ??= (require(`hyphen/${name}/index.js`) as { hyphenateSync: Hyphenator }).hyphenateSync;
    return pointsOfSoftHyphens(slow(word, { hyphenChar: '\u00ad', minWordLength: 1 }));
  };
}

/** The offsets of the soft hyphens in `hyphenated`, counted in the text without them. */
function pointsOfSoftHyphens(hyphenated: string): number[] {
  const points: number[] = [];
  let offset = 0;
  for (const ch of hyphenated) {
    if (ch === '\u00ad') points.push(offset);
    else offset += ch.length;
  }
  return points;
}

/**
 * The `hyphen` package's pattern sets (TeX's hyph-utf8) by the language subtags that name them.
 * Left out: Thai, Chinese pinyin and Ethiopic, whose lines break between words or syllables without
 * a hyphen, and Church Slavonic, whose file in the package is not valid JavaScript (a bare `ⸯ`
 * key). A tag's region picks a variant where there is one (`en-US`, `de-CH`); English without a
 * region is British, as the report's official edition is.
 */
export const PATTERN_SETS: Record<string, string> = {
  ...Object.fromEntries(
    ('af as be bg bn ca cop cs cy da es et eu fi fr fur ga gl grc gu hi hr hsb hu hy ia id is it ka ' +
      'kmr kn la lt lv mk ml mr nb nl nn no oc or pa pi pl pms pt rm ro ru sa sk sl sq sv ta te tk tr uk')
      .split(' ')
      .map((tag) => [tag, tag]),
  ),
  en: 'en-gb', 'en-gb': 'en-gb', 'en-us': 'en-us', de: 'de-1996', 'de-ch': 'de-ch-1901', el: 'el-monoton',
  'el-polyton': 'el-polyton', sr: 'sr-cyrl', 'sr-cyrl': 'sr-cyrl', 'sr-latn': 'sh-latn', sh: 'sh-latn',
  'sh-cyrl': 'sh-cyrl', mn: 'mn-cyrl', 'mn-cyrl': 'mn-cyrl',
};

/**
 * Folio's minima, in every language: three letters before a hyphen and three after, and no word under
 * seven letters hyphenated. TeX's defaults are smaller (British English 2/3, Russian 2/2, most
 * languages 2/2 or 2/3), but two-letter pieces (`in-volvement`) are what a careful compositor avoids
 * and what issue 13 measures as faults, and six-letter words split (`pub-lic`) read badly. Kazakh:
 * the orthography forbids only a single letter on either side (`кі-тап` is allowed), but Kazakh book
 * setting follows the Russian house rules of Cyrillic typography, and 3/3 keeps a report's languages
 * set alike.
 */
const MINIMA = { left: 3, right: 3, minWord: 7 };

const rulesByTag = new Map<string, LanguageRules | undefined>();

/** The rules of a BCP 47 tag: its language with script and region, with script or region, then alone. */
function findRules(tag: string): LanguageRules | undefined {
  const [language, ...rest] = tag.toLowerCase().split(/[-_]/);
  if (language === 'kk') return { ...MINIMA, points: kazakhSyllableBreaks, readersHyphenate: false };
  const candidates = [[language, ...rest].join('-'), ...rest.map((sub) => `${language}-${sub}`), language!];
  const name = candidates.map((c) => PATTERN_SETS[c]).find((n) => n !== undefined);
  return name ? { ...MINIMA, points: patterns(name), readersHyphenate: true } : undefined;
}

/** Longer runs of letters are no words: the layout cuts them, hyphenation leaves them alone. */
const MAX_WORD = 64;
/** Longer tokens are no text (a run of characters, a data string): they get no break points. */
const MAX_TOKEN = 200;
/** Fewest letters on each side of a break at a hard hyphen, dash or slash. */
const HARD_MIN = 2;
/** The characters after which a word may break without an added hyphen: hyphen, en and em dash, slash. */
const HARD_BREAK = /[-–—/]/u;
/** The break points of a token shorter than any hyphenated word and without a hard break. */
const NONE: readonly BreakPoint[] = Object.freeze([]);
const NO_BREAK_SPACES = /[\u00a0\u202f]/u;
const URL_LIKE = /:\/\/|^www\.|@|\p{L}\.\p{L}{2,}/u;
const LETTERS = /^\p{L}+$/u;

function rulesOf(lang: string): LanguageRules | undefined {
  if (!rulesByTag.has(lang)) rulesByTag.set(lang, findRules(lang));
  return rulesByTag.get(lang);
}

/** Whether the language has hyphenation points of its own in folio. */
export function hyphenates(lang: string): boolean {
  return rulesOf(lang) !== undefined;
}

/**
 * Whether the DOCX and HTML editions carry folio's hyphenation points as soft hyphens: for a
 * language folio hyphenates and Word, LibreOffice and browsers cannot (Kazakh: none of them has
 * patterns for it). Languages they hyphenate are left to them (`w:autoHyphenation`, `hyphens: auto`).
 */
export function needsSoftHyphens(lang: string): boolean {
  const rules = rulesOf(lang);
  return rules !== undefined && !rules.readersHyphenate;
}

/**
 * Caches by language, then by word: a word's text is usually a string already hashed (the layout
 * asks for the same fragment's text again), where a key joining language and word was a new string
 * to hash on every call (measured: a third of the time of a break-point lookup).
 */
function byLanguage<T>(): (lang: string) => Map<string, T> {
  const maps = new Map<string, Map<string, T>>();
  return (lang) => {
    let map = maps.get(lang);
    if (!map) maps.set(lang, (map = new Map()));
    return map;
  };
}

const pointsCache = byLanguage<number[]>();

/** Whether every cased letter of `word` is a capital (an acronym, or a word set in capitals). */
function inCapitals(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Offsets inside `word` (letters only) where it may break with a hyphen, by the language's rules. */
export function hyphenationPoints(word: string, lang: string): number[] {
  const cache = pointsCache(lang);
  const hit = cache.get(word);
  if (hit) return hit;
  const rules = rulesOf(lang);
  let points: number[] = [];
  if (rules && word.length >= rules.minWord && word.length <= MAX_WORD && LETTERS.test(word) && !inCapitals(word)) {
    points = rules.points(word).filter((p) => p >= rules.left && word.length - p >= rules.right);
  }
  cache.set(word, points);
  return points;
}

export interface BreakPoint {
  /** Offset in the token where the next line would start. */
  offset: number;
  /** A hyphen is added at the break (a hyphenation point); false after a hard hyphen, dash or slash. */
  hyphen: boolean;
}

/**
 * Whether a word may break after its hard hyphen (or dash, or slash) at `i`: not after a number
 * (`10-бап`, `2019–2022`) nor before one (`COVID-19`), and with HARD_MIN letters or digits each side.
 */
function hardBreakAt(word: string, i: number): boolean {
  const alnum = (k: number) => k >= 0 && k < word.length && /[\p{L}\d]/u.test(word[k]!);
  let start = i;
  while (alnum(start - 1)) start--;
  let end = i + 1;
  while (alnum(end) && end - i <= HARD_MIN) end++;
  const last = word.slice(start, i);
  if (/^\d+$/u.test(last) || /^\d/u.test(word[i + 1] ?? '')) return false;
  return last.length >= HARD_MIN && end - i - 1 >= HARD_MIN;
}

/** The break points of one word of a token (no no-break space inside), offsets from its start. */
function wordBreaks(word: string, lang: string | undefined): BreakPoint[] {
  if (mayBeUrl(word) && URL_LIKE.test(word)) return [];
  const hard: BreakPoint[] = [];
  for (let i = 1; i < word.length - 1; i++) {
    if (HARD_BREAK.test(word[i]!) && hardBreakAt(word, i)) hard.push({ offset: i + 1, hyphen: false });
  }
  const compound = HARD_BREAK.test(word.slice(1, -1));
  if (compound || lang === undefined || /\d/u.test(word)) return hard;
  if (LETTERS.test(word)) return hyphenationPoints(word, lang).map((offset) => ({ offset, hyphen: true }));
  const soft: BreakPoint[] = [];
  for (const m of word.matchAll(/\p{L}+/gu)) {
    for (const p of hyphenationPoints(m[0], lang)) soft.push({ offset: m.index + p, hyphen: true });
  }
  return soft;
}

/** Whether `word` has a character URL_LIKE looks for (a colon, an at sign or a full stop): most words have none. */
function mayBeUrl(word: string): boolean {
  return word.includes('.') || word.includes(':') || word.includes('@');
}

/**
 * Where a token (text between spaces) may break, in increasing order: hard breaks always, and the
 * language's hyphenation points when `lang` is given (none in table cells set without hyphenation).
 */
export function tokenBreaks(token: string, lang: string | undefined): readonly BreakPoint[] {
  if (token.length < MINIMA.minWord && !HARD_BREAK.test(token)) return NONE;
  const cache = tokenCache(lang ?? '');
  let points = cache.get(token);
  if (!points) cache.set(token, (points = findTokenBreaks(token, lang)));
  return points;
}

/** Tokens recur (a report says `the` and `референдума` thousands of times): their break points, by language and token. Read only. */
const tokenCache = byLanguage<readonly BreakPoint[]>();

function findTokenBreaks(token: string, lang: string | undefined): BreakPoint[] {
  const points: BreakPoint[] = [];
  if (token.length > MAX_TOKEN) return points;
  let start = 0;
  for (const word of token.split(NO_BREAK_SPACES)) {
    for (const p of wordBreaks(word, lang)) points.push({ offset: start + p.offset, hyphen: p.hyphen });
    start += word.length + 1;
  }
  return points;
}

/**
 * `text` with a soft hyphen (U+00AD) at every hyphenation point of its words, for Word and browsers;
 * only in the tokens `hyphenate` accepts, when it is given (text/hyphenation-zone.ts).
 */
export function withSoftHyphens(text: string, lang: string, hyphenate: (token: string) => boolean = () => true): string {
  return text.replace(/[^ \t\n\r]+/gu, (token) => {
    const points = tokenBreaks(token, lang).filter((p) => p.hyphen);
    if (!points.length || !hyphenate(token)) return token;
    let out = '';
    let from = 0;
    for (const p of points) {
      out += `${token.slice(from, p.offset)}\u00ad`;
      from = p.offset;
    }
    return out + token.slice(from);
  });
}
