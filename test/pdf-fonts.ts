/**
 * A font of a PDF read back for the tests: its dictionary, its ToUnicode map (bfchar and bfrange,
 * both forms), its widths (the CIDFont's W array) and, when embedded as a TrueType program, the
 * program's own metrics (units per em, glyph count, each glyph's advance, read from its head,
 * maxp, hhea and hmtx tables), so the dictionary can be compared with the program.
 */
import { isRef, type PdfDict, type PdfObjects, type PdfValue } from './pdf-objects.js';

export interface TrueTypeMetrics {
  unitsPerEm: number;
  numGlyphs: number;
  advance(gid: number): number;
}

export interface FontRead {
  ref: string;
  dict: PdfDict;
  /** The CIDFont of a Type 0 font. */
  descendant?: PdfDict;
  descriptor?: PdfDict;
  toUnicode?: Map<number, string>;
  /** Width of each CID given by W, in thousandths of an em. */
  widths: Map<number, number>;
  program?: TrueTypeMetrics;
  /** Bytes per character code: 2 for Identity-H, else 1. */
  codeBytes: number;
}

const hexCodes = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex');
const utf16 = (hex: string) => hexCodes(hex).swap16().toString('utf16le');
const codeOf = (hex: string) => parseInt(hex.replace(/\s+/g, ''), 16);

/** A ToUnicode CMap's code → text map. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F\s]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(codeOf(m[1]!), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const [lo, hi] = [codeOf(m[1]!), codeOf(m[2]!)];
      const target = m[3]!;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((t, i) => map.set(lo + i, utf16(t[1]!)));
      } else {
        const first = hexCodes(target.slice(1, -1));
        for (let code = lo; code <= hi; code++) {
          const bytes = Buffer.from(first);
          bytes.writeUInt16BE(bytes.readUInt16BE(bytes.length - 2) + code - lo, bytes.length - 2);
          map.set(code, Buffer.from(bytes).swap16().toString('utf16le'));
        }
      }
    }
  }
  return map;
}

/** The metrics of a TrueType (or OpenType with glyf) program. */
export function trueTypeMetrics(data: Buffer): TrueTypeMetrics | undefined {
  const tables = new Map<string, Buffer>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = data.toString('latin1', at, at + 4);
    tables.set(tag, data.subarray(data.readUInt32BE(at + 8), data.readUInt32BE(at + 8) + data.readUInt32BE(at + 12)));
  }
  const [head, maxp, hhea, hmtx] = ['head', 'maxp', 'hhea', 'hmtx'].map((t) => tables.get(t));
  if (!head || !maxp || !hhea || !hmtx) return undefined;
  const metrics = hhea.readUInt16BE(34);
  return {
    unitsPerEm: head.readUInt16BE(18),
    numGlyphs: maxp.readUInt16BE(4),
    advance: (gid) => hmtx.readUInt16BE(Math.min(gid, metrics - 1) * 4),
  };
}

/** The W array's widths by CID (both forms: `c [w1 w2 …]` and `cFirst cLast w`). */
function widthsOf(pdf: PdfObjects, w: PdfValue | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  const items = pdf.array(w).map((v) => pdf.value(v));
  for (let i = 0; i < items.length; ) {
    const first = items[i] as number;
    const next = items[i + 1];
    if (Array.isArray(next)) {
      next.forEach((width, k) => widths.set(first + k, pdf.value(width) as number));
      i += 2;
    } else {
      for (let c = first; c <= (next as number); c++) widths.set(c, items[i + 2] as number);
      i += 3;
    }
  }
  return widths;
}

export function readFont(pdf: PdfObjects, ref: string): FontRead {
  const dict = pdf.dict(ref)!;
  const descendant = pdf.dict(pdf.array(dict['/DescendantFonts'])[0]);
  const descriptor = pdf.dict((descendant ?? dict)['/FontDescriptor']);
  const file = descriptor?.['/FontFile2'] ?? descriptor?.['/FontFile3'] ?? descriptor?.['/FontFile'];
  const data = isRef(file) ? pdf.stream(file)?.data : undefined;
  const cmap = pdf.stream(dict['/ToUnicode']);
  return {
    ref,
    dict,
    descendant,
    descriptor,
    toUnicode: cmap ? parseToUnicode(cmap.data.toString('latin1')) : undefined,
    widths: widthsOf(pdf, descendant?.['/W']),
    program: data && descriptor?.['/FontFile2'] ? trueTypeMetrics(data) : undefined,
    codeBytes: dict['/Subtype'] === '/Type0' ? 2 : 1,
  };
}

/** The character codes of shown bytes. */
export function codesOf(font: FontRead, bytes: Buffer): number[] {
  const codes: number[] = [];
  for (let i = 0; i + font.codeBytes <= bytes.length; i += font.codeBytes) codes.push(font.codeBytes === 2 ? bytes.readUInt16BE(i) : bytes[i]!);
  return codes;
}
