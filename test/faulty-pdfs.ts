/**
 * Two small PDFs made with pdfkit directly (not by folio) with the faults the PDF/UA and PDF/A
 * checkers look for, so the tests can show that every check finds its fault: one plain (untagged,
 * no language, a standard font not embedded, a note annotation, JavaScript, encrypted, PDF 1.3 with
 * no metadata), one tagged wrongly (headings out of order, a figure without text, a note without
 * an ID, header cells without scope, lists, tables and contents in shapes the standard forbids,
 * artifacts and tagged content inside each other, an XMP packet pdfkit does not escape, a
 * transfer function, a form XObject, a character mapped to the private use area, a missing glyph
 * drawn as .notdef, a width that is not the font program's).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import { fontPath } from '../pipeline/text/fonts.js';

type Doc = PDFKit.PDFDocument & { ref(data: object): { end(chunk?: string): void }; addContent(s: string): void; _font: { unicode: number[][]; widths: number[] } };

async function save(doc: PDFKit.PDFDocument, path: string): Promise<string> {
  const done = buffer(doc as unknown as NodeJS.ReadableStream);
  doc.end();
  writeFileSync(path, await done);
  return path;
}

function plain(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ ownerPassword: 'owner', permissions: { printing: 'highResolution' } } as PDFKit.PDFDocumentOptions);
  doc.font('Helvetica').text('Untagged text, in a font not embedded.');
  doc.link(72, 72, 100, 20, 'https://example.org/');
  doc.note(72, 120, 20, 20, 'A note annotation');
  doc.addNamedJavaScript('hello', 'app.alert(1)');
  return doc;
}

function tagged(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ pdfVersion: '1.7', tagged: true, lang: 'en', displayTitle: true, subset: 'PDF/UA', info: { Title: 'Faults & more' } } as unknown as PDFKit.PDFDocumentOptions) as Doc;
  doc.font(fontPath('regular'));
  const add = (type: string, options: object, kids: unknown[]) => doc.struct(type as never, options as never, kids as never);
  const text = (type: string, value: string) => add(type, {}, [() => doc.text(value)]);
  doc.addStructure(text('H2', 'A first heading that is not H1'));
  doc.addStructure(text('H4', 'A level skipped'));
  doc.addStructure(add('Sect', {}, [text('H', 'Strong heading one'), text('H', 'Strong heading two')]));
  doc.addStructure(add('Figure', {}, [() => doc.rect(72, 300, 50, 50).fill()]));
  doc.addStructure(add('Formula', {}, [() => doc.text('E = mc2')]));
  doc.addStructure(text('Note', 'A note without an ID'));
  doc.addStructure(text('Custom', 'A structure type nobody maps'));
  doc.addStructure(add('Table', {}, [add('TR', {}, [text('TH', 'Header'), text('TH', 'Cell')]), add('TR', {}, [text('TD', 'One')]), text('TD', 'A cell outside its row')]));
  doc.addStructure(add('L', {}, [add('LI', {}, [text('Lbl', '1.'), text('LBody', 'An ordered item without ListNumbering')])]));
  doc.addStructure(text('LI', 'An item outside a list'));
  doc.addStructure(add('TOC', {}, [text('P', 'A paragraph in a TOC')]));
  doc.addStructure(text('P', 'A character the font lacks: \u{e123}'));
  // Marked content the structure does not claim, and artifacts and tagged content nested in each other.
  doc.addContent('/P <</MCID 99>> BDC 0 0 m 10 10 l S EMC');
  doc.addContent('/P <</MCID 98>> BDC /Artifact BMC 0 0 m 20 20 l S EMC EMC');
  doc.addContent('/Artifact BMC /P <</MCID 97>> BDC 0 0 m 30 30 l S EMC EMC');
  doc.ref({ Type: 'ExtGState', TR: 'Identity' }).end();
  doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1, 1] }).end('');
  doc._font.unicode[1] = [0xe000];
  doc._font.widths[2] = 900;
  return doc;
}

/** Writes both into `dir`; returns their paths. */
export async function faultyPdfs(dir: string): Promise<string[]> {
  return [await save(plain(), join(dir, 'plain.pdf')), await save(tagged(), join(dir, 'tagged.pdf'))];
}
