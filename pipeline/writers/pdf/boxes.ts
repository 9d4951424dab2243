/**
 * The painters of the frame's boxes: one per kind, the map proven complete by `satisfies`. Text is
 * drawn from the glyphs the layout shaped; rules and rectangles as paths; pictures with pdfkit's
 * `image()` (PNG, JPEG) or svg-to-pdfkit (SVG, as vector paths).
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type { Box, ImageBox, TextBox } from '../../layout/types.js';
import { glyphsOf } from '../../layout/frame.js';
import { drawGlyphs } from './glyph-text.js';

/** What painting a page keeps between boxes. */
export interface PaintState {
  doc: PDFKit.PDFDocument;
  /** The fill colour set on the page, set again only when it changes. */
  color?: string;
}

type Painter<B> = (state: PaintState, box: B) => void;

function text(state: PaintState, box: TextBox): void {
  const { doc } = state;
  const wanted = box.style.color ?? '#000000';
  if (wanted !== state.color) doc.fillColor((state.color = wanted));
  drawGlyphs(doc, box, glyphsOf(box)); // selects each part's font itself
}

const SVG_FACES = (_family: string, bold: boolean, italic: boolean) => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');

function image(state: PaintState, box: ImageBox): void {
  const { doc } = state;
  if (box.mime === 'image/svg+xml') {
    SVGtoPDF(doc, Buffer.from(box.data).toString('utf8'), box.x, box.y, { width: box.width, height: box.height, preserveAspectRatio: 'xMidYMid meet', fontCallback: SVG_FACES });
    state.color = undefined; // the picture sets its own colours
    return;
  }
  doc.image(Buffer.from(box.data), box.x, box.y, { width: box.width, height: box.height });
}

export const painters = {
  text,
  rule: ({ doc }, box) => {
    doc.save().moveTo(box.x, box.y).lineTo(box.x + box.width, box.y).lineWidth(box.thickness).strokeColor('#000000').stroke().restore();
  },
  rect: ({ doc }, box) => {
    doc.save().rect(box.x, box.y, box.width, box.height).fillColor(box.fill).fill().restore(); // the colour is restored with the graphics state
  },
  image,
  dest: () => undefined, // placed before the content (doc.addNamedDestination), so links to anywhere resolve
} satisfies { [K in Box['kind']]: Painter<Extract<Box, { kind: K }>> };

export function paintBox(state: PaintState, box: Box): void {
  (painters[box.kind] as Painter<Box>)(state, box);
}
