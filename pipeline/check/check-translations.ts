/**
 * Checks that each translation stays structurally parallel to the official language: the same
 * chapters, headings and ids, the same number of blocks in each section, the same notes cited in the
 * same order, the same recommendations with the same attributes, the same label keys, and no text
 * left untranslated. A language declared as a draft in report.json gets warnings instead of errors.
 */
import { basename } from 'node:path';
import type { Edition } from '../model/types.js';
import type { SourceSet } from '../load/load-source.js';
import type { Diagnostics } from '../util/diagnostics.js';
import type { Chapter } from '../model/types.js';
import { skeleton, type Block } from './skeleton.js';
import { locate } from '../load/read-json.js';
import type { Point } from 'unist';

const LATIN_WORD = /^[A-Za-z][A-Za-z'’.-]*$/;
/** Words of Latin script in a row that make “untranslated prose” in a Cyrillic edition. */
const LATIN_RUN = 8;
const CYRILLIC = /\p{Script=Cyrillic}/u;

function chaptersOf(edition: Edition): Chapter[] {
  return edition.root.children;
}

function describe(block: Block): string {
  if (block.kind === 'heading') return `heading \`${block.id}\``;
  if (block.kind === 'recommendation') return `recommendation \`${block.id}\``;
  return block.kind;
}

/** Splits blocks into sections at headings. */
function sections(blocks: Block[]): { heading?: Block; body: Block[] }[] {
  const out: { heading?: Block; body: Block[] }[] = [{ body: [] }];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push({ heading: b, body: [] });
    else out[out.length - 1]!.body.push(b);
  }
  return out.filter((s, i) => i > 0 || s.body.length > 0);
}

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

export function checkTranslations(source: SourceSet, editions: Edition[], diagnostics: Diagnostics): void {
  const meta = source.report.value;
  if (!meta) return;
  const official = editions.find((e) => e.lang === meta.officialLanguage);
  if (!official) return;
  const officialLabels = source.labels.get(official.lang)?.value;
  for (const edition of editions) {
    if (edition === official) continue;
    const draft = meta.draft?.includes(edition.lang) ?? false;
    const say: Say = (path, reason, ruleId, place, point) =>
      draft ? diagnostics.warn(path, `${reason} (draft translation)`, { place: place ?? point, ruleId }) : diagnostics.error(path, reason, { place: place ?? point, ruleId });

    // Label keys: topics must match the official labels' topics.
    const labels = source.labels.get(edition.lang);
    if (officialLabels && labels?.value) {
      for (const key of Object.keys(officialLabels.topics)) {
        if (!Object.hasOwn(labels.value.topics, key)) say(labels.path, `label \`topics.${key}\` is missing: translate it`, 'missing-label', undefined, locate(labels.text, labels.tree, ['topics']));
      }
    }

    const theirs = new Map(chaptersOf(edition).map((c) => [basename(c.path), c]));
    const ours = new Map(chaptersOf(official).map((c) => [basename(c.path), c]));
    const langDir = source.chapters.get(edition.lang)?.[0]?.path.replace(/[^/\\]+$/, '') ?? `${edition.lang}/`;
    for (const [name, chapter] of ours) {
      if (!theirs.has(name)) say(`${langDir}${name}`, `chapter missing: translate ${chapter.path}`, 'missing-chapter');
    }
    for (const [name, chapter] of theirs) {
      const original = ours.get(name);
      if (!original) {
        say(chapter.path, `extra chapter: ${official.lang} has no ${name}`, 'extra-chapter');
        continue;
      }
      compareChapter(original, chapter, say);
    }

    // Notes: the same labels in both.
    const officialNotes = new Set(official.notes.map((n) => n.id));
    for (const note of edition.notes) {
      if (!officialNotes.has(note.id)) say(note.path, `note \`${note.label}\` does not exist in the ${official.lang} edition: use the same labels as the original`, 'extra-note', note.definition.position);
    }
    const translated = new Set(edition.notes.map((n) => n.id));
    for (const note of official.notes) {
      if (!translated.has(note.id)) {
        const name = basename(note.path);
        say(theirs.get(name)?.path ?? `${langDir}${name}`, `note \`${note.label}\` is missing: translate it (${note.path}:${note.definition.position?.start.line ?? '?'})`, 'missing-note');
      }
    }
  }
}

type Say = (path: string, reason: string, ruleId: string, place?: Block['position'], point?: Point) => void;

function compareChapter(original: Chapter, translation: Chapter, say: Say): void {
  const a = sections(skeleton(original));
  const b = sections(skeleton(translation));
  const path = translation.path;
  if (a.length !== b.length) {
    say(path, `${b.length} sections where ${original.path} has ${a.length}: keep the same headings`, 'parallel-sections', translation.position);
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const sa = a[i]!;
    const sb = b[i]!;
    if (sa.heading && sb.heading) {
      if (sa.heading.id !== sb.heading.id || sa.heading.depth !== sb.heading.depth) {
        say(path, `heading \`${sb.heading.id}\` (level ${sb.heading.depth}) where the original has \`${sa.heading.id}\` (level ${sa.heading.depth})`, 'parallel-headings', sb.heading.position);
      }
      if (sa.heading.text === sb.heading.text && /\p{L}{3}/u.test(sa.heading.text)) {
        say(path, `heading “${sb.heading.text}” is not translated`, 'untranslated', sb.heading.position);
      }
    }
    const where = sb.heading ? `section \`${sb.heading.id}\`` : 'the chapter’s start';
    if (sa.body.length !== sb.body.length) {
      say(path, `${where} has ${sb.body.length} blocks where the original has ${sa.body.length} (${sa.body.map(describe).join(', ')}): keep one translated paragraph per paragraph`, 'parallel-blocks', (sb.heading ?? sb.body[0])?.position);
    }
    for (let j = 0; j < Math.min(sa.body.length, sb.body.length); j++) {
      compareBlock(sa.body[j]!, sb.body[j]!, path, say);
    }
  }
}

function compareBlock(x: Block, y: Block, path: string, say: Say): void {
  if (x.kind !== y.kind) {
    say(path, `${describe(y)} where the original has ${describe(x)}`, 'parallel-blocks', y.position);
    return;
  }
  if (x.kind === 'recommendation' && (x.id !== y.id || x.attributes !== y.attributes)) {
    say(path, `recommendation \`${y.id}\` {${y.attributes}} where the original has \`${x.id}\` {${x.attributes}}: keep ids and attributes as in the original`, 'parallel-recommendations', y.position);
  }
  if ((x.kind === 'list' || x.kind === 'table') && x.size !== y.size) {
    say(path, `${x.kind} with ${y.size} ${x.kind === 'list' ? 'items' : 'rows'} where the original has ${x.size}`, 'parallel-blocks', y.position);
  }
  if (x.notes.join(' ') !== y.notes.join(' ')) {
    const missing = x.notes.filter((n) => !y.notes.includes(n));
    const extra = y.notes.filter((n) => !x.notes.includes(n));
    const reason = missing.length || extra.length
      ? `notes differ from the original's paragraph:${missing.length ? ` missing ${missing.map((n) => `\`${n}\``).join(', ')}` : ''}${extra.length ? ` extra ${extra.map((n) => `\`${n}\``).join(', ')}` : ''}`
      : `notes cited in a different order (${y.notes.join(', ')}) than in the original (${x.notes.join(', ')})`;
    say(path, reason, missing.length || extra.length ? 'parallel-notes' : 'note-order', y.position);
  }
  if (x.text.length > 20 && x.text === y.text) {
    say(path, `${describe(y)} is identical to the original: translate it`, 'untranslated', y.position);
  } else if (CYRILLIC.test(y.text)) {
    const run = latinRun(y.text);
    if (run) say(path, `untranslated text? “${run.slice(0, 60)}…” is a run of Latin-script prose`, 'untranslated', y.position);
  }
}
