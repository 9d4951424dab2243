/**
 * The DOCX editions, read back from the built files (unzipped, XML parsed): real Word footnotes at
 * their exact places with the source's text, styles and numerals, the annex, the results table,
 * furniture, properties, the same bytes on every build; and, where installed, Pandoc and LibreOffice
 * reading it (said SKIPPED where absent).
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { textOf as rawText } from './mdast-text.js';

/** White space collapsed, the model's no-break spaces kept: the DOCX must carry them. */
const textOf = (node: Node) => rawText(node).replace(/[ \t\r\n]+/g, ' ').trim();
import type { Node } from 'unist';
import { build } from '../pipeline/build.js';
import type { Edition } from '../pipeline/model/types.js';
import { root, templates } from './helpers.js';
import { DocxFile } from './docx-reader.js';
import { unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { fontData } from '../pipeline/text/fonts.js';

const out = mkdtempSync(join(tmpdir(), 'folio-docx-'));
const result = await build({ sourceDir: join(root, 'source'), outDir: out, templatesDir: templates, formats: ['docx'] });
const file = (lang: string) => join(out, lang, 'report.docx');


/** For each citation in the edition's text, in order: its number and the three words before it. */
function citations(edition: Edition): { number: number; words: string }[] {
  const out: { number: number; words: string }[] = [];
  visit(edition.root, (node: Node & { children?: (Node & { value?: string; data?: { number?: number } })[] }) => {
    if (!node.children || node.type === 'recommendationItem') return node.type === 'recommendationItem' ? 'skip' : undefined;
    let before = '';
    for (const c of node.children) {
      if (c.type === 'text') before += c.value;
      else if (c.type === 'footnoteReference') {
        out.push({ number: c.data?.number ?? 0, words: before.trim().split(/\s+/).slice(-3).join(' ') });
        before = '';
      } else before += ' ';
    }
    return undefined;
  });
  return out;
}

describe('the DOCX editions', () => {
  it('are built for every language', () => {
    expect(result.diagnostics.list()).toEqual([]);
    expect(result.written.map((w) => w.lang)).toEqual(['en', 'ru', 'kk']);
  });

  describe.each(['en', 'ru', 'kk'])('%s', (lang) => {
    const docx = new DocxFile(file(lang));
    const edition = result.editions.find((e) => e.lang === lang)!;
    const paragraphs = docx.paragraphs();

    it('has only well-formed XML parts', () => {
      for (const [name, xml] of Object.entries(docx.parts)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        expect(XMLValidator.validate(xml), name).toBe(true);
      }
    });

    it('has 81 Word footnotes, each cited once, in order, with the source text', () => {
      const notes = docx.footnotes();
      expect([...notes.keys()]).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
      const cited = paragraphs.flatMap((p) => p.pieces.filter((x) => x.note !== undefined).map((x) => x.note));
      expect(cited).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
      for (const note of edition.notes) {
        const expected = textOf({ type: 'root', children: note.definition.children } as Node);
        expect(notes.get(note.number)!.replace(/[ \t\r\n]+/g, ' ').trim(), note.label).toBe(expected);
      }
    });

    it('cites each note after the same words as the source', () => {
      const fromDocx: { number: number; words: string }[] = [];
      for (const p of paragraphs) {
        let before = '';
        for (const piece of p.pieces) {
          if (piece.text !== undefined) before += piece.text;
          else if (piece.note !== undefined) {
            fromDocx.push({ number: piece.note, words: before.replace(/\t/g, ' ').trim().split(/\s+/).slice(-3).join(' ') });
            before = '';
          }
        }
      }
      // The title's note (1) is cited on the title page, after the title.
      expect(fromDocx[0]).toEqual({ number: 1, words: edition.text.title.split(/\s+/).slice(-3).join(' ') });
      expect(fromDocx.slice(1)).toEqual(citations(edition));
    });

    it('uses heading styles with the numerals I..XII and A, B', () => {
      const h1 = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text.split('\t')[0]);
      expect(h1).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.', 'VIII.', 'IX.', 'X.', 'XI.', 'XII.', edition.outline.find((o) => o.id === 'annex-final-results')!.text, edition.outline.find((o) => o.id === 'about-odihr')!.text]);
      const h2 = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text.split('\t')[0]);
      expect(h2).toEqual(lang === 'en' ? ['A.', 'B.', 'A.', 'B.'] : ['А.', 'Б.', 'А.', 'Б.']);
      expect(paragraphs.filter((p) => p.style === 'Recommendation')).toHaveLength(13);
    });

    it('lists the 13 recommendations in the annex, numbered as published', () => {
      const items = paragraphs.filter((p) => p.style === 'AnnexRecommendation');
      expect(items.map((p) => p.text.split('\t')[0])).toEqual(Array.from({ length: 13 }, (_, i) => `${i + 1}.`));
      for (const [i, r] of edition.recommendations.entries()) {
        expect(items[i]!.text.split('\t').slice(1).join('\t')).toBe(textOf(r));
      }
    });

    it('has the results table with right-aligned computed figures', () => {
      const [table] = docx.tables();
      expect(table).toHaveLength(9);
      const nbsp = (s: string) => (lang === 'en' ? s : s.replace(/,/g, '\u00a0').replace(/\./g, ','));
      expect(table![2]!.slice(1)).toEqual([nbsp('7,985,769'), nbsp('68.05')]);
      expect(table![5]!.slice(1)).toEqual([nbsp('6,163,516'), nbsp('77.18')]);
      expect(table![8]!.slice(1)).toEqual([nbsp('125,859'), nbsp('1.58')]);
      expect(docx.parts['word/document.xml']).toMatch(/<w:jc w:val="(right|end)"\/>/);
    });

    it('has the results chart as a picture (SVG with a PNG fallback) with its text alternative', () => {
      const media = Object.keys(docx.parts).filter((p) => p.startsWith('word/media/'));
      expect(media.map((m) => m.split('.').pop()).sort()).toEqual(['png', 'svg']);
      expect(docx.parts['word/document.xml']).toMatch(new RegExp(`<wp:docPr id="\\d+" name="[^"]+" descr="[^"]*${lang === 'en' ? '77\\.18' : '77,18'}`));
    });

    it('has the contents, running header, Page: N footer and language', () => {
      const toc = paragraphs.filter((p) => p.style === 'TOC1' || p.style === 'TOC2');
      expect(toc).toHaveLength(18);
      expect(toc.every((p) => p.pieces.some((x) => x.field?.startsWith('PAGEREF')))).toBe(true);
      // One section: the title page (titlePg) without header; the contents and the body with it.
      const header = docx.paragraphs(docx.headerFooter('header', 'default')!).map((p) => p.text);
      expect(header).toEqual([edition.text.country, `${edition.text.event}, ${edition.eventDateText}`, edition.text.title]);
      expect(docx.paragraphs(docx.headerFooter('header', 'first')!).map((p) => p.text).join('')).toBe('');
      const footer = docx.paragraphs(docx.headerFooter('footer', 'default')!)[0]!;
      expect(footer.pieces.some((x) => x.field === 'PAGE')).toBe(true);
      // The PAGE field's stored result: the number of the first page with the footer (the contents', 2).
      expect(footer.text).toBe(edition.labels.page.replace('{{page}}', '2'));
      expect(docx.parts['word/styles.xml']).toContain(`<w:lang w:val="${edition.labels.locale}"`);
      expect(docx.parts['docProps/core.xml']).toContain(`<dc:language>${edition.labels.locale}</dc:language>`);
      expect(docx.parts['word/fontTable.xml']).toContain('w:embedRegular');
    });
  });

  it('embeds the four faces of PT Serif, obfuscated with the keys fontTable.xml gives', () => {
    const docx = new DocxFile(file('kk'));
    const raw = unzipSync(readFileSync(file('kk')));
    const faces = { embedRegular: 'regular', embedBold: 'bold', embedItalic: 'italic', embedBoldItalic: 'boldItalic' } as const;
    for (const [element, face] of Object.entries(faces)) {
      const key = new RegExp(`w:${element} r:id="([^"]+)" w:fontKey="\\{([^}]+)\\}"`).exec(docx.parts['word/fontTable.xml']!)!;
      const target = new RegExp(`Id="${key[1]}"[^>]*Target="([^"]+)"`).exec(docx.parts['word/_rels/fontTable.xml.rels']!)![1]!;
      const data = raw[`word/${target}`]!;
      const bytes = key[2]!.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)).reverse();
      const plain = data.map((b, i) => (i < 32 ? b ^ bytes[i % 16]! : b));
      expect(Buffer.from(plain).equals(fontData(face)), face).toBe(true);
    }
  });

  it('is the same bytes on every build', async () => {
    const again = mkdtempSync(join(tmpdir(), 'folio-docx-'));
    await build({ sourceDir: join(root, 'source'), outDir: again, templatesDir: templates, formats: ['docx'], languages: ['ru'] });
    expect(readFileSync(join(again, 'ru', 'report.docx')).equals(readFileSync(file('ru')))).toBe(true);
  });

  const pandoc = spawnSync('pandoc', ['--version']).status === 0;
  if (!pandoc) console.warn('docx-edition: the Pandoc round-trip is SKIPPED: pandoc is not installed (apt-get install pandoc)');
  it.skipIf(!pandoc)('reads back in Pandoc with 81 footnotes', () => {
    for (const lang of ['en', 'ru', 'kk']) {
      const run = spawnSync('pandoc', [file(lang), '-f', 'docx', '-t', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(run.status, run.stderr).toBe(0);
      const notes = (run.stdout.match(/"t":"Note"/g) ?? []).length;
      expect(notes, lang).toBe(81);
    }
  });

  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version']).status === 0);
  if (!soffice) console.warn('docx-edition: the LibreOffice conversion is SKIPPED: LibreOffice is not installed (apt-get install libreoffice-writer)');
  it.skipIf(!soffice)('opens in LibreOffice, which lays out the notes and page numbers', () => {
    const pdfDir = mkdtempSync(join(tmpdir(), 'folio-lo-'));
    const run = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${pdfDir}/profile`, '--convert-to', 'pdf', '--outdir', pdfDir, file('en')], { encoding: 'utf8', timeout: 180_000 });
    expect(run.status, run.stderr).toBe(0);
    const pdf = join(pdfDir, 'report.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    if (text.status === 0) {
      expect(text.stdout).toContain('Page: 1');
      expect(text.stdout).toContain('Source: Central Referendum Commission website.');
    }
  }, 240_000);
});
