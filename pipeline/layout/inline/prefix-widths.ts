/**
 * The widths of a word's prefixes as the word is drawn whole: `widths[k]` is the advance of its
 * first k characters (UTF-16 units), from the glyphs it is shaped into once, so the breaker can cut
 * a word at every hyphenation point without shaping each piece again. A cut inside a ligature
 * counts the ligature with the part after it; a cut's kerning is that of the letters either side
 * (the head shaped alone, with its hyphen, differs by that pair's kerning at most).
 */
import { shapeRuns } from '../../text/measure.js';
import type { Word } from './words.js';

/** UTF-16 units of a glyph's characters. */
function unitsOf(codePoints: number[]): number {
  let n = 0;
  for (const cp of codePoints) n += cp > 0xffff ? 2 : 1;
  return n;
}

export function prefixWidths(word: Word): Float64Array {
  const length = word.fragments.reduce((n, f) => n + f.text.length, 0);
  const widths = new Float64Array(length + 1);
  let x = 0;
  let start = 0;
  for (const f of word.fragments) {
    const end = start + f.text.length;
    let k = start;
    for (const run of shapeRuns(f.text, f.style.face)) {
      for (let g = 0; g < run.glyphs.length; g++) {
        const units = unitsOf(run.codePoints[g]!);
        for (let u = 1; u < units && k + u <= end; u++) widths[k + u] = x;
        x += (run.advances[g]! / 1000) * f.style.size;
        k = Math.min(end, k + units);
        widths[k] = x;
      }
    }
    for (let u = k + 1; u <= end; u++) widths[u] = x; // characters no glyph stands for
    start = end;
  }
  return widths;
}
