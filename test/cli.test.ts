/**
 * The `folio` command as people and CI use it (the compiled command, run as a process): help and
 * exit codes, the three reporters, `folio new` giving a source that builds and checks clean (its
 * count of files, its hint, its CI workflow, a consistent example, no empty annex heading), and
 * the same bytes whether editions are rendered in worker threads or in one thread.
 */
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { root } from './helpers.js';
import { DocxFile } from './docx-reader.js';
import { readPdf } from './pdf-reader.js';

/** Every file under a folder, recursively (paths from it). */
function filesIn(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(dir, join(under, e.name)) : [join(under, e.name)]));
}

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

    it('says how many files it wrote, as many as there are, and how to run this folio next', () => {
      expect(made.status, made.stderr).toBe(0);
      const files = filesIn(dir);
      expect(made.stdout).toMatch(new RegExp(`^wrote ${files.length} files: ${files.length} in `, 'm'));
      // Run from the clone, the hint names its bin/folio.js (the install test sees `npx folio`).
      const next = /^next: (.*)$/m.exec(made.stdout)![1]!;
      expect(next).toBe(`node bin/folio.js check --source ${dir} && node bin/folio.js build --source ${dir} --out ${join(dir, 'out')}`);
    });

    it('writes a GitHub Actions workflow: Node 20, check as annotations, build, the editions as an artifact', () => {
      const workflow = parseYaml(readFileSync(join(dir, '.github', 'workflows', 'folio.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> };
      expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
      const steps = Object.values(workflow.jobs)[0]!.steps;
      const step = (test: (s: (typeof steps)[number]) => boolean) => steps.findIndex(test);
      const [checkout, node, install, check, build, upload] = [
        step((s) => s.uses === 'actions/checkout@v4'),
        step((s) => s.uses === 'actions/setup-node@v4' && s.with?.['node-version'] === 20),
        step((s) => /\bnpm ci\b/.test(s.run ?? '')),
        step((s) => s.run === 'npx folio check --source . --reporter github'),
        step((s) => s.run === 'npx folio build --source . --out out'),
        step((s) => s.uses === 'actions/upload-artifact@v4' && s.with?.path === 'out/'),
      ];
      expect([checkout, node, install, check, build, upload]).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('gives a referendum as its example: title page, text and results table agree', () => {
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { text: Record<string, { event: string; title: string }> };
      expect(report.text.en).toMatchObject({ event: expect.stringMatching(/Referendum/), title: expect.stringMatching(/Referendum/) });
      expect(report.text.ru!.event).toMatch(/референдум/i);
      const text = (lang: string) => readdirSync(join(dir, lang)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, lang, f), 'utf8')).join('\n') + JSON.stringify(report.text[lang]);
      expect(text('en')).not.toMatch(/elect/i);
      expect(text('ru')).not.toMatch(/выбор/i);
    });

    it('writes a source that checks clean and builds six editions, with the commands it gave', () => {
      const check = folio(['check', '--source', dir]);
      expect(check.status, check.stderr).toBe(0);
      expect(check.stderr).toMatch(/^0 error\(s\), 0 warning\(s\)/m);
      const out = join(dir, 'out');
      const next = /^next: (.*)$/m.exec(made.stdout)![1]!;
      const built = spawnSync('sh', ['-c', next], { cwd: root, encoding: 'utf8' });
      expect(built.status, built.stderr).toBe(0);
      expect(built.stdout.trim().split('\n').filter((l) => /^(en|ru) (html|docx|pdf)/.test(l))).toHaveLength(6);
      for (const lang of ['en', 'ru']) expect(readdirSync(join(out, lang)).sort()).toEqual(['report.docx', 'report.html', 'report.pdf']);
      // The cross-reference `[](#publish-results)` reads “recommendation 1” in each language, as a link (the number tied by a no-break space).
      const html = readFileSync(join(out, 'en', 'report.html'), 'utf8');
      expect(html).toContain('<a href="#publish-results">recommendation\u00a01</a>');
      expect(html).toContain('Constitutional Referendum');
      expect(html).toContain('Final results of the referendum');
      expect(readFileSync(join(out, 'ru', 'report.html'), 'utf8')).toContain('<a href="#publish-results">рекомендация\u00a01</a>');
      expect(readFileSync(join(out, 'en', 'report.pdf')).toString('latin1')).toMatch(/\/Dest[^\n]*publish-results|publish-results/);
    });

    it('reports a broken note as a GitHub annotation, as JSON, and as a file:line:column line', () => {
      const file = join(dir, 'en', '01-introduction.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('[^regions-by-lot]\n', '[^regions-by-lot][^missing]\n'));
      const github = folio(['check', '--source', dir, '--reporter', 'github']);
      expect(github.status).toBe(1);
      expect(github.stdout).toMatch(new RegExp(`^::error file=${file.replace(/[/.]/g, '\\$&')},line=3,col=\\d+,endLine=3,endColumn=\\d+,title=undefined-note::citation of undefined note \`missing\``, 'm'));
      const json = JSON.parse(folio(['check', '--source', dir, '--format', 'json']).stdout) as { errors: number; messages: { ruleId: string; line: number }[] };
      expect(json.errors).toBe(1);
      expect(json.messages[0]).toMatchObject({ ruleId: 'undefined-note', line: 3 });
      const text = folio(['check', '--source', dir]);
      expect(text.stdout).toMatch(/01-introduction\.md:3:\d+: error: citation of undefined note `missing`.* \[undefined-note\]/);
      expect(text.stderr).toMatch(/1 error\(s\), 0 warning\(s\) \(en: 1 error\(s\), 0 warning\(s\)\)/);
    });
  });

  it('puts no annex heading without items in any edition, even from a template that does not test for it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-new-annex-')), 'report');
    expect(folio(['new', dir]).status).toBe(0);
    // The annex template as an older folio new wrote it: both headings, whether they have items or not.
    writeFileSync(join(dir, 'templates', 'annex', 'recommendations.md.hbs'), '## {{labels.priorityRecommendations}} {#priority-recommendations}\n\n{{#each priority}}\n::recommendation-item{ref="{{id}}"}\n\n{{/each}}\n## {{labels.otherRecommendations}} {#other-recommendations}\n\n{{#each topics}}\n### {{title}} {#topic-{{id}} }\n\n{{#each items}}\n::recommendation-item{ref="{{id}}"}\n\n{{/each}}\n{{/each}}\n');
    const out = join(dir, 'out');
    const built = folio(['build', '-q', '--source', dir, '--out', out]);
    expect(built.status, built.stderr).toBe(0);
    const html = readFileSync(join(out, 'en', 'report.html'), 'utf8');
    const docx = new DocxFile(join(out, 'en', 'report.docx')).paragraphs().map((p) => p.text).join('\n');
    const pdf = (await readPdf(join(out, 'en', 'report.pdf'))).items.map((i) => i.text).join(' ');
    for (const [name, text] of [['html', html], ['docx', docx], ['pdf', pdf]]) {
      expect(text, name).toContain('PRIORITY RECOMMENDATIONS');
      expect(text, name).not.toMatch(/OTHER RECOMMENDATIONS/i);
    }
  }, 60_000);

  it('writes the same bytes with worker threads as in one thread', () => {
    const a = mkdtempSync(join(tmpdir(), 'folio-w0-'));
    const b = mkdtempSync(join(tmpdir(), 'folio-w2-'));
    expect(folio(['build', '-q', '--lang', 'en,kk', '--out', a], { FOLIO_WORKERS: '0' }).status).toBe(0);
    expect(folio(['build', '-q', '--lang', 'en,kk', '--out', b], { FOLIO_WORKERS: '2' }).status).toBe(0);
    for (const lang of ['en', 'kk']) {
      for (const f of ['report.html', 'report.docx', 'report.pdf']) expect(readFileSync(join(a, lang, f)).equals(readFileSync(join(b, lang, f))), `${lang}/${f}`).toBe(true);
    }
  }, 120_000);

  it('writes the same bytes without the cache, with a new one and with it warm (patterns, chart PNG, parsed chapters)', () => {
    const cache = mkdtempSync(join(tmpdir(), 'folio-cache-same-'));
    const outs = ['none', 'cold', 'warm'].map((name) => mkdtempSync(join(tmpdir(), `folio-${name}-`)));
    const envs: Record<string, string>[] = [{ FOLIO_CACHE: '0' }, { FOLIO_CACHE_DIR: cache }, { FOLIO_CACHE_DIR: cache }];
    outs.forEach((out, i) => expect(folio(['build', '-q', '--lang', 'en', '--out', out], envs[i]).status).toBe(0));
    expect(readdirSync(cache).some((f) => f.endsWith('.patterns'))).toBe(true);
    expect(readdirSync(cache).some((f) => f.endsWith('.png'))).toBe(true);
    for (const lang of ['en']) {
      for (const f of ['report.html', 'report.docx', 'report.pdf']) {
        const none = readFileSync(join(outs[0]!, lang, f));
        for (const out of outs.slice(1)) expect(readFileSync(join(out, lang, f)).equals(none), `${lang}/${f}`).toBe(true);
      }
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
    expect(run.stdout).toMatch(/01-introduction\.md\n\s*3:\d+-3:\d+\s+error\s+citation of undefined note `missing`.*undefined-note/);
  });
});
