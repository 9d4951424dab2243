/**
 * Kazakh syllables, for hyphenation: no pattern set (hyphen, Debian's hyphen-*, TeX's hyph-utf8)
 * covers Kazakh, and its syllables follow regular rules, those of the orthography's "тасымал"
 * (word division) section, implemented here on the Cyrillic alphabet:
 * - a syllable has one vowel: а ә е ё и о ө у ұ ү ы і э ю я;
 * - и and у are vowels after a consonant (they write ый/ій and ұу/үу): бу-ын, су-ық, қи-ын, ки-ім;
 *   after a vowel, and at the start of a word before a vowel, they are the glides [j] and [w], i.e.
 *   consonants, and a glide between vowels starts the next syllable: да-уыс, жа-уап, тә-уел-сіз, уа-қыт;
 * - one consonant between vowels starts the next syllable (қа-ла); of two, the second (сай-лау);
 *   of three or more, the last (құмырс-қа, күңгірт-теу, министр-лік);
 * - two vowels side by side belong to two syllables (про-ект, Тоқа-ев, ти-іс-ті);
 * - ь and ъ stay with the letter before them (съез-дің, объ-ект: ъ also ends its syllable).
 * One exception serves the Russian loan words that make up much of an official text: a cluster of
 * three or more consonants ending in a stop or fricative followed by р or л keeps that pair together
 * at the start of the next syllable, as Russian does (элек-трон, инс-тру-мент, цен-траль-ный).
 * Native words never have such a cluster (after a consonant, suffixes in л assimilate: -тар, -дар).
 *
 * `kazakhSyllableBreaks` gives every syllable boundary; which of them may carry a hyphen (never one
 * leaving a single letter, and the minimum letters on each side) is hyphenate.ts's decision.
 */

const VOWELS = new Set('аәеёиоөуұүыіэюя');
const GLIDES = new Set('иу');
const SIGNS = new Set('ьъ');
/** Every letter of the Kazakh Cyrillic alphabet: a word with any other letter is not syllabified. */
const ALPHABET = /^[аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя]+$/u;
/** Stops and fricatives that begin a syllable together with a following р or л in Russian loans. */
const ONSET_FIRST = new Set('пбтдкгфвхқғ');
const LIQUIDS = new Set('рл');

type Kind = 'vowel' | 'consonant' | 'sign';

/** Each letter's part in the syllable: vowel, consonant (glides included) or sign (ь, ъ). */
function kinds(word: string): Kind[] {
  const letters = [...word];
  const out: Kind[] = [];
  letters.forEach((ch, i) => {
    if (SIGNS.has(ch)) out.push('sign');
    else if (!VOWELS.has(ch)) out.push('consonant');
    else if (!GLIDES.has(ch)) out.push('vowel');
    else {
      const afterVowel = i > 0 && out[i - 1] === 'vowel';
      const initialBeforeVowel = i === 0 && letters.length > 1 && VOWELS.has(letters[1]!);
      out.push(afterVowel || initialBeforeVowel ? 'consonant' : 'vowel');
    }
  });
  return out;
}

/** Where the syllable after the vowel at `from` starts, the next vowel being at `to`. */
function boundary(letters: string[], kind: Kind[], from: number, to: number): number {
  const consonants: number[] = [];
  for (let k = from + 1; k < to; k++) if (kind[k] === 'consonant') consonants.push(k);
  if (consonants.length === 0) return to; // two vowels side by side (a sign between them stays before)
  const last = consonants[consonants.length - 1]!;
  if (consonants.length >= 3) {
    const before = consonants[consonants.length - 2]!;
    if (before === last - 1 && ONSET_FIRST.has(letters[before]!) && LIQUIDS.has(letters[last]!)) return before;
  }
  // ъ after the last consonant separates it from the vowel: the boundary follows it (объ-ект).
  return kind[last + 1] === 'sign' && letters[last + 1] === 'ъ' ? last + 2 : last;
}

/**
 * Offsets (in UTF-16 units, which are letters here) inside `word` where one syllable ends and the
 * next begins; none for a word that is not written wholly in Kazakh Cyrillic letters.
 */
export function kazakhSyllableBreaks(word: string): number[] {
  const lower = word.toLocaleLowerCase('kk');
  if (lower.length !== word.length || !ALPHABET.test(lower)) return [];
  const letters = [...lower];
  const kind = kinds(lower);
  const vowels = kind.flatMap((k, i) => (k === 'vowel' ? [i] : []));
  const breaks: number[] = [];
  for (let v = 0; v + 1 < vowels.length; v++) breaks.push(boundary(letters, kind, vowels[v]!, vowels[v + 1]!));
  return breaks;
}

/** The word cut into its syllables (`сай-лау` → ['сай', 'лау']), as the tests and fixtures write them. */
export function kazakhSyllables(word: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const b of kazakhSyllableBreaks(word)) {
    parts.push(word.slice(start, b));
    start = b;
  }
  parts.push(word.slice(start));
  return parts;
}
