/**
 * XLIFF 1.2 round trips on the real report: the export is valid against the XLIFF 1.2 schema
 * (test/fixtures/translation/xliff: the part of xliff-core-1.2-strict folio writes) and read by an
 * independent reader (the `xliff` package), one unit per paired block with its state; an import of
 * the export leaves every source file byte-identical; an edited target lands in exactly its block
 * and is recorded as translated; a unit whose inline codes were damaged is refused with its id and
 * nothing is written.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import xliff12ToJs from 'xliff/xliff12ToJs';
import { load } from '../pipeline/build.js';
import { loadPair } from '../pipeline/translate/record.js';
import { exportXliff, importXliff } from '../pipeline/translate/xliff.js';
import { FolioError } from '../pipeline/util/diagnostics.js';
import { fixtures, root, templates } from './helpers.js';

const schemaDir = join(fixtures, 'translation', 'xliff');
/** The report's units: 196 of its chapters (blocks and notes) and its 31 labels. */
const UNITS = 196 + 31;

function copyOfReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-xliff-'));
  cpSync(join(root, 'source'), join(dir, 'source'), { recursive: true });
  return join(dir, 'source');
}

/** Every file of a folder, by path, with its bytes. */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of snapshot(path, `${prefix}${name}/`)) out.set(k, v);
    else out.set(`${prefix}${name}`, readFileSync(path, 'latin1'));
  }
  return out;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((k) => before.get(k) !== after.get(k)).sort();
}

async function exported(source: string, lang = 'ru') {
  const loaded = await loadPair(source, templates, lang);
  const result = exportXliff(loaded, '0.1.0');
  const path = join(source, '..', `${lang}.xlf`);
  writeFileSync(path, result.xml);
  return { ...result, path };
}

async function importing(source: string, path: string, lang = 'ru') {
  return importXliff(await loadPair(source, templates, lang), path);
}

describe('xliff export', () => {
  it('is valid XLIFF 1.2, read by an independent reader: one unit per block, source, target and state', async () => {
    const source = copyOfReport();
    const out = await exported(source);
    const validation = await validateXML({
      xml: [{ fileName: 'ru.xlf', contents: out.xml }],
      schema: [{ fileName: 'xliff.xsd', contents: readFileSync(join(schemaDir, 'xliff-1.2-folio-subset.xsd'), 'utf8') }],
      preload: [{ fileName: 'xml.xsd', contents: readFileSync(join(schemaDir, 'xml.xsd'), 'utf8') }],
    });
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);

    const js = await xliff12ToJs(out.xml);
    expect([js.sourceLanguage, js.targetLanguage]).toEqual(['en', 'ru']);
    const units = Object.values(js.resources).flatMap((file) => Object.entries(file));
    expect(units).toHaveLength(out.units);
    expect(out.units).toBe(UNITS);
    expect(out.states).toEqual({ final: UNITS });
    const [, unit] = units.find(([id]) => id === '08-media.md#media-environment/1')!;
    const source0 = unit.source as unknown[];
    expect(source0[0]).toMatch(/^TV remains a significant source/);
    expect(source0[1]).toEqual({ Standalone: { id: 'n:january-events-journalists-internet-outage', ctype: 'x-folio-note', 'equiv-text': '[^january-events-journalists-internet-outage]' } });
    expect((unit.target as unknown[])[1]).toEqual(source0[1]);
    // Notes are their own units.
    expect(units.some(([id]) => id === '08-media.md^internet-use-statistics/0')).toBe(true);
  });

  it('marks a stale unit needs-review-translation with the old text in a note, an unrecorded one needs-translation', async () => {
    const source = copyOfReport();
    const en = join(source, 'en', '08-media.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace('The Kazakhstani public have access', 'The Kazakhstani public has access'));
    const out = await exported(source);
    expect(out.states).toEqual({ final: UNITS - 1, 'needs-review-translation': 1 });
    expect(out.xml).toContain('<note from="folio" annotates="source">The en text changed since this was translated; it was: The Kazakhstani public have access');
    writeFileSync(join(source, 'ru', '.translated.json'), '{ "official": "en", "units": {} }\n');
    expect((await exported(source)).states).toEqual({ 'needs-translation': UNITS });
  });
});

describe('xliff import', () => {
  it('of the export with no edits leaves every source file byte-identical', async () => {
    const source = copyOfReport();
    const before = snapshot(source);
    const out = await exported(source);
    const result = await importing(source, out.path);
    expect(result).toMatchObject({ units: UNITS, changed: 0, written: [] });
    expect(changedFiles(before, snapshot(source))).toEqual([]);
    // kk too.
    const kk = await exported(source, 'kk');
    await importing(source, kk.path, 'kk');
    expect(changedFiles(before, snapshot(source))).toEqual([]);
  });

  it('writes edited targets exactly over their blocks, protected codes kept, and records them as translated', async () => {
    const source = copyOfReport();
    const en = join(source, 'en', '08-media.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace('The Kazakhstani public have access', 'The Kazakhstani public has access'));
    expect((await load(source, templates, ['en', 'ru'])).diagnostics.list().map((m) => m.ruleId)).toEqual(['stale-translation']);
    const out = await exported(source);
    const id = '08-media.md#media-environment/0';
    const unit = new RegExp(`(<trans-unit id="${id.replace(/[/^#]/g, '\\$&')}"[^]*?<target xml:lang="ru" state=")needs-review-translation(">)([^<]*)(</target>)`);
    expect(out.xml).toMatch(unit);
    // The translator rewrites the target, with characters Markdown would read as markup, and says it is translated.
    const edited = out.xml.replace(unit, (_m, a: string, b: string, _text: string, c: string) => `${a}translated${b}Новый текст: казахстанская общественность [имеет] доступ *к СМИ* &amp; &lt;интернету&gt;.${c}`);
    // And a unit with note citations: words change around its protected codes.
    writeFileSync(out.path, edited.replace('Телевидение остается важным источником', 'Телевидение по-прежнему главный источник'));
    const ru = join(source, 'ru', '08-media.md');
    const before = snapshot(source);
    const oldText = readFileSync(ru, 'utf8');
    const result = await importing(source, out.path);
    expect(result).toMatchObject({ changed: 2, recorded: UNITS });
    expect(changedFiles(before, snapshot(source))).toEqual(['ru/.translated.json', 'ru/08-media.md']);
    const newText = readFileSync(ru, 'utf8');
    const start = oldText.indexOf('Казахстанская общественность');
    const end = oldText.indexOf('\n', start);
    expect(newText).toBe(`${oldText.slice(0, start)}Новый текст: казахстанская общественность \\[имеет\\] доступ \\*к СМИ\\* & \\<интернету>.${oldText.slice(end)}`.replace('Телевидение остается важным источником', 'Телевидение по-прежнему главный источник'));
    expect(newText).toContain('главный источник политической информации, однако некоторые собеседники МОР БДИПЧ заявили о снижении общественного доверия ко всем основным СМИ из-за их предположительно предвзятого освещения событий, особенно после «январских событий».[^january-events-journalists-internet-outage]');
    // Recorded: the check is clean, and the state's one changed entry is this unit.
    expect((await load(source, templates, ['en', 'ru'])).diagnostics.list()).toEqual([]);
  });

  it('refuses a unit whose inline codes were damaged, naming it, and writes nothing', async () => {
    const source = copyOfReport();
    const out = await exported(source);
    const cases: [string, (xml: string) => string, RegExp][] = [
      ['a note citation removed from a target', (xml) => xml.replace(/(<target xml:lang="ru" state="final">(?:(?!<\/target>)[^])*?)<x id="n:internet-use-statistics" ctype="x-folio-note" equiv-text="\[\^internet-use-statistics\]"\/>/, '$1'), /unit `08-media\.md#media-environment\/1`: inline code `n:internet-use-statistics` \(a note citation\) is missing from the target: put it back/],
      ['a code renamed', (xml) => xml.replace(/(<target xml:lang="ru" state="final">(?:(?!<\/target>)[^])*?)<x id="n:internet-use-statistics"/, '$1<x id="n:internet-use-statistic"'), /unit `08-media\.md#media-environment\/1`: inline code <x id="n:internet-use-statistic" ctype="x-folio-note"> was damaged/],
      ['a code neither the source nor the target has', (xml) => xml.replace(/(<target xml:lang="ru" state="final">)(Казахстанская)/, '$1<g id="i1" ctype="italic">$2</g>'), /unit `08-media\.md#media-environment\/0`: inline code <g id="i1" ctype="italic"> was damaged \(it is not one of the unit's codes\)/],
      ['a code of another kind', (xml) => xml.replace(/(<target xml:lang="ru" state="final">(?:(?!<\/target>)[^])*?)<x id="n:internet-use-statistics" ctype="x-folio-note"/, '$1<x id="n:internet-use-statistics" ctype="lb"'), /unit `08-media\.md#media-environment\/1`: inline code <x id="n:internet-use-statistics" ctype="lb"> was damaged/],
    ];
    const before = snapshot(source);
    for (const [what, damage, message] of cases) {
      const bad = join(source, '..', 'bad.xlf');
      const xml = damage(out.xml);
      expect(xml, what).not.toBe(out.xml);
      // And an honest edit elsewhere in the same file, which must not be written either.
      writeFileSync(bad, xml.replace('Телевидение остается важным', 'Телевидение по-прежнему важный'));
      const error = await importing(source, bad).then(() => undefined, (e: unknown) => e);
      expect(error, what).toBeInstanceOf(FolioError);
      expect((error as Error).message, what).toMatch(message);
      expect((error as Error).message).toMatch(/nothing was written/);
      expect(changedFiles(before, snapshot(source)), what).toEqual([]);
    }
  });
});
