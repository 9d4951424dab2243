/**
 * What CI reads from `check` and `build`: the end of each problem's place in the `github` and `json`
 * reporters (a range within a line with its columns; over lines, the lines only, as GitHub takes
 * them), and `--max-warnings N` failing a run with more warnings than N, in one line, for both commands.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../pipeline/cli/report.js';
import { fixtures, fixtureSource, root, templates } from './helpers.js';

const folio = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), ...args], { encoding: 'utf8', cwd: root });

/** The base fixture with a note cited twice: one warning, `repeated-citation`, at the second citation. */
const source = fixtureSource(join(fixtures, 'broken', 'repeated-citation'));
const chapter = join(source, 'en', '01-background.md');

/** Line and columns (1-based, end exclusive) of `needle` in the chapter. */
function placeOf(needle: string, from = 0): { line: number; column: number; endColumn: number } {
  const text = readFileSync(chapter, 'utf8');
  const offset = text.indexOf(needle, from);
  const before = text.slice(0, offset).split('\n');
  const column = before.at(-1)!.length + 1;
  return { line: before.length, column, endColumn: column + needle.length };
}

describe('end positions', () => {
  it('the github reporter gives endLine and endColumn of the repeated citation, as the json reporter does', () => {
    const text = readFileSync(chapter, 'utf8');
    const at = placeOf('[^first]', text.indexOf('[^first]') + 1); // the second citation
    const github = folio(['check', '--source', source, '--templates', templates, '--reporter', 'github']);
    expect(github.stdout).toContain(`,line=${at.line},col=${at.column},endLine=${at.line},endColumn=${at.endColumn},title=repeated-citation::`);
    const json = JSON.parse(folio(['check', '--source', source, '--templates', templates, '--reporter', 'json']).stdout) as { messages: Record<string, unknown>[] };
    expect(json.messages.find((m) => m.ruleId === 'repeated-citation')).toMatchObject({ line: at.line, column: at.column, endLine: at.line, endColumn: at.endColumn });
  });

  it('a problem over several lines is annotated by its lines only (GitHub takes columns within one line)', () => {
    const line = formatGithub({ path: 'a.md', line: 3, column: 5, endLine: 6, endColumn: 2, severity: 'error', ruleId: 'x', message: 'm' });
    expect(line).toBe('::error file=a.md,line=3,endLine=6,title=x::m');
    expect(formatGithub({ path: 'a.md', line: 3, column: 5, severity: 'warning', ruleId: 'x', message: 'm' })).toBe('::warning file=a.md,line=3,col=5,title=x::m');
  });

  it('a JSON file’s problem ends where its property does', () => {
    const dir = fixtureSource(join(fixtures, 'broken', 'results-sum'));
    const json = JSON.parse(folio(['check', '--source', dir, '--templates', templates, '--reporter', 'json']).stdout) as { messages: { ruleId: string; line: number; column: number; endLine?: number; endColumn?: number }[] };
    const m = json.messages.find((x) => x.ruleId === 'results-sum')!;
    const lines = readFileSync(join(dir, 'data', 'results.json'), 'utf8').split('\n');
    const property = /"voted": \d+/.exec(lines[m.line - 1]!)!;
    expect([m.column, m.endLine, m.endColumn]).toEqual([property.index + 1, m.line, property.index + 1 + property[0].length]);
  });
});

describe('--max-warnings', () => {
  it('check: more warnings than N exit 1 with one line saying so; as many as N exit 0', () => {
    const over = folio(['check', '--source', source, '--templates', templates, '--max-warnings', '0']);
    expect(over.status).toBe(1);
    expect(over.stderr.split('\n').filter((l) => /max-warnings/.test(l))).toEqual(['folio: 1 warning(s), more than --max-warnings 0 allows: exit 1']);
    const within = folio(['check', '--source', source, '--templates', templates, '--max-warnings', '1']);
    expect(within.status, within.stderr).toBe(0);
    expect(within.stderr).not.toMatch(/max-warnings/);
    expect(folio(['check', '--source', source, '--templates', templates]).status).toBe(0);
  });

  it('build: the editions are written, and the run fails', () => {
    const out = mkdtempSync(join(tmpdir(), 'folio-max-warnings-'));
    const run = folio(['build', '-q', '--source', source, '--templates', templates, '--out', out, '--format', 'html', '--max-warnings', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^folio: 1 warning\(s\), more than --max-warnings 0 allows: exit 1$/m);
    expect(existsSync(join(out, 'en', 'report.html'))).toBe(true);
  });

  it('takes a whole number from 0 (else bad usage, exit 2) and is in the help', () => {
    for (const bad of ['-1', 'x', '1.5']) expect(folio(['check', '--source', source, '--max-warnings', bad]).status, bad).toBe(2);
    expect(folio(['check', '--help']).stdout).toMatch(/--max-warnings <n>/);
    expect(folio(['build', '--help']).stdout).toMatch(/--max-warnings <n>/);
  });
});
