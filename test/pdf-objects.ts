/**
 * Reads a PDF's objects back for the tests, through qpdf's JSON (version 2, streams decoded): the
 * trailer, the catalog, every object by reference, each page with its dictionary and its content
 * (the content streams joined), and a stream's decoded bytes. Values are as qpdf writes them:
 * names `/Name`, text strings `u:…`, byte strings `b:hex`, references `12 0 R`, dictionaries with
 * their keys' slashes. Independent of pdfkit and of the painter.
 */
import { spawnSync } from 'node:child_process';

export type PdfValue = null | boolean | number | string | PdfValue[] | PdfDict;
export interface PdfDict {
  [key: string]: PdfValue;
}

interface QpdfObject {
  value?: PdfValue;
  stream?: { dict: PdfDict; data?: string };
}

export interface PdfPageObjects {
  /** From 0. */
  index: number;
  ref: string;
  dict: PdfDict;
  content: Buffer;
}

export const isRef = (v: PdfValue | undefined): v is string => typeof v === 'string' && /^\d+ \d+ R$/.test(v);

/** A text or byte string's characters (`u:…` as is; `b:…` as Latin-1 bytes, or UTF-16 with its BOM). */
export function text(v: PdfValue | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.startsWith('u:')) return v.slice(2);
  if (!v.startsWith('b:')) return undefined;
  const bytes = Buffer.from(v.slice(2), 'hex');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

export class PdfObjects {
  readonly trailer: PdfDict;
  readonly catalog: PdfDict;
  readonly pages: PdfPageObjects[];
  private readonly objects: Record<string, QpdfObject>;

  constructor(readonly path: string) {
    const run = spawnSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', path], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0 && run.status !== 3) throw new Error(`qpdf --json ${path}: ${run.stderr}`);
    const json = JSON.parse(run.stdout) as { qpdf: [unknown, Record<string, QpdfObject>]; pages: { object: string }[] };
    this.objects = json.qpdf[1];
    this.trailer = this.objects.trailer!.value as PdfDict;
    this.catalog = this.dict(this.trailer['/Root'])!;
    this.pages = json.pages.map((p, index) => {
      const dict = this.dict(p.object)!;
      const contents = dict['/Contents'];
      const refs = this.stream(contents) ? [contents] : this.array(contents);
      const parts = refs.filter(isRef).map((r) => this.stream(r)?.data ?? Buffer.alloc(0));
      return { index, ref: p.object, dict, content: Buffer.concat(parts.flatMap((b) => [b, Buffer.from('\n')])) };
    });
  }

  /** The value, references followed. */
  value(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; isRef(v) && i < 32; i++) {
      const o: QpdfObject | undefined = this.objects[`obj:${v}`];
      v = o?.stream ? o.stream.dict : o?.value;
    }
    return v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const d = this.value(v);
    return d && typeof d === 'object' && !Array.isArray(d) ? d : undefined;
  }

  array(v: PdfValue | undefined): PdfValue[] {
    const a = this.value(v);
    return Array.isArray(a) ? a : a === undefined || a === null ? [] : [a];
  }

  /** A stream's dictionary and decoded bytes. */
  stream(ref: PdfValue | undefined): { dict: PdfDict; data: Buffer } | undefined {
    if (!isRef(ref)) return undefined;
    const o = this.objects[`obj:${ref}`]?.stream;
    return o ? { dict: o.dict, data: Buffer.from(o.data ?? '', 'base64') } : undefined;
  }

  /** Every object's reference and value (a stream's dictionary). */
  *all(): Generator<[string, PdfValue]> {
    for (const [key, o] of Object.entries(this.objects)) {
      if (key === 'trailer') continue;
      yield [key.slice(4), o.stream ? o.stream.dict : (o.value ?? null)];
    }
  }

  /** The entries of a number tree (the structure parent tree) or name tree (destinations, IDs), kids followed. */
  tree(root: PdfValue | undefined, kind: '/Nums' | '/Names'): [PdfValue, PdfValue][] {
    const node = this.dict(root);
    if (!node) return [];
    const out: [PdfValue, PdfValue][] = [];
    const flat = this.array(node[kind]);
    for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
    for (const kid of this.array(node['/Kids'])) out.push(...this.tree(kid, kind));
    return out;
  }
}
