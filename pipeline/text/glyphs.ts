/** Characters as messages name them, and the ones the faces' own fonts surely have. */
/** `U+0394 “Δ”`: a character as messages name it. */
export function describeCharacter(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} “${ch}”`;
}

/** ASCII, Latin-1, the Russian and Kazakh alphabets, and the punctuation of the reports, as a character class's contents. */
export const FAST_CHARACTERS = '\\n\\x20-\\x7e\\u00a0-\\u00ff\\u0401\\u0406\\u0410-\\u044f\\u0451\\u0456\\u0492\\u0493\\u049a\\u049b\\u04a2\\u04a3\\u04ae-\\u04b1\\u04ba\\u04bb\\u04d8\\u04d9\\u04e8\\u04e9\\u2013\\u2014\\u2018\\u2019\\u201c-\\u201e\\u2026\\u2116\\u20ac\\u2212';
const FAST = new RegExp(`^[${FAST_CHARACTERS}]*$`);

/**
 * True when every character of `text` is one of those, which every face's own font has (PT Serif's
 * four, PT Mono, DejaVu Sans: test/glyphs.test.ts checks it): such text needs no font looked at.
 * False says nothing.
 */
export function drawnByOwnFonts(text: string): boolean {
  return FAST.test(text);
}

/** Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation forms, Adlam and the historical ones). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Whether a character belongs to a script written right to left. folio lays lines out left to
 * right only, so no font draws these for it (DejaVu Sans has Hebrew and Arabic letters: drawn, a
 * phrase of them would read in the wrong order); the check names them.
 */
export function isRightToLeft(ch: string): boolean {
  return RIGHT_TO_LEFT.test(ch);
}
