/**
 * No stack trace ever for a user's error, in any command: one line, `folio: …`, exit 1 (or 2 for bad
 * usage); a bug in folio says it is one, exit 70, its stack only with FOLIO_DEBUG=1.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FolioError } from '../pipeline/util/diagnostics.js';
import { describeFailure, EXIT_INTERNAL } from '../pipeline/util/errors.js';
import { epochFromVariable } from '../pipeline/load/source-date.js';
import { fixtureSource, root, templates } from './helpers.js';

const folio = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, ...env } });
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('how a failure is told', () => {
  it('a user’s error is its message; the machine’s error one line naming the file; anything else a bug, exit 70', () => {
    expect(describeFailure(new FolioError('source folder not found: x', 2))).toEqual({ message: 'source folder not found: x', exitCode: 2, internal: false });
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/tmp/out/en/report.pdf' });
    expect(describeFailure(full)).toMatchObject({ message: 'cannot write /tmp/out/en/report.pdf: no space left on the device', exitCode: 1, internal: false });
    const bug = describeFailure(new TypeError("Cannot read properties of undefined (reading 'x')"), false);
    expect(bug.exitCode).toBe(EXIT_INTERNAL);
    expect(bug.message).toMatch(/^internal error: TypeError: Cannot read properties of undefined \(reading 'x'\) \(this is a bug in folio.*FOLIO_DEBUG=1 prints the stack\)$/);
    noStack(bug.message);
    expect(describeFailure(new RangeError('Maximum call stack size exceeded'), true).message).toMatch(/\n\s+at /);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('out of range or not a number is bad usage (abc and -5 silently became 1970, a huge one a stack trace)', () => {
    expect(epochFromVariable('1654387200')).toBe(1654387200);
    expect(epochFromVariable(undefined)).toBeUndefined();
    expect(epochFromVariable('')).toBeUndefined();
    for (const bad of ['abc', '-5', '1e9', '99999999999999999999', '253402300800', '12.5']) expect(() => epochFromVariable(bad), bad).toThrow(/SOURCE_DATE_EPOCH=.* is not a date/);
    const source = fixtureSource();
    for (const bad of ['abc', '-5', '99999999999999']) {
      const run = folio(['build', '-q', '--source', source, '--templates', templates, '--out', mkdtempSync(join(tmpdir(), 'folio-out-'))], { SOURCE_DATE_EPOCH: bad });
      expect(run.status, bad).toBe(2);
      expect(run.stderr).toMatch(/^folio: SOURCE_DATE_EPOCH=.* is not a date/);
      noStack(run.stderr);
    }
  });
});

describe('commands on broken input', () => {
  it('check lists a broken locale and label placeholder as problems (they were stack traces in build)', () => {
    const source = fixtureSource();
    const dir = mkdtempSync(join(tmpdir(), 'folio-templates-'));
    spawnSync('cp', ['-r', `${templates}/.`, dir]);
    spawnSync(process.execPath, ['-e', `const f=${JSON.stringify(join(dir, 'labels', 'en.json'))};const fs=require('fs');const l=JSON.parse(fs.readFileSync(f));l.locale='en_GB';l.dateFormat='{{dya}}';fs.writeFileSync(f,JSON.stringify(l))`]);
    const check = folio(['check', '--source', source, '--templates', dir]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/en\.json:\d+:\d+: error: \$\.locale: `en_GB` is not a BCP 47 locale/);
    expect(check.stdout).toMatch(/en\.json:\d+:\d+: error: \$\.dateFormat: the label uses \{\{dya\}\}/);
    noStack(check.stderr);
    const build = folio(['build', '-q', '--source', source, '--templates', dir, '--out', mkdtempSync(join(tmpdir(), 'folio-out-'))]);
    expect(build.status).toBe(1);
    noStack(build.stderr + build.stdout);
  });

  it('a link #%FF in check and build is a problem at its place', () => {
    const source = fixtureSource();
    spawnSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(join(source, 'en', '05-bad.md'))}, '# BAD {#bad}\\n\\nSee [x](#%FF).\\n')`]);
    const check = folio(['check', '--source', source, '--templates', templates]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/05-bad\.md:3:5: error: link to `#%FF`: not an id/);
    noStack(check.stderr);
  });
});

describe('the reference document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-reference-'));
  const fifo = join(dir, 'fifo.docx');
  spawnSync('mkfifo', [fifo]);
  mkdirSync(join(dir, 'folder.docx'));
  writeFileSync(join(dir, 'notes.docx'), 'not a zip');
  // A zip whose parts are named as a Word document's, its styles not XML.
  const parts = { '_rels/.rels': rels('officeDocument', 'word/document.xml'), 'word/document.xml': '<w:document/>', 'word/_rels/document.xml.rels': rels('styles', 'styles.xml'), 'word/styles.xml': '<<<garbage' };
  writeFileSync(join(dir, 'broken.docx'), zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]))));
  const run = (command: string, file: string, templatesDir = templates) =>
    spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), command, ...(command === 'build' ? ['-q', '--out', mkdtempSync(join(tmpdir(), 'folio-out-')), '--lang', 'en'] : []), '--source', fixtureSource(), '--templates', templatesDir, ...(file ? ['--reference-doc', file] : [])], { encoding: 'utf8', cwd: root, timeout: 30_000 });

  it('a FIFO, a folder, a file that is not a Word document or has a part that is not XML: check and build say so in one line, never hang or print a trace', () => {
    const cases: [string, RegExp][] = [
      [fifo, /is a FIFO \(named pipe\), not a file: folio reads only regular files/],
      [join(dir, 'folder.docx'), /is a folder, not a file/],
      [join(dir, 'notes.docx'), /is not a Word document \(\.docx\): invalid zip data/],
      [join(dir, 'broken.docx'), /is not a Word document folio can read: its part word\/styles\.xml is not well-formed XML/],
    ];
    for (const [file, reason] of cases) {
      for (const command of ['check', 'build']) {
        const result = run(command, file);
        expect(result.status, `${command} ${file}`).toBe(1); // null: it hung
        const problem = result.stdout.split('\n').filter((l) => l.includes('[reference-doc]'));
        expect(problem, `${command} ${file}`).toEqual([expect.stringMatching(new RegExp(`${file.split('/').pop()!.replace('.', '\\.')}:1:1: error: reference document: ${reason.source}`))]);
        noStack(result.stdout + result.stderr);
      }
    }
  }, 120_000);

  it('a missing one is bad usage in both commands; the templates’ reference.docx is checked without the option', () => {
    for (const command of ['check', 'build']) {
      const result = run(command, join(dir, 'missing.docx'));
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^folio: --reference-doc \S*missing\.docx: no such file/);
    }
    const templatesDir = mkdtempSync(join(tmpdir(), 'folio-templates-'));
    cpSync(templates, templatesDir, { recursive: true });
    spawnSync('mkfifo', [join(templatesDir, 'reference.docx')]);
    const check = run('check', '', templatesDir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/reference\.docx:1:1: error: reference document: is a FIFO/);
  }, 60_000);
});

/** A package's relationships part with one relationship of `type` to `target`. */
function rels(type: string, target: string): string {
  return `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;
}
