/**
 * The same text set by the peers, for the comparison columns: Pandoc + XeLaTeX and Typst (its npm
 * compiler, `@myriaddreamin/typst-ts-node-compiler`, a devDependency), each on folio's page (A4,
 * 70.9 pt side margins, the 453.5 pt measure), in PT Serif (folio's font files) at folio's sizes
 * (10.8/14.2 pt text, 8.4/10.2 pt notes), justified and hyphenated in the edition's language. The
 * Markdown is the one `make bench` times (peer-markdown.ts). Each peer is optional: when it is
 * missing or fails, the reason is returned instead of a file, and the column says so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peerMarkdown } from '../peer-markdown.js';
import { typstMarkup } from './typst-markup.js';

/** A PDF made (with a remark on how, if any), or why not. */
export type Made = { file: string; note?: string } | { missing: string };

const BABEL: Record<string, string> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };
const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;

/** folio's PT Serif files, copied into one folder for fontspec and Typst. */
export function copyFonts(root: string, work: string): string {
  const dir = join(work, 'fonts');
  mkdirSync(dir, { recursive: true });
  const family = join(root, 'node_modules', '@expo-google-fonts', 'pt-serif');
  for (const weight of readdirSync(family, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(family, weight.name)).filter((n) => n.endsWith('.ttf'))) copyFileSync(join(family, weight.name, f), join(dir, f));
  }
  return dir;
}

const SIZES = String.raw`\renewcommand\normalsize{\fontsize{10.8pt}{14.2pt}\selectfont}
\renewcommand\footnotesize{\fontsize{8.4pt}{10.2pt}\selectfont}
\AtBeginDocument{\normalsize}`;

/** Pandoc + XeLaTeX. Without the language's hyphenation patterns (Kazakh has none in TeX), XeLaTeX is run without a language. */
export function xelatexPdf(root: string, lang: string, work: string, fonts: string): Made {
  if (!has('pandoc') || !has('xelatex')) return { missing: 'needs pandoc and xelatex (apt-get install pandoc texlive-xetex texlive-latex-recommended texlive-fonts-recommended lmodern texlive-lang-english texlive-lang-cyrillic)' };
  const input = join(work, `${lang}.md`);
  const header = join(work, 'sizes.tex');
  writeFileSync(input, peerMarkdown(join(root, 'source'), lang));
  writeFileSync(header, SIZES);
  const file = join(work, `${lang}-xelatex.pdf`);
  const args = (withLang: boolean) => [input, '--pdf-engine=xelatex', '-o', file, '-H', header, '-V', 'papersize=a4', '-V', 'fontsize=11pt',
    '-V', 'geometry=left=70.9pt,right=70.9pt,top=92pt,bottom=71.89pt', '-V', 'mainfont=PTSerif_400Regular.ttf',
    '-V', `mainfontoptions=Path=${fonts}/,BoldFont=PTSerif_700Bold.ttf,ItalicFont=PTSerif_400Regular_Italic.ttf,BoldItalicFont=PTSerif_700Bold_Italic.ttf`,
    ...(withLang ? ['-V', `lang=${BABEL[lang] ?? lang}`] : [])];
  const withLang = spawnSync('pandoc', args(true), { cwd: work, encoding: 'utf8', timeout: 600_000 });
  if (withLang.status === 0) return { file };
  const r = spawnSync('pandoc', args(false), { cwd: work, encoding: 'utf8', timeout: 600_000 });
  const why = withLang.stderr.trim().split('\n').find((l) => l.startsWith('!')) ?? withLang.stderr.trim().split('\n').pop();
  return r.status === 0 ? { file, note: `set without a language (so not hyphenated): with lang=${BABEL[lang] ?? lang} it failed: ${why}` } : { missing: `XeLaTeX failed: ${r.stderr.trim().split('\n').slice(-2).join(' ')}` };
}

const preamble = (lang: string) => `#set page(paper: "a4", margin: (left: 70.9pt, right: 70.9pt, top: 92pt, bottom: 71.89pt))
#set text(font: "PT Serif", size: 10.8pt, lang: "${lang}"${lang === 'en' ? ', region: "gb"' : ''})
#set par(justify: true, leading: 6.64pt, spacing: 14.14pt)
#show footnote.entry: set text(size: 8.4pt)
#set heading(numbering: "I.A.")
#show heading: set text(size: 11.5pt)
`;

interface TypstCompiler {
  NodeCompiler: { create(a: { fontArgs: { fontPaths: string[] }[] }): { pdf(a: { mainFileContent: string }): Buffer } };
}

/** The Typst source of a language's report on folio's page, font and sizes (through Pandoc's JSON, typst-markup.ts). */
export function typstSource(root: string, lang: string): { source: string } | { missing: string } {
  if (!has('pandoc')) return { missing: 'needs pandoc (apt-get install pandoc)' };
  const json = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: peerMarkdown(join(root, 'source'), lang), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (json.status !== 0) return { missing: `pandoc failed: ${json.stderr.trim()}` };
  return { source: preamble(lang) + typstMarkup(json.stdout) };
}

/** What is said when Typst's compiler is not installed. */
export const TYPST_MISSING = 'needs @myriaddreamin/typst-ts-node-compiler (npm install)';

/** Typst's compiler (its npm build), loaded from the project at `root`; undefined when it is not installed. */
export function loadTypst(root: string): TypstCompiler | undefined {
  try {
    return createRequire(join(root, 'package.json'))('@myriaddreamin/typst-ts-node-compiler') as TypstCompiler;
  } catch {
    return undefined;
  }
}

/** Compiles Typst source to a PDF file with the fonts of `fonts`. */
export function compileTypst(typst: TypstCompiler, source: string, fonts: string, file: string): void {
  const compiler = typst.NodeCompiler.create({ fontArgs: [{ fontPaths: [fonts] }] });
  writeFileSync(file, compiler.pdf({ mainFileContent: source }));
}

/** Typst's PDF of a language's report. */
export function typstPdf(root: string, lang: string, work: string, fonts: string): Made {
  const typst = loadTypst(root);
  if (!typst) return { missing: TYPST_MISSING };
  const made = typstSource(root, lang);
  if ('missing' in made) return made;
  const file = join(work, `${lang}-typst.pdf`);
  try {
    compileTypst(typst, made.source, fonts, file);
  } catch (e) {
    return { missing: `Typst failed: ${String((e as Error).message ?? e).slice(0, 300)}` };
  }
  return { file };
}
