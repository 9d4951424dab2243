/**
 * `folio build`: load, check, model and render every requested edition. Editions of a language with
 * errors are not written (the previous files stay); every file is written atomically.
 */
import { join, sep } from 'node:path';
import { readdir, rm } from 'node:fs/promises';
import type { Edition } from './model/types.js';
import { Diagnostics } from './util/diagnostics.js';
import { loadSource, shown } from './load/load-source.js';
import { buildEditions } from './transforms/build-editions.js';
import { checkTranslations } from './check/check-translations.js';
import { checkGlyphs } from './check/check-glyphs.js';
import { formats } from './writers/registry.js';
import { writeFileAtomic } from './util/atomic-write.js';
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
    if (normalised.startsWith(shown(join(sourceDir, lang)).split(sep).join('/') + '/')) return lang;
    if (normalised === shown(join(templatesDir, 'labels', `${lang}.json`)).split(sep).join('/')) return lang;
  }
  return undefined;
}

export async function load(sourceDir: string, templatesDir: string, languages?: string[]) {
  const diagnostics = new Diagnostics();
  const source = await loadSource(sourceDir, templatesDir, diagnostics, languages);
  const editions = buildEditions(source, diagnostics);
  checkTranslations(source, editions, diagnostics);
  for (const edition of editions) checkGlyphs(edition, diagnostics);
  return { diagnostics, source, editions };
}

/** Pages of a PDF written by folio (its page objects). */
function countPdfPages(data: Uint8Array): number {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { diagnostics, source, editions } = await load(options.sourceDir, options.templatesDir, options.languages);
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
  // Temporary files left by a build that was killed: never complete editions, so they go.
  for (const edition of ok) {
    const dir = join(options.outDir, edition.lang);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (/^\.report\.[a-z]+\.\d+\.[a-z0-9]+\.tmp$/.test(name)) await rm(join(dir, name), { force: true });
    }
  }
  options.onStart?.(jobs.length);
  const failures: string[] = [];
  await renderJobs(jobs, async (job, result) => {
    if (result.error || !result.data) {
      failures.push(`${job.edition.lang} ${job.format}: ${result.error ?? 'no output'}`);
      return;
    }
    const format = formats.find((f) => f.name === job.format)!;
    const path = join(options.outDir, job.edition.lang, `report.${format.extension}`);
    await writeFileAtomic(path, result.data);
    const pages = job.format === 'pdf' ? countPdfPages(result.data) : undefined;
    written.push({ lang: job.edition.lang, format: job.format, path, bytes: result.data.byteLength, ms: result.ms, at: performance.now() - started, pages });
    options.onWritten?.(written[written.length - 1]!);
  });
  if (failures.length) throw new FolioError(`rendering failed (the previous files are unchanged):\n${failures.join('\n')}`);
  written.sort((a, b) => (languages.indexOf(a.lang) - languages.indexOf(b.lang)) || (chosen.findIndex((f) => f.name === a.format) - chosen.findIndex((f) => f.name === b.format)));
  const skipped = sharedFailure ? languages : languages.filter((l) => failing.has(l));
  return { diagnostics, editions, written, skipped };
}
