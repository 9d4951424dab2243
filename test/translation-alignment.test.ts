/**
 * Aligned differences: each broken-translation fixture whose expected.json gives a `message`
 * (test/fixtures/translation/broken/NAME, laid over the clean en+ru source with its translation
 * state) gives exactly that one message — rule, place and words. A block deleted from, added to or
 * moved in one language is one true message, not a shift of everything after it.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../pipeline/build.js';
import { fixtures, templates } from './helpers.js';

interface Expected { rule: string; path: string; line: number; column: number; severity: 'error' | 'warning'; message?: string; delete?: string[] }

const base = join(fixtures, 'translation', 'base', 'source');
const broken = join(fixtures, 'translation', 'broken');
const cases = readdirSync(broken).filter((name) => (JSON.parse(readFileSync(join(broken, name, 'expected.json'), 'utf8')) as Expected).message).sort();

async function messagesOf(name: string) {
  const dir = join(broken, name);
  const tmp = mkdtempSync(join(tmpdir(), 'folio-aligned-'));
  cpSync(base, join(tmp, 'source'), { recursive: true });
  if (existsSync(join(dir, 'source'))) cpSync(join(dir, 'source'), join(tmp, 'source'), { recursive: true });
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  for (const f of expected.delete ?? []) rmSync(join(tmp, 'source', f));
  const { diagnostics } = await load(join(tmp, 'source'), templates);
  const prefix = `${tmp}${sep}`;
  return diagnostics.list().map((m) => ({ ...m, path: m.path.replace(prefix, ''), message: m.message.replaceAll(prefix, '') }));
}

describe('the fixtures of aligned differences', () => {
  it('include a deleted, an added and a moved block, a moved note and a renamed heading', () => {
    expect(cases).toEqual(expect.arrayContaining(['deleted-paragraph', 'added-paragraph', 'moved-recommendation', 'moved-note', 'extra-paragraph', 'heading-id']));
  });
});

describe.each(cases)('aligned: %s', (name) => {
  const expected = JSON.parse(readFileSync(join(broken, name, 'expected.json'), 'utf8')) as Expected;
  it(`gives exactly one ${expected.rule} at ${expected.path}:${expected.line}:${expected.column}`, async () => {
    const all = await messagesOf(name);
    expect(all).toEqual([expect.objectContaining({ path: `source/${expected.path}`, line: expected.line, column: expected.column, severity: expected.severity, ruleId: expected.rule, message: expected.message })]);
  });
});
