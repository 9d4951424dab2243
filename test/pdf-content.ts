/**
 * A PDF content stream read back for the tests: its operators with their operands (ISO 32000-1,
 * 7.8.2), then what it draws — every text-showing, path-painting, picture and shading operator —
 * each with the marked-content sequences it stands in (BDC/BMC … EMC) and the font in use.
 */

export type Operand = number | boolean | null | { name: string } | Buffer | Operand[] | { [key: string]: Operand };

export interface Operation {
  op: string;
  operands: Operand[];
}

export interface Mark {
  tag: string;
  /** The property list written in the stream (`<</MCID 3>>`), when one is. */
  properties?: { [key: string]: Operand };
}

export interface Drawn {
  kind: 'text' | 'path' | 'image' | 'shading';
  op: string;
  marks: Mark[];
  /** For text: the font resource name and the shown strings' bytes. */
  font?: string;
  bytes?: Buffer;
  /** For a picture: its XObject resource name. */
  xobject?: string;
}

/** A name operand (`/MCID`): the only operand whose `name` is a string. */
export const isName = (v: unknown): v is { name: string } => typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string';

const DELIMITER = new Set([...'()<>[]{}/%']);
const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

class Tokens {
  at = 0;
  constructor(readonly data: Buffer) {}

  private skip(): void {
    while (this.at < this.data.length) {
      const c = this.data[this.at]!;
      if (WHITE.has(c)) this.at++;
      else if (c === 0x25) while (this.at < this.data.length && this.data[this.at] !== 0x0a && this.data[this.at] !== 0x0d) this.at++;
      else break;
    }
  }

  private regular(): string {
    const start = this.at;
    while (this.at < this.data.length && !WHITE.has(this.data[this.at]!) && !DELIMITER.has(String.fromCharCode(this.data[this.at]!))) this.at++;
    return this.data.toString('latin1', start, this.at);
  }

  private literal(): Buffer {
    const out: number[] = [];
    let depth = 1;
    this.at++;
    while (this.at < this.data.length) {
      const c = this.data[this.at++]!;
      if (c === 0x5c) {
        const e = this.data[this.at++]!;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (e >= 0x30 && e <= 0x37) {
          let oct = String.fromCharCode(e);
          while (oct.length < 3 && this.data[this.at]! >= 0x30 && this.data[this.at]! <= 0x37) oct += String.fromCharCode(this.data[this.at++]!);
          out.push(parseInt(oct, 8) & 0xff);
        } else if (e === 0x0a || e === 0x0d) continue;
        else out.push(map[e] ?? e);
      } else if (c === 0x28) (depth++, out.push(c));
      else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return Buffer.from(out);
  }

  /** The next object, or an operator (as a string), or undefined at the end. */
  next(): Operand | string | undefined | { end: ']' | '>>' } {
    this.skip();
    if (this.at >= this.data.length) return undefined;
    const c = String.fromCharCode(this.data[this.at]!);
    if (c === '(') return this.literal();
    if (c === '<' && this.data[this.at + 1] === 0x3c) {
      this.at += 2;
      const dict: { [key: string]: Operand } = {};
      for (;;) {
        const key = this.next();
        if (key === undefined || (typeof key === 'object' && key !== null && 'end' in key)) break;
        const value = this.next();
        if (isName(key)) dict[key.name] = value as Operand;
      }
      return dict;
    }
    if (c === '<') {
      const end = this.data.indexOf(0x3e, this.at);
      const hex = this.data.toString('latin1', this.at + 1, end).replace(/\s+/g, '');
      this.at = end + 1;
      return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    }
    if (c === '>' && this.data[this.at + 1] === 0x3e) return ((this.at += 2), { end: '>>' });
    if (c === '[') {
      this.at++;
      const items: Operand[] = [];
      for (;;) {
        const item = this.next();
        if (item === undefined || (typeof item === 'object' && item !== null && 'end' in item)) break;
        items.push(item as Operand);
      }
      return items;
    }
    if (c === ']') return ((this.at += 1), { end: ']' });
    if (c === '/') {
      this.at++;
      return { name: this.regular().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) };
    }
    if (DELIMITER.has(c)) return ((this.at += 1), `?${c}`);
    const word = this.regular();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return word;
  }

  /** Skips an inline image's data, from after `ID` to its `EI`. */
  skipImage(): void {
    const end = this.data.indexOf('EI', this.at + 1, 'latin1');
    this.at = end < 0 ? this.data.length : end + 2;
  }
}

export function operations(content: Buffer): Operation[] {
  const tokens = new Tokens(content);
  const ops: Operation[] = [];
  let operands: Operand[] = [];
  for (let t = tokens.next(); t !== undefined; t = tokens.next()) {
    if (typeof t === 'string') {
      ops.push({ op: t, operands });
      operands = [];
      if (t === 'ID') tokens.skipImage();
    } else if (t === null || typeof t !== 'object' || !('end' in t)) operands.push(t as Operand);
  }
  return ops;
}

const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const SHOW = new Set(['Tj', "'", '"', 'TJ']);

/** The shown strings' bytes of a text operator (TJ's strings joined, kerning numbers dropped). */
function shown(op: Operation): Buffer {
  const strings = op.op === 'TJ' ? (op.operands[0] as Operand[]) : op.operands.slice(-1);
  return Buffer.concat(strings.filter((s): s is Buffer => Buffer.isBuffer(s)));
}

export interface ContentRead {
  drawn: Drawn[];
  /** Marked-content operators that do not pair up (an EMC without its BDC, a sequence left open). */
  unbalanced: string[];
  /** The deepest q … Q nesting. */
  maxSaveDepth: number;
  ops: Operation[];
}

export function readContent(content: Buffer): ContentRead {
  const ops = operations(content);
  const marks: Mark[] = [];
  const drawn: Drawn[] = [];
  const unbalanced: string[] = [];
  let font: string | undefined;
  let depth = 0;
  let maxSaveDepth = 0;
  for (const op of ops) {
    const here = () => [...marks];
    if (op.op === 'BDC' || op.op === 'BMC') {
      const tag = (op.operands[0] as { name: string }).name;
      const props = op.operands[1];
      marks.push(props && typeof props === 'object' && !Buffer.isBuffer(props) && !Array.isArray(props) && !isName(props) ? { tag, properties: props } : { tag });
    } else if (op.op === 'EMC') {
      if (!marks.pop()) unbalanced.push('EMC without BDC/BMC');
    } else if (op.op === 'q') maxSaveDepth = Math.max(maxSaveDepth, ++depth);
    else if (op.op === 'Q') depth--;
    else if (op.op === 'Tf') font = (op.operands[0] as { name: string }).name;
    else if (SHOW.has(op.op)) drawn.push({ kind: 'text', op: op.op, marks: here(), font, bytes: shown(op) });
    else if (PAINT.has(op.op)) drawn.push({ kind: 'path', op: op.op, marks: here() });
    else if (op.op === 'Do') drawn.push({ kind: 'image', op: op.op, marks: here(), xobject: (op.operands[0] as { name: string }).name });
    else if (op.op === 'ID') drawn.push({ kind: 'image', op: 'BI', marks: here() }); // an inline image: its data was skipped
    else if (op.op === 'sh') drawn.push({ kind: 'shading', op: op.op, marks: here() });
  }
  if (marks.length) unbalanced.push(`${marks.length} marked-content sequence(s) left open`);
  return { drawn, unbalanced, maxSaveDepth, ops };
}
