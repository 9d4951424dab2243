/**
 * Loads a report's source: `report.json`, `data/results.json`, the labels of each language and
 * the chapters of each language (`<lang>/*.md`, in file-name order).
 */
import { readdir, stat, realpath, lstat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ReportMeta, Results, Labels } from '../model/types.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { FolioError } from '../util/diagnostics.js';
import { shown } from '../util/paths.js';
import { languageTagProblem, rightToLeftProblem } from '../util/language-tag.js';
import { languageName } from '../util/language-name.js';
import { labelProblem } from '../util/templates.js';

export { shown };
import { locate, readJson, type JsonFile } from './read-json.js';
import { readText } from './read-text.js';
import { reportSchema, resultsSchema, labelsSchema } from './schemas.js';

export interface ChapterSource {
  path: string;
  text: string;
}

export interface SourceSet {
  sourceDir: string;
  templatesDir: string;
  report: JsonFile<ReportMeta>;
  results?: JsonFile<Results>;
  labels: Map<string, JsonFile<Labels>>;
  chapters: Map<string, ChapterSource[]>;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The labels that hold placeholders, and the names folio fills them with. */
const PLACEHOLDERS: Partial<Record<keyof Labels, readonly string[]>> = {
  page: ['page'],
  noteLabel: ['number'],
  recommendationLabel: ['number'],
  sectionLabel: ['numeral'],
  dateFormat: ['day', 'month', 'year'],
};

/** What the editions will do with the labels, checked now so `check` finds it: the locale Intl formats with, the placeholders. */
function checkLabels(file: JsonFile<Labels>, diagnostics: Diagnostics): void {
  const labels = file.value;
  if (!labels) return;
  const at = (key: string) => locate(file.text, file.tree, [key]);
  let usable = true;
  try {
    Intl.getCanonicalLocales(labels.locale);
  } catch {
    usable = false;
    diagnostics.error(file.path, `$.locale: \`${labels.locale}\` is not a BCP 47 locale: write one such as en-GB, ru-RU or kk-KZ`, { place: at('locale'), ruleId: 'labels-schema' });
  }
  for (const [key, names] of Object.entries(PLACEHOLDERS) as [keyof Labels, readonly string[]][]) {
    const problem = labelProblem(String(labels[key]), names);
    if (!problem) continue;
    usable = false;
    diagnostics.error(file.path, `$.${key}: the label ${problem}`, { place: at(key), ruleId: 'labels-schema' });
  }
  if (!usable) file.value = undefined; // as for labels the schema refuses: the language is not built
}

/** Whether `real` (a resolved path) lies inside `root` (a resolved folder). */
const inside = (real: string, root: string) => real === root || real.startsWith(root + sep);

export async function loadSource(sourceDir: string, templatesDir: string, diagnostics: Diagnostics, only?: string[]): Promise<SourceSet> {
  if (!(await isDirectory(sourceDir))) {
    throw new FolioError(`source folder not found: ${sourceDir} (pass --source DIR, the folder with report.json)`, 2);
  }
  const reportPath = shown(join(sourceDir, 'report.json'));
  const report = await readJson<ReportMeta>(reportPath, reportSchema, diagnostics, 'report-schema');
  const resultsPath = join(sourceDir, 'data', 'results.json');
  const results = (await lstat(resultsPath).catch(() => undefined))
    ? await readJson<Results>(shown(resultsPath), resultsSchema, diagnostics, 'results-schema')
    : undefined;

  const listed = report.value?.languages ?? [];
  for (const lang of only ?? []) {
    const problem = languageTagProblem(lang);
    if (problem) throw new FolioError(`--lang: ${problem}`, 2);
    if (report.value && !listed.includes(lang)) throw new FolioError(`--lang: ${lang} is not a language of this report (${reportPath} lists ${listed.join(', ')})`, 2);
  }
  const official = report.value?.officialLanguage;
  if (report.value && official !== undefined && !listed.includes(official)) {
    diagnostics.error(reportPath, `$.officialLanguage: \`${official}\` is not among \`languages\` (${listed.join(', ')}): the official language is the one every translation is checked against; list it`, {
      place: locate(report.text, report.tree, ['officialLanguage']),
      ruleId: 'report-schema',
    });
  }
  // A language written right to left is refused at its place: the layout sets lines left to right.
  const rightToLeft = new Set<string>();
  listed.forEach((lang, i) => {
    const problem = rightToLeftProblem(lang);
    if (!problem) return;
    rightToLeft.add(lang);
    diagnostics.error(reportPath, `$.languages[${i}]: ${problem}`, { place: locate(report.text, report.tree, ['languages', i]), ruleId: 'right-to-left' });
  });
  // Every path below is built from a language: each is a language tag (the schema says so too).
  const languages = listed.filter((l) => (!only || only.includes(l)) && languageTagProblem(l) === undefined && !rightToLeft.has(l));
  const labels = new Map<string, JsonFile<Labels>>();
  const chapters = new Map<string, ChapterSource[]>();
  const root = await realpath(sourceDir);
  for (const lang of languages) {
    const labelFile = await readJson<Labels>(shown(join(templatesDir, 'labels', `${lang}.json`)), labelsSchema, diagnostics, 'labels-schema');
    checkLabels(labelFile, diagnostics);
    if (labelFile.value && labelFile.value.languageName === undefined) labelFile.value.languageName = languageName(lang);
    labels.set(lang, labelFile);
    const dir = join(sourceDir, lang);
    if (!(await isDirectory(dir))) {
      diagnostics.error(reportPath, `language \`${lang}\` is listed but ${shown(dir)}/ does not exist: add its chapters or remove it from \`languages\``, { ruleId: 'missing-language' });
      continue;
    }
    // A language folder that is a symbolic link is judged as a chapter that is one: inside the source, or refused.
    const realDir = await realpath(dir);
    if (!inside(realDir, root)) {
      diagnostics.error(shown(dir), `the folder links outside the source folder (to ${realDir}): a language's chapters must be inside ${shown(sourceDir)}`, { ruleId: 'outside-source' });
      chapters.set(lang, []);
      continue;
    }
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
    } catch (error) {
      diagnostics.error(shown(dir), `cannot read the folder: ${(error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied (EACCES)' : (error as NodeJS.ErrnoException).code ?? String(error)}`, { ruleId: 'missing-file' });
      chapters.set(lang, []);
      continue;
    }
    const list: ChapterSource[] = [];
    for (const name of names) {
      const path = shown(join(dir, name));
      const real = await realpath(join(dir, name)).catch(() => '');
      if (!real || !inside(real, root)) {
        diagnostics.error(path, `links outside the source folder (to ${real || 'nothing'}): chapters must be inside ${shown(sourceDir)}`, { ruleId: 'outside-source' });
        continue;
      }
      const text = await readText(path, diagnostics);
      if (text === undefined) continue;
      diagnostics.file(path, text);
      if (text.trim() === '') diagnostics.error(path, 'empty chapter: write its text or delete the file', { ruleId: 'empty-chapter' });
      list.push({ path, text });
    }
    if (list.length === 0 && names.length === 0) diagnostics.error(shown(dir), 'no chapters (*.md) found', { ruleId: 'missing-language' });
    chapters.set(lang, list);
  }
  checkLanguageNames(labels, diagnostics);
  return { sourceDir, templatesDir, report, results, labels, chapters };
}

/** A language named as another one is (labels copied from English that kept “English”): the language switch would read “English | English”. */
function checkLanguageNames(labels: Map<string, JsonFile<Labels>>, diagnostics: Diagnostics): void {
  const first = new Map<string, string>();
  for (const [lang, file] of labels) {
    const name = file.value?.languageName;
    if (name === undefined) continue;
    const other = first.get(name);
    if (other === undefined) {
      first.set(name, lang);
      continue;
    }
    const own = languageName(lang);
    diagnostics.warn(file.path, `$.languageName: “${name}” names ${other} too, so the language switch would read “${name} | ${name}”: write ${lang}'s name in ${lang}${own !== lang && own !== name ? ` (“${own}”)` : ''}, or leave \`languageName\` out to take it from Intl`, {
      place: locate(file.text, file.tree, ['languageName']),
      ruleId: 'language-name',
    });
  }
}
