/**
 * Any language: BCP 47 tags (`sr-Latn`, `pt-BR`) wherever a language code goes — report.json,
 * folder names, labels files, `--lang` — and a new language's labels name it in its own words
 * (Intl.DisplayNames), so the language switch no longer reads “English | English”.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { load } from '../pipeline/build.js';
import { languageName } from '../pipeline/util/language-name.js';
import { root } from './helpers.js';

const folio = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), ...args], { encoding: 'utf8', cwd: root });
const labelsOf = (dir: string, lang: string) => JSON.parse(readFileSync(join(dir, 'templates', 'labels', `${lang}.json`), 'utf8')) as { language: string; locale: string; languageName: string };

describe('folio new with tags', () => {
  it('names each language in its own words', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-fr-')), 'report');
    expect(folio(['new', dir, '--lang', 'en,fr']).status).toBe(0);
    expect(labelsOf(dir, 'en').languageName).toBe('English');
    expect(labelsOf(dir, 'fr')).toMatchObject({ language: 'fr', locale: 'fr', languageName: 'Français' });
    expect([languageName('sr-Latn'), languageName('pt-BR'), languageName('el'), languageName('hy'), languageName('ka')]).toEqual(['Srpski (latinica)', 'Português (Brasil)', 'Ελληνικά', 'Հայերեն', 'ქართული']);
  });

  it('accepts BCP 47 tags as languages, folders, labels and --lang', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-tags-')), 'report');
    expect(folio(['new', dir, '--lang', 'en,sr-Latn,pt-BR']).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.github', 'data', 'en', 'pt-BR', 'report.json', 'sr-Latn', 'templates']);
    expect(labelsOf(dir, 'pt-BR').languageName).toBe('Português (Brasil)');
    const { diagnostics, editions } = await load(dir, join(dir, 'templates'));
    expect(editions.map((e) => e.lang)).toEqual(['en', 'sr-Latn', 'pt-BR']);
    expect(diagnostics.errorCount).toBe(0);
    expect(new Set(diagnostics.list().map((m) => m.ruleId))).toEqual(new Set(['untranslated', 'untranslated-block'])); // drafts: the samples are English
    const check = folio(['check', '--source', dir, '--lang', 'pt-BR']);
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/en: \d+ notes, \d+ recommendations; pt-BR: \d+ notes/);
  });

  it('refuses a tag that is not BCP 47 (`pt_BR`)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-badtag-')), 'report');
    expect(folio(['new', dir, '--lang', 'en,ru']).status).toBe(0);
    const path = join(dir, 'report.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"ru"\n', '"pt_BR"\n'));
    const { diagnostics } = await load(dir, join(dir, 'templates'));
    expect(diagnostics.list().filter((m) => m.ruleId === 'report-schema').length).toBeGreaterThan(0);
  });
});
