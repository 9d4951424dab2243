/** Characters the editions' fonts cannot draw, named for messages. */
import { missingGlyphs } from './measure.js';

/** `U+0394 “Δ”`: a character as messages name it. */
export function describeCharacter(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} “${ch}”`;
}

/** Every character of the edition the font lacks (for the PDF writer, which refuses them). */
export function glyphsMissingIn(texts: Iterable<string>): string[] {
  const all = new Set<string>();
  for (const t of texts) for (const ch of missingGlyphs(t, 'regular')) all.add(ch);
  return [...all].map(describeCharacter);
}
