/**
 * `folio build`: load, check, model and render every requested edition. Editions of a language with
 * errors are not written (the previous files stay); every file is written atomically.
 */
import { join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Edition } from './model/types.js';
import { Diagnostics } from './util/diagnostics.js';
import { loadSource, shown } from './load/load-source.js';
import { buildEditions } from './model/build-editions.js';
import { checkTranslations } from './check/check-translations.js';
import { formats } from './formats.js';
import { writeFileAtomic } from './util/atomic-write.js';

export interface BuildOptions {
  sourceDir: string;
  outDir: string;
  templatesDir: string;
  languages?: string[];
  formats?: string[];
}

export interface BuiltFile {
  lang: string;
  format: string;
  path: string;
  bytes: number;
  ms: number;
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
  return { diagnostics, source, editions };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
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
  for (const edition of ok) {
    for (const format of chosen) {
      const start = performance.now();
      const data = await format.render(edition, { templatesDir: options.templatesDir, editions });
      const path = join(options.outDir, edition.lang, `report.${format.extension}`);
      await writeFileAtomic(path, data);
      written.push({ lang: edition.lang, format: format.name, path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, ms: performance.now() - start });
    }
  }
  const skipped = sharedFailure ? languages : languages.filter((l) => failing.has(l));
  return { diagnostics, editions, written, skipped };
}
