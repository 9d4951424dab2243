/**
 * The real report's PDFs against the standards they declare, in every language, read back with
 * qpdf (objects, structure, content streams, fonts, XMP) and PyMuPDF (page labels): every
 * machine-checkable Matterhorn condition of PDF/UA-1 that folio's output could violate
 * (matterhorn.ts, matterhorn-links-fonts.ts), the PDF/A-2a requirements (pdf-a-checks.ts), and
 * what folio promises beyond them: each link tagged and described in the edition's language, the
 * contents as TOC entries linking to their headings, the notes' IDs, the furniture as pagination
 * artifacts, page labels that are the printed page numbers. A small document of every construct
 * the report lacks (lists, code, quotations, links in cells, pictures, headings 1–6) passes the
 * same checks; two PDFs made with the faults show that every check can fail. One build of the
 * report for the file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { build } from '../pipeline/build.js';
import type { Labels, ReportMeta } from '../pipeline/model/types.js';
import { buildEdition, parseChapter } from '../pipeline/transforms/build-editions.js';
import { Diagnostics } from '../pipeline/util/diagnostics.js';
import { renderPdf } from '../pipeline/writers/pdf/render-pdf.js';
import { greyPng } from './png.js';
import { fill } from '../pipeline/util/templates.js';
import { root, templates } from './helpers.js';
import { readTagged, children, type PageRead, type StructElem, type TaggedPdf } from './pdf-tagged.js';
import { contentChecks, decode, elementChecks, headingChecks, ownText, metadataChecks, type Check } from './matterhorn.js';
import { annotationChecks, fileChecks, fontChecks } from './matterhorn-links-fonts.js';
import { pdfaFileChecks, pdfaMetadataChecks, xmpProperty } from './pdf-a-checks.js';
import { faultyPdfs } from './faulty-pdfs.js';
import { text } from './pdf-objects.js';

const MATTERHORN: Check[] = [...contentChecks(), ...metadataChecks(), ...elementChecks(), ...headingChecks(), ...annotationChecks(), ...fileChecks(), ...fontChecks()];
const PDFA: Check[] = [...pdfaMetadataChecks(), ...pdfaFileChecks()];

const qpdf = spawnSync('qpdf', ['--version']).status === 0;
const fitz = spawnSync('/usr/bin/python3', ['-c', 'import fitz']).status === 0;
if (!qpdf) console.warn('pdf-ua: the PDF/UA and PDF/A checks are SKIPPED: qpdf is not installed');
if (!fitz) console.warn('pdf-ua: the page label checks are SKIPPED: python3-fitz is not installed');

const out = mkdtempSync(join(tmpdir(), 'folio-pdfua-'));
const result = await build({ sourceDir: join(root, 'source'), outDir: out, templatesDir: templates, formats: ['pdf'] });
const file = (lang: string) => join(out, lang, 'report.pdf');
const norm = (s: string) => s.replace(/[\s\u00ad-]/g, '');

/** The text each kind of pagination artifact draws on a page (`Header`, `Footer`, `Watermark`), decoded. */
function furniture(page: PageRead): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const d of page.content.drawn) {
    const artifact = d.marks.find((m) => m.tag === 'Artifact');
    const subtype = (artifact?.properties?.Subtype as { name?: string } | undefined)?.name;
    if (d.kind !== 'text' || !subtype) continue;
    kinds.set(subtype, (kinds.get(subtype) ?? '') + decode(page.fonts.get(d.font ?? ''), d.bytes!));
  }
  return kinds;
}

/** A Link element's annotations: their page and destination (a name) or URI. */
function annotationsOf(t: TaggedPdf, link: StructElem): { contents: string; dest?: string; uri?: string; page: PageRead }[] {
  return link.kids.flatMap((k) => {
    if (k.kind !== 'objr') return [];
    const page = t.pages.find((p) => p.annotations.some((a) => a.ref === k.obj))!;
    const dict = t.pdf.dict(k.obj)!;
    const action = t.pdf.dict(dict['/A']);
    return [{ contents: text(dict['/Contents']) ?? '', dest: text(action?.['/D']), uri: text(action?.['/URI']), page }];
  });
}

describe.skipIf(!qpdf)('the PDF editions against PDF/UA-1 and PDF/A-2a', () => {
  it('are built for every language', () => {
    expect(result.diagnostics.list()).toEqual([]);
    expect(result.written.map((w) => w.lang)).toEqual(['en', 'ru', 'kk']);
  });

  describe.each(['en', 'ru', 'kk'])('%s', (lang) => {
    const t = readTagged(file(lang));
    const edition = result.editions.find((e) => e.lang === lang)!;
    const pageOf = (ref: string) => t.pages.find((p) => p.ref === ref)!;

    it.each(MATTERHORN)('Matterhorn $id (ISO 14289-1 $clause): $what', (check) => {
      expect(check.run(t)).toEqual([]);
    });

    it.each(PDFA)('PDF/A-2a $id: $what', (check) => {
      expect(check.run(t)).toEqual([]);
    });

    it('declares its language and title alike in the catalog, the information dictionary and the XMP', () => {
      expect(text(t.pdf.catalog['/Lang'])).toBe(edition.labels.locale);
      expect(xmpProperty(t.xmp!, 'dc:language')).toBe(edition.labels.locale);
      const title = text(t.pdf.value(t.pdf.dict(t.pdf.trailer['/Info'])!['/Title']));
      expect(title).toContain(edition.text.title);
      expect(xmpProperty(t.xmp!, 'dc:title')).toBe(title);
    });

    it('tags every linked run as a Link holding its annotations, each saying where it goes in the edition’s language', () => {
      const links = t.elements.filter((e) => e.type === 'Link');
      const annotations = t.pages.flatMap((p) => p.annotations);
      expect(links.flatMap((l) => annotationsOf(t, l))).toHaveLength(annotations.length);
      expect(links.filter((l) => !l.kids.some((k) => k.kind === 'mcid') || !l.kids.some((k) => k.kind === 'objr')).map((l) => l.ref)).toEqual([]);
      const wrong: string[] = [];
      for (const note of edition.notes) {
        const label = fill(edition.labels.noteLabel, { number: note.number });
        for (const a of links.flatMap((l) => annotationsOf(t, l))) {
          if (a.dest === note.anchor && a.contents !== label) wrong.push(`${a.dest}: ${a.contents}`);
          if (a.dest === note.citationAnchor && a.contents !== `${edition.labels.backToText} (${label})`) wrong.push(`${a.dest}: ${a.contents}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('tags the contents as a TOC after its heading: an entry per section and subsection, a Reference holding one Link to its heading, its number the one printed there', () => {
      const doc = t.elements[0]!;
      const toc = children(doc).find((e) => e.type === 'TOC')!;
      const before = children(doc)[children(doc).indexOf(toc) - 1]!;
      expect(norm(ownText(t, before))).toBe(norm(edition.labels.contents));
      const entries = edition.outline.filter((e) => e.depth <= 2);
      expect(children(toc).map((e) => e.type)).toEqual(entries.map(() => 'TOCI'));
      children(toc).forEach((item, i) => {
        const entry = entries[i]!;
        const [reference] = children(item);
        expect(reference?.type).toBe('Reference');
        const [link] = children(reference!);
        expect(link?.type).toBe('Link');
        const annotations = annotationsOf(t, link!);
        expect(new Set(annotations.map((a) => a.dest))).toEqual(new Set([entry.id]));
        const title = [entry.label, entry.text].filter(Boolean).join(' ');
        expect(annotations[0]!.contents).toBe(title);
        const words = norm(ownText(t, link!));
        expect(words.startsWith(norm(title))).toBe(true);
        const dests = new Map(t.pdf.tree(t.pdf.dict(t.pdf.catalog['/Names'])!['/Dests'], '/Names').map(([k, v]) => [text(k), t.pdf.array(v)[0] as string]));
        const footer = furniture(pageOf(dests.get(entry.id)!)).get('Footer') ?? '';
        expect(footer).toBe(fill(edition.labels.page, { page: words.slice(norm(title).length) }));
      });
    });

    it('gives the notes their anchors as IDs, fn-1 to fn-81 in reading order, each opening with a Link back to its citation', () => {
      const notes = t.elements.filter((e) => e.type === 'Note');
      expect(notes.map((n) => text(n.dict['/ID']))).toEqual(edition.notes.map((n) => n.anchor));
      notes.forEach((n, i) => {
        const first = children(n)[0]!;
        expect(first.type).toBe('Link');
        expect(annotationsOf(t, first).map((a) => a.dest)).toContain(edition.notes[i]!.citationAnchor);
      });
    });

    it('marks the running header and the page number as pagination artifacts, Header and Footer, on the pages that print them', () => {
      const [header] = edition.furniture.runningHeader;
      const printed = t.pages.map((p) => [...furniture(p)].map(([kind, words]) => `${kind}: ${norm(words).slice(0, 12)}`).join(' | '));
      expect(printed[0]).toBe('');
      for (const p of printed.slice(1)) expect(p).toMatch(new RegExp(`^Header: ${norm(header!).slice(0, 12)}`));
      const footers = t.pages.map((p) => furniture(p).get('Footer'));
      expect(footers.filter(Boolean)).toEqual(footers.filter(Boolean).map((_, i) => fill(edition.labels.page, { page: i + 1 })));
    });

    it('scopes the results table’s header cells: the header row by column, the first cell of each body row by row', () => {
      const scope = (e: StructElem) => String(t.pdf.dict(e.dict['/A'])?.['/Scope']);
      for (const table of t.elements.filter((e) => e.type === 'Table')) {
        const [head, ...rows] = children(table);
        expect(children(head!).map((c) => `${c.type} ${scope(c)}`)).toEqual(children(head!).map(() => 'TH /Column'));
        for (const row of rows) expect(children(row).map((c) => (c.type === 'TH' ? scope(c) : c.type))).toEqual(['/Row', ...children(row).slice(1).map(() => 'TD')]);
      }
    });
  });

  it('finds each fault it checks for in PDFs made with them (the checker can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-faulty-'));
    const faulty = (await faultyPdfs(dir)).map(readTagged);
    const missed = [...MATTERHORN, ...PDFA].filter((check) => faulty.every((t) => check.run(t).length === 0)).map((c) => c.id);
    expect(missed).toEqual([]);
  });
});

const CONSTRUCTS = `# CONSTRUCTS {#constructs}

Text with a [link with \`inline code\` inside](https://example.org/code), a [cross-reference](#sub), \`code\` alone and a note.[^n]

[^n]: A note with a [link](https://example.org/note).

- bullet one
  - nested dash
- [ ] open task
- [x] done task

3. third
4. fourth

> A quotation with a list:
>
> - quoted item
>
> \`\`\`
> quoted code
> \`\`\`

| Name | Link |
| :-- | :-- |
| one | [a cell link](https://example.org/cell) and a note[^cell] |
${Array.from({ length: 60 }, (_, i) => `| row ${i} | cell ${i} |`).join('\n')}

[^cell]: The cell's note.

${wideTable()}

![A grey square](square.png "The square's caption")

![A blue rectangle](shape.svg)

---

## SUBSECTION {#sub}

### Three

#### Four

##### Five

###### Six
`;

/** A table of 30 columns of numbers, too wide for the page even at 7 pt: set as three tables that repeat its first column. */
function wideTable(): string {
  const row = (cell: (c: number) => string) => `| ${Array.from({ length: 30 }, (_, c) => cell(c)).join(' | ')} |`;
  return [row((c) => (c ? `Column ${c}` : 'Region')), row((c) => (c ? '--:' : ':--')), row((c) => (c ? (1_234_567 + c).toLocaleString('en') : 'North'))].join('\n');
}

/** The constructs document as \`folio build\` would print it: a source folder with its pictures, one edition, its PDF. */
async function constructsPdf(): Promise<string> {
  const source = mkdtempSync(join(tmpdir(), 'folio-pdfua-constructs-'));
  writeFileSync(join(source, 'square.png'), greyPng(200, 200));
  writeFileSync(join(source, 'shape.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect x="10" y="10" width="100" height="40" fill="#336699"/></svg>');
  const diagnostics = new Diagnostics();
  const labels = JSON.parse(readFileSync(join(templates, 'labels', 'en.json'), 'utf8')) as Labels;
  const meta: ReportMeta = { id: 'test', officialLanguage: 'en', languages: ['en'], eventDate: '2022-06-05', text: { en: { country: 'Testland', event: 'Referendum', title: 'Test Report', mission: 'Test Mission' } } };
  const chapter = parseChapter(join(source, '01-constructs.md'), CONSTRUCTS, diagnostics);
  const edition = buildEdition('en', meta, labels, [chapter], { templatesDir: templates, report: { path: 'report.json', text: '{}', value: meta, tree: undefined }, sourceDir: source }, diagnostics);
  expect(diagnostics.list().filter((d) => d.severity === 'error')).toEqual([]);
  const path = join(source, 'constructs.pdf');
  writeFileSync(path, await renderPdf(edition, templates));
  return path;
}

describe.skipIf(!qpdf)('every construct folio draws, against PDF/UA-1 and PDF/A-2a', async () => {
  const t = readTagged(await constructsPdf());

  it('has what the report lacks: lists of both kinds, code, a quotation, a table that repeats its header, one split into tables, pictures, headings 1–6', () => {
    const types = new Set(t.elements.map((e) => e.type));
    expect(t.elements.filter((e) => e.type === 'Table').length).toBeGreaterThanOrEqual(1 + 3);
    for (const type of ['L', 'LI', 'Lbl', 'LBody', 'Code', 'BlockQuote', 'Table', 'TH', 'Figure', 'Caption', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']) expect(types, type).toContain(type);
    expect(t.elements.filter((e) => e.type === 'Code' && e.parent?.type === 'Link')).toHaveLength(1);
    expect(t.elements.filter((e) => e.type === 'Link' && e.parent?.type === 'TD')).toHaveLength(2); // the cell's link and its note citation
    expect(t.pages.length).toBeGreaterThan(3);
  });

  it.each([...MATTERHORN, ...PDFA])('$id: $what', (check) => {
    expect(check.run(t)).toEqual([]);
  });
});

describe.skipIf(!fitz)('the PDF editions’ page labels', () => {
  it.each(['en', 'ru', 'kk'])('%s: the label a viewer shows is the printed page number, the pages before page 1 i, ii…', (lang) => {
    const run = spawnSync('/usr/bin/python3', [join(root, 'test', 'page-labels.py'), file(lang)], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const pages = JSON.parse(run.stdout) as [string, string][];
    const edition = result.editions.find((e) => e.lang === lang)!;
    const [before, after] = edition.labels.page.split('{{page}}') as [string, string];
    const printed = pages.map(([, words]) => new RegExp(`${before}(\\d+)${after}\\s*$`).exec(words)?.[1]);
    const front = printed.findIndex((n) => n !== undefined);
    expect(front).toBeGreaterThan(0);
    expect(pages.map(([label]) => label)).toEqual(printed.map((n, i) => n ?? ['i', 'ii', 'iii', 'iv', 'v'][i]));
    expect(printed.slice(front)).toEqual(printed.slice(front).map((_, i) => String(i + 1)));
  });
});
