/**
 * The text face of the DOCX and PDF editions: PT Serif (SIL Open Font License), four TTF faces with
 * Latin and full Cyrillic, Kazakh letters included. Loaded from the npm package by path, read once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<Face, string> = {
  regular: '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf',
  bold: '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf',
  italic: '@expo-google-fonts/pt-serif/400Regular_Italic/PTSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/pt-serif/700Bold_Italic/PTSerif_700Bold_Italic.ttf',
};

export const FAMILY = 'PT Serif';

const cache = new Map<Face, Buffer>();

export function fontPath(face: Face): string {
  return require.resolve(FILES[face]);
}

export function fontData(face: Face): Buffer {
  let data = cache.get(face);
  if (!data) {
    data = readFileSync(fontPath(face));
    cache.set(face, data);
  }
  return data;
}
