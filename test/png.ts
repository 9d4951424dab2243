/** A valid greyscale PNG of `w` × `h` pixels (mid grey), for tests of pictures. */
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../pipeline/figures/png.js';

export function greyPng(w: number, h: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth; colour type 0 (greyscale)
  const rows = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) rows[y * (w + 1)] = 0; // filter byte: none
  return new Uint8Array(Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]));
}
