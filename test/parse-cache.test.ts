/** The parse cache gives the tree a fresh parse gives, positions included, and steps aside when off. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedParse } from '../pipeline/parse/parse-cache.js';
import { parseMarkdown } from '../pipeline/parse/parse-markdown.js';
import { root } from './helpers.js';

describe('the parse cache', () => {
  it('returns the same tree as parsing, from the second time on without parsing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-cache-test-'));
    process.env.FOLIO_CACHE_DIR = dir;
    try {
      const text = readFileSync(join(root, 'source', 'kk', '05-referendum-administration.md'), 'utf8');
      const first = cachedParse(text, parseMarkdown);
      expect(readdirSync(dir)).toHaveLength(1);
      let parsed = 0;
      const second = cachedParse(text, (t) => (parsed++, parseMarkdown(t)));
      expect(parsed).toBe(0);
      expect(second).toEqual(first);
      expect(second).toEqual(parseMarkdown(text));
      cachedParse(`${text}\nOne more paragraph.\n`, parseMarkdown);
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      delete process.env.FOLIO_CACHE_DIR;
    }
  });

  it('is not used with FOLIO_CACHE=0', () => {
    process.env.FOLIO_CACHE = '0';
    try {
      let parsed = 0;
      cachedParse('# A {#a}\n', (t) => (parsed++, parseMarkdown(t)));
      cachedParse('# A {#a}\n', (t) => (parsed++, parseMarkdown(t)));
      expect(parsed).toBe(2);
    } finally {
      delete process.env.FOLIO_CACHE;
    }
  });
});
