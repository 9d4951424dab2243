/**
 * A DOCX read back for the conformance checks: word/document.xml, styles.xml, numbering.xml,
 * footnotes.xml and the relationships, with every paragraph's properties resolved through its
 * style chain (alignment, indentation, numbering, borders, outline level) and every character's
 * run properties (italic, bold, strike, font, superscript, hyperlink target).
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, processEntities: true });

function nameOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}
function kids(node: XmlNode): XmlNode[] {
  const v = node[nameOf(node)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}
function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.[':@']?.[name];
}
function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node ? kids(node).find((k) => nameOf(k) === name) : undefined;
}
function textOf(node: XmlNode): string {
  return kids(node)
    .map((c) => (c['#text'] !== undefined ? String(c['#text']) : ''))
    .join('');
}
/** A toggle property (`<w:b/>`, `<w:b w:val="false"/>`): undefined when absent. */
function toggle(node: XmlNode | undefined, name: string): boolean | undefined {
  const n = child(node, name);
  if (!n) return undefined;
  const v = attr(n, 'w:val');
  return !(v === 'false' || v === '0' || v === 'off' || v === 'none');
}

export interface RunProps {
  italic?: boolean;
  bold?: boolean;
  strike?: boolean;
  font?: string;
  superscript?: boolean;
  vanish?: boolean;
  rStyle?: string;
}

export interface ParaProps {
  jc?: string;
  indLeft?: number;
  indHanging?: number;
  indFirstLine?: number;
  numId?: string;
  ilvl?: number;
  borderBottom?: boolean;
  borderTop?: boolean;
  borderLeft?: boolean;
  outlineLvl?: number;
}

export interface Style {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  p: ParaProps;
  r: RunProps;
}

export interface DocxChar {
  ch: string;
  italic: boolean;
  bold: boolean;
  strike: boolean;
  mono: boolean;
  superscript: boolean;
  font: string;
  href?: string;
  /** The `w:t` holding it keeps its spaces (`xml:space="preserve"`). */
  preserved: boolean;
  /** First or last character of its `w:t` (where Word drops spaces that are not preserved). */
  edge: boolean;
}

export interface Mark {
  kind: 'footnote' | 'noteref' | 'sup';
  id?: string;
  /** Index in the paragraph's non-space characters before which it sits. */
  at: number;
}

export interface DocxParagraph {
  index: number;
  part: 'body' | 'notes';
  styleId: string;
  styleName: string;
  /** Resolved through the style chain. */
  props: ParaProps;
  /** The left indent Word uses: the paragraph's own, else its numbering level's, else its style's. */
  indent: number;
  /** Every character, spaces, tabs (`\t`) and breaks (`\n`) included. */
  text: DocxChar[];
  marks: Mark[];
  hasRule: boolean;
  table?: { table: number; row: number; col: number };
  note?: string;
  /** Front matter (title page, contents) rather than the report's text. */
  front: boolean;
  checkbox?: boolean;
}

export interface DocxTable {
  index: number;
  part: 'body' | 'notes';
  rows: { header: boolean; cells: number[][] }[];
}

export interface NumLevel {
  start: number;
  numFmt: string;
  lvlText: string;
  indLeft?: number;
  indHanging?: number;
}

export interface Numbering {
  abstract: Map<string, Map<number, NumLevel>>;
  nums: Map<string, { abstractId: string; overrides: Map<number, { start?: number; level?: NumLevel }> }>;
}

const MONO = /mono|courier|consolas|menlo|monaco|inconsolata|source code|fira code|lucida console|code/i;

function paraProps(pPr: XmlNode | undefined): ParaProps {
  const p: ParaProps = {};
  if (!pPr) return p;
  const jc = attr(child(pPr, 'w:jc'), 'w:val');
  if (jc) p.jc = jc;
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const left = attr(ind, 'w:left') ?? attr(ind, 'w:start');
    if (left !== undefined) p.indLeft = Number(left);
    if (attr(ind, 'w:hanging') !== undefined) p.indHanging = Number(attr(ind, 'w:hanging'));
    if (attr(ind, 'w:firstLine') !== undefined) p.indFirstLine = Number(attr(ind, 'w:firstLine'));
  }
  const numPr = child(pPr, 'w:numPr');
  if (numPr) {
    const numId = attr(child(numPr, 'w:numId'), 'w:val');
    if (numId !== undefined) p.numId = numId;
    const ilvl = attr(child(numPr, 'w:ilvl'), 'w:val');
    p.ilvl = ilvl === undefined ? 0 : Number(ilvl);
  }
  const bdr = child(pPr, 'w:pBdr');
  if (bdr) {
    const on = (n: string) => {
      const b = child(bdr, n);
      const v = attr(b, 'w:val');
      return !!b && v !== 'nil' && v !== 'none';
    };
    p.borderBottom = on('w:bottom');
    p.borderTop = on('w:top');
    p.borderLeft = on('w:left') || on('w:start');
  }
  const ol = attr(child(pPr, 'w:outlineLvl'), 'w:val');
  if (ol !== undefined) p.outlineLvl = Number(ol);
  return p;
}

function runProps(rPr: XmlNode | undefined): RunProps {
  const r: RunProps = {};
  if (!rPr) return r;
  const i = toggle(rPr, 'w:i');
  if (i !== undefined) r.italic = i;
  const b = toggle(rPr, 'w:b');
  if (b !== undefined) r.bold = b;
  const s = toggle(rPr, 'w:strike') || toggle(rPr, 'w:dstrike');
  if (s !== undefined) r.strike = s;
  const v = toggle(rPr, 'w:vanish');
  if (v !== undefined) r.vanish = v;
  const fonts = child(rPr, 'w:rFonts');
  const font = attr(fonts, 'w:ascii') ?? attr(fonts, 'w:hAnsi');
  if (font) r.font = font;
  const va = attr(child(rPr, 'w:vertAlign'), 'w:val');
  if (va) r.superscript = va === 'superscript';
  const rs = attr(child(rPr, 'w:rStyle'), 'w:val');
  if (rs) r.rStyle = rs;
  return r;
}

export class Docx {
  readonly parts: Record<string, string>;
  readonly styles = new Map<string, Style>();
  readonly defaults: { p: ParaProps; r: RunProps } = { p: {}, r: {} };
  readonly numbering: Numbering = { abstract: new Map(), nums: new Map() };
  readonly rels = new Map<string, string>();
  readonly paragraphs: DocxParagraph[] = [];
  readonly tables: DocxTable[] = [];
  defaultParagraphStyle = '';

  constructor(path: string) {
    // Only the XML parts (the embedded fonts are most of the file).
    const files = unzipSync(new Uint8Array(readFileSync(path)), { filter: (f) => /\.(xml|rels)$/.test(f.name) });
    this.parts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
    this.readStyles();
    this.readNumbering();
    for (const [part, target] of [['word/_rels/document.xml.rels', 'body'], ['word/_rels/footnotes.xml.rels', 'notes']] as const) {
      for (const r of this.find(this.xml(part), 'Relationship')) {
        const id = attr(r, 'Id');
        const t = attr(r, 'Target');
        if (id && t !== undefined) this.rels.set(`${target}:${id}`, t);
      }
    }
    this.readPart('word/document.xml', 'body');
    this.readPart('word/footnotes.xml', 'notes');
    this.markFrontMatter();
  }

  xml(part: string): XmlNode[] {
    const s = this.parts[part];
    return s ? (parser.parse(s) as XmlNode[]) : [];
  }

  private find(nodes: XmlNode[], name: string): XmlNode[] {
    const out: XmlNode[] = [];
    const walk = (ns: XmlNode[]) => {
      for (const n of ns) {
        if (nameOf(n) === name) out.push(n);
        else walk(kids(n));
      }
    };
    walk(nodes);
    return out;
  }

  private readStyles(): void {
    const root = this.xml('word/styles.xml');
    const defaults = this.find(root, 'w:docDefaults')[0];
    this.defaults.p = paraProps(child(child(defaults, 'w:pPrDefault'), 'w:pPr'));
    this.defaults.r = runProps(child(child(defaults, 'w:rPrDefault'), 'w:rPr'));
    for (const s of this.find(root, 'w:style')) {
      const id = attr(s, 'w:styleId') ?? '';
      const style: Style = {
        id,
        name: attr(child(s, 'w:name'), 'w:val') ?? id,
        type: attr(s, 'w:type') ?? 'paragraph',
        basedOn: attr(child(s, 'w:basedOn'), 'w:val'),
        p: paraProps(child(s, 'w:pPr')),
        r: runProps(child(s, 'w:rPr')),
      };
      this.styles.set(id, style);
      const def = attr(s, 'w:default');
      if (style.type === 'paragraph' && (def === '1' || def === 'true')) this.defaultParagraphStyle = id;
    }
  }

  private readNumbering(): void {
    const root = this.xml('word/numbering.xml');
    const level = (lvl: XmlNode): NumLevel => {
      const ind = child(child(lvl, 'w:pPr'), 'w:ind');
      return {
        start: Number(attr(child(lvl, 'w:start'), 'w:val') ?? 1),
        numFmt: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
        lvlText: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
        indLeft: ind && (attr(ind, 'w:left') ?? attr(ind, 'w:start')) !== undefined ? Number(attr(ind, 'w:left') ?? attr(ind, 'w:start')) : undefined,
        indHanging: ind && attr(ind, 'w:hanging') !== undefined ? Number(attr(ind, 'w:hanging')) : undefined,
      };
    };
    for (const a of this.find(root, 'w:abstractNum')) {
      const levels = new Map<number, NumLevel>();
      for (const l of kids(a)) if (nameOf(l) === 'w:lvl') levels.set(Number(attr(l, 'w:ilvl') ?? 0), level(l));
      this.numbering.abstract.set(attr(a, 'w:abstractNumId') ?? '', levels);
    }
    for (const n of this.find(root, 'w:num')) {
      const overrides = new Map<number, { start?: number; level?: NumLevel }>();
      for (const o of kids(n)) {
        if (nameOf(o) !== 'w:lvlOverride') continue;
        const so = attr(child(o, 'w:startOverride'), 'w:val');
        const lvl = child(o, 'w:lvl');
        overrides.set(Number(attr(o, 'w:ilvl') ?? 0), { start: so === undefined ? undefined : Number(so), level: lvl ? level(lvl) : undefined });
      }
      this.numbering.nums.set(attr(n, 'w:numId') ?? '', { abstractId: attr(child(n, 'w:abstractNumId'), 'w:val') ?? '', overrides });
    }
  }

  /** The numbering level a paragraph's numPr points to. */
  level(numId: string | undefined, ilvl: number | undefined): NumLevel | undefined {
    if (!numId || numId === '0') return undefined;
    const num = this.numbering.nums.get(numId);
    if (!num) return undefined;
    const o = num.overrides.get(ilvl ?? 0);
    return o?.level ?? this.numbering.abstract.get(num.abstractId)?.get(ilvl ?? 0);
  }

  styleChain(id: string | undefined): Style[] {
    const out: Style[] = [];
    let s = id ? this.styles.get(id) : undefined;
    const seen = new Set<string>();
    while (s && !seen.has(s.id)) {
      out.push(s);
      seen.add(s.id);
      s = s.basedOn ? this.styles.get(s.basedOn) : undefined;
    }
    return out;
  }

  private resolvePara(direct: ParaProps, styleId: string): ParaProps {
    const chain = this.styleChain(styleId || this.defaultParagraphStyle);
    const out: ParaProps = { ...this.defaults.p };
    for (const s of [...chain].reverse()) Object.assign(out, defined(s.p));
    return Object.assign(out, defined(direct));
  }

  private resolveRun(direct: RunProps, styleId: string): RunProps {
    const out: RunProps = { ...this.defaults.r };
    for (const s of [...this.styleChain(styleId || this.defaultParagraphStyle)].reverse()) Object.assign(out, defined(s.r));
    if (direct.rStyle) for (const s of [...this.styleChain(direct.rStyle)].reverse()) Object.assign(out, defined(s.r));
    return Object.assign(out, defined(direct));
  }

  private readPart(part: string, kind: 'body' | 'notes'): void {
    const root = this.xml(part);
    const paragraph = (p: XmlNode, table: DocxParagraph['table'], note: string | undefined) => {
      const pPr = child(p, 'w:pPr');
      const styleId = attr(child(pPr, 'w:pStyle'), 'w:val') ?? '';
      const direct = paraProps(pPr);
      const props = this.resolvePara(direct, styleId);
      const indent = direct.indLeft ?? this.level(props.numId, props.ilvl)?.indLeft ?? props.indLeft ?? 0;
      const para: DocxParagraph = {
        index: this.paragraphs.length,
        part: kind,
        styleId,
        styleName: this.styles.get(styleId)?.name ?? styleId,
        props,
        indent,
        text: [],
        marks: [],
        hasRule: !!(props.borderBottom || props.borderTop),
        table,
        note,
        front: false,
      };
      let count = 0;
      const push = (ch: string, r: RunProps, href: string | undefined, preserved: boolean, edge = false) => {
        if (r.vanish) return;
        para.text.push({
          ch,
          italic: !!r.italic,
          bold: !!r.bold,
          strike: !!r.strike,
          mono: MONO.test(r.font ?? ''),
          superscript: !!r.superscript,
          font: r.font ?? '',
          href,
          preserved,
          edge,
        });
        if (!/\s/u.test(ch) && !(r.superscript && /\d/.test(ch))) count++;
      };
      const run = (r: XmlNode, href: string | undefined) => {
        const rp = this.resolveRun(runProps(child(r, 'w:rPr')), styleId);
        let supStart = true;
        for (const c of kids(r)) {
          const name = nameOf(c);
          if (name === 'w:t') {
            const value = textOf(c);
            if (rp.superscript && supStart && value.trim()) {
              para.marks.push({ kind: 'sup', at: count });
              supStart = false;
            }
            const cs = [...value];
            cs.forEach((ch, k) => push(ch, rp, href, attr(c, 'xml:space') === 'preserve', k === 0 || k === cs.length - 1));
          } else if (name === 'w:tab') push('\t', rp, href, true);
          else if (name === 'w:br' || name === 'w:cr') {
            if (attr(c, 'w:type') === 'page' || attr(c, 'w:type') === 'column') continue;
            push('\n', rp, href, true);
          } else if (name === 'w:footnoteReference') para.marks.push({ kind: 'footnote', id: attr(c, 'w:id'), at: count });
          else if (name === 'w:instrText' && /^\s*NOTEREF\b/.test(textOf(c))) para.marks.push({ kind: 'noteref', at: count });
          else if (name === 'w:sym') {
            const code = parseInt(attr(c, 'w:char') ?? '', 16);
            if (code === 0xf0fe || code === 0xf078) para.checkbox = true;
            else if (code === 0xa8 || code === 0x6f || code === 0xf0a8) para.checkbox = para.checkbox ?? false;
          } else if (name === 'w:pict' || name === 'w:drawing') {
            if (JSON.stringify(c).includes('o:hr')) para.hasRule = true;
          }
        }
      };
      const inline = (nodes: XmlNode[], href: string | undefined) => {
        for (const c of nodes) {
          const name = nameOf(c);
          if (name === 'w:r') run(c, href);
          else if (name === 'w:hyperlink') {
            const id = attr(c, 'r:id');
            const anchor = attr(c, 'w:anchor');
            const target = id ? this.rels.get(`${kind}:${id}`) : anchor !== undefined ? `#${anchor}` : undefined;
            inline(kids(c), target ?? href);
          } else if (name === 'w:fldSimple') {
            const instr = attr(c, 'w:instr') ?? '';
            const m = /^\s*HYPERLINK\s+"([^"]*)"/.exec(instr);
            if (/^\s*NOTEREF\b/.test(instr)) para.marks.push({ kind: 'noteref', at: count });
            inline(kids(c), m ? m[1] : href);
          } else if (name === 'w:sdt') {
            const pr = child(c, 'w:sdtPr');
            const box = pr && child(pr, 'w14:checkbox');
            if (box) para.checkbox = attr(child(box, 'w14:checked'), 'w14:val') === '1';
            inline(kids(child(c, 'w:sdtContent') ?? {}), href);
          } else if (name === 'w:smartTag' || name === 'w:customXml' || name === 'w:ins') inline(kids(c), href);
        }
      };
      inline(kids(p), undefined);
      const first = para.text.map((c) => c.ch).join('').trimStart();
      if (/^[☐☑☒]/.test(first)) para.checkbox = first.startsWith('☐') ? false : true;
      this.paragraphs.push(para);
    };
    const block = (nodes: XmlNode[], table: DocxParagraph['table'], note: string | undefined) => {
      for (const n of nodes) {
        const name = nameOf(n);
        if (name === 'w:p') paragraph(n, table, note);
        else if (name === 'w:tbl') {
          const t: DocxTable = { index: this.tables.length, part: kind, rows: [] };
          this.tables.push(t);
          for (const tr of kids(n)) {
            if (nameOf(tr) !== 'w:tr') continue;
            const trPr = child(tr, 'w:trPr');
            const header = toggle(trPr, 'w:tblHeader') === true;
            const r = { header, cells: [] as number[][] };
            t.rows.push(r);
            for (const tc of kids(tr)) {
              if (nameOf(tc) !== 'w:tc') continue;
              const start = this.paragraphs.length;
              block(kids(tc), { table: t.index, row: t.rows.length - 1, col: r.cells.length }, note);
              r.cells.push(Array.from({ length: this.paragraphs.length - start }, (_, k) => start + k));
            }
          }
        } else if (name === 'w:sdt') block(kids(child(n, 'w:sdtContent') ?? {}), table, note);
        else if (name === 'w:footnote') {
          const type = attr(n, 'w:type');
          if (type && type !== 'normal') continue;
          block(kids(n), table, attr(n, 'w:id'));
        } else if (name === 'w:body' || name === 'w:document' || name === 'w:footnotes' || name === 'w:customXml') block(kids(n), table, note);
      }
    };
    block(root, undefined, undefined);
  }

  /** The title page and contents: everything up to the last section break before the text, or styled as such. */
  private markFrontMatter(): void {
    const body = this.paragraphs.filter((p) => p.part === 'body');
    const root = this.xml('word/document.xml');
    // Paragraphs carrying a section break in their properties, in order.
    const breaks: number[] = [];
    let i = 0;
    const walk = (ns: XmlNode[]) => {
      for (const n of ns) {
        const name = nameOf(n);
        if (name === 'w:p') {
          if (child(child(n, 'w:pPr'), 'w:sectPr')) breaks.push(i);
          i++;
        } else if (name !== 'w:footnote') walk(kids(n));
      }
    };
    walk(root);
    const last = breaks.length ? breaks[breaks.length - 1]! : -1;
    for (const p of body) {
      if (p.index <= last || /^(TOC|toc |Title|Subtitle|CoverLine|Cover)/i.test(p.styleId) || /^(toc |TOC Heading|Title|Subtitle)/i.test(p.styleName)) p.front = true;
    }
  }

  styleName(id: string): string {
    return this.styles.get(id)?.name ?? id;
  }
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
