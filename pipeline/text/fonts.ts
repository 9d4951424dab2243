/**
 * The fonts of the DOCX and PDF editions, all TTF, read once. The layout asks for a face (regular,
 * bold, italic, bold italic, mono, symbol); each face has its own font and, behind it, fallbacks
 * for the scripts it lacks, tried in order (text/fallback.ts picks one per run of a script):
 * - PT Serif (SIL Open Font License), four faces: the text (Latin and full Cyrillic, Kazakh included);
 * - Noto Serif (SIL Open Font License, `@expo-google-fonts/noto-serif`), the same four faces:
 *   Greek, the Latin and Cyrillic letters PT Serif lacks, and spaces such as U+202F;
 * - Noto Serif Armenian and Noto Serif Georgian (SIL Open Font License, regular and bold, kept in
 *   folio's `fonts/` folder: no npm package ships them as TTF);
 * - PT Mono (SIL Open Font License): code; DejaVu Sans Mono (Bitstream Vera licence, free) behind
 *   it, so Greek, Armenian or Georgian code keeps its columns;
 * - DejaVu Sans (Bitstream Vera licence, free): symbols none of the others has, such as the ballot
 *   boxes of task lists (☐ ☒); the last fallback of every face.
 * A run is drawn only by the fonts of its face's list, and its font is subset into the PDF only
 * when the run is drawn: an edition in PT Serif's scripts embeds no other font.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { folioRoot } from '../util/folio-root.js';

const require = createRequire(import.meta.url);

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono' | 'symbol';

/** A font file: a face's own font (named as the face) or one of the fallbacks. */
export type FontId = Face | 'notoRegular' | 'notoBold' | 'notoItalic' | 'notoBoldItalic' | 'armenianRegular' | 'armenianBold' | 'georgianRegular' | 'georgianBold' | 'monoFallback';

/** Each font's file: an npm package's (resolved as a module path) or one of folio's `fonts/`. */
const FILES: Record<FontId, { npm: string } | { folio: string }> = {
  regular: { npm: '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf' },
  bold: { npm: '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf' },
  italic: { npm: '@expo-google-fonts/pt-serif/400Regular_Italic/PTSerif_400Regular_Italic.ttf' },
  boldItalic: { npm: '@expo-google-fonts/pt-serif/700Bold_Italic/PTSerif_700Bold_Italic.ttf' },
  mono: { npm: '@expo-google-fonts/pt-mono/400Regular/PTMono_400Regular.ttf' },
  symbol: { npm: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf' },
  notoRegular: { npm: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf' },
  notoBold: { npm: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf' },
  notoItalic: { npm: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf' },
  notoBoldItalic: { npm: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf' },
  armenianRegular: { folio: 'NotoSerifArmenian-Regular.ttf' },
  armenianBold: { folio: 'NotoSerifArmenian-Bold.ttf' },
  georgianRegular: { folio: 'NotoSerifGeorgian-Regular.ttf' },
  georgianBold: { folio: 'NotoSerifGeorgian-Bold.ttf' },
  monoFallback: { npm: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf' },
};

/**
 * The fonts that may draw each face's text, in the order they are tried. Noto Serif Armenian and
 * Georgian have no italic: italic text in those scripts is set in their upright faces (nothing is
 * slanted artificially), and bold italic in their bold.
 */
export const FALLBACKS: Record<Face, readonly FontId[]> = {
  regular: ['regular', 'notoRegular', 'armenianRegular', 'georgianRegular', 'symbol'],
  bold: ['bold', 'notoBold', 'armenianBold', 'georgianBold', 'symbol'],
  italic: ['italic', 'notoItalic', 'armenianRegular', 'georgianRegular', 'symbol'],
  boldItalic: ['boldItalic', 'notoBoldItalic', 'armenianBold', 'georgianBold', 'symbol'],
  mono: ['mono', 'monoFallback', 'symbol'],
  symbol: ['symbol'],
};

export const FAMILY = 'PT Serif';

/** Each font's family name, as a message names it. */
export const FAMILY_OF: Record<FontId, string> = {
  regular: 'PT Serif', bold: 'PT Serif', italic: 'PT Serif', boldItalic: 'PT Serif', mono: 'PT Mono', symbol: 'DejaVu Sans',
  notoRegular: 'Noto Serif', notoBold: 'Noto Serif', notoItalic: 'Noto Serif', notoBoldItalic: 'Noto Serif',
  armenianRegular: 'Noto Serif Armenian', armenianBold: 'Noto Serif Armenian', georgianRegular: 'Noto Serif Georgian', georgianBold: 'Noto Serif Georgian',
  monoFallback: 'DejaVu Sans Mono',
};

/** The families a face's text can be drawn in, as a message lists them (`PT Serif, Noto Serif, …`). */
export function familiesOf(face: Face): string {
  return [...new Set(FALLBACKS[face].map((f) => FAMILY_OF[f]))].join(', ');
}

const cache = new Map<FontId, Buffer>();

export function fontPath(font: FontId): string {
  const file = FILES[font];
  return 'npm' in file ? require.resolve(file.npm) : join(folioRoot(), 'fonts', file.folio);
}

export function fontData(font: FontId): Buffer {
  let data = cache.get(font);
  if (!data) {
    data = readFileSync(fontPath(font));
    cache.set(font, data);
  }
  return data;
}
