/**
 * A note cited twice: one number and one note in every format, the later citation pointing to it
 * (HTML link, Word hyperlink to the first citation's bookmark, PDF link), never a second note.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../pipeline/build.js';
import { layoutEdition } from '../pipeline/layout/layout-document.js';
import { fixtureSource, fixtures, templates } from './helpers.js';
import { DocxFile } from './docx-reader.js';

describe('a note cited twice', async () => {
  const source = fixtureSource(join(fixtures, 'broken', 'repeated-citation'));
  const out = mkdtempSync(join(tmpdir(), 'folio-repeat-'));
  const result = await build({ sourceDir: source, outDir: out, templatesDir: templates });
  const edition = result.editions[0]!;
  const first = edition.notesById.get('first')!;

  it('builds, with a warning, and gives the note one number', () => {
    expect(result.diagnostics.errorCount).toBe(0);
    expect(result.diagnostics.list().map((m) => m.ruleId)).toEqual(['repeated-citation']);
    expect(edition.notes).toHaveLength(5);
  });

  it('HTML: one note, two citations linking to it', () => {
    const html = readFileSync(join(out, 'en', 'report.html'), 'utf8');
    expect(html.match(new RegExp(`id="fn-${first.number}"`, 'g'))).toHaveLength(1);
    expect(html.match(new RegExp(`href="#fn-${first.number}"`, 'g'))).toHaveLength(2);
    expect(html).toContain(`id="fnref-${first.number}-2"`);
  });

  it('DOCX: one Word footnote, the second citation a link to the note’s bookmark (fn-N, in the footnote)', () => {
    const docx = new DocxFile(join(out, 'en', 'report.docx'));
    expect([...docx.footnotes().keys()]).toEqual([1, 2, 3, 4, 5]);
    const xml = docx.parts['word/document.xml']!;
    expect(xml.match(new RegExp(`<w:footnoteReference w:id="${first.number}"/>`, 'g'))).toHaveLength(1);
    expect(xml).toMatch(new RegExp(`<w:hyperlink w:history="1" w:anchor="b_fn_${first.number}"><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">${first.number}</w:t>`));
    expect(docx.parts['word/footnotes.xml']).toContain(`w:name="b_fn_${first.number}"`);
    expect(xml).toContain(`w:name="b_fnref_${first.number}"`);
  });

  it('PDF: the note once, both citations linking to it', () => {
    const layout = layoutEdition(edition, templates);
    const starts = layout.pages.flatMap((p) => p.notes.filter((n) => n.number === first.number && !n.continued));
    expect(starts).toHaveLength(1);
    const links = layout.pages.flatMap((p) => p.boxes.filter((b) => b.kind === 'text' && b.link?.dest === `fn-${first.number}`));
    expect(links).toHaveLength(2);
  });
});
