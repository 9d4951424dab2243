/**
 * The faces of the DOCX and PDF editions, all TTF with Latin and full Cyrillic, Kazakh letters
 * included, loaded from their npm packages by path and read once:
 * - PT Serif (SIL Open Font License), four faces: the text;
 * - PT Mono (SIL Open Font License), one face: code blocks and inline code;
 * - DejaVu Sans (Bitstream Vera licence, free): symbols the other two lack, such as the ballot
 *   boxes of task lists (☐ ☒); only marks the layout draws itself (list markers) use it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono' | 'symbol';

const FILES: Record<Face, string> = {
  regular: '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf',
  bold: '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf',
  italic: '@expo-google-fonts/pt-serif/400Regular_Italic/PTSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/pt-serif/700Bold_Italic/PTSerif_700Bold_Italic.ttf',
  mono: '@expo-google-fonts/pt-mono/400Regular/PTMono_400Regular.ttf',
  symbol: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
};

export const FAMILY = 'PT Serif';

/** Each face's family name, as a message names it. */
export const FAMILY_OF: Record<Face, string> = {
  regular: 'PT Serif', bold: 'PT Serif', italic: 'PT Serif', boldItalic: 'PT Serif', mono: 'PT Mono', symbol: 'DejaVu Sans',
};

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
