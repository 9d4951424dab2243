/**
 * `folio build --watch`: a chapter edit rebuilds only its language, HTML first, and the served page
 * is told to reload; the served page allows only its reload script; a malformed URL is a 400 and
 * the server goes on; the DOCX rebuilt behind takes `--reference-doc` as the first build did; a
 * change pauses a background build until its page is served.
 * (Timing is printed, not tested: pipeline/tools/watch-latency.ts measures it in a browser.)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { defaultReferenceDoc } from '../pipeline/writers/docx/reference-doc.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { watchAndServe, affected } from '../pipeline/cli/watch.js';
import { backgroundBuild } from '../pipeline/cli/background-build.js';
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
      // The reload script is inline, and the page's policy allows it by its hash alone.
      const script = /<script>([^<]*)<\/script>\n<\/body>/.exec(page)![1]!;
      expect(page).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'; connect-src 'self'`);
      expect(page).not.toMatch(/script-src [^;"]*'(self|unsafe-inline)'/);
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

  it('answers 400 to a malformed URL (/%FF) and goes on serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-watch-url-'));
    cpSync(join(fixtures, 'translation', 'base', 'source'), join(dir, 'source'), { recursive: true });
    const server = await watchAndServe({ sourceDir: join(dir, 'source'), outDir: join(dir, 'out'), templatesDir: templates, formats: ['html'], port: 0, log: () => undefined });
    try {
      const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`, { signal: AbortSignal.timeout(10_000) });
      const bad = await get('/%FF');
      expect(bad.status).toBe(400);
      expect((await get('/en/%E0%A4%A.html')).status).toBe(400);
      const home = await get('/');
      expect(home.status).toBe(200);
      expect(home.url).toMatch(/\/en\/report\.html$/);
      expect(await home.text()).toContain("new EventSource('/__folio/events')");
    } finally {
      await server.close();
    }
  }, 60_000);

  it('rebuilds the DOCX behind with the --reference-doc of the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-watch-reference-'));
    cpSync(join(fixtures, 'translation', 'base', 'source'), join(dir, 'source'), { recursive: true });
    // folio's own reference document on an A5 page: the DOCX editions take its page size.
    const files = unzipSync(defaultReferenceDoc());
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']!).replace(/<w:pgSz [^>]*\/>/, '<w:pgSz w:w="8391" w:h="11906" w:orient="portrait"/>'));
    const house = join(dir, 'house.docx');
    writeFileSync(house, zipSync(files));
    const docx = join(dir, 'out', 'en', 'report.docx');
    const pageOf = () => /<w:pgSz [^>]*>/.exec(strFromU8(unzipSync(readFileSync(docx))['word/document.xml']!))![0];
    const lines: string[] = [];
    const server = await watchAndServe({ sourceDir: join(dir, 'source'), outDir: join(dir, 'out'), templatesDir: templates, formats: ['html', 'docx'], languages: ['en'], referenceDoc: house, port: 0, log: (l) => lines.push(l) });
    try {
      expect(pageOf()).toContain('w:w="8391"');
      const before = statSync(docx).mtimeMs;
      const file = join(dir, 'source', 'en', '03-recommendations.md');
      writeFileSync(file, readFileSync(file, 'utf8') + '\nOne more sentence.\n');
      for (let i = 0; i < 200 && !lines.some((l) => /docx (rebuilt behind|not rebuilt)/.test(l)); i++) await new Promise((r) => setTimeout(r, 100));
      expect(lines.filter((l) => /docx/.test(l))).toEqual([expect.stringMatching(/^en: docx rebuilt behind in/)]);
      expect(statSync(docx).mtimeMs).toBeGreaterThan(before);
      expect(pageOf()).toContain('w:w="8391"');
    } finally {
      await server.close();
    }
  }, 60_000);

  it.skipIf(process.platform !== 'linux')('a change pauses the background build until released, then it goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-watch-behind-'));
    cpSync(join(fixtures, 'translation', 'base', 'source'), join(dir, 'source'), { recursive: true });
    const out = join(dir, 'out');
    /** The states (R, S, T…) of the processes building into this test's folder, from /proc. */
    const states = () => readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(out)) return [];
        return [/\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))![1]!];
      } catch {
        return []; // ended meanwhile
      }
    });
    const lines: string[] = [];
    const behind = backgroundBuild({ sourceDir: join(dir, 'source'), outDir: out, templatesDir: templates }, (l) => lines.push(l));
    try {
      behind.request(['en'], ['docx']);
      await new Promise((r) => setTimeout(r, 200));
      behind.hold(); // a change: the HTML goes first
      await new Promise((r) => setTimeout(r, 300));
      expect(states()).toEqual(['T']);
      behind.release();
      await new Promise((r) => setTimeout(r, 100));
      expect(states().filter((s) => s === 'T')).toEqual([]);
      for (let i = 0; i < 300 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(lines).toEqual([expect.stringMatching(/^en: docx rebuilt behind in/)]);
      expect(existsSync(join(out, 'en', 'report.docx'))).toBe(true);
    } finally {
      await behind.close();
    }
  }, 60_000);
});
