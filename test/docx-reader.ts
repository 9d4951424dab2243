/**
 * Reads a DOCX back for the tests: unzips it (fflate), parses its XML parts (fast-xml-parser, in
 * document order) and gives paragraphs as style + a list of text pieces and footnote citations.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

export interface Piece {
  text?: string;
  note?: number;
  field?: string;
}

/** A complex field (begin … separate … end) of a part, in document order, nested ones included. */
export interface DocxField {
  /** Its instruction, trimmed (`PAGEREF _Toc000000001 \h`). */
  instruction: string;
  /** The text of its stored result (between separate and end), tabs as \t, paragraphs run together. */
  result: string;
  /** Whether it has a separate at all. */
  separated: boolean;
  /** Whether its begin is marked dirty (Word would update it on opening, and ask). */
  dirty: boolean;
}

export interface DocxParagraph {
  style: string;
  pieces: Piece[];
  text: string;
}

export function nameOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[nameOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Visits nodes depth first, in document order; a visitor returning false skips the node's children. */
export function walk(nodes: XmlNode[], visit: (node: XmlNode, name: string) => boolean | void): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (visit(node, name) === false) continue;
    walk(childrenOf(node), visit);
  }
}

function paragraph(p: XmlNode): DocxParagraph {
  let style = '';
  const pieces: Piece[] = [];
  walk(childrenOf(p), (node, name) => {
    if (name === 'w:pStyle') style = node[':@']?.['w:val'] ?? '';
    else if (name === 'w:t') pieces.push({ text: childrenOf(node).map((c) => String(c['#text'] ?? '')).join('') });
    else if (name === 'w:tab') pieces.push({ text: '\t' });
    else if (name === 'w:footnoteReference') pieces.push({ note: Number(node[':@']?.['w:id']) });
    else if (name === 'w:instrText') pieces.push({ field: childrenOf(node).map((c) => String(c['#text'] ?? '')).join('').trim() });
    else if (name === 'w:fldSimple') pieces.push({ field: node[':@']?.['w:instr']?.trim() });
    else if (name === 'w:p') return false;
    return undefined;
  });
  return { style, pieces, text: pieces.map((x) => x.text ?? '').join('') };
}

export class DocxFile {
  readonly parts: Record<string, string>;

  /** A DOCX file by its path, or its bytes (a writer's output, not written anywhere). */
  constructor(path: string | Uint8Array) {
    const files = unzipSync(typeof path === 'string' ? readFileSync(path) : path);
    this.parts = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  }

  xml(part: string): XmlNode[] {
    return parser.parse(this.parts[part] ?? '') as XmlNode[];
  }

  /** The `w:p` elements of a part as parsed nodes (tables' cells included, in order), for reading their properties. */
  paragraphNodes(part = 'word/document.xml'): XmlNode[] {
    const out: XmlNode[] = [];
    walk(this.xml(part), (node, name) => {
      if (name !== 'w:p') return undefined;
      out.push(node);
      return false;
    });
    return out;
  }

  /** The part of a header or footer of the document's (last) section, by its reference's type (`default`, `first`). */
  headerFooter(kind: 'header' | 'footer', type: 'default' | 'first' | 'even'): string | undefined {
    let id: string | undefined;
    const sections: XmlNode[] = [];
    walk(this.xml('word/document.xml'), (node, name) => {
      if (name === 'w:sectPr') sections.push(node);
    });
    const section = sections.at(-1);
    for (const ref of section ? childrenOf(section) : []) {
      if (nameOf(ref) === `w:${kind}Reference` && ref[':@']?.['w:type'] === type) id = ref[':@']?.['r:id'];
    }
    if (!id) return undefined;
    let target: string | undefined;
    walk(this.xml('word/_rels/document.xml.rels'), (node, name) => {
      if (name === 'Relationship' && node[':@']?.Id === id) target = node[':@']?.Target;
    });
    return target ? `word/${target}` : undefined;
  }

  /** The complex fields of a part, in the order they begin. */
  fields(part = 'word/document.xml'): DocxField[] {
    const all: DocxField[] = [];
    const open: { field: DocxField; inResult: boolean }[] = [];
    const addText = (text: string) => {
      for (const o of open) if (o.inResult) o.field.result += text;
    };
    walk(this.xml(part), (node, name) => {
      if (name === 'w:fldChar') {
        const type = node[':@']?.['w:fldCharType'];
        if (type === 'begin') {
          const field: DocxField = { instruction: '', result: '', separated: false, dirty: node[':@']?.['w:dirty'] === 'true' || node[':@']?.['w:dirty'] === '1' };
          all.push(field);
          open.push({ field, inResult: false });
        } else if (type === 'separate' && open.length) {
          open.at(-1)!.inResult = true;
          open.at(-1)!.field.separated = true;
        } else if (type === 'end') open.pop();
      } else if (name === 'w:instrText') {
        const last = open.at(-1);
        if (last && !last.inResult) last.field.instruction += childrenOf(node).map((c) => String(c['#text'] ?? '')).join('');
      } else if (name === 'w:t') addText(childrenOf(node).map((c) => String(c['#text'] ?? '')).join(''));
      else if (name === 'w:tab' && !node[':@']?.['w:val']) addText('\t');
      return undefined;
    });
    for (const f of all) f.instruction = f.instruction.trim();
    return all;
  }

  /** Body paragraphs (tables' cells included, in order). */
  paragraphs(part = 'word/document.xml'): DocxParagraph[] {
    const out: DocxParagraph[] = [];
    walk(this.xml(part), (node, name) => {
      if (name === 'w:p') {
        out.push(paragraph(node));
        return false;
      }
      return undefined;
    });
    return out;
  }

  /** Footnotes by id (separators left out), each as its paragraphs' text. */
  footnotes(): Map<number, string> {
    const out = new Map<number, string>();
    walk(this.xml('word/footnotes.xml'), (node, name) => {
      if (name !== 'w:footnote') return undefined;
      const id = Number(node[':@']?.['w:id']);
      if (node[':@']?.['w:type']) return false;
      const texts: string[] = [];
      walk(childrenOf(node), (n, nm) => {
        if (nm === 'w:p') {
          texts.push(paragraph(n).text);
          return false;
        }
        return undefined;
      });
      out.set(id, texts.join('\n'));
      return false;
    });
    return out;
  }

  /** Rows of the tables, as cell texts. */
  tables(): string[][][] {
    const out: string[][][] = [];
    walk(this.xml('word/document.xml'), (node, name) => {
      if (name !== 'w:tbl') return undefined;
      const rows: string[][] = [];
      walk(childrenOf(node), (row, rn) => {
        if (rn !== 'w:tr') return undefined;
        const cells: string[] = [];
        walk(childrenOf(row), (cell, cn) => {
          if (cn !== 'w:tc') return undefined;
          const texts: string[] = [];
          walk(childrenOf(cell), (p, pn) => {
            if (pn === 'w:p') {
              texts.push(paragraph(p).text);
              return false;
            }
            return undefined;
          });
          cells.push(texts.join('\n'));
          return false;
        });
        rows.push(cells);
        return false;
      });
      out.push(rows);
      return false;
    });
    return out;
  }
}
