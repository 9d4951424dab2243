/**
 * Makes the DOCX package deterministic: `docx` stamps the clock into core.xml, numbers bookmarks with
 * a process-wide counter, gives external hyperlinks random relationship ids, and zips with the
 * current time. Here the dates come from SOURCE_DATE_EPOCH, ids are renumbered in order, the
 * document language is added, and the zip is rewritten with fixed entry times.
 */
import { createHash } from 'node:crypto';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';

/** The 16 key bytes of an embedded-font GUID, in the order ECMA-376 XORs them (the GUID reversed). */
function keyBytes(guid: string): number[] {
  const hex = guid.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return bytes.reverse();
}

/** Re-keys an obfuscated font (.odttf): undo the old key's XOR of the first 32 bytes, apply the new one. */
function rekey(data: Uint8Array, from: string, to: string): Uint8Array<ArrayBuffer> {
  const a = keyBytes(from);
  const b = keyBytes(to);
  const out = Uint8Array.from(data);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = out[i]! ^ a[i % 16]! ^ b[i % 16]!;
  return out;
}

/** A GUID made from a name, so the same font gets the same key on every build. */
function stableGuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

function iso(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `docx` writes a field with its cached result in one run (begin, instruction, separate, result, end).
 * Word reads that, LibreOffice drops the result: give each part its own run, as Word itself writes.
 */
function splitFieldRuns(xml: string): string {
  const PART = /<w:fldChar[^>]*\/>|<w:instrText[^>]*>[^<]*<\/w:instrText>|<w:t[^>]*>[^<]*<\/w:t>/g;
  return xml.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?((?:<w:fldChar[^>]*\/>|<w:instrText[^>]*>[^<]*<\/w:instrText>|<w:t[^>]*>[^<]*<\/w:t>){2,})<\/w:r>/g, (whole, rPr: string | undefined, body: string) => {
    if (!body.includes('<w:fldChar')) return whole;
    const parts = body.match(PART) ?? [];
    return parts.map((part) => `<w:r>${rPr ?? ''}${part}</w:r>`).join('');
  });
}

export function normalisePackage(data: Uint8Array, epoch: number, language: string): Uint8Array {
  const files = unzipSync(data);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const core = text('docProps/core.xml');
  if (core) {
    let fixed = core
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso(epoch)}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso(epoch)}$2`);
    if (!fixed.includes('<dc:language>')) fixed = fixed.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`);
    files['docProps/core.xml'] = strToU8(fixed);
  }
  // Bookmark ids: renumber in document order across the parts that hold bookmarks.
  const bookmarkIds = new Map<string, string>();
  const renumber = (xml: string) =>
    xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)(")/g, (_m, a: string, id: string, b: string) => {
      let n = bookmarkIds.get(id);
      if (n === undefined) {
        n = String(bookmarkIds.size + 1);
        bookmarkIds.set(id, n);
      }
      return `${a}${n}${b}`;
    });
  // Relationship ids that are not rIdN (random ones for hyperlinks): rename in order.
  const rels = text('word/_rels/document.xml.rels');
  const relIds = new Map<string, string>();
  if (rels) {
    for (const match of rels.matchAll(/Id="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !relIds.has(id)) relIds.set(id, `rIdL${relIds.size + 1}`);
    }
    let fixed = rels;
    for (const [from, to] of relIds) fixed = fixed.split(`Id="${from}"`).join(`Id="${to}"`);
    files['word/_rels/document.xml.rels'] = strToU8(fixed);
  }
  for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    let xml = text(name);
    if (xml === undefined) continue;
    xml = splitFieldRuns(renumber(xml));
    for (const [from, to] of relIds) xml = xml.split(`r:id="${from}"`).join(`r:id="${to}"`);
    files[name] = strToU8(xml);
  }
  // Embedded fonts: docx gives each a random key; give each a stable one and re-key its data.
  const fontTable = text('word/fontTable.xml');
  const fontRels = text('word/_rels/fontTable.xml.rels');
  if (fontTable && fontRels) {
    const targets = new Map([...fontRels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    const fixed = fontTable.replace(/(r:id="([^"]+)" w:fontKey=")(\{[^}]+\})"/g, (_m, prefix: string, rid: string, key: string) => {
      const part = `word/${targets.get(rid) ?? ''}`;
      const next = stableGuid(part);
      if (files[part]) files[part] = rekey(files[part]!, key, next);
      return `${prefix}${next}"`;
    });
    files['word/fontTable.xml'] = strToU8(fixed);
  }
  const mtime = new Date(Math.max(epoch, 315532800) * 1000); // zip times start in 1980
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = [content, { mtime, level: 6 }];
  return zipSync(zippable);
}
