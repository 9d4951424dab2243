/**
 * The parse cache cannot be used to put text into an edition: its folder must be private and the
 * user's own, and each entry's content is checked against the hash stored with it. A planted or
 * corrupted entry is ignored and the chapter parsed again; it never crashes.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedParse, trustedCacheDirectory } from '../pipeline/parse/parse-cache.js';
import { parseMarkdown } from '../pipeline/parse/parse-markdown.js';

const text = '# Findings {#findings}\n\nThe mission found shortcomings.\n';
const planted = parseMarkdown('# Findings {#findings}\n\nThe mission found the elections FULLY DEMOCRATIC.\n');

function withCacheDir(dir: string): void {
  process.env.FOLIO_CACHE_DIR = dir;
}
afterEach(() => {
  delete process.env.FOLIO_CACHE_DIR;
});

function counting(): { parse: (t: string) => ReturnType<typeof parseMarkdown>; count: () => number } {
  let n = 0;
  return { parse: (t) => (n++, parseMarkdown(t)), count: () => n };
}

function entryPath(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

describe('parse cache reliability', () => {
  it('ignores a planted entry holding valid JSON of another text, and parses again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-cache-plant-'));
    withCacheDir(dir);
    cachedParse(text, parseMarkdown);
    const path = entryPath(dir);
    // an attacker replaces the entry with a well-formed tree of other words (no valid hash)
    writeFileSync(path, JSON.stringify(planted));
    const c = counting();
    const tree = cachedParse(text, c.parse);
    expect(c.count()).toBe(1);
    expect(JSON.stringify(tree)).not.toContain('FULLY DEMOCRATIC');
    expect(tree).toEqual(parseMarkdown(text));
    // the same with a header whose hash is made for other content
    const good = readFileSync(path, 'utf8');
    const header = good.slice(0, good.indexOf('\n') + 1);
    writeFileSync(path, header + JSON.stringify(planted));
    const c2 = counting();
    expect(cachedParse(text, c2.parse)).toEqual(parseMarkdown(text));
    expect(c2.count()).toBe(1);
  });

  it('ignores a corrupted or truncated entry, never crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-cache-corrupt-'));
    withCacheDir(dir);
    cachedParse(text, parseMarkdown);
    const path = entryPath(dir);
    const good = readFileSync(path, 'utf8');
    for (const bad of [good.slice(0, good.length - 20), good.replace('shortcomings', 'shortcominGs'), '\0\0\0', '', 'null', good.replace(/"children":\[[^\]]*\]/, '"children":[]')]) {
      writeFileSync(path, bad);
      const c = counting();
      expect(cachedParse(text, c.parse)).toEqual(parseMarkdown(text));
      expect(c.count()).toBe(1);
    }
  });

  it('creates its folder private (0700)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'folio-cache-new-'));
    const dir = join(parent, 'cache');
    withCacheDir(dir);
    cachedParse(text, parseMarkdown);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const c = counting();
    cachedParse(text, c.parse);
    expect(c.count()).toBe(0);
  });

  it('does not use a folder writable by group or others (mode 0777)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-cache-open-'));
    chmodSync(dir, 0o777);
    expect(trustedCacheDirectory(dir)).toBe(false);
    withCacheDir(dir);
    const c = counting();
    cachedParse(text, c.parse);
    cachedParse(text, c.parse);
    expect(c.count()).toBe(2);
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('does not use a folder owned by another user', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-cache-other-'));
    const me = process.getuid!();
    expect(trustedCacheDirectory(dir)).toBe(true);
    // as another uid would see it: not theirs
    expect(trustedCacheDirectory(dir, me + 1)).toBe(false);
    if (me === 0) {
      // root can give the folder away for real
      chownSync(dir, 12345, 12345);
      withCacheDir(dir);
      const c = counting();
      cachedParse(text, c.parse);
      cachedParse(text, c.parse);
      expect(c.count()).toBe(2);
      expect(readdirSync(dir)).toHaveLength(0);
    }
  });

  it('does not follow a symlink in place of the folder', () => {
    const parent = mkdtempSync(join(tmpdir(), 'folio-cache-link-'));
    const real = join(parent, 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = join(parent, 'link');
    symlinkSync(real, link);
    expect(trustedCacheDirectory(link)).toBe(false);
    withCacheDir(link);
    const c = counting();
    cachedParse(text, c.parse);
    cachedParse(text, c.parse);
    expect(c.count()).toBe(2);
    expect(readdirSync(real)).toHaveLength(0);
    rmSync(parent, { recursive: true, force: true });
  });
});
