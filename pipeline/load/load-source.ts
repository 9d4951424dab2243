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

export { shown };
import { readJson, type JsonFile } from './read-json.js';
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

export async function loadSource(sourceDir: string, templatesDir: string, diagnostics: Diagnostics, only?: string[]): Promise<SourceSet> {
  if (!(await isDirectory(sourceDir))) {
    throw new FolioError(`source folder not found: ${sourceDir} (pass --source DIR, the folder with report.json)`, 2);
  }
  const report = await readJson<ReportMeta>(shown(join(sourceDir, 'report.json')), reportSchema, diagnostics, 'report-schema');
  const resultsPath = join(sourceDir, 'data', 'results.json');
  const results = (await stat(resultsPath).catch(() => undefined))
    ? await readJson<Results>(shown(resultsPath), resultsSchema, diagnostics, 'results-schema')
    : undefined;

  const languages = (report.value?.languages ?? []).filter((l) => !only || only.includes(l));
  const labels = new Map<string, JsonFile<Labels>>();
  const chapters = new Map<string, ChapterSource[]>();
  for (const lang of languages) {
    labels.set(lang, await readJson<Labels>(shown(join(templatesDir, 'labels', `${lang}.json`)), labelsSchema, diagnostics, 'labels-schema'));
    const dir = join(sourceDir, lang);
    if (!(await isDirectory(dir))) {
      diagnostics.error(shown(join(sourceDir, 'report.json')), `language \`${lang}\` is listed but ${shown(dir)}/ does not exist: add its chapters or remove it from \`languages\``, { ruleId: 'missing-language' });
      continue;
    }
    const names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
    const list: ChapterSource[] = [];
    const root = await realpath(sourceDir);
    for (const name of names) {
      const path = shown(join(dir, name));
      const real = await realpath(join(dir, name)).catch(() => '');
      if ((await lstat(join(dir, name))).isSymbolicLink() && !(real === root || real.startsWith(root + sep))) {
        diagnostics.error(path, `links outside the source folder (to ${real || 'nothing'}): chapters must be inside ${shown(sourceDir)}`, { ruleId: 'outside-source' });
        continue;
      }
      const text = await readText(path, diagnostics);
      if (text === undefined) continue;
      diagnostics.file(path, text);
      if (text.trim() === '') diagnostics.error(path, 'empty chapter: write its text or delete the file', { ruleId: 'empty-chapter' });
      list.push({ path, text });
    }
    if (list.length === 0) diagnostics.error(shown(dir), 'no chapters (*.md) found', { ruleId: 'missing-language' });
    chapters.set(lang, list);
  }
  return { sourceDir, templatesDir, report, results, labels, chapters };
}
