/**
 * Pairs a translation's chapters, sections, blocks, notes and units of text with the official
 * language's, and reports every structural difference once, naming what differs and where the
 * original has it. The pairs are what the translation state records and checks.
 */
import { basename } from 'node:path';
import type { Point, Position } from 'unist';
import type { Edition } from '../model/types.js';
import type { SourceSet } from '../load/load-source.js';
import { align } from './align.js';
import { chapterStructure, describeBlock, type Block, type ChapterStructure, type NoteDefinition, type Section, type Unit } from './structure.js';
import { StateIndex, type TranslationState } from './translation-state.js';

export type Say = (path: string, reason: string, ruleId: string, place?: Position | Point) => void;

export interface BlockPair { a: Block; b: Block; bPath: string }
export interface UnitPair { a: Unit; b: Unit; aPath: string; bPath: string }
export interface HeadingPair { a: NonNullable<Section['heading']>; b: NonNullable<Section['heading']>; bPath: string }

export interface LanguagePairs {
  blocks: BlockPair[];
  headings: HeadingPair[];
  units: UnitPair[];
}

/** Structures of a language's chapters, in file order. */
export function structuresOf(source: SourceSet, lang: string): ChapterStructure[] {
  return (source.chapters.get(lang) ?? []).map((c) => chapterStructure(c.path, c.text));
}

const line = (p?: Position) => p?.start.line ?? 1;
const at = (path: string, p?: Position) => `${path}:${line(p)}`;
const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
const numbers = (text: string) => new Set(text.match(/\d+/g) ?? []);

function jaccard<T>(x: Set<T> | T[], y: Set<T> | T[]): number {
  const a = x instanceof Set ? x : new Set(x);
  const b = y instanceof Set ? y : new Set(y);
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const v of a) if (b.has(v)) both++;
  return both / (a.size + b.size - both);
}

interface Context {
  state: StateIndex;
  /** The translation's length per character of the original, over the chapter. */
  ratio: number;
  healthy: Set<string>;
  /** What similarity derives from one block, kept: the alignment compares each block with many. */
  derived: Map<Block, Derived>;
}

/** A block's text as recorded in the translation state (undefined: not all of it is), its units' text now, its words and numbers. */
interface Derived { recorded?: string; recordedWords?: Set<string>; now: string; words: Set<string>; numbers: Set<string> }

function derivedOf(block: Block, ctx: Context): Derived {
  let d = ctx.derived.get(block);
  if (!d) {
    const recorded = block.units.map((u) => ctx.state.lookup(u.key, u.text)?.text);
    const complete = block.units.length > 0 && recorded.every((t) => t !== undefined);
    const now = block.units.map((u) => u.text).join(' ');
    d = { now, words: words(now), numbers: numbers(block.text), ...(complete ? { recorded: recorded.join(' ') } : {}) };
    ctx.derived.set(block, d);
  }
  return d;
}

function wordsOfRecorded(d: Derived): Set<string> {
  d.recordedWords ??= words(d.recorded ?? '');
  return d.recordedWords;
}

/** How alike an original block and a translation block are, 0..1. */
function similarity(a: Block, b: Block, ctx: Context): number {
  const da = derivedOf(a, ctx);
  const db = derivedOf(b, ctx);
  if (db.recorded !== undefined) {
    if (db.recorded === da.now) return 1;
    return 0.4 + 0.6 * jaccard(wordsOfRecorded(db), da.words);
  }
  const features: [number, number][] = [];
  const notesA = a.notes.filter((n) => ctx.healthy.has(n));
  const notesB = b.notes.filter((n) => ctx.healthy.has(n));
  if (notesA.length || notesB.length) features.push([jaccard(notesA, notesB), 3]);
  if (a.refs.length || b.refs.length) features.push([jaccard(a.refs, b.refs), 2]);
  const digitsA = da.numbers;
  const digitsB = db.numbers;
  if (digitsA.size || digitsB.size) features.push([jaccard(digitsA, digitsB), 2]);
  if (a.size !== undefined) features.push([a.size === b.size ? 1 : 0, 1]);
  const r = b.text.length / Math.max(1, a.text.length) / ctx.ratio;
  features.push([r > 0 ? Math.min(r, 1 / r) : 0, 1]);
  const weight = features.reduce((s, [, w]) => s + w, 0);
  return features.reduce((s, [v, w]) => s + v * w, 0) / weight;
}

function blockCost(a: Block, b: Block, ctx: Context): number {
  if (a.kind !== b.kind) return 1.8;
  if (a.kind === 'recommendation') return a.id === b.id ? 0 : 1.5;
  return 1.2 * (1 - similarity(a, b, ctx));
}

/** Units of two paired blocks, paired by their path inside the block (list item, table cell). */
function pairUnits(a: Block, b: Block, aPath: string, bPath: string, out: UnitPair[]): void {
  const theirs = new Map(b.units.map((u) => [u.key.slice(b.key.length), u]));
  for (const u of a.units) {
    const v = theirs.get(u.key.slice(a.key.length));
    if (v) out.push({ a: u, b: v, aPath, bPath });
  }
}

interface NoteDiff { a: Block; b: Block; aPath: string; bPath: string; missing: string[]; extra: string[] }

interface Place { chapter: ChapterStructure; section: Section; block: Block }

function recommendationPlaces(chapters: ChapterStructure[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      for (const block of section.blocks) if (block.kind === 'recommendation' && block.id && !places.has(block.id)) places.set(block.id, { chapter, section, block });
    }
  }
  return places;
}

/** Sections paired by heading id; a heading renamed in place (same level, neither id on the other side) pairs too. */
function alignSections(a: ChapterStructure, b: ChapterStructure) {
  const idsA = new Set(a.sections.map((s) => s.heading?.id));
  const idsB = new Set(b.sections.map((s) => s.heading?.id));
  return align(a.sections, b.sections, (x, y) => {
    if (!x.heading || !y.heading) return !x.heading && !y.heading ? 0 : Infinity;
    if (x.heading.id === y.heading.id) return 0;
    return !idsB.has(x.heading.id) && !idsA.has(y.heading.id) && x.heading.depth === y.heading.depth ? 1.5 : Infinity;
  });
}

const sectionName = (s: Section) => (s.heading ? `section \`${s.heading.id}\`` : 'the start');

export function alignLanguage(source: SourceSet, official: Edition, edition: Edition, state: TranslationState | undefined, say: Say): LanguagePairs {
  const ours = structuresOf(source, official.lang);
  const theirs = structuresOf(source, edition.lang);
  const result: LanguagePairs = { blocks: [], headings: [], units: [] };
  const index = new StateIndex(state);
  const healthy = new Set(official.notes.map((n) => n.id));
  const reportedNotes = new Set<string>();
  const noteDiffs: NoteDiff[] = [];

  const definitionsA = new Map<string, { note: NoteDefinition; chapter: ChapterStructure }>();
  for (const chapter of ours) for (const note of chapter.notes) if (!definitionsA.has(note.label)) definitionsA.set(note.label, { note, chapter });
  const definitionsB = new Map<string, { note: NoteDefinition; chapter: ChapterStructure }>();
  for (const chapter of theirs) for (const note of chapter.notes) if (!definitionsB.has(note.label)) definitionsB.set(note.label, { note, chapter });
  /** Labels compared block by block: the original's sound notes, and the translation's labels the original does not have (renamed?). */
  const compared = (n: string) => healthy.has(n) || !definitionsA.has(n);

  const byFile = new Map(theirs.map((c) => [c.file, c]));
  const officialFiles = new Map(ours.map((c) => [c.file, c]));
  const langDir = source.chapters.get(edition.lang)?.[0]?.path.replace(/[^/\\]+$/, '') ?? `${edition.lang}/`;
  for (const chapter of ours) {
    if (!byFile.has(chapter.file)) {
      say(`${langDir}${chapter.file}`, `chapter missing: translate ${chapter.path}`, 'missing-chapter');
      for (const n of chapter.notes) reportedNotes.add(n.label);
    }
  }
  for (const chapter of theirs) {
    if (!officialFiles.has(chapter.file)) say(chapter.path, `extra chapter: ${official.lang} has no ${chapter.file}`, 'extra-chapter');
  }

  // Sections by heading id, per chapter: which translated section stands for which original one.
  const chapterSteps: { a: ChapterStructure; b: ChapterStructure; steps: ReturnType<typeof alignSections> }[] = [];
  const counterpart = new Map<Section, Section>();
  for (const a of ours) {
    const b = byFile.get(a.file);
    if (!b) continue;
    const steps = alignSections(a, b);
    for (const step of steps) if (step.a && step.b) counterpart.set(step.b, step.a);
    chapterSteps.push({ a, b, steps });
  }

  // Recommendations the original has in another section or chapter: moved, and left out of the alignment.
  const placesA = recommendationPlaces(ours);
  const placesB = recommendationPlaces(theirs);
  const moved = new Set<string>();
  for (const [id, b] of placesB) {
    const a = placesA.get(id);
    if (!a || counterpart.get(b.section) === a.section) continue;
    if (!officialFiles.has(b.chapter.file) || !byFile.has(a.chapter.file)) continue; // a missing or extra chapter says it
    moved.add(id);
    const there = `${sectionName(a.section)} of ${a.chapter.file}`;
    say(b.chapter.path, `recommendation \`${id}\` is in ${sectionName(b.section)} here, but the original has it in ${there} (${at(a.chapter.path, a.block.position)}): move it there`, 'moved-recommendation', b.block.position);
  }
  const staying = (blocks: Block[]) => blocks.filter((x) => !(x.kind === 'recommendation' && x.id && moved.has(x.id)));

  for (const { a, b, steps } of chapterSteps) {
    const length = (c: ChapterStructure) => c.sections.reduce((s, x) => s + x.blocks.reduce((t, y) => t + y.text.length, 0), 0);
    const ctx: Context = { state: index, ratio: Math.max(0.2, length(b) / Math.max(1, length(a))), healthy, derived: new Map() };
    steps.forEach((step, k) => {
      if (step.a && !step.b) {
        const next = steps.slice(k + 1).find((s) => s.b)?.b;
        const where = next?.heading ? `before section \`${next.heading.id}\`` : 'at the end of the chapter';
        const count = step.a.blocks.length;
        say(b.path, `${step.a.heading ? `section \`${step.a.heading.id}\` (“${step.a.heading.text}”)` : 'the chapter’s opening text'} is missing ${where}: the original has it at ${at(a.path, step.a.heading?.position ?? step.a.blocks[0]?.position)}${count ? ` with ${count} block(s)` : ''}; translate it`, 'parallel-sections', next?.heading?.position?.start ?? b.sections[b.sections.length - 1]?.blocks.at(-1)?.position?.end);
        for (const x of step.a.blocks) for (const n of x.notes) reportedNotes.add(n);
        return;
      }
      if (step.b && !step.a) {
        const id = step.b.heading?.id;
        say(b.path, id ? `extra section \`${id}\`: the original ${a.path} has no heading \`${id}\`; remove it, or add it to the original first` : `text before the first heading, which the original ${a.path} does not have: remove it, or add it to the original first`, 'parallel-sections', step.b.heading?.position ?? step.b.blocks[0]?.position);
        return;
      }
      const x = step.a!;
      const y = step.b!;
      if (x.heading && y.heading) {
        if (x.heading.id !== y.heading.id) {
          say(b.path, `heading \`${y.heading.id}\` where the original has \`${x.heading.id}\` (${at(a.path, x.heading.position)}): use the original's id`, 'parallel-headings', y.heading.position);
        } else if (x.heading.depth !== y.heading.depth) {
          say(b.path, `heading \`${y.heading.id}\` is level ${y.heading.depth} where the original's is level ${x.heading.depth} (${at(a.path, x.heading.position)}): use ${'#'.repeat(x.heading.depth)}`, 'parallel-headings', y.heading.position);
        }
        result.headings.push({ a: x.heading, b: y.heading, bPath: b.path });
        if (x.heading.unit && y.heading.unit) result.units.push({ a: x.heading.unit, b: y.heading.unit, aPath: a.path, bPath: b.path });
      }
      compareBlocks(staying(x.blocks), staying(y.blocks), y, a, b, ctx);
    });
  }

  function compareBlocks(as: Block[], bs: Block[], section: Section, a: ChapterStructure, b: ChapterStructure, ctx: Context, inNote?: string): void {
    const steps = align(as, bs, (x, y) => blockCost(x, y, ctx));
    const within = inNote ? `note \`${inNote}\`` : sectionName(section);
    steps.forEach((step, k) => {
      if (step.a && !step.b) {
        const next = steps.slice(k + 1).find((s) => s.b)?.b;
        const previous = steps.slice(0, k).reverse().find((s) => s.b)?.b;
        const [where, place] = next
          ? ['before this block', next.position?.start]
          : previous
            ? ['after this block', previous.position?.start]
            : [`in ${within}`, section.heading?.position?.start];
        const cites = step.a.notes.filter((n) => healthy.has(n));
        say(b.path, `${describeBlock(step.a)} is missing ${where}: the original has it at ${at(a.path, step.a.position)}${cites.length ? ` (citing ${cites.map((n) => `\`${n}\``).join(', ')})` : ''}; translate it`, 'missing-block', place);
        for (const n of cites) reportedNotes.add(n);
        return;
      }
      if (step.b && !step.a) {
        say(b.path, `extra ${describeBlock(step.b)}: the original has no such block in ${within} (${a.path}); remove it, or add it to the original first`, 'extra-block', step.b.position);
        return;
      }
      const x = step.a!;
      const y = step.b!;
      if (x.kind !== y.kind) {
        say(b.path, `${describeBlock(y)} where the original has a ${describeBlock(x)} (${at(a.path, x.position)}): keep the original's kind of block`, 'parallel-blocks', y.position);
        return;
      }
      if (x.kind === 'recommendation' && x.id !== y.id) {
        say(b.path, `recommendation \`${y.id}\` where the original has \`${x.id}\` {${x.attributes}} (${at(a.path, x.position)}): use the original's id${x.attributes === y.attributes ? '' : ' and attributes'}`, 'parallel-recommendations', y.position);
      } else if (x.kind === 'recommendation' && x.attributes !== y.attributes) {
        say(b.path, `recommendation \`${y.id}\` has {${y.attributes}} where the original has {${x.attributes}} (${at(a.path, x.position)}): use the original's attributes`, 'parallel-recommendations', y.position);
      }
      const sized = (x.kind === 'list' || x.kind === 'table') && x.size !== y.size;
      if (sized) {
        say(b.path, `${x.kind} with ${y.size} ${x.kind === 'list' ? 'items' : 'rows'} where the original has ${x.size} (${at(a.path, x.position)}): keep one translated ${x.kind === 'list' ? 'item per item' : 'row per row'}`, 'parallel-blocks', y.position);
      }
      const notesX = x.notes.filter((n) => healthy.has(n));
      const notesY = y.notes.filter(compared);
      const missing = notesX.filter((n) => !notesY.includes(n));
      const extra = notesY.filter((n) => !notesX.includes(n));
      if (missing.length || extra.length) noteDiffs.push({ a: x, b: y, aPath: a.path, bPath: b.path, missing, extra });
      else if (notesX.join(' ') !== notesY.join(' ')) {
        say(b.path, `notes cited in a different order (${notesY.join(', ')}) than in the original (${notesX.join(', ')}, ${at(a.path, x.position)})`, 'note-order', y.position);
      }
      result.blocks.push({ a: x, b: y, bPath: b.path });
      if (!sized) pairUnits(x, y, a.path, b.path, result.units); // a list or table of another shape: its items are not recorded until it has the original's

    });
  }

  // Note texts: the same label's definitions, block by block.
  for (const [label, a] of definitionsA) {
    const b = definitionsB.get(label);
    if (!b || !healthy.has(label)) continue;
    const ctx: Context = { state: index, ratio: 1, healthy, derived: new Map() };
    compareBlocks(a.note.blocks, b.note.blocks, { blocks: [] }, a.chapter, b.chapter, ctx, label);
  }

  // Citations: a label the original has under another name in the same block is renamed; a note
  // the original cites in another block is moved; else missing or extra.
  const renamed = new Set<string>();
  for (const d of noteDiffs) {
    const gone = d.missing.filter((n) => !definitionsB.has(n));
    const added = d.extra.filter((n) => !definitionsA.has(n));
    for (let i = 0; i < Math.min(gone.length, added.length); i++) {
      const [x, y] = [gone[i]!, added[i]!];
      say(d.bPath, `note \`${y}\` is \`${x}\` in the original (${at(d.aPath, d.a.position)}): rename its citation and its definition`, 'renamed-note', d.b.position);
      d.missing.splice(d.missing.indexOf(x), 1);
      d.extra.splice(d.extra.indexOf(y), 1);
      reportedNotes.add(x);
      renamed.add(y);
    }
  }
  const missingAt = new Map<string, NoteDiff>();
  for (const d of noteDiffs) for (const n of d.missing) if (!missingAt.has(n)) missingAt.set(n, d);
  const movedNotes = new Set<string>();
  for (const d of noteDiffs) {
    for (const n of d.extra) {
      if (!definitionsA.has(n)) continue; // extra-note says it, once
      const original = missingAt.get(n);
      if (!original) {
        say(d.bPath, `${describeBlock(d.b)} cites note \`${n}\`, which the original's block (${at(d.aPath, d.a.position)}) does not: remove the citation, or move it where the original has it`, 'parallel-notes', d.b.position);
        continue;
      }
      movedNotes.add(n);
      say(d.bPath, `note \`${n}\` is cited here, but the original cites it in ${describeBlock(original.a)} (${at(original.aPath, original.a.position)}): move the citation there`, 'moved-note', d.b.position);
    }
  }
  for (const d of noteDiffs) {
    for (const n of d.missing) {
      if (movedNotes.has(n)) continue;
      reportedNotes.add(n);
      const definition = definitionsA.get(n);
      if (definitionsB.has(n)) {
        say(d.bPath, `${describeBlock(d.b)} does not cite note \`${n}\`, which the original cites here (${at(d.aPath, d.a.position)}): cite it`, 'parallel-notes', d.b.position);
      } else {
        say(d.bPath, `note \`${n}\` is missing: the original cites it here (${at(d.aPath, d.a.position)}); cite it and translate the note (${definition ? at(definition.chapter.path, definition.note.position) : 'its definition'})`, 'missing-note', d.b.position);
      }
    }
  }

  // Notes defined in one language only.
  for (const [label, b] of definitionsB) {
    if (!definitionsA.has(label) && !renamed.has(label)) {
      say(b.chapter.path, `note \`${label}\` does not exist in the ${official.lang} edition: use the same labels as the original`, 'extra-note', b.note.position);
    }
  }
  for (const note of official.notes) {
    if (definitionsB.has(note.id) || reportedNotes.has(note.id)) continue;
    const name = basename(note.path);
    say(byFile.get(name)?.path ?? `${langDir}${name}`, `note \`${note.label}\` is missing: translate it (${note.path}:${note.definition.position?.start.line ?? '?'})`, 'missing-note');
  }
  return result;
}
