/** Builds an edition straight from Markdown text, for layout tests on hostile documents. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics } from '../pipeline/util/diagnostics.js';
import { buildEdition, parseChapter } from '../pipeline/transforms/build-editions.js';
import type { Labels, ReportMeta } from '../pipeline/model/types.js';
import { templates } from './helpers.js';

export function editionFromMarkdown(markdown: string, lang = 'en') {
  const diagnostics = new Diagnostics();
  const labels = JSON.parse(readFileSync(join(templates, 'labels', `${lang}.json`), 'utf8')) as Labels;
  const meta: ReportMeta = {
    id: 'test', officialLanguage: lang, languages: [lang], eventDate: '2022-06-05',
    text: { [lang]: { country: 'Testland', event: 'Referendum', title: 'Test Report', mission: 'Test Mission' } },
  };
  const chapter = parseChapter('test.md', markdown, diagnostics);
  const report = { path: 'report.json', text: '{}', value: meta, tree: undefined };
  const edition = buildEdition(lang, meta, labels, [chapter], { templatesDir: templates, report }, diagnostics);
  return { edition, diagnostics };
}
