/**
 * A small rasterizer for the chart's PNG: filled rectangles and text, the text drawn from the
 * font's glyph outlines (shaped and traced through HarfBuzz), curves flattened, each glyph filled
 * by scanlines with the non-zero rule and 4 × 4 supersampling for smooth edges. Enough for labels
 * and numbers; not a general renderer.
 */
import { font, shape } from '../../layout/measure.js';
import type { Face } from '../fonts/fonts.js';

type Point = [number, number];
type RGB = [number, number, number];

/** Samples per pixel along each axis. */
const S = 4;

/** A glyph's outline as polygons in font units (y up), curves flattened; traced once per face. */
const outlines = new Map<string, Point[][]>();

function outline(face: Face, gid: number): Point[][] {
  const key = `${face}/${gid}`;
  let polygons = outlines.get(key);
  if (polygons) return polygons;
  polygons = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const close = () => {
    if (current.length > 2) polygons!.push(current);
    current = [];
  };
  for (const { type, values: v } of font(face).font.glyphToJson(gid)) {
    if (type === 'M') {
      close();
      last = [v[0]!, v[1]!];
      current = [last];
    } else if (type === 'L') {
      last = [v[0]!, v[1]!];
      current.push(last);
    } else if (type === 'Q') {
      const [cx, cy, ex, ey] = v as [number, number, number, number];
      for (let t = 1; t <= 6; t++) {
        const u = t / 6;
        current.push([(1 - u) ** 2 * last[0] + 2 * (1 - u) * u * cx + u * u * ex, (1 - u) ** 2 * last[1] + 2 * (1 - u) * u * cy + u * u * ey]);
      }
      last = [ex, ey];
    } else if (type === 'C') {
      const [c1x, c1y, c2x, c2y, ex, ey] = v as [number, number, number, number, number, number];
      for (let t = 1; t <= 8; t++) {
        const u = t / 8;
        const a = (1 - u) ** 3, b = 3 * (1 - u) ** 2 * u, c = 3 * (1 - u) * u * u, d = u ** 3;
        current.push([a * last[0] + b * c1x + c * c2x + d * ex, a * last[1] + b * c1y + c * c2y + d * ey]);
      }
      last = [ex, ey];
    } else if (type === 'Z') close();
  }
  close();
  outlines.set(key, polygons);
  return polygons;
}

export class Raster {
  readonly color: Uint8Array;

  constructor(readonly width: number, readonly height: number) {
    this.color = new Uint8Array(width * height * 3).fill(255);
  }

  private blend(x: number, y: number, alpha: number, rgb: RGB): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 3;
    for (let k = 0; k < 3; k++) this.color[i + k] = Math.round(this.color[i + k]! * (1 - alpha) + rgb[k]! * alpha);
  }

  rect(x: number, y: number, w: number, h: number, rgb: RGB): void {
    for (let py = Math.round(y); py < Math.round(y + h); py++) for (let px = Math.round(x); px < Math.round(x + w); px++) this.blend(px, py, 1, rgb);
  }

  /** Fills polygons given in pixels (non-zero winding), S × S samples a pixel. */
  fill(polygons: Point[][], rgb: RGB): void {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    let edgeCount = 0;
    for (const poly of polygons) {
      edgeCount += poly.length;
      for (const [x, y] of poly) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    if (edgeCount === 0) return;
    // Edges as (x0, y0, x1, y1), and the pixel box they cover.
    const edges = new Float64Array(edgeCount * 4);
    let e = 0;
    for (const poly of polygons) {
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i]!;
        const b = poly[(i + 1) % poly.length]!;
        edges[e++] = a[0]; edges[e++] = a[1]; edges[e++] = b[0]; edges[e++] = b[1];
      }
    }
    const left = Math.floor(minX), top = Math.floor(minY);
    const boxW = Math.ceil(maxX) - left + 1, boxH = Math.ceil(maxY) - top + 1;
    const coverage = new Float32Array(boxW * boxH);
    const xs: number[] = [];
    const dirs: number[] = [];
    const order: number[] = [];
    for (let sy = Math.floor(minY * S); sy <= Math.ceil(maxY * S); sy++) {
      const y = (sy + 0.5) / S;
      xs.length = 0;
      dirs.length = 0;
      for (let k = 0; k < edges.length; k += 4) {
        const y0 = edges[k + 1]!, y1 = edges[k + 3]!;
        if ((y0 <= y && y1 > y) || (y1 <= y && y0 > y)) {
          const x0 = edges[k]!, x1 = edges[k + 2]!;
          xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
          dirs.push(y1 > y0 ? 1 : -1);
        }
      }
      if (xs.length < 2) continue;
      order.length = 0;
      for (let i = 0; i < xs.length; i++) order.push(i);
      order.sort((a, b) => xs[a]! - xs[b]!);
      const row = (Math.floor(sy / S) - top) * boxW;
      let winding = 0;
      for (let i = 0; i < order.length - 1; i++) {
        winding += dirs[order[i]!]!;
        if (winding === 0) continue;
        const from = Math.ceil(xs[order[i]!]! * S - 0.5);
        const to = Math.floor(xs[order[i + 1]!]! * S - 0.5);
        for (let sx = from; sx <= to; sx++) coverage[row + Math.floor(sx / S) - left]! += 1 / (S * S);
      }
    }
    for (let py = 0; py < boxH; py++) {
      for (let px = 0; px < boxW; px++) {
        const c = coverage[py * boxW + px]!;
        if (c > 0) this.blend(left + px, top + py, Math.min(1, c), rgb);
      }
    }
  }

  /** Text on a baseline at (x, y), `size` pixels, in one of the editions' faces. */
  text(text: string, x: number, y: number, size: number, face: Face, rgb: RGB = [0, 0, 0]): void {
    const run = shape(text, face);
    const scale = size / 1000; // run advances are in thousandths of an em
    const units = size / font(face).upem; // outlines are in font units
    let pen = x;
    run.glyphs.forEach((gid, i) => {
      const ox = pen + (run.offsets?.[i]?.x ?? 0) * scale;
      const oy = y - (run.offsets?.[i]?.y ?? 0) * scale;
      const polygons = outline(face, gid).map((poly) => poly.map(([px, py]): Point => [ox + px * units, oy - py * units]));
      if (polygons.length) this.fill(polygons, rgb);
      pen += run.advances[i]! * scale;
    });
  }
}
