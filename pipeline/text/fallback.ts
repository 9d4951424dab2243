/**
 * Font fallback: a text cut into runs, each drawn in one font of its face's list (fonts.ts). The
 * text is first cut by script (Latin, Greek, Cyrillic, Armenian, Georgian…); characters of no
 * script of their own (spaces, digits, punctuation, combining marks) belong to the run around
 * them. Each run is drawn in the first font that has every letter of it, so a word is never set
 * in two fonts because one font happens to have a few of its letters (PT Serif has Ω and μ, not
 * the rest of Greek); a run of such characters alone (a number) stays in the face's own font. A
 * character that font lacks goes to the first font that has it; one no font has stays in the
 * first font, where it draws as the missing glyph (and the PDF build refuses it).
 */
import type { FontId } from './fonts.js';

/** A piece of text and the font that draws it. */
export interface FontRun {
  text: string;
  font: FontId;
}

/** Characters that take the script of the text around them. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/** Scripts told apart; a letter of any other script counts as one script, `other`. */
const SCRIPTS: [string, RegExp][] = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian'].map((s) => [s, new RegExp(`^\\p{Script=${s}}$`, 'u')]);

function scriptOf(ch: string): string | undefined {
  if (NEUTRAL.test(ch)) return undefined;
  return SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
}

/** The characters of `text`, grouped into runs of one script (neutral characters joined to the run before them, or at the start to the first). */
function scriptRuns(text: string): { chars: string[]; letters: string[] }[] {
  const runs: { script?: string; chars: string[]; letters: string[] }[] = [];
  for (const ch of text) {
    const script = scriptOf(ch);
    const last = runs[runs.length - 1];
    if (last && (script === undefined || last.script === undefined || last.script === script)) {
      last.chars.push(ch);
      if (script !== undefined) {
        last.script = script;
        last.letters.push(ch);
      }
    } else runs.push({ script, chars: [ch], letters: script === undefined ? [] : [ch] });
  }
  return runs;
}

/** Whether a font has a glyph for a character (its code point). */
export type HasGlyph = (font: FontId, codePoint: number) => boolean;

/** `text` cut into runs by the font that draws each, `fonts` tried in order (the first is the face's own). */
export function fontRuns(text: string, fonts: readonly FontId[], has: HasGlyph): FontRun[] {
  const first = fonts[0]!;
  const firstWith = (ch: string) => fonts.find((f) => has(f, ch.codePointAt(0)!)) ?? first;
  const out: FontRun[] = [];
  const put = (ch: string, font: FontId) => {
    const last = out[out.length - 1];
    if (last?.font === font) last.text += ch;
    else out.push({ text: ch, font });
  };
  for (const run of scriptRuns(text)) {
    const font = run.letters.length === 0 ? first : fonts.find((f) => run.letters.every((ch) => has(f, ch.codePointAt(0)!)));
    let previous: FontId | undefined;
    for (const ch of run.chars) {
      const cp = ch.codePointAt(0)!;
      // In a run no font draws whole, each letter takes the first font that has it, and the
      // characters between letters stay with the letter before them where they can.
      const chosen = font && has(font, cp) ? font : !font && previous && NEUTRAL.test(ch) && has(previous, cp) ? previous : firstWith(ch);
      put(ch, chosen);
      previous = chosen;
    }
  }
  return out;
}
