/**
 * `folio new DIR --lang en,ru`: a small working report source that builds and checks clean:
 * report.json, a results data file, chapters with a note and a recommendation in each language,
 * the annex, its own copy of the templates and labels to adapt, and a GitHub Actions workflow
 * (cli/ci-workflow.ts: in the repository whose package.json depends on folio, else in DIR).
 *
 * It writes inside DIR, and that workflow, never over a file: the languages are checked as language
 * tags first, every file is planned in memory, DIR must be missing or an empty folder, each file is
 * created exclusively (`wx`), and a workflow already there is kept. Should a write fail (a full
 * disk), the files and folders it made are removed again, so no half-written report is left.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { FolioError } from '../util/diagnostics.js';
import { languageTagProblem, rightToLeftProblem } from '../util/language-tag.js';
import { languageName } from '../util/language-name.js';
import { systemErrorMessage } from '../util/errors.js';
import { defaultReferenceDoc, REFERENCE_FILE } from '../writers/docx/reference-doc.js';
import { workflowPlace, workflowYaml } from './ci-workflow.js';

type Sample = Record<string, string>;

function samplesOf(bundledTemplates: string): Record<string, Sample> {
  return JSON.parse(readFileSync(join(bundledTemplates, 'scaffold', 'samples.json'), 'utf8')) as Record<string, Sample>;
}

/** Whether folio has sample chapters in the language (else the new report's chapters are the English ones, to translate). */
export function hasSample(lang: string, bundledTemplates: string): boolean {
  return Object.hasOwn(samplesOf(bundledTemplates), lang);
}

/** Every file of the new report, by its path inside DIR (`/`-separated), in the order written. */
function plan(languages: string[], bundledTemplates: string): Map<string, string | Uint8Array> {
  const samples = samplesOf(bundledTemplates);
  const sample = (lang: string): Sample => (Object.hasOwn(samples, lang) ? samples[lang]! : samples.en!);
  const official = languages[0]!;
  const files = new Map<string, string | Uint8Array>();
  // Templates and labels, to adapt; a language folio has no labels for starts from the English ones.
  const copy = (from: string, to: string) => {
    for (const name of readdirSync(from).sort()) {
      const path = join(from, name);
      if (statSync(path).isDirectory()) copy(path, `${to}/${name}`);
      else files.set(`${to}/${name}`, readFileSync(path));
    }
  };
  for (const name of readdirSync(bundledTemplates).sort()) {
    if (name === 'scaffold') continue;
    const path = join(bundledTemplates, name);
    if (!statSync(path).isDirectory()) files.set(`templates/${name}`, readFileSync(path));
    else if (name !== 'labels') copy(path, `templates/${name}`);
  }
  files.set(`templates/${REFERENCE_FILE}`, defaultReferenceDoc()); // folio's DOCX styles and page, to restyle in Word
  const draft: string[] = [];
  for (const lang of languages) {
    const own = join(bundledTemplates, 'labels', `${lang}.json`);
    const labels = JSON.parse(readFileSync(existsSync(own) ? own : join(bundledTemplates, 'labels', 'en.json'), 'utf8')) as Record<string, unknown>;
    if (!existsSync(own)) {
      labels.language = lang;
      labels.locale = lang;
      labels.languageName = languageName(lang);
      draft.push(lang);
    }
    labels.topics = { introduction: sample(lang).introTopic ?? sample(lang).introHeading!.toLowerCase().replace(/^./, (c) => c.toUpperCase()) };
    files.set(`templates/labels/${lang}.json`, JSON.stringify(labels, null, 2) + '\n');
  }
  const text = Object.fromEntries(languages.map((l) => {
    const s = sample(l);
    return [l, { country: s.country, event: s.event, title: s.title, mission: s.mission }];
  }));
  files.set('report.json', JSON.stringify({ id: 'new-report', officialLanguage: official, languages, eventDate: '2026-06-07', titleNote: 'official-version', text, ...(draft.length ? { draft } : {}) }, null, 2) + '\n');
  files.set('data/results.json', JSON.stringify({ registeredVoters: 1000000, voted: 600000, votedWithAbsenteeCertificates: 1200, inFavour: 400000, against: 170000, invalid: 20000, bothMarked: 10000 }, null, 2) + '\n');
  for (const lang of languages) {
    const s = sample(lang);
    files.set(`${lang}/00-title.md`, `[^official-version]: ${s.titleNote}\n`);
    files.set(`${lang}/01-introduction.md`, `# ${s.introHeading} {#introduction}\n\n${s.introText}[^regions-by-lot]\n\n[^regions-by-lot]: ${s.noteText}\n\n${s.secondText}\n\n:::recommendation{#publish-results priority=1}\n${s.recommendation}\n:::\n`);
    files.set(`${lang}/02-recommendations.md`, `# ${s.recommendationsHeading} {#recommendations}\n\n${s.recommendationsText} [](#publish-results)\n\n::recommendations\n`);
    files.set(`${lang}/03-annex.md`, `# ${s.annexHeading}[^results-source] {#annex .unnumbered}\n\n[^results-source]: ${s.annexNote}\n\n::results-table\n`);
  }
  return files;
}

/** The languages, checked before anything is written: language tags of left-to-right languages, each once, at least one. */
function checkLanguages(languages: string[]): void {
  if (languages.length === 0) throw new FolioError('give at least one language: --lang en,ru', 2);
  for (const lang of languages) {
    const problem = languageTagProblem(lang) ?? rightToLeftProblem(lang);
    if (problem) throw new FolioError(`--lang: ${problem}`, 2);
  }
  const twice = languages.find((l, i) => languages.indexOf(l) !== i);
  if (twice) throw new FolioError(`--lang: ${twice} is given twice`, 2);
}

/** DIR must be missing, or an empty folder (a symlink to one counts as the folder it names). */
function checkTarget(dir: string): void {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    if (lstatSync(dir, { throwIfNoEntry: false })) throw new FolioError(`${dir} is a symbolic link to nothing: choose a new folder`, 2);
    return; // missing: made below
  }
  if (!stat.isDirectory()) throw new FolioError(`${dir} exists and is not a folder: choose a new folder`, 2);
  if (readdirSync(dir).length > 0) throw new FolioError(`${dir} exists and is not empty: choose a new folder (folio new never writes over files)`, 2);
}

/** What `folio new` wrote: every file (absolute paths, in the order written), and the workflow's path, which it kept when one was there. */
export interface NewReport {
  written: string[];
  workflow: { path: string; kept: boolean };
}

export function newReport(dir: string, languages: string[], bundledTemplates: string): NewReport {
  checkLanguages(languages);
  checkTarget(dir);
  const files = plan(languages, bundledTemplates);
  const root = resolve(dir);
  const targets = new Map<string, string | Uint8Array>();
  for (const [path, content] of files) {
    const rel = relative(root, resolve(root, path));
    if (rel.startsWith('..') || rel.startsWith(sep) || resolve(root, path) === root) throw new Error(`folio new planned ${path}, outside ${dir}`);
    targets.set(join(root, ...path.split('/')), content);
  }
  const place = workflowPlace(dir);
  const kept = existsSync(place.path);
  if (!kept) targets.set(place.path, workflowYaml(place.source));
  // What this run made, to remove again should a write fail.
  const madeDirs: string[] = [];
  const madeFiles: string[] = [];
  const makeDir = (path: string) => {
    if (existsSync(path)) return;
    makeDir(dirname(path));
    mkdirSync(path);
    madeDirs.push(path);
  };
  try {
    makeDir(root);
    for (const [target, content] of targets) {
      makeDir(dirname(target));
      writeFileSync(target, content, { flag: 'wx' }); // never over a file
      madeFiles.push(target);
    }
  } catch (error) {
    for (const file of madeFiles.reverse()) rmSync(file, { force: true });
    for (const folder of madeDirs.reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty: something else wrote there meanwhile; leave it
      }
    }
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' ? `${(error as NodeJS.ErrnoException).path ?? 'a file'} appeared while writing` : systemErrorMessage(error) ?? String(error);
    throw new FolioError(`folio new wrote nothing: ${why}`);
  }
  return { written: madeFiles, workflow: { path: place.path, kept } };
}
