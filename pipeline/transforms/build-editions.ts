/**
 * From a loaded source to one edition model per language: parse each chapter, assemble the chapters
 * into one tree, run the transforms. Problems go to the diagnostics; nothing here writes files.
 */
import type { Root } from 'mdast';
import type { Chapter, Edition, Labels, ReportMeta, ResolvedRoot } from '../model/types.js';
import type { SourceSet } from '../load/load-source.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { cachedParse } from '../parse/parse-cache.js';
import { headingAttributes } from '../parse/heading-attributes.js';
import { directives } from '../parse/directives.js';
import { sourceHygiene } from '../parse/source-hygiene.js';
import { resolveReferences } from '../parse/resolve-references.js';
import { chapterIndex, type TransformContext } from './context.js';
import { transforms } from './index.js';
import { computeResults } from './compute-results.js';
import { formatDate } from '../model/format.js';
import { locate } from '../load/read-json.js';
import { sourceEpoch } from '../load/source-date.js';

export function parseChapter(path: string, text: string, diagnostics: Diagnostics): Chapter {
  const tree = cachedParse(text, parseMarkdown);
  resolveReferences(tree);
  headingAttributes(tree, path, diagnostics);
  directives(tree, path, text, diagnostics);
  sourceHygiene(tree, path, diagnostics);
  return { type: 'chapter', path, source: text, children: tree.children };
}

/** For documents built from a string (tests): `SOURCE_DATE_EPOCH`, else the start of 2000. */
function epochFromEnvironment(): number {
  const raw = process.env.SOURCE_DATE_EPOCH;
  return raw && /^\d+$/.test(raw) ? Number(raw) : 946684800;
}

/** `epoch`: the editions' date when the caller has it (`sourceEpochLater`), else read here. */
export function buildEditions(source: SourceSet, diagnostics: Diagnostics, given?: number): Edition[] {
  const meta = source.report.value;
  if (!meta) return [];
  const epoch = given ?? sourceEpoch(source.sourceDir);
  const results = source.results ? computeResults(source.results, diagnostics) : undefined;
  const editions: Edition[] = [];
  for (const [lang, chapters] of source.chapters) {
    const labels = source.labels.get(lang)?.value;
    const text = meta.text[lang];
    if (!text) {
      diagnostics.error(source.report.path, `$.text.${lang}: the title, country, event and mission of the ${lang} edition are missing`, { ruleId: 'report-schema' });
    }
    if (!labels || !text) continue;
    editions.push(buildEdition(lang, meta, labels, chapters.map((c) => parseChapter(c.path, c.text, diagnostics)), { ...source, epoch }, diagnostics, results));
  }
  return editions;
}

export function buildEdition(
  lang: string,
  meta: ReportMeta,
  labels: Labels,
  chapters: Chapter[],
  source: Pick<SourceSet, 'templatesDir' | 'report'> & { sourceDir?: string; epoch?: number },
  diagnostics: Diagnostics,
  results?: Edition['results'],
): Edition {
  const tree: Root = { type: 'root', children: chapters };
  const edition: Edition = {
    lang,
    meta,
    text: meta.text[lang]!,
    labels,
    eventDateText: formatDate(meta.eventDate, labels.locale, labels.dateFormat),
    root: tree as ResolvedRoot, // resolved in place by the transforms below
    furniture: { titlePage: { cover: [], date: '', title: '' }, runningHeader: [], documentTitle: '', pageLabel: { before: '', after: '' } },
    notes: [],
    notesById: new Map(),
    outline: [],
    recommendations: [],
    results,
    draft: meta.draft?.includes(lang) ?? false,
    epoch: source.epoch ?? epochFromEnvironment(),
  };
  const titleNotePlace = locate(source.report.text, source.report.tree, ['titleNote']);
  const context: TransformContext = {
    edition, tree, diagnostics, templatesDir: source.templatesDir, sourceDir: source.sourceDir, reportPath: source.report.path, titleNotePlace,
    ...chapterIndex(chapters), sourceOf: (path: string) => chapters.find((c) => c.path === path)?.source,
  };
  for (const transform of transforms) transform(context);
  return edition;
}

