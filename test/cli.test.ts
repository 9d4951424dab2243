/**
 * The `folio` command as people and CI use it (the compiled command, run as a process): help and
 * exit codes, the three reporters, `folio new` giving a source that builds and checks clean, and
 * the same bytes whether editions are rendered in worker threads or in one thread.
 */
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const folio = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, ...env } });

describe('folio', () => {
  it('documents its commands and exit codes, and exits 2 on bad usage', () => {
    const help = folio(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/build/);
    expect(help.stdout).toMatch(/Exit codes: 0 success, 1 errors/);
    expect(folio(['build', '--help']).stdout).toMatch(/--format <list>/);
    expect(folio(['frobnicate']).status).toBe(2);
    const bad = folio(['build', '--format', 'rtf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown format rtf/);
    expect(folio(['check', '--source', '/nonexistent']).status).toBe(2);
  });

  describe('new, then build and check', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-new-')), 'report');
    const made = folio(['new', dir, '--lang', 'en,ru']);

    it('writes a source that checks clean and builds six editions', () => {
      expect(made.status, made.stderr).toBe(0);
      const check = folio(['check', '--source', dir]);
      expect(check.status, check.stderr).toBe(0);
      expect(check.stderr).toMatch(/^0 error\(s\), 0 warning\(s\)/m);
      const out = join(dir, 'out');
      const built = folio(['build', '--source', dir, '--out', out]);
      expect(built.status, built.stderr).toBe(0);
      expect(built.stdout.trim().split('\n').filter((l) => /^(en|ru) (html|docx|pdf)/.test(l))).toHaveLength(6);
      for (const lang of ['en', 'ru']) expect(readdirSync(join(out, lang)).sort()).toEqual(['report.docx', 'report.html', 'report.pdf']);
      // The cross-reference `[](#publish-results)` reads “recommendation 1” in each language, as a link (the number tied by a no-break space).
      expect(readFileSync(join(out, 'en', 'report.html'), 'utf8')).toContain('<a href="#publish-results">recommendation\u00a01</a>');
      expect(readFileSync(join(out, 'ru', 'report.html'), 'utf8')).toContain('<a href="#publish-results">рекомендация\u00a01</a>');
      expect(readFileSync(join(out, 'en', 'report.pdf')).toString('latin1')).toMatch(/\/Dest[^\n]*publish-results|publish-results/);
    });

    it('reports a broken note as a GitHub annotation, as JSON, and as a file:line:column line', () => {
      const file = join(dir, 'en', '01-introduction.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('[^regions-by-lot]\n', '[^regions-by-lot][^missing]\n'));
      const github = folio(['check', '--source', dir, '--reporter', 'github']);
      expect(github.status).toBe(1);
      expect(github.stdout).toMatch(new RegExp(`^::error file=${file.replace(/[/.]/g, '\\$&')},line=3,col=\\d+,title=undefined-note::citation of undefined note \`missing\``, 'm'));
      const json = JSON.parse(folio(['check', '--source', dir, '--format', 'json']).stdout) as { errors: number; messages: { ruleId: string; line: number }[] };
      expect(json.errors).toBe(1);
      expect(json.messages[0]).toMatchObject({ ruleId: 'undefined-note', line: 3 });
      const text = folio(['check', '--source', dir]);
      expect(text.stdout).toMatch(/01-introduction\.md:3:\d+: error: citation of undefined note `missing`.* \[undefined-note\]/);
      expect(text.stderr).toMatch(/1 error\(s\), 0 warning\(s\) \(en: 1 error\(s\), 0 warning\(s\)\)/);
    });
  });

  it('writes the same bytes with worker threads as in one thread', () => {
    const a = mkdtempSync(join(tmpdir(), 'folio-w0-'));
    const b = mkdtempSync(join(tmpdir(), 'folio-w2-'));
    expect(folio(['build', '-q', '--lang', 'en,kk', '--out', a], { FOLIO_WORKERS: '0' }).status).toBe(0);
    expect(folio(['build', '-q', '--lang', 'en,kk', '--out', b], { FOLIO_WORKERS: '2' }).status).toBe(0);
    for (const lang of ['en', 'kk']) {
      for (const f of ['report.html', 'report.docx', 'report.pdf']) expect(readFileSync(join(a, lang, f)).equals(readFileSync(join(b, lang, f))), `${lang}/${f}`).toBe(true);
    }
  }, 120_000);
});

describe('folio check on a terminal', () => {
  it('prints vfile-reporter’s table with --reporter table', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-table-')), 'report');
    folio(['new', dir]);
    const file = join(dir, 'en', '01-introduction.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('[^regions-by-lot]\n', '[^regions-by-lot][^missing]\n'));
    const run = folio(['check', '--source', dir, '--reporter', 'table']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/01-introduction\.md\n\s*3:\d+\s+error\s+citation of undefined note `missing`.*undefined-note/);
  });
});
