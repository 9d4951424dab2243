/**
 * The real report's editions, read back, for what typesetting must not lose:
 * - PDF: no pair the no-break rules tie (`5 June`, `Article 10`, `50 per cent`, `10-бап`) is split
 *   across lines (pdftotext -layout);
 * - PDF: a line ending at a hard hyphen extracts and is found whole with its hyphen (`so-called`),
 *   a line ending at a hyphenation hyphen as the word without it (`public`), by poppler's
 *   pdftotext and by MuPDF's search (python3-fitz);
 * - HTML and DOCX carry the no-break spaces as characters, and the Kazakh editions carry folio's
 *   hyphenation points as soft hyphens, never in headings, code, ids or URLs, and only in words
 *   wider than the hyphenation zone (measured here with pdfkit's fontkit, not folio's shaper); the
 *   DOCX gives Word and LibreOffice the same zone.
 * One build of every edition, shared by all.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { build } from '../pipeline/build.js';
import type { Edition } from '../pipeline/model/types.js';
import { root, templates } from './helpers.js';
import PDFDocument from 'pdfkit';
import { fontPath } from '../pipeline/text/fonts.js';
import { hyphenationPoints } from '../pipeline/text/hyphenate.js';
import { ZONE_EM } from '../pipeline/text/hyphenation-zone.js';
import { DocxFile, walk } from './docx-reader.js';

const LANGS = ['en', 'ru', 'kk'];
const out = mkdtempSync(join(tmpdir(), 'folio-typeset-'));
const result = await build({ sourceDir: join(root, 'source'), outDir: out, templatesDir: templates });
const file = (lang: string, format: string) => join(out, lang, `report.${format}`);
const edition = (lang: string) => result.editions.find((e) => e.lang === lang)!;

const poppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!poppler) console.warn('typeset-text: the PDF checks are SKIPPED: pdftotext is not installed (apt-get install poppler-utils)');
const fitz = spawnSync('/usr/bin/python3', ['-c', 'import fitz']).status === 0;
if (!fitz) console.warn('typeset-text: the MuPDF search is SKIPPED: python3-fitz is not installed (apt-get install python3-fitz)');

/** The pages of a PDF's text as pdftotext gives them (`-layout`: as laid out, one line a line). */
function pdfPages(lang: string, layout: boolean): string[] {
  const run = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), file(lang, 'pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\f');
}

/** The text nodes of the edition (text and notes). */
function modelTexts(e: Edition): string[] {
  const texts: string[] = [];
  const collect = (n: Node) => visit(n, 'text', (t: Node & { value?: string }) => void texts.push(t.value!));
  collect(e.root);
  for (const note of e.notes) collect(note.definition);
  return texts;
}

/** Pairs of neighbouring words the model ties (`5`/`June,`; `10-`/`бап`), and those only a space separates. */
function wordPairs(e: Edition): { tied: [string, string][]; spaced: Set<string> } {
  const tied: [string, string][] = [];
  const spaced = new Set<string>();
  for (const text of modelTexts(e)) {
    const tokens = text.split(/[ \t\r\n]+/).filter(Boolean);
    tokens.forEach((token, i) => {
      const parts = token.split(/\u00a0|(?<=\u2060)/u).map((p) => p.replace(/\u2060/g, ''));
      for (let k = 0; k + 1 < parts.length; k++) tied.push([parts[k]!, parts[k + 1]!]);
      const next = tokens[i + 1];
      if (next) spaced.add(`${parts.at(-1)} ${next.split(/\u00a0/u)[0]!.replace(/\u2060/g, '')}`);
    });
  }
  return { tied, spaced };
}

/**
 * The word at each line end of the PDF and the word starting the next line, page by page; lines of
 * tables (columns apart) and a next line indented far deeper (another column) are left out.
 */
function lineBreaks(lang: string): { page: number; last: string; first: string }[] {
  const breaks: { page: number; last: string; first: string }[] = [];
  const indent = (line: string) => /^ */.exec(line)![0].length;
  pdfPages(lang, true).forEach((page, p) => {
    const lines = page.split('\n').filter((l) => l.trim() !== '');
    for (let i = 0; i + 1 < lines.length; i++) {
      const [a, b] = [lines[i]!, lines[i + 1]!];
      if (/\S {4,}\S/.test(a.trim() + b.trim()) || indent(b) > indent(a) + 8) continue;
      breaks.push({ page: p, last: a.trim().split(/\s+/).at(-1)!, first: b.trim().split(/\s+/)[0]! });
    }
  });
  return breaks;
}

describe.skipIf(!poppler)('the PDF editions, read back', () => {
  it('were built without problems', () => {
    expect(result.diagnostics.list()).toEqual([]);
  });

  it.each(LANGS)('%s: never split a tied pair across lines', (lang) => {
    const { tied, spaced } = wordPairs(edition(lang));
    const breaks = lineBreaks(lang);
    expect(tied.length, 'ties in the model').toBeGreaterThan(100);
    // The line pairs are read right: many line breaks fall between words the model only spaces.
    expect(breaks.filter((b) => spaced.has(`${b.last} ${b.first}`)).length).toBeGreaterThan(200);
    const split = breaks.filter((b) => tied.some(([left, right]) => left === b.last && (b.first.startsWith(right) || right.startsWith(b.first.replace(/-+$/, '')))));
    expect(split).toEqual([]);
  });
});

interface LineEndWord {
  page: number;
  /** The letters before the line end and after it: `so`/`called`, `pub`/`lic`. */
  head: string;
  tail: string;
  /** The word as the text has it: `so-called` for a hard hyphen, `public` for a hyphenated `pub-`/`lic`. */
  word: string;
  /** The wrong reading of it: `socalled`, `pub-lic`. */
  wrong: string;
  hard: boolean;
}

/** Words broken at a line end, classified by the model's text: a hard hyphen of the word's own, or a hyphenation hyphen. */
function brokenWords(lang: string): LineEndWord[] {
  const text = modelTexts(edition(lang)).join(' ').replace(/\u2060/g, '').replace(/\u00ad/g, '');
  const words: LineEndWord[] = [];
  for (const b of lineBreaks(lang)) {
    const head = /(\p{L}+)-+$/u.exec(b.last)?.[1];
    const tail = /^\p{L}+/u.exec(b.first)?.[0];
    if (!head || !tail) continue;
    const hard = text.includes(`${head}-${tail}`);
    if (hard === text.includes(`${head}${tail}`)) continue; // neither, or both: the text cannot say
    const [joined, hyphened] = [`${head}${tail}`, `${head}-${tail}`];
    words.push({ page: b.page, head, tail, hard, word: hard ? hyphened : joined, wrong: hard ? joined : hyphened });
  }
  return words;
}

/** How many times MuPDF's search finds each query on its page (a hit across two lines counts its two quads as one). */
function mupdfHits(lang: string, queries: { page: number; word: string }[]): number[] {
  const script = join(out, 'search.py');
  writeFileSync(script, [
    'import fitz, json, sys',
    'doc = fitz.open(sys.argv[1])',
    'queries = json.load(sys.stdin)',
    'print(json.dumps([len(doc[q["page"]].search_for(q["word"])) for q in queries]))',
  ].join('\n'));
  const run = spawnSync('/usr/bin/python3', [script, file(lang, 'pdf')], { input: JSON.stringify(queries), encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as number[];
}

describe.skipIf(!poppler)('hyphens at line ends, extracted', () => {
  const all = LANGS.flatMap((lang) => brokenWords(lang).map((w) => ({ ...w, lang })));

  it('the report has lines ending at hard hyphens and at hyphenation hyphens', () => {
    expect(all.filter((w) => w.hard).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((w) => !w.hard).length).toBeGreaterThan(50);
  });

  // pdftotext joins the lines of one block; where it sees two blocks (a note's first line, hung
  // under its number, and the next) it keeps both lines and the hyphen, which loses nothing.
  it.each(LANGS)('%s: pdftotext gives a hard-hyphenated word with its hyphen and a hyphenated one whole', (lang) => {
    const pages = pdfPages(lang, false);
    const words = brokenWords(lang);
    const joined = words.filter((w) => pages[w.page]!.includes(w.word));
    const apart = words.filter((w) => new RegExp(`${w.head}-+\\s*\\n\\s*${w.tail}`, 'u').test(pages[w.page]!));
    expect(words.filter((w) => !joined.includes(w) && !apart.includes(w))).toEqual([]);
    expect(joined.length).toBeGreaterThan(words.length * 0.8);
    expect(words.filter((w) => pages[w.page]!.includes(w.wrong))).toEqual([]);
  });

  it.skipIf(!fitz).each(LANGS)('%s: MuPDF’s search finds a hard-hyphenated word with its hyphen and a hyphenated one whole', (lang) => {
    const words = brokenWords(lang);
    const hits = mupdfHits(lang, words);
    expect(words.filter((_w, i) => hits[i] === 0)).toEqual([]);
    // Nor is it found as it must not read: `socalled`, `pub-lic`.
    const wrong = mupdfHits(lang, words.map((w) => ({ page: w.page, word: w.wrong })));
    expect(words.filter((_w, i) => wrong[i]! > 0)).toEqual([]);
  });
});

describe('the HTML and DOCX editions', () => {
  const html = (lang: string) => readFileSync(file(lang, 'html'), 'utf8');
  const docx = (lang: string) => new DocxFile(file(lang, 'docx'));

  it('carry the no-break spaces as characters (or the entity) in the HTML and in the DOCX’s w:t', () => {
    expect(html('en')).toMatch(/5(?:\u00a0|&nbsp;|&#xA0;|&#160;)June/);
    expect(docx('en').parts['word/document.xml']).toContain('5\u00a0June');
    expect(docx('ru').parts['word/document.xml']).toContain('5\u00a0июня');
  });

  it('give Kazakh soft hyphens in the text, none in headings, code, ids or link addresses', () => {
    const page = html('kk');
    expect((page.match(/\u00ad/g) ?? []).length).toBeGreaterThan(1000);
    for (const m of page.matchAll(/<(h[1-6]|code|pre)\b[^>]*>([\s\S]*?)<\/\1>/g)) expect(m[2], m[0].slice(0, 80)).not.toContain('\u00ad');
    for (const m of page.matchAll(/\s(?:id|href)="([^"]*)"/g)) expect(m[1]).not.toMatch(/[\u00ad\u00a0\u2060]/);
    expect(html('en')).not.toContain('\u00ad');
  });

  it('give the Kazakh DOCX w:softHyphen in body paragraphs and notes, none in headings, and none in English', () => {
    const kk = docx('kk');
    let inBody = 0;
    let inHeadings = 0;
    for (const p of kk.paragraphNodes()) {
      let style = '';
      let soft = 0;
      walk([p], (node, name) => {
        if (name === 'w:pStyle') style = node[':@']?.['w:val'] ?? '';
        if (name === 'w:softHyphen') soft++;
      });
      if (/^Heading/i.test(style)) inHeadings += soft;
      else inBody += soft;
    }
    expect(inBody).toBeGreaterThan(1000);
    expect(inHeadings).toBe(0);
    expect(kk.parts['word/footnotes.xml']).toContain('<w:softHyphen/>');
    expect(docx('en').parts['word/document.xml']).not.toContain('softHyphen');
  });

  it('give Kazakh soft hyphens only to words wider than the hyphenation zone, and the DOCX the zone itself (ragged right)', () => {
    const doc = new PDFDocument({ autoFirstPage: false }).font(fontPath('regular')).fontSize(1);
    // Tokens as folio measures them: between spaces, a no-break space inside (`5\u00a0маусымда`).
    const text = html('kk').replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;|&#xA0;/gi, '\u00a0');
    const tokens = text.split(/[ \t\r\n]+/).filter(Boolean);
    const hyphenated = tokens.filter((t) => t.includes('\u00ad')).map((t) => t.replace(/\u00ad/g, ''));
    const narrow = hyphenated.filter((t) => doc.widthOfString(t) <= ZONE_EM * 0.98);
    expect(hyphenated.length).toBeGreaterThan(1000);
    expect(narrow).toEqual([]);
    const wholeButBreakable = tokens.filter((t) => !t.includes('\u00ad') && /^\p{L}+$/u.test(t) && hyphenationPoints(t, 'kk').length > 0);
    expect(wholeButBreakable.length).toBeGreaterThan(100); // the zone leaves narrower words whole
    const settings = docx('kk').parts['word/settings.xml']!;
    expect(settings).toMatch(new RegExp(`<w:hyphenationZone w:val="${ZONE_EM * 11 * 20}"/>`));
    expect(docx('kk').parts['word/styles.xml']).not.toContain('<w:jc w:val="both"/>');
  });
});
