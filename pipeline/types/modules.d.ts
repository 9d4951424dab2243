/** Minimal types for CommonJS packages without their own. */
declare module 'fontkit' {
  export interface Glyph {
    advanceWidth: number;
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    capHeight: number;
    xHeight: number;
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun;
    glyphForCodePoint(codePoint: number): Glyph & { id: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}

declare module 'hyphen/en-gb' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
declare module 'hyphen/ru' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
