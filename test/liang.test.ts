/**
 * folio's reading of the `hyphen` package's patterns (pipeline/text/liang.ts) gives the package's
 * own points: on every word of the report's three sources, on words of the other languages folio
 * hyphenates, and on random words of each alphabet (letters, case, length from 1 to 40).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatten, liangPoints, type PatternSet, type Patterns } from '../pipeline/text/liang.js';
import { hyphenationPoints } from '../pipeline/text/hyphenate.js';
import { root } from './helpers.js';

const require = createRequire(import.meta.url);
const runs = Number(process.env.FUZZ_RUNS ?? 200);

/** The package's points for `word`: where hyphenateSync puts its soft hyphens. */
function packagePoints(name: string, word: string): number[] {
  const { hyphenateSync } = require(`hyphen/${name}/index.js`) as { hyphenateSync: (t: string, o: object) => string };
  const points: number[] = [];
  let offset = 0;
  for (const ch of hyphenateSync(word, { hyphenChar: '\u00ad', minWordLength: 1 })) {
    if (ch === '\u00ad') points.push(offset);
    else offset += ch.length;
  }
  return points;
}

const flat = new Map<string, Patterns>();

/** The package's pattern set of that name, flat as folio holds it. */
function patternSet(name: string): Patterns {
  if (!flat.has(name)) flat.set(name, flatten(require(`hyphen/patterns/${name}.js`) as PatternSet));
  return flat.get(name)!;
}

/** Every distinct word of letters in the Markdown of source/<lang>/. */
function sourceWords(lang: string): string[] {
  const folder = join(root, 'source', lang);
  const words = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
    for (const m of readFileSync(join(folder, file), 'utf8').matchAll(/\p{L}+/gu)) words.add(m[0]);
  }
  return [...words];
}

/** The words `liangPoints` reads whose points differ from the package's. */
function disagreements(name: string, words: Iterable<string>): string[] {
  const set = patternSet(name);
  const wrong: string[] = [];
  for (const word of words) {
    const ours = liangPoints(set, word);
    if (ours && ours.join() !== packagePoints(name, word).join()) wrong.push(word);
  }
  return wrong;
}

describe('Liang patterns read by folio', () => {
  it('give the package’s points on every word of the English and Russian sources', () => {
    const en = sourceWords('en');
    const ru = sourceWords('ru');
    expect(en.length).toBeGreaterThan(2000);
    expect(ru.length).toBeGreaterThan(2000);
    expect(disagreements('en-gb', en)).toEqual([]);
    expect(disagreements('ru', ru)).toEqual([]);
    expect(disagreements('en-us', en)).toEqual([]);
  });

  it('give the package’s exceptions (university, асбест)', () => {
    expect(liangPoints(patternSet('en-gb'), 'University')).toEqual(packagePoints('en-gb', 'University'));
    expect(liangPoints(patternSet('ru'), 'асбест')).toEqual(packagePoints('ru', 'асбест'));
  });

  const alphabets: Record<string, string> = {
    'en-gb': 'abcdefghijklmnopqrstuvwxyzAEIOU',
    ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАОЕ',
    fr: 'abcdefghijklmnopqrstuvwxyzéèêàçœ',
    'de-1996': 'abcdefghijklmnopqrstuvwxyzäöüß',
    'el-monoton': 'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ',
    hy: 'աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ',
    ka: 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ',
  };
  for (const [name, letters] of Object.entries(alphabets)) {
    it(`give the package’s points on random ${name} words`, () => {
      const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
      fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), (words) => {
        expect(disagreements(name, words)).toEqual([]);
      }), { numRuns: runs });
    });
  }

  it('leave a word whose lower case is longer to the package (İstanbul)', () => {
    expect(liangPoints(patternSet('tr'), 'İSTANBULLU')).toBeUndefined();
    expect(hyphenationPoints('İstanbulluların', 'tr')).toEqual(
      packagePoints('tr', 'İstanbulluların').filter((p) => p >= 3 && 'İstanbulluların'.length - p >= 3),
    );
  });

  it('hyphenate the languages of the package by their tags, variants by region or script', () => {
    expect(hyphenationPoints('constitutionnelle', 'fr').length).toBeGreaterThan(0);
    expect(hyphenationPoints('Verfassungsreferendum', 'de-AT').length).toBeGreaterThan(0);
    expect(hyphenationPoints('συνταγματικό', 'el').length).toBeGreaterThan(0);
    expect(hyphenationPoints('ustavnom', 'sr-Latn').length + hyphenationPoints('референдуму', 'sr').length).toBeGreaterThan(0);
    expect(hyphenationPoints('color', 'en-US')).toEqual([]);
  });
});
