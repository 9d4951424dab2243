/**
 * The bench's generated sources (pipeline/bench/generate-source.ts) are normal reports: their
 * translations recorded as translated, as the real report's are, so `make bench` times a clean
 * check and build, not one reporting every translated block as `untranslated-block`.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSource } from '../pipeline/bench/generate-source.js';
import { load } from '../pipeline/build.js';
import { root, templates } from './helpers.js';

describe('the bench source', () => {
  it('twice the report checks clean in every language: no untranslated-block, nothing else', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'folio-bench-source-')), 'source-2x');
    await generateSource(join(root, 'source'), dir, 2, templates);
    for (const lang of ['ru', 'kk']) expect(existsSync(join(dir, lang, '.translated.json'))).toBe(true);
    const { diagnostics, editions } = await load(dir, templates);
    expect(diagnostics.list()).toEqual([]);
    expect(editions.map((e) => e.lang)).toEqual(['en', 'ru', 'kk']);
    expect(editions.every((e) => e.recommendations.length === editions[0]!.recommendations.length)).toBe(true);
  }, 120_000);
});
