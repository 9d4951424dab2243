/**
 * The PDF/A output intent: the colours the document means are sRGB (the RGB its text, rules and
 * chart are drawn in), told by the International Color Consortium's sRGB profile (`sRGB2014.icc`,
 * ICC v2, 3024 bytes, which the ICC lets anyone copy and embed without restriction), embedded from
 * the copy pdfkit ships in its package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { internals } from './pdfkit-internals.js';

const require = createRequire(import.meta.url);

let profile: Buffer | undefined;

/** The sRGB profile's bytes, read once. */
export function srgbProfile(): Buffer {
  return (profile ??= readFileSync(require.resolve('pdfkit/js/data/sRGB_IEC61966_2_1.icc')));
}

export function addOutputIntent(doc: PDFKit.PDFDocument): void {
  const pdf = internals(doc);
  const stream = pdf.ref({ N: 3 });
  stream.end(srgbProfile());
  const name = new String('sRGB IEC61966-2.1');
  const intent = pdf.ref({ Type: 'OutputIntent', S: 'GTS_PDFA1', OutputConditionIdentifier: name, Info: name, RegistryName: new String('http://www.color.org'), DestOutputProfile: stream });
  intent.end();
  pdf._root.data.OutputIntents = [intent];
}
