/**
 * A small rasterizer for the chart's PNG: filled rectangles and text, the text drawn from the
 * font's glyph outlines (shaped and traced through HarfBuzz), curves flattened, each glyph filled
 * by scanlines with the non-zero rule and 4 × 4 supersampling for smooth edges. Enough for labels
 * and numbers; not a general renderer.
 */
import { font, shapeRuns } from '../text/measure.js';
import type { Face, FontId } from '../text/fonts.js';

type Point = [number, number];
type RGB = [number, number, number];

/** Samples per pixel along each axis. */
const S = 4;

/** A glyph's outline as polygons in font units (y up), curves flattened; traced once per font. */
const outlines = new Map<string, Point[][]>();

function outline(id: FontId, gid: number): Point[][] {
  const key = `${id}/${gid}`;
  let polygons = outlines.get(key);
  if (polygons) return polygons;
  polygons = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const close = () => {
    if (current.length > 2) polygons!.push(current);
    current = [];
  };
  for (const { type, values: v } of font(id).font.glyphToJson(gid)) {
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

  /**
   * Fills a glyph's outline (non-zero winding), S × S samples a pixel. The outline is in font units
   * with y up, placed with its origin at pixel (ox, oy), `scale` pixels a unit.
   */
  private fillOutline(polygons: Point[][], rgb: RGB, ox: number, oy: number, scale: number): void {
    let edgeCount = 0;
    for (const poly of polygons) edgeCount += poly.length;
    if (edgeCount === 0) return;
    // Edges as (x0, y0, x1, y1) in pixels, and the box they cover.
    const edges = new Float64Array(edgeCount * 4);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    let e = 0;
    for (const poly of polygons) {
      for (let i = 0; i < poly.length; i++) {
        const a = poly[i]!;
        const b = poly[i + 1 === poly.length ? 0 : i + 1]!;
        const x0 = ox + a[0] * scale, y0 = oy - a[1] * scale;
        edges[e++] = x0; edges[e++] = y0;
        edges[e++] = ox + b[0] * scale; edges[e++] = oy - b[1] * scale;
        if (x0 < minX) minX = x0;
        if (x0 > maxX) maxX = x0;
        if (y0 < minY) minY = y0;
        if (y0 > maxY) maxY = y0;
      }
    }
    const left = Math.floor(minX), top = Math.floor(minY);
    const boxW = Math.ceil(maxX) - left + 1, boxH = Math.ceil(maxY) - top + 1;
    const coverage = new Float32Array(boxW * boxH);
    const sample = 1 / (S * S);
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
      const row = (Math.floor(sy / S) - top) * boxW - left;
      let winding = 0;
      for (let i = 0; i < order.length - 1; i++) {
        winding += dirs[order[i]!]!;
        if (winding === 0) continue;
        // Samples from..to (sample columns) are inside: whole pixels at once, partial ones at the ends.
        const from = Math.ceil(xs[order[i]!]! * S - 0.5);
        const to = Math.floor(xs[order[i + 1]!]! * S - 0.5);
        if (to < from) continue;
        const firstPixel = Math.floor(from / S), lastPixel = Math.floor(to / S);
        if (firstPixel === lastPixel) {
          coverage[row + firstPixel]! += (to - from + 1) * sample;
          continue;
        }
        coverage[row + firstPixel]! += ((firstPixel + 1) * S - from) * sample;
        for (let px = firstPixel + 1; px < lastPixel; px++) coverage[row + px]! += S * sample;
        coverage[row + lastPixel]! += (to - lastPixel * S + 1) * sample;
      }
    }
    for (let py = 0; py < boxH; py++) {
      for (let px = 0; px < boxW; px++) {
        const c = coverage[py * boxW + px]!;
        if (c > 0) this.blend(left + px, top + py, c < 1 ? c : 1, rgb);
      }
    }
  }

  /** Text on a baseline at (x, y), `size` pixels, in one of the editions' faces (each run in the font that draws it). */
  text(text: string, x: number, y: number, size: number, face: Face, rgb: RGB = [0, 0, 0]): void {
    const scale = size / 1000; // run advances are in thousandths of an em
    let pen = x;
    for (const run of shapeRuns(text, face)) {
      const units = size / font(run.font).upem; // outlines are in font units
      run.glyphs.forEach((gid, i) => {
        const ox = pen + (run.offsets?.[i]?.x ?? 0) * scale;
        const oy = y - (run.offsets?.[i]?.y ?? 0) * scale;
        this.fillOutline(outline(run.font, gid), rgb, ox, oy, units);
        pen += run.advances[i]! * scale;
      });
    }
  }
}
