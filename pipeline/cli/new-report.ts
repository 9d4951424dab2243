/**
 * `folio new DIR --lang en,ru`: a small working report source that builds and checks clean:
 * report.json, a results data file, chapters with a note and a recommendation in each language,
 * the annex, and its own copy of the templates and labels to adapt.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FolioError } from '../util/diagnostics.js';
import { defaultReferenceDoc, REFERENCE_FILE } from '../writers/docx/reference-doc.js';

type Sample = Record<string, string>;

/** A language's name in that language (`fr` → “Français”, `sr-Latn` → “Srpski (latinica)”), from Intl; the tag itself when Intl has none. */
export function languageName(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  if (!name || name === tag) return tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

export function newReport(dir: string, languages: string[], bundledTemplates: string): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new FolioError(`${dir} exists and is not empty: choose a new folder`, 2);
  const samples = JSON.parse(readFileSync(join(bundledTemplates, 'scaffold', 'samples.json'), 'utf8')) as Record<string, Sample>;
  const official = languages[0]!;
  const written: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    written.push(path);
  };
  // Templates and labels, to adapt; a language folio has no labels for starts from the English ones.
  cpSync(bundledTemplates, join(dir, 'templates'), { recursive: true, filter: (src) => !src.includes(`${'/'}scaffold`) && !/labels[/\\][A-Za-z0-9-]+\.json$/.test(src) });
  writeFileSync(join(dir, 'templates', REFERENCE_FILE), defaultReferenceDoc()); // folio's DOCX styles and page, to restyle in Word
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
    labels.topics = { introduction: (samples[lang] ?? samples.en!).introHeading!.toLowerCase().replace(/^./, (c) => c.toUpperCase()) };
    write(join('templates', 'labels', `${lang}.json`), JSON.stringify(labels, null, 2) + '\n');
  }
  const text = Object.fromEntries(languages.map((l) => {
    const s = samples[l] ?? samples.en!;
    return [l, { country: s.country, event: s.event, title: s.title, mission: s.mission }];
  }));
  write('report.json', JSON.stringify({ id: 'new-report', officialLanguage: official, languages, eventDate: '2026-06-07', titleNote: 'official-version', text, ...(draft.length ? { draft } : {}) }, null, 2) + '\n');
  write(join('data', 'results.json'), JSON.stringify({ registeredVoters: 1000000, voted: 600000, votedWithAbsenteeCertificates: 1200, inFavour: 400000, against: 170000, invalid: 20000, bothMarked: 10000 }, null, 2) + '\n');
  for (const lang of languages) {
    const s = samples[lang] ?? samples.en!;
    write(join(lang, '00-title.md'), `[^official-version]: ${s.titleNote}\n`);
    write(join(lang, '01-introduction.md'), `# ${s.introHeading} {#introduction}\n\n${s.introText}[^regions-by-lot]\n\n[^regions-by-lot]: ${s.noteText}\n\n${s.secondText}\n\n:::recommendation{#publish-results priority=1}\n${s.recommendation}\n:::\n`);
    write(join(lang, '02-recommendations.md'), `# ${s.recommendationsHeading} {#recommendations}\n\n${s.recommendationsText} [](#publish-results)\n\n::recommendations\n`);
    write(join(lang, '03-annex.md'), `# ${s.annexHeading}[^results-source] {#annex .unnumbered}\n\n[^results-source]: ${s.annexNote}\n\n::results-table\n`);
  }
  return written;
}
