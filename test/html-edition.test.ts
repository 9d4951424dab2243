/**
 * The HTML editions, read back from the built files: notes and citations linked both ways with
 * DPUB-ARIA roles, every internal link resolving, the annex, the results table, no external
 * requests, valid HTML5 by the Nu checker, and the same bytes on every build.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll, select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { build } from '../pipeline/build.js';
import { root, templates } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'folio-html-'));
const result = await build({ sourceDir: join(root, 'source'), outDir: out, templatesDir: templates, formats: ['html'] });
const file = (lang: string) => join(out, lang, 'report.html');
const parse = (lang: string) => fromHtml(readFileSync(file(lang), 'utf8'));
const attr = (e: Element, name: string) => String(e.properties[name] ?? '');

describe('the HTML editions', () => {
  it('are built for every language without problems', () => {
    expect(result.diagnostics.list()).toEqual([]);
    expect(result.written.map((w) => w.lang)).toEqual(['en', 'ru', 'kk']);
  });

  describe.each(['en', 'ru', 'kk'])('%s', (lang) => {
    const tree = parse(lang);

    it('sets the language and is self-contained', () => {
      // The language with its region, as the PDF and DOCX say it (labels' locale).
      expect(attr(select('html', tree)!, 'lang')).toBe({ en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }[lang]);
      expect(selectAll('script, link[rel=stylesheet], iframe, object, img[src^=http]', tree)).toHaveLength(0);
      const csp = select('meta[http-equiv=Content-Security-Policy]', tree);
      expect(attr(csp!, 'content')).toContain("default-src 'none'");
      const alternates = selectAll('link[rel=alternate]', tree).map((l) => [attr(l, 'hrefLang'), attr(l, 'href')]);
      const self = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }[lang]!;
      expect(alternates.sort()).toEqual([
        [self, `../${lang}/report.html`], ['x-default', '../en/report.html'], ...['en', 'ru', 'kk'].filter((l) => l !== lang).map((l) => [l, `../${l}/report.html`]),
      ].sort());
    });

    it('links 81 citations to 81 notes and back, numbered in reading order', () => {
      const refs = selectAll('a[role=doc-noteref]', tree);
      const notes = selectAll('[role=doc-footnote]', tree);
      expect(refs).toHaveLength(81);
      expect(notes).toHaveLength(81);
      expect(refs.map((r) => toText(r))).toEqual(Array.from({ length: 81 }, (_, i) => String(i + 1)));
      refs.forEach((r, i) => expect(attr(r, 'href')).toBe(`#fn-${i + 1}`));
      notes.forEach((n, i) => {
        expect(attr(n, 'id')).toBe(`fn-${i + 1}`);
        expect(attr(select('a[role=doc-backlink]', n)!, 'href')).toBe(`#fnref-${i + 1}`);
        expect(toText(select('.note-number', n)!)).toBe(String(i + 1));
      });
    });

    it('resolves every internal link', () => {
      const ids = new Set(selectAll('[id]', tree).map((e) => attr(e, 'id')));
      const broken = selectAll('a[href^="#"]', tree).map((a) => attr(a, 'href').slice(1)).filter((id) => !ids.has(id));
      expect(broken).toEqual([]);
      expect(ids.size).toBe(selectAll('[id]', tree).length); // ids unique
    });

    it('numbers sections I..XII in the contents and headings', () => {
      const numerals = selectAll('main h2 .numeral', tree).map((n) => toText(n));
      expect(numerals).toEqual(['I.', 'II.', 'III.', 'IV.', 'V.', 'VI.', 'VII.', 'VIII.', 'IX.', 'X.', 'XI.', 'XII.']);
      expect(selectAll('nav.contents li', tree)).toHaveLength(12 + 2 + 4);
    });

    it('lists the 13 recommendations in the annex, each linking to where it arises', () => {
      const items = selectAll('ol.recommendation-list > li', tree);
      expect(items.map((i) => attr(i, 'value'))).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
      for (const item of items) {
        const target = attr(select('a.backref', item)!, 'href').slice(1);
        const inline = select(`div.recommendation[id="${target}"]`, tree);
        expect(inline, target).toBeTruthy();
        expect(toText(item).replace('↩', '').trim()).toBe(toText(inline!).trim());
      }
    });

    it('draws the results chart as SVG after the table, with a text alternative', () => {
      const figure = select('.table-scroll ~ figure.chart-figure', tree)!;
      const svg = select('svg[role=img]', figure)!;
      expect(String(svg.properties.ariaLabelledBy).replace(',', ' ')).toBe('chart-title chart-desc');
      expect(selectAll('rect', svg)).toHaveLength(4);
      const desc = toText(select('desc', svg)!);
      expect(desc).toContain(lang === 'en' ? '77.18' : '77,18');
    });

    it('has the results table with computed, localised figures', () => {
      const rows = selectAll('table tr', tree).map((r) => selectAll('th, td', r).map((c) => toText(c).trim()));
      expect(rows).toHaveLength(9);
      const expected = lang === 'en'
        ? ['11,734,642', '7,985,769', '68.05', '6,163,516', '77.18', '1,490,470', '18.66', '205,924', '2.58', '125,859', '1.58']
        : ['11 734 642', '7 985 769', '68,05', '6 163 516', '77,18', '1 490 470', '18,66', '205 924', '2,58', '125 859', '1,58'].map((s) => s.replace(/ /g, '\u00a0'));
      const cells = rows.flat().filter((c) => /\d/.test(c));
      expect(cells).toEqual([expected[0], expected[1], expected[2], lang === 'en' ? '14,538' : '14\u00a0538', ...expected.slice(3)]);
    });
  });

  it('is the same bytes on every build', async () => {
    const again = mkdtempSync(join(tmpdir(), 'folio-html-'));
    await build({ sourceDir: join(root, 'source'), outDir: again, templatesDir: templates, formats: ['html'] });
    for (const lang of ['en', 'ru', 'kk']) expect(readFileSync(join(again, lang, 'report.html')).equals(readFileSync(file(lang)))).toBe(true);
  });

  const java = spawnSync('java', ['-version']).status === 0;
  if (!java) console.warn('html-edition: the Nu HTML checker test is SKIPPED: no java on this machine (apt-get install default-jre-headless)');
  it.skipIf(!java)('is valid HTML5 for the Nu HTML checker (vnu-jar)', () => {
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    expect(existsSync(jar)).toBe(true);
    const run = spawnSync('java', ['-jar', jar, '--format', 'json', file('en'), file('ru'), file('kk')], { encoding: 'utf8' });
    const messages = (JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string; message: string; url: string; lastLine?: number }[] }).messages;
    expect(messages.filter((m) => m.type === 'error' || m.type === 'non-document-error')).toEqual([]);
    expect(messages.filter((m) => m.type === 'info' && /warning/i.test(String((m as { subType?: string }).subType)))).toEqual([]);
  }, 120_000);
});
