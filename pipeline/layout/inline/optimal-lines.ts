/**
 * Justified text broken into lines by optimal fit: the words cut into pieces at their break points
 * (pieces.ts), the best breaks chosen (optimal-fit.ts), and the lines made again from whole words
 * and, where a line ends inside a word, the two parts of that word (the first with its hyphen).
 */
import type { Word } from './words.js';
import type { BreakOptions, Line } from './break-lines.js';
import { piecesOf, type Pieces, type SpaceRule } from './pieces.js';
import { DEFAULT_COSTS, greedyCost, hyphenationMayPay, optimalFit, type FitCosts } from './optimal-fit.js';
import { spaceWidth, splitWord, textOf } from './word-breaks.js';

/**
 * How far the spaces of justified text may stretch and shrink, as shares of their width (TeX's
 * for Computer Modern: a half and a third). Measured on the report (then with a hyphen cost of 1.5
 * and 2-letter minima): a shrink of a fifth gave 20% more hyphenated Russian lines (24.2, not 20.1).
 */
export const JUSTIFIED_SPACE: SpaceRule = { stretch: 0.5, shrink: 1 / 3 };
/**
 * How far the glyphs of a justified line may widen or narrow (font expansion, as pdfTeX's
 * microtype does, drawn with the PDF's horizontal scaling). Measured on the report (with a shrink
 * of a fifth and a hyphen cost of 0.9): without it 10.3% of English justified lines had spaces
 * looser than 1.5 times their width and 22 in 100 ended with a hyphen; with 2%, 0.4% and 9.
 */
export const EXPANSION = 0.02;

export interface OptimalOptions extends BreakOptions {
  costs?: FitCosts;
  space?: SpaceRule;
}

/** The characters `start`..`end` of a word, with a hyphen after them when `hyphen`. */
function slice(word: Word, start: number, end: number, hyphen: boolean): Word {
  const length = textOf(word).length;
  if (start === 0 && end === length && !hyphen) return word;
  let part = start > 0 ? splitWord(word, start, false)[1] : word;
  if (end < length || hyphen) part = splitWord(part, end - start, hyphen)[0];
  if (end === length && word.breakAfter) part.breakAfter = true;
  return part;
}

/** Pieces `from`..`to` of a word cut between characters, as one word (their fragments joined, not measured again). */
function joinChunks(p: Pieces, from: number, to: number, word: Word): Word {
  const chunks = p.pieces.slice(from, to + 1).map((piece) => piece.chunk!);
  const joined: Word = chunks.length === 1 ? { ...chunks[0]! } : { fragments: chunks.flatMap((c) => c.fragments), width: chunks.reduce((w, c) => w + c.width, 0), notes: chunks.flatMap((c) => c.notes) };
  const endsWord = p.pieces[to + 1]?.word !== p.pieces[to]!.word;
  if (endsWord && word.breakAfter) joined.breakAfter = true;
  return joined;
}

/** The words of the line made of pieces `from`..`to`. */
function lineWords(words: Word[], p: Pieces, from: number, to: number): Word[] {
  const out: Word[] = [];
  let k = from;
  while (k <= to) {
    const first = p.pieces[k]!;
    let last = k;
    while (last + 1 <= to && p.pieces[last + 1]!.word === first.word) last++;
    const end = p.pieces[last]!;
    const sep = p.separators[last];
    const hyphen = last === to && sep?.kind === 'inside' && sep.break === 'hyphen';
    out.push(first.chunk ? joinChunks(p, k, last, words[first.word]!) : slice(words[first.word]!, first.start, end.end, hyphen));
    k = last + 1;
  }
  return out;
}

function naturalWidth(words: Word[]): number {
  return words.reduce((w, word, i) => w + word.width + (i > 0 ? spaceWidth(words[i - 1]!, word) : 0), 0);
}

export function breakOptimally(words: Word[], width: number, lang: string, options: OptimalOptions = {}): Line[] {
  const space = options.space ?? JUSTIFIED_SPACE;
  const costs = options.costs ?? DEFAULT_COSTS;
  const firstWidth = options.firstWidth ?? width;
  // First without hyphenation points (hard hyphens and dashes still break): most paragraphs are
  // then already as good as hyphenation could make them, provably (hyphenationMayPay), and their
  // words need not be hyphenated, cut and measured in pieces.
  let p = piecesOf(words, width, undefined, space);
  let { ends, total } = optimalFit(p, width, firstWidth, costs, EXPANSION, greedyCost(p, width, firstWidth, costs, EXPANSION));
  if (options.hyphenate !== false && hyphenationMayPay(total, costs)) {
    p = piecesOf(words, width, lang, space);
    ({ ends } = optimalFit(p, width, firstWidth, costs, EXPANSION, total));
  }
  const lines: Line[] = [];
  let from = 0;
  ends.forEach((to, i) => {
    const lineWordsHere = lineWords(words, p, from, to);
    const sep = p.separators[to];
    const line: Line = { words: lineWordsHere, natural: naturalWidth(lineWordsHere), notes: lineWordsHere.flatMap((w) => w.notes), last: i === ends.length - 1, expansion: EXPANSION, space };
    if (sep?.kind === 'forced') line.forced = true;
    if (sep?.kind === 'inside') line.splitsWord = sep.break;
    lines.push(line);
    from = to + 1;
  });
  return lines;
}
