/**
 * The translator's commands as a process: `check --lang` checks one language with the official one
 * it translates; an unknown `--lang` is a usage error (exit 2) for check, build and translated;
 * `folio translated` says what it recorded; `folio new` records its sample translations.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const folio = (args: string[], cwd = root) => spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), ...args], { encoding: 'utf8', cwd });

describe('--lang', () => {
  it('is a usage error when the report has no such language, for check, build and translated', () => {
    for (const args of [['check'], ['build', '--out', mkdtempSync(join(tmpdir(), 'folio-out-'))], ['translated']]) {
      const run = folio([...args, '--source', 'source', '--lang', 'fr']);
      expect(run.status, args[0]).toBe(2);
      expect(run.stderr).toBe('folio: unknown language fr: source/report.json lists en, ru, kk\n');
      expect(run.stdout).not.toMatch(/built 0 file/);
    }
    expect(folio(['translated', '--source', 'source', '--lang', 'en']).stderr).toBe('folio: en is the official language: it translates nothing (give a translation: ru, kk)\n');
  });

  it('checks one translation with the official language it translates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-lang-'));
    cpSync(join(root, 'source'), join(dir, 'source'), { recursive: true });
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    const path = join(dir, 'source', 'en', '08-media.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('The Kazakhstani public have access', 'The Kazakhstani public has access'));
    const ru = folio(['check', '--source', 'source', '--lang', 'ru', '--reporter', 'text'], dir);
    expect(ru.status).toBe(1);
    expect(ru.stdout).toMatch(/^source\/ru\/08-media\.md:5:1: error: stale translation: the en text changed since it was translated \(source\/en\/08-media\.md:5\): “public have access” → “public has access”; update the translation, then run `folio translated --lang ru 08-media\.md` \[stale-translation\]\n$/);
    expect(ru.stderr).toMatch(/^1 error\(s\), 0 warning\(s\) \(ru: 1 error\(s\), 0 warning\(s\)\) — en: 81 notes, 13 recommendations; ru: 81 notes, 13 recommendations/);

    const recorded = folio(['translated', '--source', 'source', '--lang', 'ru', '08-media.md'], dir);
    expect(recorded.status).toBe(0);
    expect(recorded.stdout).toMatch(/^recorded \d+ unit\(s\) of ru as translations of the current en text in source\/ru\/\.translated\.json\n$/);
    expect(folio(['check', '--source', 'source', '--lang', 'ru'], dir).status).toBe(0);
    expect(folio(['check', '--source', 'source', '--lang', 'kk'], dir).status).toBe(1);
  });
});

describe('folio new', () => {
  it('records its sample translation, so the new report checks clean', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-new-')), 'report');
    expect(folio(['new', dir, '--lang', 'en,ru']).status).toBe(0);
    expect(existsSync(join(dir, 'ru', '.translated.json'))).toBe(true);
    const check = folio(['check', '--source', dir]);
    expect(check.stderr).toMatch(/^0 error\(s\), 0 warning\(s\)/);
  });
});
