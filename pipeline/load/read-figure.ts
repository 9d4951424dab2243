/**
 * Reads a picture for a figure: a PNG, JPEG or SVG file inside the source folder, at most 10 MiB,
 * with its intrinsic size. An SVG that could run a script or load anything (scripts, event
 * handlers, foreign objects, entities, references other than `#id`) is refused. Returns the bytes
 * or why the file cannot be used.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';

export interface Picture {
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  data: Uint8Array;
  pixelWidth: number;
  pixelHeight: number;
}

export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 30_000;

function pngSize(data: Buffer): [number, number] | undefined {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

function jpegSize(data: Buffer): [number, number] | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1]!;
    const length = data.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return [data.readUInt16BE(at + 7), data.readUInt16BE(at + 5)];
    at += 2 + length;
  }
  return undefined;
}

const SVG_DANGER: [RegExp, string][] = [
  [/<script\b/i, 'a script'],
  [/\son[a-z]+\s*=/i, 'an event handler'],
  [/<foreignObject\b/i, 'a foreign object'],
  [/<!(ENTITY|DOCTYPE)\b/i, 'a DOCTYPE or entity'],
  [/\b(?:xlink:)?href\s*=\s*["'](?!#)/i, 'a reference to another file or address'],
  [/url\(\s*["']?(?!#)/i, 'a url() outside the picture'],
  [/@import\b/i, 'an @import'],
];

function svgLength(tag: string, name: string): number | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)\\s*(px)?\\s*["']`).exec(tag);
  return m ? Number(m[1]) : undefined;
}

function svgSize(text: string): [number, number] | string {
  for (const [pattern, what] of SVG_DANGER) if (pattern.test(text)) return `the SVG holds ${what}; a picture may not run or load anything`;
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return 'the file is not an SVG picture (no <svg> element)';
  const width = svgLength(tag, 'width');
  const height = svgLength(tag, 'height');
  if (width && height) return [width, height];
  const box = /\sviewBox\s*=\s*["']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["']/i.exec(tag);
  if (box) return [Number(box[1]), Number(box[2])];
  return 'the SVG gives neither width and height in pixels nor a viewBox: add one so its size is known';
}

/** The picture at `url` (relative to `fromDir`), which must lie inside `sourceDir`. */
export function readPicture(url: string, fromDir: string, sourceDir: string): Picture | string {
  let path: string;
  try {
    path = realpathSync(resolve(fromDir, decodeURI(url)));
  } catch {
    return 'no such file (paths are relative to the chapter\'s folder)';
  }
  const root = realpathSync(sourceDir);
  if (!path.startsWith(root + sep)) return 'the file lies outside the source folder';
  const stat = lstatSync(path);
  if (!stat.isFile()) return 'not a regular file';
  if (stat.size > MAX_PICTURE_BYTES) return `the file is ${(stat.size / 1048576).toFixed(1)} MiB; pictures may have at most 10 MiB`;
  const data = readFileSync(path);
  const lower = path.toLowerCase();
  let mime: Picture['mime'];
  let size: [number, number] | string | undefined;
  if (lower.endsWith('.png')) [mime, size] = ['image/png', pngSize(data)];
  else if (lower.endsWith('.jpg') || lower.endsWith('.jpeg')) [mime, size] = ['image/jpeg', jpegSize(data)];
  else if (lower.endsWith('.svg')) [mime, size] = ['image/svg+xml', svgSize(data.toString('utf8'))];
  else return 'pictures are PNG, JPEG or SVG files (.png, .jpg, .jpeg, .svg)';
  if (size === undefined) return `the file is not a valid ${mime.slice(6).toUpperCase()} picture`;
  if (typeof size === 'string') return size;
  const [w, h] = size;
  if (!(w > 0 && h > 0 && w <= MAX_PIXELS && h <= MAX_PIXELS)) return `the picture's size ${w}×${h} is not between 1 and ${MAX_PIXELS} pixels`;
  return { mime, data: new Uint8Array(data), pixelWidth: w, pixelHeight: h };
}
