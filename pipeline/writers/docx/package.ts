/**
 * Finishes the DOCX package and makes it deterministic: `docx` stamps the clock into core.xml,
 * numbers bookmarks with a process-wide counter, gives external hyperlinks random relationship ids,
 * and zips with the current time. Here the dates come from the edition's epoch, ids are renumbered
 * in order, the document language is added, the styles are finished as XML (a reference document's
 * merged in, the language on every style: style-sheet.ts), the reference's theme and font names
 * taken, and the parts are zipped with fixed entry times.
 *
 * The parts come straight from `docx`'s compiler (`Packer.compiler`) rather than from its zip, which
 * would be deflated by `docx` only to be inflated here; they are zipped once, by yazl with Node's
 * own zlib, which deflates off the main thread.
 */
import { createHash } from 'node:crypto';
import { Packer, type Document } from 'docx';
import { buffer as bytesOf } from 'node:stream/consumers';
import yazl from 'yazl';
import { fontData, FAMILY, FAMILY_OF, type Face } from '../../text/fonts.js';
import type { ReferenceDoc } from './reference-doc.js';
import { finishStyles } from './style-sheet.js';
import { attr, childrenOf, parseXml, rootOf, serializeXml, setChildren } from './xml.js';

/** A package's parts by path, in the order they are zipped: XML as text, the rest as bytes. */
export type Parts = Map<string, string | Uint8Array>;

/** The parts of a document as `docx` compiles them, before it zips them. */
export function compileParts(document: Document): Parts {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document): Map<string, string | Uint8Array | ArrayBuffer> } }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('this version of docx has no Packer.compiler: folio needs the docx version in package-lock.json');
  const parts: Parts = new Map();
  for (const [path, data] of compiler.compile(document)) {
    parts.set(path, typeof data === 'string' || data instanceof Uint8Array ? data : new Uint8Array(data));
  }
  return parts;
}

function textOf(parts: Parts, name: string): string | undefined {
  const data = parts.get(name);
  return data === undefined ? undefined : typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
}

function iso(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The 16 key bytes of an embedded-font GUID, in the order ECMA-376 XORs them (the GUID reversed). */
function keyBytes(guid: string): number[] {
  const hex = guid.replace(/[{}-]/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return bytes.reverse();
}

/** A GUID made from a name, so the same font gets the same key on every build. */
function stableGuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** A family the document embeds: its faces, and how fontTable.xml describes it. */
interface Family {
  name: string;
  kind: 'roman' | 'modern' | 'swiss';
  pitch: 'variable' | 'fixed';
  faces: { face: Face; element: string }[];
}

const SERIF: Family = {
  name: FAMILY,
  kind: 'roman',
  pitch: 'variable',
  faces: [
    { face: 'regular', element: 'embedRegular' },
    { face: 'bold', element: 'embedBold' },
    { face: 'italic', element: 'embedItalic' },
    { face: 'boldItalic', element: 'embedBoldItalic' },
  ],
};

/** Faces embedded only in documents that use them (code, marks PT Serif lacks). */
export type ExtraFace = 'mono' | 'symbol';

const EXTRA: Record<ExtraFace, Family> = {
  mono: { name: FAMILY_OF.mono, kind: 'modern', pitch: 'fixed', faces: [{ face: 'mono', element: 'embedRegular' }] },
  symbol: { name: FAMILY_OF.symbol, kind: 'swiss', pitch: 'variable', faces: [{ face: 'symbol', element: 'embedRegular' }] },
};

const obfuscated = new Map<Face, { guid: string; data: Uint8Array }>();

/** A face's file obfuscated for embedding (ECMA-376 Part 2, 11.1) with its stable key, made once. */
function obfuscate(family: string, face: Face): { guid: string; data: Uint8Array } {
  let done = obfuscated.get(face);
  if (!done) {
    const guid = stableGuid(`${family}/${face}`);
    const key = keyBytes(guid);
    const data = Uint8Array.from(fontData(face));
    for (let k = 0; k < 32; k++) data[k] = data[k]! ^ key[k % 16]!;
    done = { guid, data };
    obfuscated.set(face, done);
  }
  return done;
}

/**
 * Embeds PT Serif (and the extra faces the document uses) ourselves rather than through `docx`: its
 * fonts would be compressed by `docx`, unpacked and compressed again here; added here they are
 * compressed once, and their keys are stable.
 */
function embedFonts(parts: Parts, extra: readonly ExtraFace[]): void {
  const families = [SERIF, ...extra.map((face) => EXTRA[face])];
  let n = 0;
  const fonts = families.map((family) => ({
    family,
    faces: family.faces.map(({ face, element }) => ({ ...obfuscate(family.name, face), element, index: ++n })),
  }));
  const all = fonts.flatMap((f) => f.faces);
  const entries = fonts
    .map(({ family, faces }) => `<w:font w:name="${family.name}"><w:charset w:val="CC"/><w:family w:val="${family.kind}"/><w:pitch w:val="${family.pitch}"/>${faces.map((f) => `<w:${f.element} r:id="rIdFont${f.index}" w:fontKey="${f.guid}"/>`).join('')}</w:font>`)
    .join('');
  const table = textOf(parts, 'word/fontTable.xml') ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:fonts>';
  const cleared = table.replace(/<w:font\b[\s\S]*?<\/w:font>/g, '');
  parts.set(
    'word/fontTable.xml',
    /<w:fonts\b[^>]*\/>/.test(cleared)
      ? cleared.replace(/<w:fonts\b([^>]*?)\s*\/>/, `<w:fonts$1>${entries}</w:fonts>`)
      : cleared.replace(/(<w:fonts\b[^>]*>)/, `$1${entries}`),
  );
  parts.set(
    'word/_rels/fontTable.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${all
      .map((f) => `<Relationship Id="rIdFont${f.index}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font${f.index}.odttf"/>`)
      .join('')}</Relationships>`,
  );
  for (const f of all) parts.set(`word/fonts/font${f.index}.odttf`, f.data);
  const types = textOf(parts, '[Content_Types].xml') ?? '';
  if (types && !types.includes('Extension="odttf"')) {
    parts.set('[Content_Types].xml', types.replace('</Types>', '<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/></Types>'));
  }
}

/** The options of the package step. */
export interface PackageOptions {
  /** The edition's date (seconds since 1970): core.xml's dates and the zip entries' times. */
  epoch: number;
  /** The edition's language (BCP 47): core.xml's, and every style's. */
  locale: string;
  /** The faces besides PT Serif the document uses, embedded with it. */
  extra?: readonly ExtraFace[];
  /** A reference document whose styles, theme and font names the package takes. */
  reference?: ReferenceDoc;
  /** Whether to embed the fonts (default yes; the reference document folio writes embeds none). */
  embed?: boolean;
}

/** The path of the part a relationship of the main document's points to, by the relationship's type (`styles`, `theme`). */
function partOf(parts: Parts, type: string): string | undefined {
  const rels = textOf(parts, 'word/_rels/document.xml.rels');
  if (!rels) return undefined;
  const root = rootOf(parseXml(rels), 'Relationships');
  const rel = root && childrenOf(root).find((r) => attr(r, 'Type')?.endsWith(`/relationships/${type}`));
  const target = rel && attr(rel, 'Target');
  return target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `word/${target}`;
}

/** The reference's fonts that fontTable.xml does not name yet, as entries without embedded faces (whose files are not taken). */
function addReferenceFonts(parts: Parts, reference: ReferenceDoc): void {
  const table = textOf(parts, 'word/fontTable.xml');
  if (!table || !reference.fonts.length) return;
  const tree = parseXml(table);
  const root = rootOf(tree, 'w:fonts');
  if (!root) return;
  const named = new Set(childrenOf(root).map((f) => attr(f, 'w:name')));
  const added = reference.fonts.filter((f) => !named.has(attr(f, 'w:name')));
  if (!added.length) return;
  setChildren(root, [...childrenOf(root), ...added]);
  parts.set('word/fontTable.xml', serializeXml(tree));
}

/** Makes the parts deterministic and finishes them (see the module's comment); the zip is left to the caller. */
export function finishParts(parts: Parts, options: PackageOptions): void {
  const { epoch, locale: language, extra = [], reference, embed = true } = options;
  const text = (name: string) => textOf(parts, name);
  const core = text('docProps/core.xml');
  if (core) {
    let fixed = core
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso(epoch)}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso(epoch)}$2`);
    if (!fixed.includes('<dc:language>')) fixed = fixed.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`);
    parts.set('docProps/core.xml', fixed);
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
    parts.set('word/_rels/document.xml.rels', fixed);
  }
  for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    let xml = text(name);
    if (xml === undefined) continue;
    xml = renumber(xml);
    // Drawing ids come from a process-wide counter in docx: number them within the document.
    let drawing = 0;
    const drawings = new Map<string, number>();
    xml = xml.replace(/(<(?:wp:docPr|pic:cNvPr)\b[^>]*\bid=")(\d+)(")/g, (_m, a: string, id: string, b: string) => {
      if (!drawings.has(id)) drawings.set(id, ++drawing);
      return `${a}${drawings.get(id)}${b}`;
    });
    for (const [from, to] of relIds) xml = xml.split(`r:id="${from}"`).join(`r:id="${to}"`);
    parts.set(name, xml);
  }
  const styles = text('word/styles.xml');
  if (styles !== undefined) parts.set('word/styles.xml', finishStyles(styles, language, reference?.styles));
  const theme = partOf(parts, 'theme');
  if (reference?.theme !== undefined && theme && parts.has(theme)) parts.set(theme, reference.theme);
  if (embed) embedFonts(parts, extra);
  if (reference) addReferenceFonts(parts, reference);
}

/** The finished package (`finishParts`), zipped. */
export function normalisePackage(parts: Parts, options: PackageOptions): Promise<Uint8Array> {
  finishParts(parts, options);
  return zip(parts, zipTime(options.epoch));
}

/** The zip entries' time: the epoch, or 1980 before it (zip times start in 1980). */
export function zipTime(epoch: number): Date {
  return new Date(Math.max(epoch, 315532800) * 1000);
}

/** The parts zipped in order, deflated by zlib, every entry dated `mtime` (DOS time, no extra fields). */
function zip(parts: Parts, mtime: Date): Promise<Uint8Array> {
  const zipfile = new yazl.ZipFile();
  const done = bytesOf(zipfile.outputStream).then((b) => new Uint8Array(b)); // its own copy, transferable
  // The content types and the package relationships first, as Word writes them.
  const first = ['[Content_Types].xml', '_rels/.rels'].filter((name) => parts.has(name));
  const ordered = [...first, ...[...parts.keys()].filter((name) => !first.includes(name))];
  for (const name of ordered) {
    const data = parts.get(name)!;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    zipfile.addBuffer(bytes, name, { mtime, forceDosTimestamp: true, compressionLevel: 6 });
  }
  zipfile.end();
  return done;
}
