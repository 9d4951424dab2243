/**
 * What each translated block translates: `source/<lang>/.translated.json`, kept in the repository
 * next to the translation. One entry per unit of the translation, keyed by its structural key (see
 * structure.ts), holding the official text it was translated from and that text's hash:
 *
 *     { "official": "en", "units": { "08-media.md#media/0": { "hash": "…", "text": "The Constitution…", "translation": "…" } } }
 *
 * Keys are written in document order of the translation (chapters in file order, then the labels:
 * `labels#contents`), so a review diff shows which blocks were (re)translated and from what.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLabelKey } from './label-units.js';

export const STATE_FILE = '.translated.json';

export interface StateEntry {
  /** Hash of the official text. */
  hash: string;
  /** The official text as it was translated (its Markdown, white space made single spaces). */
  text: string;
  /** Hash of the translation's own text when it was recorded: finds the entry again after blocks were added or removed around it. */
  translation: string;
}

export interface TranslationState {
  official: string;
  units: Record<string, StateEntry>;
}

/**
 * The hash a state entry holds for an official text: note labels left out (`[^label]` counts as
 * `[^]`), since the structural checks compare citations, and a renamed label is not a new text.
 */
export function officialHash(text: string): string {
  return textHash(text.replace(/\[\^[^\]\s]+\]/g, '[^]'));
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function statePath(sourceDir: string, lang: string): string {
  return join(sourceDir, lang, STATE_FILE);
}

/** The language's state, `undefined` when it has none yet; throws on a file that is not a state. */
export function readState(sourceDir: string, lang: string): { state?: TranslationState; text?: string; error?: string } {
  let text: string;
  try {
    text = readFileSync(statePath(sourceDir, lang), 'utf8');
  } catch {
    return {};
  }
  try {
    const value = JSON.parse(text) as TranslationState;
    if (!value || typeof value !== 'object' || typeof value.units !== 'object' || value.units === null) throw new Error('no `units` object');
    for (const [key, entry] of Object.entries(value.units)) {
      if (typeof entry?.hash !== 'string' || typeof entry.text !== 'string' || typeof entry.translation !== 'string') throw new Error(`entry \`${key}\` needs a \`hash\`, a \`text\` and a \`translation\``);
    }
    return { state: value, text };
  } catch (error) {
    return { text, error: (error as Error).message };
  }
}

/** The state as written: keys in the order given, two-space JSON, a final newline. */
export function serialiseState(official: string, entries: [string, StateEntry][]): string {
  const units: Record<string, StateEntry> = {};
  for (const [key, entry] of entries) units[key] = { hash: entry.hash, text: entry.text, translation: entry.translation };
  return `${JSON.stringify({ official, units }, null, 2)}\n`;
}

/**
 * Finds a unit's entry: by the hash of its own text first (blocks added or removed before it shift
 * keys), else by its key. A label's entry by its key alone: label keys do not shift, and a label
 * that reads as some block does (“Media”) must not take that block's entry.
 */
export class StateIndex {
  private readonly byTranslation = new Map<string, StateEntry | null>();
  constructor(readonly state: TranslationState | undefined) {
    for (const [key, entry] of Object.entries(state?.units ?? {})) {
      if (isLabelKey(key)) continue;
      this.byTranslation.set(entry.translation, this.byTranslation.has(entry.translation) ? null : entry);
    }
  }

  lookup(key: string, text: string): StateEntry | undefined {
    if (isLabelKey(key)) return Object.hasOwn(this.state?.units ?? {}, key) ? this.state!.units[key] : undefined;
    return this.byTranslation.get(textHash(text)) ?? this.state?.units[key];
  }
}
