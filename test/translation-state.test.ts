/**
 * Stale translations on the real report: an English paragraph edited after translation flags its
 * Russian and Kazakh counterparts (rule, place, the change word by word) and `folio translated`
 * clears them; a language with no state starts with every block untranslated; a problem of the
 * official text is reported once, in the official text, and not again for each translation.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../pipeline/build.js';
import { loadPair, recordTranslated } from '../pipeline/translate/record.js';
import { chapterStructure, unitsOf } from '../pipeline/check/structure.js';
import { root, templates } from './helpers.js';

function copyOfReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-stale-'));
  cpSync(join(root, 'source'), join(dir, 'source'), { recursive: true });
  return join(dir, 'source');
}

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

async function messages(source: string, languages?: string[]) {
  const { diagnostics } = await load(source, templates, languages);
  const prefix = `${join(source, '..')}${sep}`;
  return diagnostics.list().map((m) => ({ ...m, path: m.path.replace(prefix, ''), message: m.message.replaceAll(prefix, '') }));
}

describe('an English paragraph edited after translation', () => {
  it('flags its Russian and Kazakh counterparts with the change, and folio translated clears them', async () => {
    const source = copyOfReport();
    expect(await messages(source)).toEqual([]);
    edit(join(source, 'en', '08-media.md'), 'The Kazakhstani public have access to a multitude of traditional media', 'The Kazakhstani public has access to many traditional media');
    const stale = (lang: string) => ({
      path: `source/${lang}/08-media.md`, line: 5, column: 1, severity: 'error', ruleId: 'stale-translation',
      message: `stale translation: the en text changed since it was translated (source/en/08-media.md:5): “public have access” → “public has access”; “to a multitude of traditional” → “to many traditional”; update the translation, then run \`folio translated --lang ${lang} 08-media.md\``,
    });
    expect(await messages(source)).toEqual([stale('kk'), stale('ru')]);

    const before = readFileSync(join(source, 'ru', '.translated.json'), 'utf8');
    const recorded = await recordTranslated(await loadPair(source, templates, 'ru'), ['08-media.md']);
    expect(recorded.recorded).toBe(unitsOf(chapterStructure('08-media.md', readFileSync(join(source, 'ru', '08-media.md'), 'utf8'))).length);
    expect(await messages(source)).toEqual([stale('kk')]);
    // The state's diff is the one entry, holding the new official text.
    const after = readFileSync(join(source, 'ru', '.translated.json'), 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toHaveLength(2);
    expect(changed[1]).toContain('"text": "The Kazakhstani public has access to many traditional media');
    await recordTranslated(await loadPair(source, templates, 'kk'));
    expect(await messages(source)).toEqual([]);
  });
});

describe('a new language', () => {
  it('starts with every block untranslated: errors when finished, warnings as a draft', async () => {
    const source = copyOfReport();
    rmSync(join(source, 'ru', '.translated.json'));
    const all = (await messages(source)).filter((m) => m.path.startsWith('source/ru/'));
    const units = (await loadPair(source, templates, 'ru')).source.chapters.get('ru')!.flatMap((c) => unitsOf(chapterStructure(c.path, c.text)));
    expect(all).toHaveLength(units.length);
    expect(new Set(all.map((m) => `${m.ruleId} ${m.severity}`))).toEqual(new Set(['untranslated-block error']));
    expect(all[0]!.message).toMatch(/^not recorded as translated \(source\/ru\/\.translated\.json does not exist yet\): translate it from source\/en\/00-title\.md:1, then run `folio translated --lang ru 00-title\.md`$/);
    edit(join(source, 'report.json'), '"languages": ["en", "ru", "kk"],', '"languages": ["en", "ru", "kk"],\n  "draft": ["ru"],');
    const draft = (await messages(source)).filter((m) => m.path.startsWith('source/ru/'));
    expect(draft).toHaveLength(units.length);
    expect(new Set(draft.map((m) => `${m.ruleId} ${m.severity}`))).toEqual(new Set(['untranslated-block warning']));
  });
});

describe('a problem of the official text', () => {
  it('is reported once, in the official text: a mistyped citation gives no message in ru or kk', async () => {
    const source = copyOfReport();
    edit(join(source, 'en', '08-media.md'), '[^internet-use-statistics] Instagram', '[^internet-use-statistic] Instagram');
    const all = await messages(source);
    expect(all.map((m) => `${m.path}:${m.line} ${m.ruleId}`)).toEqual(['source/en/08-media.md:7 undefined-note', 'source/en/08-media.md:11 unused-note']);
  });

  it('a label renamed in the original is one message per translation, naming both labels', async () => {
    const source = copyOfReport();
    const path = join(source, 'en', '08-media.md');
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('[^internet-use-statistics]', '[^internet-users]'));
    const all = await messages(source);
    expect(all.map((m) => `${m.path}:${m.line} ${m.ruleId}: ${m.message}`)).toEqual(['kk', 'ru'].map((lang) =>
      `source/${lang}/08-media.md:7 renamed-note: note \`internet-use-statistics\` is \`internet-users\` in the original (source/en/08-media.md:7): rename its citation and its definition`));
  });
});
