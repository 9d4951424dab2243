/**
 * The no-break rules (pipeline/transforms/no-break-rules.ts), rule by rule and language by
 * language, and the transform that applies them to the model (no-break.ts): code, URLs and
 * autolinks untouched, notes and generated cross-reference text included.
 */
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { applyNoBreakRules } from '../pipeline/transforms/no-break.js';
import { LANGUAGE_RULES, NEUTRAL, noBreakRules } from '../pipeline/transforms/no-break-rules.js';
import { editionFromMarkdown } from './edition-from-markdown.js';

const NBSP = '\u00a0';
const WJ = '\u2060';
/** The text as a reader sees the rules: `~` for a no-break space, `^` for a word joiner. */
const shown = (text: string) => text.replace(/\u00a0/g, '~').replace(/\u2060/g, '^');
const tied = (text: string, lang: string) => shown(applyNoBreakRules(text, noBreakRules(lang)));

describe('no-break rules', () => {
  it('have names, and each language’s rules come before the neutral ones', () => {
    for (const rules of [NEUTRAL, ...Object.values(LANGUAGE_RULES)]) for (const r of rules) expect(r.name).toMatch(/\w/);
    expect(noBreakRules('ru-RU').slice(0, LANGUAGE_RULES.ru!.length)).toEqual(LANGUAGE_RULES.ru);
    expect(noBreakRules('fr')).toEqual(NEUTRAL);
  });

  it.each([
    ['en', 'on 5 June 2022 and 16 March', 'on 5~June 2022 and 16~March'],
    ['en', 'by June 5, not in June 2022', 'by June~5, not in June 2022'],
    ['en', '50 per cent of 11.7 million voters, 3.3 %', '50~per~cent of 11.7~million voters, 3.3~%'],
    ['en', 'Article 10, Articles 12 and 29, paragraph 18.1, Section II.2, recommendation 7, No. 25', 'Article~10, Articles~12 and 29, paragraph~18.1, Section~II.2, recommendation~7, No.~25'],
    ['en', 'A. B. Smith met K. Tokayev', 'A.~B.~Smith met K.~Tokayev'],
    ['en', 'paragraphs 49–54 and 2020-2021', 'paragraphs~49–^54 and 2020-^2021'],
    ['en', 'a part of the article in section', 'a part of the article in section'],
    ['ru', '5 июня, 16 марта, 24 мая и 1 сентября', '5~июня, 16~марта, 24~мая и~1~сентября'],
    ['ru', '50 процентов, 68,05 процента, 11,7 млн', '50~процентов, 68,05~процента, 11,7~млн'],
    ['ru', 'статья 9, статьи 91, статьей 12, пункт 2, ст. 5, п. 3, № 25', 'статья~9, статьи~91, статьей~12, пункт~2, ст.~5, п.~3, №~25'],
    ['ru', 'в 2022 г. и в XXI в.', 'в~2022~г. и~в~XXI~в.'],
    ['ru', '5-го числа, в 1990-х', '5-^го числа, в~1990-^х'],
    ['kk', '5 маусымдағы, 16 наурызда, 1 қыркүйекте', '5~маусымдағы, 16~наурызда, 1~қыркүйекте'],
    ['kk', '50 пайыз, 70 пайызы, 2 мың', '50~пайыз, 70~пайызы, 2~мың'],
    ['kk', 'Конституцияның 33 бабына, 10-бап, 24-тармақ, бап 10', 'Конституцияның 33~бабына, 10-^бап, 24-^тармақ, бап~10'],
    ['kk', '2022 жылғы 5 маусым, ХХІ ғасыр', '2022~жылғы 5~маусым, ХХІ~ғасыр'],
  ])('%s: %s', (lang, text, expected) => {
    expect(tied(text, lang)).toBe(expected);
  });

  it('give an unknown language only the neutral rules: %, initials, №, ranges', () => {
    expect(tied('le 5 juin, 50 %, J. Dupont, № 7, 1–3', 'fr')).toBe('le 5 juin, 50~%, J.~Dupont, №~7, 1–^3');
  });

  it('never touch URLs and e-mail addresses written in the text', () => {
    expect(tied('see https://osce.org/report-2020-2021 and odihr-2022@osce.org, 5 June', 'en')).toBe('see https://osce.org/report-2020-2021 and odihr-2022@osce.org, 5~June');
  });

  it('are idempotent: applied twice they change nothing more', () => {
    const once = applyNoBreakRules('5 June, 49–54, 10-бап', noBreakRules('kk'));
    expect(applyNoBreakRules(once, noBreakRules('kk'))).toBe(once);
  });

  // Regression: an e-mail pattern and unbounded lookbehinds cost a megabyte paragraph minutes.
  it('take linear time on long runs without spaces (letters, digits, hyphens, @)', () => {
    const started = performance.now();
    for (const lang of ['en', 'ru', 'kk']) {
      for (const run of ['x', 'ы', '5', '-5', 'a@', 'стать']) applyNoBreakRules(run.repeat(Math.ceil(200_000 / run.length)), noBreakRules(lang));
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('join words across a line end of the source (a soft line break is white space)', () => {
    expect(tied('on 5\nJune', 'en')).toBe('on 5~June');
  });
});

describe('the no-break transform', () => {
  const markdown = [
    '# TITLE {#title}',
    '',
    'On 5 June, 50 per cent; `5 June in code`; <https://example.org/2020-2021>; see [](#title).[^n]',
    '',
    '```',
    'Article 10 in a code block',
    '```',
    '',
    '[^n]: Article 10 of the law.',
    '',
  ].join('\n');
  const { edition, diagnostics } = editionFromMarkdown(markdown);
  const texts: string[] = [];
  const code: string[] = [];
  const collect = (root: Node) =>
    visit(root, (node: Node) => {
      const value = (node as { value?: string }).value;
      if (node.type === 'text') texts.push(value!);
      if (node.type === 'inlineCode' || node.type === 'code') code.push(value!);
    });
  collect(edition.root);
  for (const note of edition.notes) collect(note.definition);

  it('ties the text and the notes, and leaves code and autolinks as written', () => {
    expect(diagnostics.list().filter((m) => m.severity === 'error')).toEqual([]);
    expect(texts.join('|')).toContain(`On 5${NBSP}June, 50${NBSP}per${NBSP}cent`);
    expect(texts.join('|')).toContain(`Article${NBSP}10 of the law.`);
    expect(code).toEqual(['5 June in code', 'Article 10 in a code block']);
    expect(texts).toContain('https://example.org/2020-2021');
    expect(texts.join('')).not.toContain(`2020-${WJ}`);
  });

  it('runs after cross-references are resolved: the generated “section I” is tied', () => {
    expect(texts.some((t) => /section\u00a0I\b/i.test(t))).toBe(true);
  });
});
