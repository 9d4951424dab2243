/**
 * folio installed as a dependency of a report's own repository: `npm pack` the package (built by
 * `make test` before; `prepack` builds it for `npm pack` and git installs), install the tarball in
 * a fresh folder outside the clone, and follow the README's "Write your own report" there with
 * `npx folio` (whose hints then say `npx folio`, and whose CI workflow goes to that repository's
 * root). Needs the npm registry for folio's dependencies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const run = (cwd: string, command: string, args: string[]) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

describe('installed from a packed tarball', () => {
  it('runs `npx folio` in a report repository: version, new, check, build', () => {
    const packs = mkdtempSync(join(tmpdir(), 'folio-pack-'));
    const packed = JSON.parse(run(root, 'npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packs])) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/folio/main.js');
    expect(files).toContain('templates/labels/en.json');
    expect(files.filter((f) => f.startsWith('pipeline/') || f.startsWith('test/') || f.startsWith('source/'))).toEqual([]);

    const repo = mkdtempSync(join(tmpdir(), 'folio-report-repo-'));
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'my-report', private: true, type: 'module' }));
    run(repo, 'npm', ['install', '--no-package-lock', join(packs, packed[0]!.filename)]);
    const version = run(repo, 'npx', ['--no-install', 'folio', '--version']).trim();
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const made = run(repo, 'npx', ['--no-install', 'folio', 'new', 'myreport', '--lang', 'en,ru']);
    // The hint runs folio as installed; the CI workflow goes to the repository's root, for the report's folder.
    expect(made).toMatch(/^next: npx folio check --source myreport && npx folio build --source myreport --out myreport\/out$/m);
    expect(made).toMatch(/, and the CI workflow \.github\/workflows\/folio\.yml$/m);
    const workflow = readFileSync(join(repo, '.github', 'workflows', 'folio.yml'), 'utf8');
    expect(workflow).toContain('run: npx folio check --source myreport --reporter github');
    expect(workflow).toContain('path: myreport/out/');
    expect(existsSync(join(repo, 'myreport', '.github'))).toBe(false);
    run(repo, 'npx', ['--no-install', 'folio', 'check', '--source', 'myreport']);
    run(repo, 'npx', ['--no-install', 'folio', 'build', '--source', 'myreport', '--out', 'myreport/out']);
    for (const lang of ['en', 'ru']) expect(readdirSync(join(repo, 'myreport', 'out', lang)).sort()).toEqual(['report.docx', 'report.html', 'report.pdf']);
    expect(existsSync(join(repo, 'node_modules', 'folio-reports', 'pipeline'))).toBe(false);
  }, 300_000);
});
