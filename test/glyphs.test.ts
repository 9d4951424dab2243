/** The characters the glyph check passes without loading the font are all in the font. */
import { describe, expect, it } from 'vitest';
import { FAST_CHARACTERS } from '../pipeline/check/check-glyphs.js';
import { missingGlyphs } from '../pipeline/text/measure.js';
import { fontData } from '../pipeline/text/fonts.js';

describe('the glyph check’s fast path', () => {
  it('lets through only characters PT Serif has, in all four faces', () => {
    const pattern = new RegExp(`[${FAST_CHARACTERS}]`);
    const chars: string[] = [];
    for (let cp = 0x20; cp <= 0x2200; cp++) {
      const ch = String.fromCodePoint(cp);
      if (pattern.test(ch)) chars.push(ch);
    }
    expect(chars.length).toBeGreaterThan(250);
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      expect(fontData(face).length).toBeGreaterThan(0);
      expect(missingGlyphs(chars.join(''), face), face).toEqual([]);
    }
  });

  it('sends a thin space, which PT Serif lacks, to the font check', () => {
    expect(new RegExp(`^[${FAST_CHARACTERS}]*$`).test('10\u2009000')).toBe(false);
    expect(missingGlyphs('10\u2009000', 'regular')).toEqual(['\u2009']);
  });
});
