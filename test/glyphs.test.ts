/** The characters the glyph check passes without loading a font are in every face's own font; the check asks the fallbacks for the others. */
import { describe, expect, it } from 'vitest';
import { FAST_CHARACTERS } from '../pipeline/check/check-glyphs.js';
import { hasGlyph, missingGlyphs } from '../pipeline/text/measure.js';
import { fontData, type Face } from '../pipeline/text/fonts.js';

describe('the glyph check’s fast path', () => {
  it('lets through only characters every face’s own font has (PT Serif’s four faces, PT Mono, DejaVu Sans)', () => {
    const pattern = new RegExp(`[${FAST_CHARACTERS}]`);
    const chars: string[] = [];
    for (let cp = 0x20; cp <= 0x2200; cp++) {
      const ch = String.fromCodePoint(cp);
      if (pattern.test(ch)) chars.push(ch);
    }
    expect(chars.length).toBeGreaterThan(250);
    for (const face of ['regular', 'bold', 'italic', 'boldItalic', 'mono', 'symbol'] satisfies Face[]) {
      expect(fontData(face).length).toBeGreaterThan(0);
      expect(chars.filter((ch) => !hasGlyph(face, ch.codePointAt(0)!)), face).toEqual([]);
    }
  });

  it('sends a thin space, which PT Serif lacks, to the font check, which finds it in a fallback (Noto Serif)', () => {
    expect(new RegExp(`^[${FAST_CHARACTERS}]*$`).test('10\u2009000')).toBe(false);
    expect(hasGlyph('regular', 0x2009)).toBe(false);
    expect(hasGlyph('notoRegular', 0x2009)).toBe(true);
    expect(missingGlyphs('10\u2009000', 'regular')).toEqual([]);
  });

  it('reports only what no font of the face has: Chinese and Tibetan, not Greek, Armenian, Georgian or ☃', () => {
    expect(missingGlyphs('Ωμέγα Հայերեն ქართული ☃ 中 ༀ', 'regular')).toEqual(['中', 'ༀ']);
    expect(missingGlyphs('Ωμέγα Հայերեն ქართული ☃ 中', 'mono')).toEqual(['中']);
  });
});
