/**
 * Checks each translation against the official language. Chapters are matched by file name;
 * sections by heading id and blocks by structure (kind, recommendation id, cited notes, numbers
 * and, once recorded, the official text each block translates) through a sequence alignment, so
 * a missing or an extra block is one message naming it and everything after it still pairs up.
 * A recommendation or a note citation the original has elsewhere is reported as moved.
 *
 * Each paired unit of text is compared with the translation state (`<lang>/.translated.json`): a
 * unit never recorded is `untranslated-block`; one whose official text changed since it was
 * recorded is `stale-translation`, with the change word by word; the labels likewise
 * (label-units.ts). A language listed in `draft` gets warnings instead of errors.
 *
 * Problems of the official text itself (a citation of an undefined note, a note never cited) are
 * the official language's messages: the translation is compared only on what the original gets
 * right, so they are not reported again for each translation.
 */
import { basename } from 'node:path';
import type { Edition } from '../model/types.js';
import type { SourceSet } from '../load/load-source.js';
import type { Diagnostics } from '../util/diagnostics.js';
import { shown } from '../util/paths.js';
import { locate } from '../load/read-json.js';
import { alignLanguage, type LanguagePairs, type Say } from './align-translation.js';
import { officialHash, readState, statePath, StateIndex } from './translation-state.js';
import { describeChange } from './word-diff.js';
import { describeBlock, type Unit } from './structure.js';
import { LABELS, pairLabels, type LabelPair } from './label-units.js';

const LATIN_WORD = /^[A-Za-z][A-Za-z'’.-]*$/;
/** Words of Latin script in a row that make “untranslated prose” in a Cyrillic edition. */
const LATIN_RUN = 8;
const CYRILLIC = /\p{Script=Cyrillic}/u;

function latinRun(text: string): string | undefined {
  const words = text.split(/\s+/);
  let run: string[] = [];
  for (const w of words) {
    const bare = w.replace(/^[«“"‘(\[]+|[»”"’),.;:\]]+$/g, '');
    if (bare && LATIN_WORD.test(bare) && !/^[A-Z0-9.-]+$/.test(bare)) {
      run.push(w);
      if (run.length >= LATIN_RUN) return run.join(' ');
    } else if (bare) run = [];
  }
  return undefined;
}

export interface TranslationCheckOptions {
  /** Only these translations (the official language is always read). */
  languages?: string[];
}

export function checkTranslations(source: SourceSet, editions: Edition[], diagnostics: Diagnostics, options: TranslationCheckOptions = {}): void {
  const meta = source.report.value;
  if (!meta) return;
  const official = editions.find((e) => e.lang === meta.officialLanguage);
  if (!official) return;
  const officialLabels = source.labels.get(official.lang)?.value;
  for (const edition of editions) {
    if (edition === official) continue;
    if (options.languages && !options.languages.includes(edition.lang)) continue;
    const draft = meta.draft?.includes(edition.lang) ?? false;
    const say: Say = (path, reason, ruleId, place) =>
      draft ? diagnostics.warn(path, `${reason} (draft translation)`, { place, ruleId }) : diagnostics.error(path, reason, { place, ruleId });

    // Label keys: topics must match the official labels' topics.
    const labels = source.labels.get(edition.lang);
    if (officialLabels && labels?.value) {
      for (const key of Object.keys(officialLabels.topics)) {
        if (!Object.hasOwn(labels.value.topics, key)) say(labels.path, `label \`topics.${key}\` is missing: translate it`, 'missing-label', locate(labels.text, labels.tree, ['topics']));
      }
    }

    const read = readState(source.sourceDir, edition.lang);
    const stateFile = shown(statePath(source.sourceDir, edition.lang));
    if (read.error) say(stateFile, `not a translation state (${read.error}): regenerate it with \`folio translated --lang ${edition.lang}\``, 'translation-state');
    const pairs = alignLanguage(source, official, edition, read.state, say);
    const state = new StateIndex(read.state);
    checkUnits(pairs, edition.lang, official.lang, state, stateFile, say, (unit, path) => officialErrors(diagnostics, path, unit));
    checkLabelUnits(pairLabels(source.labels.get(official.lang), labels), edition.lang, official.lang, state, stateFile, say);
  }
}

/**
 * The labels against the state, as the blocks are: a stale label names its change; when none of
 * them is recorded yet (a new language's labels), one message says so for the whole file.
 */
function checkLabelUnits(pairs: LabelPair[], lang: string, officialLang: string, state: StateIndex, stateFile: string, say: Say): void {
  const record = `then run \`folio translated --lang ${lang} ${LABELS}\``;
  const entries = pairs.map((p) => state.lookup(p.b.key, p.b.text));
  const first = pairs[0];
  if (first && entries.every((e) => e === undefined)) {
    const where = state.state ? `${stateFile} has no entry \`${LABELS}#…\`` : `${stateFile} does not exist yet`;
    say(first.bPath, `none of the ${pairs.length} labels is recorded as translated (${where}): translate them from ${first.aPath}, ${record}`, 'untranslated-block', first.b.place);
    return;
  }
  pairs.forEach(({ a, b, aPath, bPath }, i) => {
    const entry = entries[i];
    const name = `label \`${b.key.slice(LABELS.length + 1)}\``;
    if (!entry) {
      say(bPath, `${name} is not recorded as translated (${stateFile} has no entry \`${b.key}\`): translate it from ${aPath}:${a.place.line}, ${record}`, 'untranslated-block', b.place);
    } else if (entry.hash !== officialHash(a.text)) {
      say(bPath, `stale translation: the ${officialLang} ${name} changed since it was translated (${aPath}:${a.place.line}): ${describeChange(entry.text, a.text)}; update the label, ${record}`, 'stale-translation', b.place);
    }
  });
}

/** Untranslated text, and every paired unit against the state: never recorded, or stale. */
/** True when the official text of a unit holds an error of its own (reported there, once). */
function officialErrors(diagnostics: Diagnostics, path: string, unit: Unit): boolean {
  const from = unit.position?.start.line ?? 0;
  const to = unit.position?.end.line ?? 0;
  return (diagnostics.files.get(path)?.messages ?? []).some((m) => m.fatal === true && m.line != null && m.line >= from && m.line <= to);
}

function checkUnits(pairs: LanguagePairs, lang: string, officialLang: string, state: StateIndex, stateFile: string, say: Say, broken: (unit: Unit, path: string) => boolean): void {
  for (const { a, b, bPath } of pairs.blocks) {
    if (a.text.length > 20 && a.text === b.text) {
      say(bPath, `${describeBlock(b)} is identical to the original: translate it`, 'untranslated', b.position);
    } else if (CYRILLIC.test(b.text)) {
      const run = latinRun(b.text);
      if (run) say(bPath, `untranslated text? “${run.slice(0, 60)}…” is a run of Latin-script prose`, 'untranslated', b.position);
    }
  }
  for (const heading of pairs.headings) {
    if (heading.a.text === heading.b.text && /\p{L}{3}/u.test(heading.a.text)) {
      say(heading.bPath, `heading “${heading.b.text}” is not translated`, 'untranslated', heading.b.position);
    }
  }
  for (const { a, b, aPath, bPath } of pairs.units) {
    if (broken(a, aPath)) continue; // the official text is wrong: fixing it there comes first
    const entry = state.lookup(b.key, b.text);
    const file = basename(bPath);
    const record = `then run \`folio translated --lang ${lang} ${file}\``;
    if (!entry) {
      const where = state.state ? `${stateFile} has no entry \`${b.key}\`` : `${stateFile} does not exist yet`;
      say(bPath, `not recorded as translated (${where}): translate it from ${aPath}:${a.position?.start.line ?? 1}, ${record}`, 'untranslated-block', b.position?.start);
    } else if (entry.hash !== officialHash(a.text)) {
      say(bPath, `stale translation: the ${officialLang} text changed since it was translated (${aPath}:${a.position?.start.line ?? 1}): ${describeChange(entry.text, a.text)}; update the translation, ${record}`, 'stale-translation', b.position?.start);
    }
  }
}
