/**
 * Pictures: the results chart (SVG with the PNG fallback Word files require) and the source's
 * figures (PNG and JPEG as they are; SVG with a fallback), each with its text alternative as the
 * picture's description, sized to a share of the text width or their own size at most the text
 * width, a caption paragraph under a figure that has one.
 */
import { ImageRun, TextRun, type FileChild } from 'docx';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../../figures/png.js';
import type { BarChart, Figure } from '../../model/types.js';
import { chartShape, chartSvg } from '../../figures/chart-geometry.js';
import { chartPng } from '../../figures/chart-png.js';
import { FAMILY } from '../../text/fonts.js';
import type { DocxContext } from './context.js';
import { paragraph } from './paragraphs.js';
import { STYLE } from './styles.js';

/** Twips per CSS pixel (1/96 in): `docx` sizes pictures in pixels. */
const TWIPS_PER_PX = 15;

/**
 * The chart as a picture: SVG, with the PNG fallback Word files require; its text as the picture's
 * description. Its own size (in points), made smaller to fit a narrower text width (a reference
 * document's page).
 */
export function chart(node: BarChart, context: DocxContext): FileChild[] {
  const shape = chartShape(node);
  const fit = Math.min(1, (context.textWidth - context.frame.indent) / 20 / shape.width);
  const run = new ImageRun({
    type: 'svg',
    data: Buffer.from(chartSvg(node, FAMILY)),
    fallback: { type: 'png', data: chartPng(node) },
    transformation: { width: shape.width * fit * (96 / 72), height: shape.height * fit * (96 / 72) },
    altText: { name: node.title, title: node.title, description: node.alt },
  });
  return [paragraph([run], context)];
}

/**
 * A 1 × 1 transparent PNG: the fallback of a source SVG. folio has no SVG rasteriser (the chart's
 * PNG is drawn from its geometry, not from SVG), so readers without SVG support show nothing there.
 */
const TRANSPARENT_PNG = Buffer.concat([
  PNG_SIGNATURE,
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])),
  pngChunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

function image(node: Figure, width: number, height: number): ImageRun {
  const altText = { name: node.caption ?? node.alt, title: node.caption ?? node.alt, description: node.alt };
  const transformation = { width, height };
  const data = Buffer.from(node.data.buffer, node.data.byteOffset, node.data.byteLength);
  if (node.mime === 'image/svg+xml') return new ImageRun({ type: 'svg', data, fallback: { type: 'png', data: TRANSPARENT_PNG }, transformation, altText });
  return new ImageRun({ type: node.mime === 'image/png' ? 'png' : 'jpg', data, transformation, altText });
}

/** A figure: its picture in the figure style, `width` × the text width (or its own size, at most the text width); its caption under it. */
export function figure(node: Figure, context: DocxContext): FileChild[] {
  const textPx = (context.textWidth - context.frame.indent) / TWIPS_PER_PX;
  const width = node.width ? node.width * textPx : Math.min(node.pixelWidth, textPx);
  const height = (width * node.pixelHeight) / node.pixelWidth;
  const picture = paragraph([image(node, Math.round(width), Math.round(height))], context, { style: STYLE.figure });
  return node.caption ? [picture, paragraph([new TextRun(node.caption)], context, { style: STYLE.caption })] : [picture];
}
