/**
 * `make typography` (and the end of `make bench`): the typography report of the built editions,
 * measured on the files themselves (typography/measure.ts says how lines are classified and
 * measured). For each language of the report: folio's `out/<lang>/report.pdf`, the DOCX as
 * LibreOffice lays it out, and the same text set by Pandoc + XeLaTeX and by Typst on folio's page,
 * font and sizes, when they are installed; a table per language with the issue's targets, and the
 * figures as JSON in `out/typography.json`.
 *
 *   node dist/pipeline/bench/typography.js [--root DIR] [--out DIR] [--no-peers] [--no-docx]
 *   node dist/pipeline/bench/typography.js [--lang en] file.pdf…   (any PDFs, one column each)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { docxPdf } from './typography/docx-pdf.js';
import { measure } from './typography/measure.js';
import { copyFonts, typstPdf, xelatexPdf, type Made } from './typography/peers.js';
import { hasFitz, readPdfGlyphs } from './typography/read-pdf.js';
import { table, verdicts, type Column } from './typography/report.js';

const USAGE = 'usage: typography.js [--root DIR] [--out DIR] [--lang en,ru] [--no-peers] [--no-docx]\n       typography.js [--lang en] [--json FILE] file.pdf…\n';

function args(): ReturnType<typeof parse> {
  try {
    return parse();
  } catch (e) {
    process.stderr.write(`typography: ${(e as Error).message.split('.')[0]}\n${USAGE}`);
    process.exit(2);
  }
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { root: { type: 'string', default: '.' }, out: { type: 'string' }, lang: { type: 'string' }, json: { type: 'string' }, 'no-peers': { type: 'boolean' }, 'no-docx': { type: 'boolean' } },
  });
}

const { values, positionals } = args();
const root = resolve(values.root!);
const fontDirs = [join(root, 'node_modules', '@expo-google-fonts'), join(root, 'node_modules', 'dejavu-fonts-ttf'), '/usr/share/fonts'];

/** The words of a language's source chapters (hard hyphens are told apart with them). */
function sourceWords(lang: string): string[] {
  const dir = join(root, 'source', lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.md'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').replace(/\[\^[^\]]*\]|\{[^}]*\}|\]\([^)]*\)/g, ' ').split(/[^\p{L}\p{N}\-\u2010]+/u));
}

/** A PDF's language, from its letters: Kazakh letters, else Cyrillic, else English. */
function guessLanguage(file: string): string {
  const text = readPdfGlyphs(file).pages.flatMap((p) => p.glyphs.map((g) => g.c)).join('');
  if ((text.match(/[әғқңөұүһі]/giu) ?? []).length > 50) return 'kk';
  return (text.match(/\p{Script=Cyrillic}/gu) ?? []).length > text.length / 4 ? 'ru' : 'en';
}

function column(label: string, made: Made, words: string[]): Column {
  if ('missing' in made) return { label, missing: made.missing };
  return { label, figures: measure(readPdfGlyphs(made.file, fontDirs), words), ...(made.note ? { note: made.note } : {}) };
}

interface Result { lang: string; columns: Column[] }

function json(results: Result[]): string {
  return `${JSON.stringify(Object.fromEntries(results.map((r) => [r.lang, Object.fromEntries(r.columns.map((c) => [c.label,
    c.figures ? { ...c.figures, pass: verdicts(r.lang, c.figures) } : { missing: c.missing }]))])), null, 2)}\n`;
}

function editions(): Result[] {
  const out = resolve(values.out ?? join(root, 'out'));
  const report = JSON.parse(readFileSync(join(root, 'source', 'report.json'), 'utf8')) as { languages?: string[] };
  const langs = values.lang ? values.lang.split(',') : report.languages ?? ['en', 'ru', 'kk'];
  const work = mkdtempSync(join(tmpdir(), 'folio-typography-'));
  const fonts = copyFonts(root, work);
  try {
    const results = langs.map((lang) => {
      const words = sourceWords(lang);
      const pdf = join(out, lang, 'report.pdf');
      const columns = [column('folio PDF', existsSync(pdf) ? { file: pdf } : { missing: `${pdf} is missing: run make` }, words)];
      if (!values['no-docx']) columns.push(column('DOCX (LibreOffice)', docxPdf(join(out, lang, 'report.docx'), work), words));
      if (!values['no-peers']) columns.push(column('XeLaTeX', xelatexPdf(root, lang, work, fonts), words), column('Typst', typstPdf(root, lang, work, fonts), words));
      process.stdout.write(`\n${table(`typography: ${lang}`, lang, columns)}\n`);
      return { lang, columns };
    });
    writeFileSync(join(out, 'typography.json'), json(results));
    process.stdout.write(`\nfigures in ${join(out, 'typography.json')}\n`);
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function files(list: string[]): void {
  const columns = list.map((file) => ({ label: basename(file), figures: measure(readPdfGlyphs(file, fontDirs)) }));
  const lang = values.lang ?? guessLanguage(list[0]!);
  process.stdout.write(`${table(`typography (${lang} targets)`, lang, columns)}\n`);
  if (values.json) writeFileSync(values.json, json([{ lang, columns }]));
}

if (!hasFitz()) {
  process.stderr.write('typography: needs PyMuPDF to read PDFs (apt-get install python3-fitz)\n');
  process.exit(2);
}
if (positionals.length) files(positionals);
else editions();
