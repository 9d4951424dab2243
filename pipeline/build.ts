/**
 * `folio build`: load, check, model and render every requested edition. Editions of a language with
 * errors are not written (the previous files stay); the formats of a language are replaced together or
 * not at all (rendered to temporary files, then renamed); every file is written atomically.
 */
import { join, sep } from 'node:path';
import { lstat, rename, rm, stat } from 'node:fs/promises';
import type { Paragraph, Text } from 'mdast';
import type { Edition } from './model/types.js';
import { Diagnostics } from './util/diagnostics.js';
import { loadSource, shown, type SourceSet } from './load/load-source.js';
import { locate } from './load/read-json.js';
import { TemplateError } from './util/templates.js';
import { buildEditions } from './transforms/build-editions.js';
import { sourceEpochLater } from './load/source-date.js';
import { checkTranslations } from './check/check-translations.js';
import { checkGlyphs } from './check/check-glyphs.js';
import { formats } from './writers/registry.js';
import { removeStaleTemps, writeTemp } from './util/atomic-write.js';
import { EXIT_INTERNAL, systemErrorMessage } from './util/errors.js';
import { languageTagProblem } from './util/language-tag.js';
import { renderJobs } from './parallel/render-pool.js';
import type { RenderJob } from './parallel/render-job.js';
import { FolioError } from './util/diagnostics.js';

export interface BuildOptions {
  sourceDir: string;
  outDir: string;
  templatesDir: string;
  languages?: string[];
  formats?: string[];
  /** Called as each file is written. */
  onWritten?: (file: BuiltFile) => void;
  /** Called once the number of files to render is known. */
  onStart?: (total: number) => void;
  /** A Word document whose styles, page size, margins and fonts the DOCX editions take (`--reference-doc`). */
  referenceDoc?: string;
}

export interface BuiltFile {
  lang: string;
  format: string;
  path: string;
  bytes: number;
  /** From the job's start to its end: jobs overlap (two at a time), so this includes others' work. */
  ms: number;
  /** When the file was written, in ms from the start of the build. */
  at: number;
  /** Pages, for a PDF. */
  pages?: number;
}

export interface BuildResult {
  diagnostics: Diagnostics;
  editions: Edition[];
  written: BuiltFile[];
  /** Languages whose editions were not written because of errors. */
  skipped: string[];
}

/** The language a message's file belongs to (`source/ru/…`, `templates/labels/ru.json`), if any. */
function languageOf(path: string, sourceDir: string, templatesDir: string, languages: string[]): string | undefined {
  const normalised = path.split(sep).join('/');
  for (const lang of languages) {
    const folder = shown(join(sourceDir, lang)).split(sep).join('/');
    if (normalised === folder || normalised.startsWith(folder + '/')) return lang;
    if (normalised === shown(join(templatesDir, 'labels', `${lang}.json`)).split(sep).join('/')) return lang;
  }
  return undefined;
}

/** What `load` checks beyond the source and templates: the reference document (`--reference-doc`), when the DOCX is among the formats. */
export interface LoadOptions {
  referenceDoc?: string;
  /** The formats to be built (default: all). */
  formats?: string[];
}

export async function load(sourceDir: string, templatesDir: string, languages?: string[], options: LoadOptions = {}) {
  const diagnostics = new Diagnostics();
  const epoch = sourceEpochLater(sourceDir);
  const source = await loadSource(sourceDir, templatesDir, diagnostics, languages);
  let editions: Edition[] = [];
  try {
    editions = buildEditions(source, diagnostics, await epoch);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    templateProblem(error, diagnostics);
  }
  checkTranslations(source, editions, diagnostics);
  for (const edition of editions) checkGlyphs(edition, diagnostics);
  furnitureGlyphs(source, editions, diagnostics);
  await preflight(editions, templatesDir, diagnostics);
  if (!options.formats || options.formats.includes('docx')) await referenceDocProblem(options.referenceDoc, templatesDir, diagnostics);
  return { diagnostics, source, editions };
}

/** A template's error as a problem at its place, so `check` lists it with the others. */
function templateProblem(error: TemplateError, diagnostics: Diagnostics): void {
  const place = error.line ? { line: error.line, column: error.column ?? 1 } : undefined;
  diagnostics.error(error.path, error.reason, { place, ruleId: 'template' });
}

/**
 * What only a writer would find, found now so that a clean `check` means the build succeeds: the HTML
 * page template (`html/page.hbs`, strict: every key it uses) and its stylesheet, rendered once per
 * language around an empty body (a few milliseconds; the body's nodes are the resolved model's).
 */
async function preflight(editions: Edition[], templatesDir: string, diagnostics: Diagnostics): Promise<void> {
  const html = formats.find((f) => f.name === 'html');
  if (!html) return;
  const languages = editions.map((e) => ({ lang: e.lang, name: e.labels.languageName }));
  // The writer reads the stylesheet itself: a FIFO there would block it (and check) forever.
  for (const name of ['html/page.hbs', 'html/style.css']) {
    const path = join(templatesDir, name);
    const found = await stat(path).catch(() => undefined);
    if (found?.isFile()) continue;
    diagnostics.error(shown(path), found ? 'not a regular file: folio reads only regular files' : 'template not found', { ruleId: 'missing-file' });
    return;
  }
  for (const edition of editions) {
    try {
      await html.render({ ...edition, root: { ...edition.root, children: [] } }, { templatesDir, languages });
    } catch (error) {
      if (error instanceof TemplateError) templateProblem(error, diagnostics);
      else {
        const system = systemErrorMessage(error);
        if (!system) throw error;
        const path = (error as NodeJS.ErrnoException).path;
        diagnostics.error(path ? shown(path) : shown(templatesDir), system, { ruleId: 'missing-file' });
      }
      return; // the templates are shared: one report is enough
    }
  }
}

/**
 * The reference document the DOCX would take (the one given, else the templates' `reference.docx`),
 * read as the DOCX writer reads it: a FIFO, a folder, a missing file or one that is not a Word
 * document with styles is one problem at its name, found before anything is rendered.
 */
async function referenceDocProblem(given: string | undefined, templatesDir: string, diagnostics: Diagnostics): Promise<void> {
  const { loadReferenceDoc, ReferenceDocError } = await import('./writers/docx/reference-doc.js');
  try {
    loadReferenceDoc(given, templatesDir);
  } catch (error) {
    if (!(error instanceof ReferenceDocError)) throw error;
    diagnostics.error(shown(error.path), `reference document: ${error.reason}`, { ruleId: 'reference-doc' });
  }
}

/**
 * Characters of report.json's texts and of the labels that the editions' font cannot draw: the PDF
 * refuses them as it refuses them in chapters, so `check` warns of them at their JSON place, through
 * the same check as the chapters' text (check/check-glyphs.ts reads text nodes of chapters).
 */
function furnitureGlyphs(source: SourceSet, editions: Edition[], diagnostics: Diagnostics): void {
  const strings = (file: { text: string; tree: Parameters<typeof locate>[1] }, value: unknown, segments: (string | number)[], out: Text[]) => {
    if (typeof value === 'string') {
      const at = locate(file.text, file.tree, segments);
      out.push({ type: 'text', value, ...(at ? { position: at } : {}) });
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) strings(file, inner, [...segments, key], out);
    }
  };
  for (const edition of editions) {
    const chapters: { type: 'chapter'; path: string; children: Paragraph[] }[] = [];
    const fromReport: Text[] = [];
    strings(source.report, source.report.value?.text[edition.lang], ['text', edition.lang], fromReport);
    chapters.push({ type: 'chapter', path: source.report.path, children: [{ type: 'paragraph', children: fromReport }] });
    const labels = source.labels.get(edition.lang);
    if (labels?.value) {
      const fromLabels: Text[] = [];
      strings(labels, labels.value, [], fromLabels);
      chapters.push({ type: 'chapter', path: labels.path, children: [{ type: 'paragraph', children: fromLabels }] });
    }
    checkGlyphs({ ...edition, root: { type: 'root', children: chapters }, notes: [] } as unknown as Edition, diagnostics);
  }
}

/** Pages of a PDF written by folio (its page objects). */
function countPdfPages(data: Uint8Array): number {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/** What happened to one language's files in a build. */
interface LanguageRun {
  /** Jobs not finished yet. */
  left: number;
  /** Rendered and written to temporary files, waiting for the others of the language. */
  ready: { tmp: string; file: Omit<BuiltFile, 'at'> }[];
  /** Formats that could not be rendered or written, with why. */
  failures: { format: string; reason: string; internal: boolean }[];
}

/**
 * A writer's error as render-job.ts passes it: a refusal (FolioError) is its message; anything else
 * is a bug, `internal error: …` (with its stack under FOLIO_DEBUG=1).
 */
function renderFailure(error: string | undefined): { reason: string; internal: boolean } {
  if (!error) return { reason: 'internal error: the writer returned nothing (this is a bug)', internal: true };
  const internal = error.startsWith('internal error: ') || /\n\s+at /.test(error);
  return { reason: error, internal };
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The message of a build in which some languages could not be replaced: who was written, who was not, and why. */
function failureMessage(runs: Map<string, LanguageRun>, written: BuiltFile[], skipped: string[], outDir: string): string {
  const lines: string[] = [];
  for (const [lang, run] of runs) {
    if (!run.failures.length) continue;
    const failed = run.failures.map((f) => `${f.format}: ${f.reason}`);
    lines.push(`${lang}: not replaced, its previous files in ${shown(join(outDir, lang))} are unchanged: ${failed.join('; ')}`);
  }
  const done = [...new Set(written.map((w) => w.lang))].map((lang) => `${lang} (${written.filter((w) => w.lang === lang).map((w) => w.format).join(', ')})`);
  lines.push(done.length ? `written: ${list(done)}` : 'nothing was written');
  if (skipped.length) lines.push(`not rebuilt because of errors in the source: ${skipped.join(', ')} (their previous files are unchanged)`);
  return `the build failed for ${list([...runs].filter(([, r]) => r.failures.length).map(([l]) => l))}:\n${lines.join('\n')}`;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  for (const lang of options.languages ?? []) {
    const problem = languageTagProblem(lang);
    if (problem) throw new FolioError(`--lang: ${problem}`, 2);
  }
  const outStat = await stat(options.outDir).catch(() => undefined);
  if (outStat && !outStat.isDirectory()) throw new FolioError(`--out ${options.outDir} is a file, not a folder: give the folder the editions go to`, 2);
  const { diagnostics, source, editions } = await load(options.sourceDir, options.templatesDir, options.languages, { referenceDoc: options.referenceDoc, formats: options.formats });
  const languages = [...source.chapters.keys()];
  const failing = new Set<string>();
  let sharedFailure = false;
  for (const item of diagnostics.list()) {
    if (item.severity !== 'error') continue;
    const lang = languageOf(item.path, options.sourceDir, options.templatesDir, languages);
    if (lang) failing.add(lang);
    else sharedFailure = true;
  }
  const written: BuiltFile[] = [];
  const chosen = formats.filter((f) => !options.formats || options.formats.includes(f.name));
  const ok = sharedFailure ? [] : editions.filter((e) => !failing.has(e.lang));
  const languages_ = editions.map((e) => ({ lang: e.lang, name: e.labels.languageName }));
  const jobs: RenderJob[] = [];
  for (const edition of ok) {
    for (const format of chosen) {
      jobs.push({ id: jobs.length, edition, format: format.name, templatesDir: options.templatesDir, languages: languages_, ...(options.referenceDoc ? { referenceDoc: options.referenceDoc } : {}) });
    }
  }
  const target = (lang: string, format: string) => join(options.outDir, lang, `report.${formats.find((f) => f.name === format)!.extension}`);
  // Temporary files left by a build that was killed (its process is gone): never complete editions,
  // so they go. Another build running on the same folder keeps its own.
  for (const edition of ok) await removeStaleTemps(join(options.outDir, edition.lang), formats.map((f) => `report.${f.extension}`));
  // All formats of a language are replaced together, or none: each is rendered and written to a
  // temporary file; once the language's last one is, all are renamed, or, when one failed, removed.
  const runs = new Map<string, LanguageRun>();
  for (const job of jobs) {
    const run = runs.get(job.edition.lang) ?? { left: 0, ready: [], failures: [] };
    run.left++;
    runs.set(job.edition.lang, run);
  }
  const settle = async (run: LanguageRun) => {
    for (const { file } of run.ready) {
      const existing = await lstat(file.path).catch(() => undefined);
      if (existing?.isDirectory()) run.failures.push({ format: file.format, reason: `${shown(file.path)} is a folder`, internal: false });
    }
    if (run.failures.length) {
      await Promise.all(run.ready.map(({ tmp }) => rm(tmp, { force: true })));
      return;
    }
    for (const [i, { tmp, file }] of run.ready.entries()) {
      try {
        await rename(tmp, file.path);
      } catch (error) {
        await Promise.all(run.ready.slice(i).map((r) => rm(r.tmp, { force: true })));
        const replaced = run.ready.slice(0, i).map((r) => r.file.format);
        run.failures.push({ format: file.format, reason: `${systemErrorMessage(error) ?? String(error)}${replaced.length ? ` (${replaced.join(', ')} already replaced: the folder mixes this build's and the previous files)` : ''}`, internal: false });
        return;
      }
      written.push({ ...file, at: performance.now() - started });
      options.onWritten?.(written[written.length - 1]!);
    }
    run.ready = [];
  };
  options.onStart?.(jobs.length);
  await renderJobs(jobs, async (job, result) => {
    const lang = job.edition.lang;
    const run = runs.get(lang)!;
    if (result.error || !result.data) run.failures.push({ format: job.format, ...renderFailure(result.error) });
    else if (!run.failures.length) {
      const path = target(lang, job.format);
      try {
        const tmp = await writeTemp(path, result.data);
        const pages = job.format === 'pdf' ? countPdfPages(result.data) : undefined;
        run.ready.push({ tmp, file: { lang, format: job.format, path, bytes: result.data.byteLength, ms: result.ms, pages } });
      } catch (error) {
        const system = systemErrorMessage(error);
        run.failures.push({ format: job.format, reason: system ?? String(error), internal: !system });
      }
    }
    if (--run.left === 0) await settle(run);
  });
  const skipped = sharedFailure ? languages : languages.filter((l) => failing.has(l));
  written.sort((a, b) => (languages.indexOf(a.lang) - languages.indexOf(b.lang)) || (chosen.findIndex((f) => f.name === a.format) - chosen.findIndex((f) => f.name === b.format)));
  if ([...runs.values()].some((r) => r.failures.length)) {
    const internal = [...runs.values()].some((r) => r.failures.some((f) => f.internal));
    throw new FolioError(failureMessage(runs, written, skipped, options.outDir), internal ? EXIT_INTERNAL : 1);
  }
  return { diagnostics, editions, written, skipped };
}
