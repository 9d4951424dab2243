/**
 * Every broken-source fixture (test/fixtures/broken/NAME) is reported with its rule, at the exact
 * file, line and column given in its expected.json; errors make `folio check` exit 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixtures, loadFixture, fixtureSource, root } from './helpers.js';

interface Expected {
  rule: string;
  path: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
}

const cases = readdirSync(join(fixtures, 'broken')).sort();

describe('the base fixture', () => {
  it('is clean', async () => {
    const { diagnostics, editions } = await loadFixture();
    expect(diagnostics.list()).toEqual([]);
    expect(editions[0]!.notes.map((n) => n.label)).toEqual(['official', 'first', 'second', 'media-law', 'results-source']);
  });
});

describe.each(cases)('broken source: %s', (name) => {
  const dir = join(fixtures, 'broken', name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;

  it(`reports ${expected.rule} at ${expected.path}:${expected.line}:${expected.column}`, async () => {
    const { diagnostics } = await loadFixture(dir);
    const messages = diagnostics.list().filter((m) => m.ruleId === expected.rule);
    expect(messages.length, JSON.stringify(diagnostics.list(), null, 1)).toBeGreaterThan(0);
    const m = messages[0]!;
    expect(m.path.split(sep).join('/').endsWith(`source/${expected.path}`)).toBe(true);
    expect([m.line, m.column, m.severity]).toEqual([expected.line, expected.column, expected.severity]);
    expect(m.message.length).toBeGreaterThan(20);
  });

  it(`makes folio check exit ${expected.severity === 'error' ? 1 : 0}`, () => {
    const source = fixtureSource(dir);
    const run = spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), 'check', '--source', source, '--templates', join(root, 'templates')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(expected.severity === 'error' ? 1 : 0);
    expect(run.stdout).toMatch(new RegExp(`:${expected.line}:${expected.column}: ${expected.severity}: .+ \\[${expected.rule}\\]`));
  });
});

describe('text the pipeline repeats', () => {
  it('a broken cross-reference inside a recommendation, which the annex copies, is reported once, at the recommendation (never <generated>)', async () => {
    const { diagnostics } = await loadFixture(join(fixtures, 'broken', 'unknown-reference-in-recommendation'));
    const messages = diagnostics.list();
    expect(messages.map((m) => m.path).filter((p) => !p.split(sep).join('/').includes('/source/'))).toEqual([]);
    expect(messages.filter((m) => m.ruleId === 'unknown-reference').map((m) => [m.path.split(sep).join('/').replace(/.*\/source\//, ''), m.line, m.column])).toEqual([['en/01-background.md', 12, 33]]);
  });
});
