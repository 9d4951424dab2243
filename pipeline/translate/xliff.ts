/**
 * XLIFF 1.2 for CAT tools (Trados, memoQ, OmegaT, Weblate).
 *
 * `export`: one `<file>` per chapter, one `<trans-unit>` per unit of text paired between the
 * official language and the translation (headings, paragraphs, list items, table cells,
 * recommendations, and the notes' texts as their own units), id = the unit's structural key;
 * then a `<file original="labels">` with a unit per label (`labels#contents`: labels.ts).
 * `<source>` is the official text, `<target>` the translation as it stands, with its state:
 * `needs-translation` (never recorded as translated), `needs-review-translation` (the official
 * text changed since: stale), `translated` (recorded, draft language) or `final` (recorded).
 * Inline markup is protected codes (inline.ts).
 *
 * `import`: every unit is validated first — its id names a unit of the translation, its source is
 * still the official text, its codes are the ones exported (none unknown, altered, or, for notes
 * and cross-references, missing) — and a unit that fails is refused with its id; then only
 * changed targets are written back, each exactly over its unit's text, every file atomically and
 * only when every unit passed (a label over exactly its JSON string in its labels file). A target
 * whose state is `translated`, `final` or `signed-off` is recorded as translated. A target left as
 * exported changes no byte.
 */
import { readFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { FolioError } from '../util/diagnostics.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { shown } from '../util/paths.js';
import { alignLanguage } from '../check/align-translation.js';
import { chapterStructure, unitsOf, type Unit } from '../check/structure.js';
import { officialHash, readState, serialiseState, statePath, StateIndex, type StateEntry } from '../check/translation-state.js';
import { isLabelKey, LABELS, pairLabels, type LabelPair, type LabelUnit } from '../check/label-units.js';
import { labelFromTokens, labelTokens, withLabels } from './labels.js';
import { markdownOf, sameTokens, segmentOf, type Code, type Token } from './inline.js';
import { loadPair, recordEntries, type Loaded } from './record.js';

const NS = 'urn:oasis:names:tc:xliff:document:1.2';
const RECORDED_STATES = new Set(['translated', 'final', 'signed-off']);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => escape(s).replace(/"/g, '&quot;');

function tokensXml(tokens: Token[]): string {
  return tokens
    .map((t) => {
      switch (t.t) {
        case 'text':
          return escape(t.v);
        case 'open':
          return `<g id="${attr(t.id)}" ctype="${attr(t.ctype)}">`;
        case 'close':
          return '</g>';
        case 'x':
          return `<x id="${attr(t.id)}" ctype="${attr(t.ctype)}"${t.equiv ? ` equiv-text="${attr(t.equiv)}"` : ''}/>`;
        case 'ph':
          return `<ph id="${attr(t.id)}" ctype="${attr(t.ctype)}">${escape(t.v)}</ph>`;
      }
    })
    .join('');
}

export interface Exported {
  xml: string;
  units: number;
  states: Record<string, number>;
}

/** A unit's state: never recorded, stale (its official text changed since), or recorded (draft or final). */
function stateOf(entry: StateEntry | undefined, officialText: string, draft: boolean): string {
  return !entry ? 'needs-translation' : entry.hash !== officialHash(officialText) ? 'needs-review-translation' : draft ? 'translated' : 'final';
}

interface UnitOut {
  id: string;
  source: Token[];
  target: Token[];
  state: string;
  entry: StateEntry | undefined;
  /** Where the translation has it: its file relative to the source folder, and line. */
  file: string;
  line: number;
}

function unitXml(u: UnitOut, officialLang: string, lang: string): string[] {
  const out = [`      <trans-unit id="${attr(u.id)}" xml:space="preserve">`];
  out.push(`        <source xml:lang="${attr(officialLang)}">${tokensXml(u.source)}</source>`);
  out.push(`        <target xml:lang="${attr(lang)}" state="${u.state}">${tokensXml(u.target)}</target>`);
  out.push(`        <context-group purpose="location"><context context-type="sourcefile">${escape(u.file)}</context><context context-type="linenumber">${u.line}</context></context-group>`);
  if (u.state === 'needs-review-translation' && u.entry) out.push(`        <note from="folio" annotates="source">The ${officialLang} text changed since this was translated; it was: ${escape(u.entry.text)}</note>`);
  out.push('      </trans-unit>');
  return out;
}

export function exportXliff(loaded: Loaded, version: string): Exported {
  const { source, official, edition } = loaded;
  const read = readState(source.sourceDir, edition.lang);
  if (read.error) throw new FolioError(`${shown(statePath(source.sourceDir, edition.lang))}: ${read.error}`, 1);
  const index = new StateIndex(read.state);
  const pairs = alignLanguage(source, official, edition, read.state, () => undefined);
  const byFile = new Map<string, typeof pairs.units>();
  for (const pair of pairs.units) {
    const file = basename(pair.bPath);
    byFile.set(file, [...(byFile.get(file) ?? []), pair]);
  }
  const texts = new Map([...(source.chapters.get(official.lang) ?? []), ...(source.chapters.get(edition.lang) ?? [])].map((c) => [c.path, c.text]));
  const within = (path: string) => relative(resolve(source.sourceDir), resolve(path)).split(sep).join('/');
  const states: Record<string, number> = {};
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff version="1.2" xmlns="${NS}">`];
  let units = 0;
  const file = (original: string, datatype: string, list: UnitOut[]) => {
    if (list.length === 0) return;
    out.push(`  <file original="${attr(original)}" source-language="${attr(official.lang)}" target-language="${attr(edition.lang)}" datatype="${datatype}" tool-id="folio">`);
    out.push(`    <header><tool tool-id="folio" tool-name="folio" tool-version="${attr(version)}"/></header>`);
    out.push('    <body>');
    for (const u of list) {
      states[u.state] = (states[u.state] ?? 0) + 1;
      units++;
      out.push(...unitXml(u, official.lang, edition.lang));
    }
    out.push('    </body>', '  </file>');
  };
  for (const chapter of source.chapters.get(edition.lang) ?? []) {
    const name = basename(chapter.path);
    const list = (byFile.get(name) ?? []).slice().sort((x, y) => x.b.start - y.b.start);
    file(name, 'x-folio-markdown', list.map(({ a, b, aPath, bPath }) => {
      const entry = index.lookup(b.key, b.text);
      return { id: b.key, source: segmentOf(a, texts.get(aPath)!).tokens, target: segmentOf(b, texts.get(bPath)!).tokens, state: stateOf(entry, a.text, edition.draft), entry, file: within(bPath), line: b.position?.start.line ?? 1 };
    }));
  }
  // The labels, after the chapters: one <file> named `labels`, a unit per label.
  file(LABELS, 'plaintext', pairLabels(source.labels.get(official.lang), source.labels.get(edition.lang)).map(({ a, b, bPath }) => {
    const entry = index.lookup(b.key, b.text);
    return { id: b.key, source: labelTokens(a.text), target: labelTokens(b.text), state: stateOf(entry, a.text, edition.draft), entry, file: within(bPath), line: b.place.line };
  }));
  out.push('</xliff>', '');
  return { xml: out.join('\n'), units, states };
}

// ---------------------------------------------------------------------------------------------
// Import

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true });

function nameOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@')!;
}
function childrenOf(node: XmlNode): XmlNode[] {
  const v = node[nameOf(node)];
  return Array.isArray(v) ? (v as XmlNode[]) : [];
}
function find(nodes: XmlNode[], name: string): XmlNode[] {
  return nodes.filter((n) => nameOf(n) === name);
}

class Refused extends Error {}

/** A `<source>` or `<target>` as tokens; throws Refused on markup folio did not write. */
function tokensOf(nodes: XmlNode[], unitId: string): Token[] {
  const out: Token[] = [];
  for (const node of nodes) {
    const name = nameOf(node);
    const a = node[':@'] ?? {};
    if (name === '#text') out.push({ t: 'text', v: String(node['#text']) });
    else if (name === 'g') {
      if (!a.id) throw new Refused(`unit \`${unitId}\`: a <g> without id`);
      out.push({ t: 'open', id: a.id, ctype: a.ctype ?? '' }, ...tokensOf(childrenOf(node), unitId), { t: 'close', id: a.id });
    } else if (name === 'x') {
      if (!a.id) throw new Refused(`unit \`${unitId}\`: an <x/> without id`);
      out.push({ t: 'x', id: a.id, ctype: a.ctype ?? '' });
    } else if (name === 'ph') {
      if (!a.id) throw new Refused(`unit \`${unitId}\`: a <ph> without id`);
      const inner = childrenOf(node);
      if (inner.some((n) => nameOf(n) !== '#text')) throw new Refused(`unit \`${unitId}\`: <ph id="${a.id}"> holds markup`);
      out.push({ t: 'ph', id: a.id, ctype: a.ctype ?? '', v: inner.map((n) => String(n['#text'])).join('') });
    } else {
      throw new Refused(`unit \`${unitId}\`: inline code <${name}> is not one folio wrote (it writes <g>, <x/> and <ph>)`);
    }
  }
  return out;
}

/** The codes a target may use, and what each must look like. */
function checkCodes(target: Token[], source: Token[], codes: Map<string, Code>, unitId: string): void {
  const seen = new Map<string, number>();
  for (const t of target) {
    if (t.t === 'text' || t.t === 'close') continue;
    const code = codes.get(t.id);
    const element = t.t === 'open' ? 'g' : t.t;
    const xref = t.id.startsWith('r:');
    if (!code || (!xref && code.element !== element) || (xref ? !['g', 'x'].includes(element) || t.ctype !== 'x-folio-xref' : code.ctype !== t.ctype)) {
      throw new Refused(`unit \`${unitId}\`: inline code <${element} id="${t.id}"${t.ctype ? ` ctype="${t.ctype}"` : ''}> was damaged (it is not one of the unit's codes): restore it from the source`);
    }
    if (t.t === 'ph' && t.v !== code.open) throw new Refused(`unit \`${unitId}\`: the content of <ph id="${t.id}"> was changed (it must stay \`${code.open}\`)`);
    seen.set(t.id, (seen.get(t.id) ?? 0) + 1);
    if (seen.get(t.id)! > 1) throw new Refused(`unit \`${unitId}\`: inline code id \`${t.id}\` is used twice`);
  }
  for (const t of source) {
    if ((t.t === 'x' || t.t === 'open') && (t.id.startsWith('n:') || t.id.startsWith('r:')) && !seen.has(t.id)) {
      throw new Refused(`unit \`${unitId}\`: inline code \`${t.id}\` (${t.id.startsWith('n:') ? 'a note citation' : 'a cross-reference'}) is missing from the target: put it back`);
    }
  }
}

/** The Markdown for a cross-reference code, in the form the target uses. */
function withXrefs(codes: Map<string, Code>, target: Token[]): Map<string, Code> {
  const out = new Map(codes);
  for (const t of target) {
    if ((t.t === 'open' || t.t === 'x') && t.id.startsWith('r:')) {
      const anchor = t.id.slice(2).replace(/#\d+$/, '');
      const known = codes.get(t.id);
      if (t.t === 'x') out.set(t.id, { element: 'x', ctype: 'x-folio-xref', open: known?.element === 'x' ? known.open : `[](#${anchor})` });
      else out.set(t.id, known?.element === 'g' ? known : { element: 'g', ctype: 'x-folio-xref', open: '[', close: `](#${anchor})` });
    }
  }
  return out;
}

export interface Imported {
  written: string[];
  changed: number;
  recorded: number;
  units: number;
}

export async function importXliff(loaded: Loaded, path: string): Promise<Imported> {
  const { source, official, edition } = loaded;
  let tree: XmlNode[];
  try {
    tree = parser.parse(readFileSync(path, 'utf8')) as XmlNode[];
  } catch (error) {
    throw new FolioError(`${path}: not XML (${(error as Error).message})`, 1);
  }
  const xliff = find(tree, 'xliff')[0];
  if (!xliff || xliff[':@']?.version !== '1.2') throw new FolioError(`${path}: not an XLIFF 1.2 document`, 1);

  const read = readState(source.sourceDir, edition.lang);
  const pairs = alignLanguage(source, official, edition, read.state, () => undefined);
  const byKey = new Map(pairs.units.map((p) => [p.b.key, p]));
  const texts = new Map([...(source.chapters.get(official.lang) ?? []), ...(source.chapters.get(edition.lang) ?? [])].map((c) => [c.path, c.text]));
  const edits = new Map<string, { unit: Unit; markdown: string; target: Token[] }[]>();
  const labelPairs = new Map(pairLabels(source.labels.get(official.lang), source.labels.get(edition.lang)).map((p) => [p.b.key, p]));
  const labelEdits: { unit: LabelUnit; text: string }[] = [];
  const toRecord = new Set<string>();
  const problems: string[] = [];
  let units = 0;
  for (const file of find(childrenOf(xliff), 'file')) {
    const lang = file[':@']?.['target-language'];
    if (lang !== edition.lang) throw new FolioError(`${path}: a <file> for ${lang ?? 'no language'}, not ${edition.lang}`, 2);
    for (const body of find(childrenOf(file), 'body')) {
      for (const unit of find(childrenOf(body), 'trans-unit')) {
        units++;
        const id = unit[':@']?.id ?? '';
        try {
          if (isLabelKey(id)) {
            const done = importLabel(unit, id, labelPairs.get(id), official.lang, edition.lang);
            if (done.record) toRecord.add(id);
            if (done.edit) labelEdits.push(done.edit);
            continue;
          }
          const pair = byKey.get(id);
          if (!pair) throw new Refused(`unit \`${id}\`: no such block in ${edition.lang} (its structure changed since the export: export again)`);
          const sourceNode = find(childrenOf(unit), 'source')[0];
          const targetNode = find(childrenOf(unit), 'target')[0];
          const official_ = segmentOf(pair.a, texts.get(pair.aPath)!);
          const current = segmentOf(pair.b, texts.get(pair.bPath)!);
          if (!sourceNode || !sameTokens(tokensOf(childrenOf(sourceNode), id), official_.tokens)) {
            throw new Refused(`unit \`${id}\`: its source is not the ${official.lang} text as it is now (${pair.aPath}:${pair.a.position?.start.line ?? 1} changed since the export): export again`);
          }
          if (!targetNode) continue;
          const target = tokensOf(childrenOf(targetNode), id);
          const state = targetNode[':@']?.state ?? '';
          if (RECORDED_STATES.has(state)) toRecord.add(id);
          if (sameTokens(target, current.tokens)) continue;
          const codes = withXrefs(new Map([...official_.codes, ...current.codes]), target);
          checkCodes(target, official_.tokens, codes, id);
          const markdown = markdownOf(target.map((t) => (t.t === 'text' ? { t: 'text', v: t.v.replace(/\s+/g, ' ') } : t)), codes, pair.b.kind === 'cell').trim();
          if (!markdown) throw new Refused(`unit \`${id}\`: the target is empty`);
          edits.set(pair.bPath, [...(edits.get(pair.bPath) ?? []), { unit: pair.b, markdown, target }]);
        } catch (error) {
          if (error instanceof Refused) problems.push(error.message);
          else throw error;
        }
      }
    }
  }

  // Apply each file's edits from its end, then read the file again: each edited unit must read back as its target.
  const newTexts = new Map<string, string>();
  for (const [file, list] of edits) {
    let text = texts.get(file)!;
    for (const edit of list.slice().sort((x, y) => y.unit.start - x.unit.start)) text = text.slice(0, edit.unit.start) + edit.markdown + text.slice(edit.unit.end);
    const after = new Map(unitsOf(chapterStructure(file, text)).map((u) => [u.key, u]));
    for (const edit of list) {
      const unit = after.get(edit.unit.key);
      if (!unit || !sameTokens(segmentOf(unit, text).tokens, edit.target)) problems.push(`unit \`${edit.unit.key}\`: its target cannot be written as Markdown that reads back the same (${JSON.stringify(edit.markdown.slice(0, 60))}…)`);
    }
    newTexts.set(file, text);
  }
  const labelsFile = source.labels.get(edition.lang);
  if (labelEdits.length && labelsFile) {
    const bom = readFileSync(labelsFile.path, 'utf8').charCodeAt(0) === 0xfeff ? '\ufeff' : ''; // load-source read it without
    newTexts.set(labelsFile.path, bom + withLabels(labelsFile.text, labelEdits));
  }
  if (problems.length) throw new FolioError(`${path}: nothing was written; refused:\n${problems.map((p) => `  ${p}`).join('\n')}`, 1);

  for (const [file, text] of newTexts) await writeFileAtomic(file, text);
  let recorded = 0;
  if (toRecord.size) {
    const again = await loadPair(source.sourceDir, source.templatesDir, edition.lang);
    const { entries } = recordEntries(again, [], toRecord);
    recorded = toRecord.size;
    await writeFileAtomic(statePath(source.sourceDir, edition.lang), serialiseState(official.lang, entries));
  }
  return { written: [...newTexts.keys()].map(shown), changed: [...edits.values()].reduce((s, l) => s + l.length, 0) + labelEdits.length, recorded, units };
}

/** A label's unit: refused unless it names a label whose official text is still its source; its new text when the target changed it. */
function importLabel(unit: XmlNode, id: string, pair: LabelPair | undefined, officialLang: string, lang: string): { record: boolean; edit?: { unit: LabelUnit; text: string } } {
  if (!pair) throw new Refused(`unit \`${id}\`: no such label in ${lang}'s labels (they changed since the export: export again)`);
  const sourceNode = find(childrenOf(unit), 'source')[0];
  const official = labelTokens(pair.a.text);
  if (!sourceNode || !sameTokens(tokensOf(childrenOf(sourceNode), id), official)) {
    throw new Refused(`unit \`${id}\`: its source is not the ${officialLang} label as it is now (${pair.aPath}:${pair.a.place.line} changed since the export): export again`);
  }
  const targetNode = find(childrenOf(unit), 'target')[0];
  if (!targetNode) return { record: false };
  const target = tokensOf(childrenOf(targetNode), id);
  const record = RECORDED_STATES.has(targetNode[':@']?.state ?? '');
  if (sameTokens(target, labelTokens(pair.b.text))) return { record };
  const label = labelFromTokens(target, official, id);
  if ('refused' in label) throw new Refused(label.refused);
  return { record, edit: { unit: pair.b, text: label.text } };
}

/** The translation an XLIFF file is for: its first `<file>`'s target-language. */
export function targetLanguageOf(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FolioError(`cannot read ${path}`, 2);
  }
  const lang = /<file\b[^>]*\btarget-language="([^"]+)"/.exec(text)?.[1];
  if (!lang) throw new FolioError(`${path}: no <file target-language="…">: not an XLIFF file folio wrote`, 1);
  return lang;
}
