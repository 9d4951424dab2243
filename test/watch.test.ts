/**
 * `folio build --watch`: a chapter edit rebuilds only its language, HTML first, and the served page
 * is told to reload; the served page allows only its reload script. (Timing is printed, not tested.)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { watchAndServe, affected } from '../pipeline/cli/watch.js';
import { fixtures, templates } from './helpers.js';
import { cpSync } from 'node:fs';

const fetchText = (url: string) =>
  new Promise<string>((resolve, reject) => get(url, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => resolve(body));
  }).on('error', reject));

describe('watch mode', () => {
  it('maps a change to the languages it affects', () => {
    expect(affected('/r/source/ru/01.md', '/r/source', '/r/templates', ['en', 'ru'])).toEqual(['ru']);
    expect(affected('/r/templates/labels/en.json', '/r/source', '/r/templates', ['en', 'ru'])).toEqual(['en']);
    expect(affected('/r/source/report.json', '/r/source', '/r/templates', ['en', 'ru'])).toEqual(['en', 'ru']);
    expect(affected('/r/templates/html/style.css', '/r/source', '/r/templates', ['en', 'ru'])).toEqual(['en', 'ru']);
  });

  it('rebuilds a chapter edit and tells the browser to reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-watch-'));
    cpSync(join(fixtures, 'translation', 'base', 'source'), join(dir, 'source'), { recursive: true });
    const lines: string[] = [];
    const server = await watchAndServe({ sourceDir: join(dir, 'source'), outDir: join(dir, 'out'), templatesDir: templates, formats: ['html'], port: 0, log: (l) => lines.push(l) });
    try {
      const page = await fetchText(`http://127.0.0.1:${server.port}/ru/report.html`);
      expect(page).toContain('<script src="/__folio/reload.js"></script>');
      expect(page).toContain("script-src 'self'");
      const events: string[] = [];
      const reloaded = new Promise<number>((resolve) => {
        get(`http://127.0.0.1:${server.port}/__folio/events`, (res) => {
          res.on('data', (chunk: Buffer) => {
            for (const m of chunk.toString().matchAll(/^data: (.*)$/gm)) {
              events.push(m[1]!);
              resolve(performance.now());
            }
          });
        });
      });
      await new Promise((r) => setTimeout(r, 200));
      const file = join(dir, 'source', 'ru', '03-recommendations.md');
      const start = performance.now();
      writeFileSync(file, readFileSync(file, 'utf8').replace('Предлагаются', 'Теперь предлагаются'));
      const at = await reloaded;
      console.log(`watch: chapter edit to reload event in ${(at - start).toFixed(0)} ms`);
      expect(events).toEqual([JSON.stringify({ lang: 'ru', reload: true })]);
      expect(await fetchText(`http://127.0.0.1:${server.port}/ru/report.html`)).toContain('Теперь предлагаются');
      expect(lines.some((l) => /^ru: HTML rebuilt/.test(l))).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);
});
