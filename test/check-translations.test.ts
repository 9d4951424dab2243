/**
 * Translations against the official language: each broken-translation fixture
 * (test/fixtures/translation/broken/NAME, laid over a clean en+ru source) is reported with its rule
 * at its place; a draft translation's problems are warnings.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../pipeline/build.js';
import { fixtures, templates } from './helpers.js';

interface Expected { rule: string; path: string; line: number; column: number; severity: 'error' | 'warning'; delete?: string[] }

const base = join(fixtures, 'translation', 'base', 'source');
const cases = readdirSync(join(fixtures, 'translation', 'broken')).sort();

async function loadCase(dir?: string) {
  const tmp = mkdtempSync(join(tmpdir(), 'folio-translation-'));
  cpSync(base, join(tmp, 'source'), { recursive: true });
  let templatesDir = templates;
  if (dir) {
    if (existsSync(join(dir, 'source'))) cpSync(join(dir, 'source'), join(tmp, 'source'), { recursive: true });
    if (existsSync(join(dir, 'templates'))) {
      cpSync(templates, join(tmp, 'templates'), { recursive: true });
      cpSync(join(dir, 'templates'), join(tmp, 'templates'), { recursive: true });
      templatesDir = join(tmp, 'templates');
    }
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    for (const f of expected.delete ?? []) rmSync(join(tmp, 'source', f));
  }
  return load(join(tmp, 'source'), templatesDir);
}

describe('the clean translation fixture', () => {
  it('checks clean', async () => {
    const { diagnostics } = await loadCase();
    expect(diagnostics.list()).toEqual([]);
  });
});

describe.each(cases)('broken translation: %s', (name) => {
  const dir = join(fixtures, 'translation', 'broken', name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  it(`reports ${expected.rule} (${expected.severity}) at ${expected.path}:${expected.line}:${expected.column}`, async () => {
    const { diagnostics } = await loadCase(dir);
    const all = diagnostics.list();
    const m = all.find((x) => x.ruleId === expected.rule);
    expect(m, JSON.stringify(all, null, 1)).toBeDefined();
    expect(m!.path.split(sep).join('/').endsWith(expected.path)).toBe(true);
    expect([m!.line ?? 1, m!.column ?? 1, m!.severity]).toEqual([expected.line, expected.column, expected.severity]);
    if (expected.severity === 'warning') expect(diagnostics.errorCount).toBe(0);
  });
});

describe('a draft translation', () => {
  it('builds, marked on every page of every format', async () => {
    const { build } = await import('../pipeline/build.js');
    const { readPdf } = await import('./pdf-reader.js');
    const { DocxFile } = await import('./docx-reader.js');
    const dir = join(fixtures, 'translation', 'broken', 'draft');
    const tmp = mkdtempSync(join(tmpdir(), 'folio-draft-'));
    cpSync(base, join(tmp, 'source'), { recursive: true });
    cpSync(join(dir, 'source'), join(tmp, 'source'), { recursive: true });
    const result = await build({ sourceDir: join(tmp, 'source'), outDir: join(tmp, 'out'), templatesDir: templates });
    expect(result.skipped).toEqual([]);
    expect(result.written).toHaveLength(6);
    expect(readFileSync(join(tmp, 'out', 'ru', 'report.html'), 'utf8')).toContain('<p class="draft-mark" role="note">ПРОЕКТ</p>');
    expect(readFileSync(join(tmp, 'out', 'en', 'report.html'), 'utf8')).not.toContain('<p class="draft-mark"');
    const docx = new DocxFile(join(tmp, 'out', 'ru', 'report.docx'));
    const headers = Object.keys(docx.parts).filter((p) => /^word\/header\d+\.xml$/.test(p));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(docx.paragraphs(h).map((p) => p.text)).toContain('ПРОЕКТ');
    const pdf = await readPdf(join(tmp, 'out', 'ru', 'report.pdf'));
    for (let page = 1; page <= pdf.pages; page++) expect(pdf.items.some((i) => i.page === page && i.text === 'ПРОЕКТ'), `page ${page}`).toBe(true);
  });
});
