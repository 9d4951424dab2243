/**
 * A raster of the chart's bars, as a PNG: the fallback picture Word files require beside an SVG
 * (readers without SVG show it; the text alternative carries the labels and values).
 */
import { deflateSync, crc32 } from 'node:zlib';
import type { BarChart } from '../../model/types.js';
import { chartShape } from './chart-geometry.js';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function chartPng(chart: BarChart, scale = 2): Buffer {
  const shape = chartShape(chart);
  const width = Math.round(shape.width * scale);
  const height = Math.round(shape.height * scale);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255);
    row[0] = 0;
    for (const b of shape.bars) {
      if (y >= b.bar.y * scale && y < (b.bar.y + b.bar.height) * scale) {
        for (let x = Math.round(b.bar.x * scale); x < Math.round((b.bar.x + b.bar.width) * scale) && x < width; x++) {
          row[1 + x * 3] = 0x1f;
          row[2 + x * 3] = 0x3f;
          row[3 + x * 3] = 0x77;
        }
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
