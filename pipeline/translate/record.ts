/**
 * `folio translated --lang ru [FILE…]`: records, for every block of the translation paired with an
 * official block and every label paired with an official label, the official text it now
 * translates (its hash and its text) in `source/<lang>/.translated.json`. Given files (chapter file
 * names, or `labels` for the labels), only their units are recorded; the others keep their entries.
 */
import { basename } from 'node:path';
import type { Edition } from '../model/types.js';
import { Diagnostics, FolioError } from '../util/diagnostics.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { shown } from '../util/paths.js';
import { loadSource, type SourceSet } from '../load/load-source.js';
import { buildEditions } from '../transforms/build-editions.js';
import { alignLanguage, structuresOf } from '../check/align-translation.js';
import { unitsOf } from '../check/structure.js';
import { LABELS, pairLabels } from '../check/label-units.js';
import { officialHash, readState, serialiseState, statePath, StateIndex, textHash, type StateEntry } from '../check/translation-state.js';

export interface Loaded {
  source: SourceSet;
  official: Edition;
  edition: Edition;
  diagnostics: Diagnostics;
}

/** The official language and one translation, loaded and resolved; a usage error for an unknown language. */
export async function loadPair(sourceDir: string, templatesDir: string, lang: string): Promise<Loaded> {
  const diagnostics = new Diagnostics();
  const probe = await loadSource(sourceDir, templatesDir, new Diagnostics(), []);
  const meta = probe.report.value;
  if (!meta) throw new FolioError(`${shown(probe.report.path)} cannot be read: run folio check`, 1);
  if (lang === meta.officialLanguage) throw new FolioError(`${lang} is the official language: it translates nothing (give a translation: ${meta.languages.filter((l) => l !== lang).join(', ') || 'none'})`, 2);
  if (!meta.languages.includes(lang)) throw new FolioError(`unknown language ${lang}: ${shown(probe.report.path)} lists ${meta.languages.join(', ')}`, 2);
  const source = await loadSource(sourceDir, templatesDir, diagnostics, [meta.officialLanguage, lang]);
  const editions = buildEditions(source, diagnostics);
  const official = editions.find((e) => e.lang === meta.officialLanguage);
  const edition = editions.find((e) => e.lang === lang);
  if (!official || !edition) throw new FolioError(`the ${official ? lang : meta.officialLanguage} edition cannot be loaded: run folio check`, 1);
  return { source, official, edition, diagnostics };
}

export interface Recorded {
  path: string;
  /** Blocks recorded now. */
  recorded: number;
  /** Blocks of the given files with no official counterpart (nothing to record). */
  unpaired: number;
  /** Entries in the state after recording. */
  total: number;
}

/** The state's entries after recording `files` (all when empty), or only the units `keys` names: in the translation's document order. */
export function recordEntries(loaded: Loaded, files: string[] = [], keys?: Set<string>): { entries: [string, StateEntry][]; recorded: number; unpaired: number } {
  const { source, official, edition } = loaded;
  const previous = readState(source.sourceDir, edition.lang);
  if (previous.error) throw new FolioError(`${shown(statePath(source.sourceDir, edition.lang))}: ${previous.error}`, 1);
  const index = new StateIndex(previous.state);
  const pairs = alignLanguage(source, official, edition, previous.state, () => undefined);
  // The labels are named `labels`, or by their file's name (`ru.json`).
  const chosen = new Set(files.map((f) => (basename(f) === `${edition.lang}.json` ? LABELS : basename(f))));
  const known = new Set([...structuresOf(source, edition.lang).map((c) => c.file), LABELS]);
  const unknown = [...chosen].filter((f) => !known.has(f));
  if (unknown.length) throw new FolioError(`no chapter ${unknown.join(', ')} in ${edition.lang}: give file names of ${shown(statePath(source.sourceDir, edition.lang)).replace(/[^/\\]+$/, '')}, or \`${LABELS}\` for the labels`, 2);
  const paired = new Map(pairs.units.map((p) => [p.b.key, p]));
  const entries: [string, StateEntry][] = [];
  let recorded = 0;
  let unpaired = 0;
  for (const chapter of structuresOf(source, edition.lang)) {
    const inFile = chosen.size === 0 || chosen.has(chapter.file);
    for (const unit of unitsOf(chapter)) {
      const selected = inFile && (!keys || keys.has(unit.key));
      const pair = paired.get(unit.key);
      if (selected && pair) {
        entries.push([unit.key, { hash: officialHash(pair.a.text), text: pair.a.text, translation: textHash(unit.text) }]);
        recorded++;
        continue;
      }
      if (selected) unpaired++;
      const old = index.lookup(unit.key, unit.text);
      if (old) entries.push([unit.key, { ...old, translation: textHash(unit.text) }]);
    }
  }
  const labelsChosen = chosen.size === 0 || chosen.has(LABELS);
  for (const { a, b } of pairLabels(source.labels.get(official.lang), source.labels.get(edition.lang))) {
    const old = index.lookup(b.key, b.text);
    if (labelsChosen && (!keys || keys.has(b.key))) {
      entries.push([b.key, { hash: officialHash(a.text), text: a.text, translation: textHash(b.text) }]);
      recorded++;
    } else if (old) entries.push([b.key, { ...old, translation: textHash(b.text) }]);
  }
  return { entries, recorded, unpaired };
}

export async function recordTranslated(loaded: Loaded, files: string[] = []): Promise<Recorded> {
  const { entries, recorded, unpaired } = recordEntries(loaded, files);
  const path = statePath(loaded.source.sourceDir, loaded.edition.lang);
  await writeFileAtomic(path, serialiseState(loaded.official.lang, entries));
  return { path: shown(path), recorded, unpaired, total: entries.length };
}
