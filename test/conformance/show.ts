/**
 * What the readers see in one example's editions, for debugging a failure:
 * `npx tsx test/conformance/report.ts --keep --only cm-5` keeps out/conformance/examples/cm-5, then
 * `npx tsx test/conformance/show.ts out/conformance/examples/cm-5` prints its DOCX paragraphs
 * (style, resolved properties, text with / italic, * bold, ` monospace marks) and its PDF text items
 * (page, x, baseline y, size, font, structure role).
 */
import { existsSync } from 'node:fs';
import { Docx } from './docx-read.js';
import { readPdf } from './pdf-read.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx test/conformance/show.ts out/conformance/examples/ID');
  process.exit(2);
}
const docx = `${dir}/out/en/report.docx`;
if (existsSync(docx)) {
  const doc = new Docx(docx);
  for (const p of doc.paragraphs) {
    if (p.front) continue;
    const text = p.text.map((c) => (c.italic ? '/' : '') + (c.bold ? '*' : '') + (c.mono ? '`' : '') + c.ch).join('');
    console.log('docx', p.part, p.styleId || '-', JSON.stringify(p.props), p.table ? JSON.stringify(p.table) : '', JSON.stringify(text), p.marks.length ? JSON.stringify(p.marks) : '');
  }
}
const pdfPath = `${dir}/out/en/report.pdf`;
if (existsSync(pdfPath)) {
  const pdf = await readPdf(pdfPath);
  for (const it of pdf.items) {
    if (it.page === 1 || it.artifact || !it.str.trim()) continue;
    const role = it.node === undefined ? '-' : pdf.nodes[it.node]!.role;
    console.log('pdf', it.page, it.x.toFixed(1), it.y.toFixed(1), it.size, it.font.replace(/^[A-Z]{6}\+/, ''), JSON.stringify(it.str), role);
  }
}
