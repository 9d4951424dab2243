/**
 * The chart as a PNG, text included: the fallback picture Word files require beside an SVG, which
 * readers without SVG (LibreOffice) show and print. Drawn at print resolution, 300 pixels an inch
 * of its size on the page (its geometry is in points), and says so in its pHYs chunk.
 */
import { statSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk as chunk } from './png.js';
import type { BarChart } from '../model/types.js';
import { chartShape, CHART, type ChartShape } from './chart-geometry.js';
import { Raster } from './rasterize.js';
import { FALLBACKS, fontPath } from '../text/fonts.js';
import { cached } from '../util/disk-cache.js';

/** Pixels per inch of the chart's PNG: print resolution. */
export const CHART_PPI = 300;

/** Bump when the drawing below or the rasterizer changes what it draws. */
const RASTER_VERSION = 'folio-chart-png-1';

/** The font files the chart's text is drawn from, by path, size and time of change: a changed font draws again. */
function fontsKey(): string {
  const ids = [...new Set([...FALLBACKS.regular, ...FALLBACKS.bold])];
  return ids.map((id) => {
    const path = fontPath(id);
    const stat = statSync(path);
    return `${path}:${stat.size}:${stat.mtimeMs}`;
  }).join('\n');
}

/**
 * `ppi`: pixels per inch of the chart's size on the page (72 points an inch). Drawing it took
 * about 110 ms in a fresh process and 25–35 ms after (every glyph traced and filled at 16 samples
 * a pixel), so the PNG is kept in folio's cache folder (util/disk-cache.ts), keyed by what it is
 * drawn from: its shape, resolution, the chart's constants and its fonts.
 */
export function chartPng(chart: BarChart, ppi = CHART_PPI): Buffer {
  const shape = chartShape(chart);
  const key = `${RASTER_VERSION}\0${ppi}\0${fontsKey()}\0${JSON.stringify(CHART)}\0${JSON.stringify(shape)}`;
  const png = (bytes: Buffer) => (bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? bytes : undefined);
  return cached(key, 'png', () => drawChartPng(shape, ppi), (bytes) => bytes, png);
}

function drawChartPng(shape: ChartShape, ppi: number): Buffer {
  const scale = ppi / 72;
  const width = Math.round(shape.width * scale);
  const height = Math.round(shape.height * scale);
  const raster = new Raster(width, height);
  raster.text(shape.title.text, shape.title.x * scale, shape.title.y * scale, CHART.titleSize * scale, 'bold');
  for (const b of shape.bars) {
    for (const l of b.label) raster.text(l.text, l.x * scale, l.y * scale, CHART.fontSize * scale, 'regular');
    raster.rect(b.bar.x * scale, b.bar.y * scale, b.bar.width * scale, b.bar.height * scale, [0x1f, 0x3f, 0x77]);
    raster.text(b.value.text, b.value.x * scale, b.value.y * scale, CHART.fontSize * scale, 'regular');
  }
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    row[0] = 0; // no filter
    Buffer.from(raster.color.buffer, y * width * 3, width * 3).copy(row, 1);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  // The resolution, in pixels per metre on both axes (unit 1: metre).
  const physical = Buffer.alloc(9);
  const perMetre = Math.round(ppi / 0.0254);
  physical.writeUInt32BE(perMetre, 0);
  physical.writeUInt32BE(perMetre, 4);
  physical[8] = 1;
  return Buffer.concat([
    PNG_SIGNATURE, chunk('IHDR', header), chunk('pHYs', physical), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}
