/**
 * A small rasterizer for the chart's PNG: filled rectangles and text, the text drawn from the
 * font's glyph outlines (fontkit), curves flattened, filled by scanlines with the non-zero rule and
 * 4 × 4 supersampling for smooth edges. Enough for labels and numbers; not a general renderer.
 */
import { font } from '../../layout/measure.js';
import type { Face } from '../fonts/fonts.js';

type Point = [number, number];

export class Raster {
  /** Coverage 0..1 per pixel, then mixed with the colour at the end. */
  readonly pixels: Float32Array;
  readonly color: Uint8Array;

  constructor(readonly width: number, readonly height: number) {
    this.pixels = new Float32Array(width * height);
    this.color = new Uint8Array(width * height * 3).fill(255);
  }

  private blend(x: number, y: number, alpha: number, rgb: [number, number, number]): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 3;
    for (let k = 0; k < 3; k++) this.color[i + k] = Math.round(this.color[i + k]! * (1 - alpha) + rgb[k]! * alpha);
  }

  rect(x: number, y: number, w: number, h: number, rgb: [number, number, number]): void {
    for (let py = Math.round(y); py < Math.round(y + h); py++) for (let px = Math.round(x); px < Math.round(x + w); px++) this.blend(px, py, 1, rgb);
  }

  /** Fills polygons (non-zero winding), 4 × 4 samples a pixel. */
  fill(polygons: Point[][], rgb: [number, number, number]): void {
    const S = 4;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const poly of polygons) for (const [, y] of poly) {
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    const coverage = new Map<number, number>();
    for (let sy = Math.floor(minY * S); sy <= Math.ceil(maxY * S); sy++) {
      const y = (sy + 0.5) / S;
      const crossings: { x: number; dir: number }[] = [];
      for (const poly of polygons) {
        for (let i = 0; i < poly.length; i++) {
          const [x0, y0] = poly[i]!;
          const [x1, y1] = poly[(i + 1) % poly.length]!;
          if ((y0 <= y && y1 > y) || (y1 <= y && y0 > y)) crossings.push({ x: x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), dir: y1 > y0 ? 1 : -1 });
        }
      }
      crossings.sort((a, b) => a.x - b.x);
      let winding = 0;
      for (let i = 0; i < crossings.length - 1; i++) {
        winding += crossings[i]!.dir;
        if (winding === 0) continue;
        const from = Math.ceil(crossings[i]!.x * S - 0.5);
        const to = Math.floor(crossings[i + 1]!.x * S - 0.5);
        for (let sx = from; sx <= to; sx++) {
          const key = Math.floor(sy / S) * this.width + Math.floor(sx / S);
          coverage.set(key, (coverage.get(key) ?? 0) + 1 / (S * S));
        }
      }
    }
    for (const [key, c] of coverage) this.blend(key % this.width, Math.floor(key / this.width), Math.min(1, c), rgb);
  }

  /** Text on a baseline at (x, y), `size` pixels, in one of the editions' faces. */
  text(text: string, x: number, y: number, size: number, face: Face, rgb: [number, number, number] = [0, 0, 0]): void {
    const f = font(face);
    const scale = size / f.unitsPerEm;
    const run = f.layout(text) as unknown as { glyphs: unknown[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
    let pen = x;
    const polygons: Point[][] = [];
    run.glyphs.forEach((glyph, i) => {
      const pos = run.positions[i]!;
      const ox = pen + pos.xOffset * scale;
      const oy = y - pos.yOffset * scale;
      let current: Point[] = [];
      let last: Point = [0, 0];
      const at = (px: number, py: number): Point => [ox + px * scale, oy - py * scale];
      for (const { command, args } of (glyph as unknown as { path: { commands: { command: string; args: number[] }[] } }).path.commands) {
        if (command === 'moveTo') {
          if (current.length > 2) polygons.push(current);
          last = at(args[0]!, args[1]!);
          current = [last];
        } else if (command === 'lineTo') {
          last = at(args[0]!, args[1]!);
          current.push(last);
        } else if (command === 'quadraticCurveTo') {
          const c = at(args[0]!, args[1]!);
          const e = at(args[2]!, args[3]!);
          for (let t = 1; t <= 6; t++) {
            const u = t / 6;
            current.push([(1 - u) ** 2 * last[0] + 2 * (1 - u) * u * c[0] + u * u * e[0], (1 - u) ** 2 * last[1] + 2 * (1 - u) * u * c[1] + u * u * e[1]]);
          }
          last = e;
        } else if (command === 'bezierCurveTo') {
          const c1 = at(args[0]!, args[1]!);
          const c2 = at(args[2]!, args[3]!);
          const e = at(args[4]!, args[5]!);
          for (let t = 1; t <= 8; t++) {
            const u = t / 8;
            const a = (1 - u) ** 3, b = 3 * (1 - u) ** 2 * u, c = 3 * (1 - u) * u * u, d = u ** 3;
            current.push([a * last[0] + b * c1[0] + c * c2[0] + d * e[0], a * last[1] + b * c1[1] + c * c2[1] + d * e[1]]);
          }
          last = e;
        } else if (command === 'closePath') {
          if (current.length > 2) polygons.push(current);
          current = [];
        }
      }
      if (current.length > 2) polygons.push(current);
      pen += pos.xAdvance * scale;
    });
    if (polygons.length) this.fill(polygons, rgb);
  }
}
