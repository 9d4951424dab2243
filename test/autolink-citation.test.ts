/**
 * A note citation right after a bare URL stays a citation in every format (parse/autolink-citations.ts):
 * GFM's autolink literal took `https://example.org/x[^3]` up to the `]` as the address, so the note
 * vanished into the link (a link to `…/x[^3`, a stray `]`, the note unused). Each format is read back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { renderHtml } from '../pipeline/writers/html/render-html.js';
import { renderDocx } from '../pipeline/writers/docx/render-docx.js';
import { renderPdf } from '../pipeline/writers/pdf/render-pdf.js';
import { readPdfPages } from './pdf-reader.js';
import { templates } from './helpers.js';

const MD = `# LINKS {#links}

See https://example.org/report[^bare] for the text, and the site www.example.org/www[^www].

A full stop inside: https://example.org/dot.[^dot] And in brackets (https://example.org/paren[^paren]).

[^bare]: The note of the bare address.
[^www]: The note of the www address.
[^dot]: The note of the address before a full stop.
[^paren]: The note of the address in brackets.
`;
const URLS = ['https://example.org/report', 'http://www.example.org/www', 'https://example.org/dot', 'https://example.org/paren'];
const NOTES = ['bare address', 'www address', 'before a full stop', 'address in brackets'];

describe('a note citation right after a bare URL', async () => {
  const { edition, diagnostics } = editionFromMarkdown(MD);

  it('is a citation of its note in the model, the link ending before it', () => {
    expect(diagnostics.list()).toEqual([]);
    expect(edition.notes.map((n) => n.label)).toEqual(['bare', 'www', 'dot', 'paren']);
  });

  it('in the HTML: links to the address alone, then the note reference; no [^ left', () => {
    const html = renderHtml(edition, { templatesDir: templates, alternates: [] });
    const main = html.slice(html.indexOf('<main'));
    expect([...main.matchAll(/<a href="(https?:[^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual(URLS.map((u) => [u, u.replace('http://', '')]));
    for (const url of URLS) expect(main).toMatch(new RegExp(`href="${url}">[^<]*</a>\\.?<sup class="noteref"><a href="#fn-\\d"[^>]*role="doc-noteref"`));
    expect(main.match(/role="doc-footnote"/g)).toHaveLength(4);
    expect(main).not.toContain('[^');
    for (const note of NOTES) expect(main).toContain(note);
  });

  it('in the DOCX: hyperlinks to the addresses, four Word footnotes cited; no [^ left', async () => {
    const files = unzipSync(await renderDocx(edition, templates));
    const document = strFromU8(files['word/document.xml']!);
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const targets = [...rels.matchAll(/Target="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(URLS);
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(4);
    expect(document).not.toContain('[^');
    const footnotes = strFromU8(files['word/footnotes.xml']!);
    for (const note of NOTES) expect(footnotes).toContain(note);
  });

  it('in the PDF: link annotations to the addresses, the note numbers after them, the notes on the page; no [^ left', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-autolink-')), 'report.pdf');
    writeFileSync(file, await renderPdf(edition, templates));
    const pages = await readPdfPages(file);
    const urls = new Set(pages.flatMap((p) => p.links.map((l) => l.url)).filter(Boolean));
    expect([...urls]).toEqual(URLS);
    const text = pages.flatMap((p) => p.items.map((i) => i.text)).join(' ');
    expect(text).not.toContain('[^');
    for (const note of NOTES) expect(text).toContain(note);
    const body = pages.find((p) => p.items.some((i) => i.text.includes('example.org/report')))!;
    const numbers = body.items.filter((i) => /^[1-4]$/.test(i.text.trim()) && i.size < 8).map((i) => i.text.trim());
    expect(numbers.slice(0, 4)).toEqual(['1', '2', '3', '4']);
  });

  it('of a label defined nowhere, or with a space, is an error at the citation’s place, as elsewhere', () => {
    const { diagnostics: found } = editionFromMarkdown('# X {#x}\n\nSee https://example.org/x[^nowhere] and https://example.org/y[^a b].\n');
    expect(found.list().map((d) => [d.ruleId, d.line, d.column])).toEqual([['undefined-note', 3, 26], ['note-label', 3, 62]]);
  });
});
