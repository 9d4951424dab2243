/**
 * The labels as units of translation: every fixed word of an edition that a translator translates
 * (`templates/labels/<lang>.json`), keyed by its JSON path under `labels` (`labels#contents`,
 * `labels#results.caption`, `labels#topics.media`), paired with the official language's by key.
 * Left out are the values that are not translations of the official ones: the language's tag,
 * locale and own name, and the letters its subsections are numbered with.
 *
 * Label keys do not move as blocks do, so their state entries are found by key alone
 * (translation-state.ts), and `folio translated --lang ru labels` records them.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Point } from 'unist';
import type { Labels } from '../model/types.js';
import type { JsonFile } from '../load/read-json.js';
import { pointAt } from '../load/read-json.js';

/** What `folio translated` and the state keys call the labels, as a chapter is called by its file name. */
export const LABELS = 'labels';

const NOT_TRANSLATED = new Set(['$schema', 'language', 'locale', 'languageName', 'subsectionLetters']);

export interface LabelUnit {
  /** `labels#results.caption`. */
  key: string;
  text: string;
  /** The JSON string's offsets in the file's text (its quotes included), to write a new value over. */
  start: number;
  end: number;
  place: Point;
}

export interface LabelPair {
  a: LabelUnit;
  b: LabelUnit;
  aPath: string;
  bPath: string;
}

export function isLabelKey(key: string): boolean {
  return key.startsWith(`${LABELS}#`);
}

/** The translatable labels of a labels file, in the file's order. */
export function labelUnits(file: JsonFile<Labels> | undefined): LabelUnit[] {
  const out: LabelUnit[] = [];
  if (!file?.tree || !file.value) return out;
  const walk = (node: JsonNode, path: string[]) => {
    for (const property of node.children ?? []) {
      const [name, value] = property.children ?? [];
      if (!name || !value || typeof name.value !== 'string') continue;
      if (path.length === 0 && NOT_TRANSLATED.has(name.value)) continue;
      const inner = [...path, name.value];
      if (value.type === 'object') walk(value, inner);
      else if (value.type === 'string') {
        out.push({ key: `${LABELS}#${inner.join('.')}`, text: String(value.value), start: value.offset, end: value.offset + value.length, place: pointAt(file.text, value.offset) });
      }
    }
  };
  if (file.tree.type === 'object') walk(file.tree, []);
  return out;
}

/** The translation's labels paired with the official ones of the same key, in the translation's order. */
export function pairLabels(official: JsonFile<Labels> | undefined, translation: JsonFile<Labels> | undefined): LabelPair[] {
  if (!official || !translation) return [];
  const theirs = new Map(labelUnits(official).map((u) => [u.key, u]));
  const pairs: LabelPair[] = [];
  for (const b of labelUnits(translation)) {
    const a = theirs.get(b.key);
    if (a) pairs.push({ a, b, aPath: official.path, bPath: translation.path });
  }
  return pairs;
}
