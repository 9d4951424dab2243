/**
 * Nothing outside the source reaches an edition, nothing outside the output (or DIR for `folio new`)
 * is written: languages are language tags before they become paths, a symlinked language folder is
 * judged like a symlinked chapter, `folio new` never writes outside DIR nor over a file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { build, load } from '../pipeline/build.js';
import { newReport } from '../pipeline/cli/new-report.js';
import { isLanguageTag, languageTagProblem } from '../pipeline/util/language-tag.js';
import { fixtureSource, root, templates } from './helpers.js';

const folio = (args: string[], cwd = root) => spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), ...args], { encoding: 'utf8', cwd });

describe('language tags', () => {
  it('are the only languages: en, kk, sr-Latn, pt-BR, es-419, and nothing that walks a path', () => {
    for (const tag of ['en', 'kk', 'sr-Latn', 'pt-BR', 'es-419', 'zh-Hant-TW']) expect(isLanguageTag(tag), tag).toBe(true);
    for (const bad of ['..', '.', 'en/..', '../en', 'a/b', 'en\\x', 'constructor', '__proto__', 'EN', 'en-', '', 'e', 'en_GB', 'en-gb-', ' en']) expect(isLanguageTag(bad), bad).toBe(false);
    expect(languageTagProblem('pt-br')).toMatch(/write `pt-BR`/);
  });

  it('--lang of build and check is refused unless a language of the report', async () => {
    const source = fixtureSource();
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    await expect(build({ sourceDir: source, outDir: out, templatesDir: templates, languages: ['../x'] })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/"\.\.\/x" is not a language tag/) });
    await expect(build({ sourceDir: source, outDir: out, templatesDir: templates, languages: ['ru'] })).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/ru is not a language of this report/) });
    await expect(load(source, templates, ['constructor'])).rejects.toMatchObject({ exitCode: 2 });
    const cli = folio(['build', '--source', source, '--out', out, '--templates', templates, '--lang', 'en,..']);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^folio: .*\.\./);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a language folder that is a symbolic link', () => {
  it('is refused when it points outside the source (it pulled text from elsewhere into the edition)', async () => {
    const source = fixtureSource();
    const elsewhere = mkdtempSync(join(tmpdir(), 'folio-elsewhere-'));
    renameSync(join(source, 'en'), join(elsewhere, 'en'));
    symlinkSync(join(elsewhere, 'en'), join(source, 'en'));
    const { diagnostics, editions } = await load(source, templates);
    const found = diagnostics.list().find((m) => m.ruleId === 'outside-source');
    expect(found?.path).toMatch(/en$/);
    expect(found?.message).toMatch(/the folder links outside the source folder/);
    expect(editions.flatMap((e) => e.notes)).toEqual([]);
  });

  it('is fine when it points inside the source', async () => {
    const source = fixtureSource();
    renameSync(join(source, 'en'), join(source, 'english'));
    symlinkSync(join(source, 'english'), join(source, 'en'));
    expect((await load(source, templates)).diagnostics.list()).toEqual([]);
  });
});

describe('folio new', () => {
  const fresh = () => join(mkdtempSync(join(tmpdir(), 'folio-new-')), 'report');

  it('refuses a language that is not a tag, before writing anything (`en,..` wrote into the parent of DIR)', () => {
    for (const langs of [['en', '..'], ['en', 'constructor'], ['en', '../../etc'], ['en', 'en'], ['EN']]) {
      const dir = fresh();
      expect(() => newReport(dir, langs, templates), langs.join(',')).toThrow(/--lang: /);
      expect(existsSync(dir), langs.join(',')).toBe(false);
      expect(readdirSync(join(dir, '..')), langs.join(',')).toEqual([]);
    }
  });

  it('never writes over a file: DIR a file, DIR not empty', () => {
    const parent = mkdtempSync(join(tmpdir(), 'folio-new-'));
    const file = join(parent, 'notes.txt');
    writeFileSync(file, 'my notes');
    expect(() => newReport(file, ['en'], templates)).toThrow(/exists and is not a folder/);
    expect(readFileSync(file, 'utf8')).toBe('my notes');
    mkdirSync(join(parent, 'full'));
    writeFileSync(join(parent, 'full', 'report.json'), 'mine');
    expect(() => newReport(join(parent, 'full'), ['en'], templates)).toThrow(/exists and is not empty/);
    expect(readFileSync(join(parent, 'full', 'report.json'), 'utf8')).toBe('mine');
  });

  it('writes every file inside DIR, for a language folio has no labels for too', () => {
    const dir = fresh();
    const { written, workflow } = newReport(dir, ['en', 'sr-Latn'], templates);
    expect(written).toContain(join(dir, 'sr-Latn', '01-introduction.md'));
    expect(written).toContain(workflow.path); // no project depends on folio above a temporary folder: the workflow is the report's own
    expect(readdirSync(join(dir, '..'))).toEqual(['report']);
    for (const f of written) expect(existsSync(f) && f.startsWith(join(dir, '/')), f).toBe(true);
  });

  it('as a command: a message and exit 2, no stack trace, nothing written (`new FILE`, `--lang en,constructor`)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'folio-new-'));
    writeFileSync(join(parent, 'file'), 'x');
    for (const args of [['new', join(parent, 'file')], ['new', join(parent, 'r'), '--lang', 'en,constructor']]) {
      const run = folio(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^folio: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(parent)).toEqual(['file']);
  });
});
