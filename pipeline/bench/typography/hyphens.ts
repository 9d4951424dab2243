/**
 * Line-end hyphens of the justified lines, each told apart as the breaker's hyphenation (soft) or
 * the word's own hyphen (hard, `so-/called`). The PDF does not say which (the glyph is the same), so:
 *
 * 1. the two spellings are looked up among the words of the edition's text (and of its source,
 *    when known): `socalled` and `so-called`, counted where they stand whole, not at a line end;
 *    the hyphenated spelling wins when it is found more often, else the joined one when found;
 * 2. found neither way, a hyphen after a digit or an abbreviation in capitals is hard (`14-/ұсыным`,
 *    `IP-/мекенжай`: hyphenation splits neither), a capital or a digit after it too (`Kassym-/Jomart`,
 *    `COVID-/19`), and a lower-case continuation is a hyphenation (`in-/volvement`).
 *
 * Letters on each side count the letters of the broken fragment only: in `Nur-Sul-/tane` the
 * fragment before the break is `Sul`, and the break is inside a compound that already has a hyphen.
 */
import type { TextLine } from './classify.js';

export interface LineEndHyphen {
  line: TextLine;
  next: TextLine | undefined;
  hard: boolean;
  /** Letters of the fragment before the break and after it. */
  before: number;
  after: number;
  /** A hyphenation inside a word that has a hard hyphen of its own. */
  inCompound: boolean;
  /** `in-|volvement`, for the report's examples. */
  text: string;
}

const HYPHEN = /[\p{L}\p{N}][-\u2010\u00ad]$/u;
const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** A word as the lexicon keeps it: lower case, edge punctuation off, every hyphen as `-`. */
export function normalWord(raw: string): string {
  return raw.normalize('NFKC').replace(/[\u2010\u2011\u00ad]/g, '-').replace(EDGE, '').toLowerCase();
}

export type Lexicon = Map<string, number>;

/** Counts `words` into the lexicon. */
export function addWords(lexicon: Lexicon, words: Iterable<string>): Lexicon {
  for (const w of words) {
    const n = normalWord(w);
    if (n) lexicon.set(n, (lexicon.get(n) ?? 0) + 1);
  }
  return lexicon;
}

/** The words of an edition's lines, leaving out the two halves of every line-end break. */
export function lexiconOf(lines: TextLine[]): Lexicon {
  const broken = new Set<string>();
  for (const area of ['body', 'note'] as const) {
    const stream = lines.filter((l) => l.area === area);
    stream.forEach((l, i) => {
      const last = l.words[l.words.length - 1]!;
      if (!HYPHEN.test(last.text)) return;
      broken.add(`${l.page}:${l.y}:${l.words.length - 1}`);
      const next = stream[i + 1];
      if (next) broken.add(`${next.page}:${next.y}:0`);
    });
  }
  const words = lines.filter((l) => l.area !== 'furniture')
    .flatMap((l) => l.words.filter((_, i) => !broken.has(`${l.page}:${l.y}:${i}`)).map((w) => w.text));
  return addWords(new Map(), words);
}

const letters = (s: string) => [...s].filter((c) => /\p{L}/u.test(c)).length;

function isHard(head: string, tail: string, lexicon: Lexicon): boolean {
  const joined = lexicon.get(normalWord(head + tail)) ?? 0;
  const hyphenated = lexicon.get(normalWord(`${head}-${tail}`)) ?? 0;
  if (hyphenated > joined) return true;
  if (joined > 0) return false;
  const fragment = head.split(/[-\u2010]/).pop() ?? '';
  if (/\p{N}$/u.test(fragment) || /^\p{Lu}{2,}$/u.test(fragment)) return true;
  return !/^\p{Ll}/u.test(tail);
}

/** Every full line that ends in a hyphen, with the line that continues it. */
export function lineEndHyphens(lines: TextLine[], lexicon: Lexicon): LineEndHyphen[] {
  const out: LineEndHyphen[] = [];
  for (const area of ['body', 'note'] as const) {
    const stream = lines.filter((l) => l.area === area);
    stream.forEach((line, i) => {
      const last = line.words[line.words.length - 1]!.text;
      if (line.kind !== 'full' || !HYPHEN.test(last)) return;
      const next = stream[i + 1];
      const head = last.slice(0, -1).replace(/^[^\p{L}\p{N}]+/u, '');
      const tail = (next?.words[0]?.text ?? '').replace(/[^\p{L}\p{N}\-\u2010]+$/u, '');
      const hard = isHard(head, tail, lexicon);
      const before = head.split(/[-\u2010]/).pop() ?? '';
      const after = /^[\p{L}\p{M}]*/u.exec(tail)![0];
      out.push({ line, next, hard, before: letters(before), after: letters(after), inCompound: !hard && /[-\u2010]/.test(head + tail), text: `${head}-|${tail}` });
    });
  }
  return out;
}
