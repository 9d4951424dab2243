/**
 * Hyphenation patterns kept in folio's cache folder (pipeline/text/pattern-cache.ts): what comes
 * back is the flat set compiled from the package, for every pattern file the package has; a second
 * run reads it instead of compiling; a damaged or foreign entry is compiled again, never trusted.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flatten, type PatternSet, type Patterns } from '../pipeline/text/liang.js';
import { cachedPatterns, patternsFromBytes, patternsToBytes } from '../pipeline/text/pattern-cache.js';
import { hyphenationPoints, PATTERN_SETS } from '../pipeline/text/hyphenate.js';

const require = createRequire(import.meta.url);
const folder = dirname(require.resolve('hyphen/patterns/en-gb.js'));
const compiled = (path: string) => flatten(require(path) as PatternSet);

afterEach(() => {
  delete process.env.FOLIO_CACHE_DIR;
});

/** A compile function that counts its calls. */
function counting(path: string): { compile: () => Patterns; calls: () => number } {
  let n = 0;
  return { compile: () => (n++, compiled(path)), calls: () => n };
}

describe('pattern cache', () => {
  it('gives back the flat set of pattern files of every shape, byte for byte', () => {
    // Latin, Cyrillic, Greek, Armenian and Georgian; the largest file (de-1996) and one with exceptions (en-gb).
    const files = ['en-gb', 'ru', 'de-1996', 'el-monoton', 'hy', 'ka', 'tr', 'sh-latn'].map((name) => `${name}.js`);
    for (const file of files) {
      const p = compiled(join(folder, file));
      expect(patternsFromBytes(patternsToBytes(p)), file).toEqual(p);
    }
  });

  it('every language tag folio names hyphenates without failing (each file loads)', () => {
    for (const tag of Object.keys(PATTERN_SETS)) expect(() => hyphenationPoints('abcdefghijklmnop', tag), tag).not.toThrow();
  });

  it('reads the stored set on the second run instead of compiling', () => {
    process.env.FOLIO_CACHE_DIR = mkdtempSync(join(tmpdir(), 'folio-patterns-'));
    const path = join(folder, 'ru.js');
    const first = counting(path);
    const a = cachedPatterns(path, first.compile);
    const second = counting(path);
    const b = cachedPatterns(path, second.compile);
    expect([first.calls(), second.calls()]).toEqual([1, 0]);
    expect(b).toEqual(a);
  });

  it('compiles again when the entry is damaged, or holds another language’s set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-patterns-bad-'));
    process.env.FOLIO_CACHE_DIR = dir;
    const path = join(folder, 'en-gb.js');
    cachedPatterns(path, counting(path).compile);
    const [entry] = readdirSync(dir).filter((f) => f.endsWith('.patterns'));
    const good = readFileSync(join(dir, entry!));
    const other = patternsToBytes(compiled(join(folder, 'de-1996.js')));
    const forged = Buffer.concat([good.subarray(0, good.indexOf(10) + 1), other]);
    for (const bad of [good.subarray(0, good.length - 7), forged, Buffer.from('folio-cache sha256=00\n'), Buffer.alloc(0)]) {
      writeFileSync(join(dir, entry!), bad);
      const again = counting(path);
      expect(cachedPatterns(path, again.compile)).toEqual(compiled(path));
      expect(again.calls()).toBe(1);
    }
  });
});
