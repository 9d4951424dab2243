/**
 * `build --watch` with every form of `--out` (relative or absolute, inside or outside the source):
 * one edit gives one rebuild, never a loop on the watcher's own writes; an edit with errors shows
 * them to the browser and the next good edit reloads; a port in use moves to the next one.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { watchAndServe } from '../pipeline/cli/watch.js';
import { fixtures, templates } from './helpers.js';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Messages of the page's event stream, as they come. */
function events(port: number): string[] {
  const seen: string[] = [];
  get(`http://127.0.0.1:${port}/__folio/events`, (res) => {
    res.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString().matchAll(/^data: (.*)$/gm)) seen.push(m[1]!);
    });
  });
  return seen;
}

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-watch-forms-'));
  cpSync(join(fixtures, 'translation', 'base', 'source'), join(dir, 'source'), { recursive: true });
  return dir;
}

function edit(file: string, from: string, to: string): void {
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}

describe('watch', () => {
  const forms: [string, (dir: string) => { source: string; out: string }][] = [
    ['relative, inside the source', (dir) => ({ source: relative(process.cwd(), join(dir, 'source')), out: relative(process.cwd(), join(dir, 'source', 'out')) })],
    ['absolute, inside the source', (dir) => ({ source: join(dir, 'source'), out: join(dir, 'source', 'out') })],
    ['relative, outside the source', (dir) => ({ source: relative(process.cwd(), join(dir, 'source')), out: relative(process.cwd(), join(dir, 'out')) })],
    ['absolute, outside the source', (dir) => ({ source: join(dir, 'source'), out: join(dir, 'out') })],
  ];
  for (const [name, paths] of forms) {
    it(`rebuilds once per edit with --out ${name}`, async () => {
      const dir = copy();
      const { source, out } = paths(dir);
      const lines: string[] = [];
      const server = await watchAndServe({ sourceDir: source, outDir: out, templatesDir: templates, formats: ['html'], port: 0, log: (l) => lines.push(l) });
      try {
        const seen = events(server.port);
        await wait(300);
        edit(join(dir, 'source', 'ru', '03-recommendations.md'), 'Предлагаются', 'Теперь предлагаются');
        await wait(2500);
        expect(seen).toEqual([JSON.stringify({ lang: 'ru', reload: true })]);
        expect(lines.filter((l) => /HTML rebuilt/.test(l))).toHaveLength(1);
      } finally {
        await server.close();
      }
    }, 30_000);
  }

  it('shows the errors of a bad edit to the browser, and reloads after the next good one', async () => {
    const dir = copy();
    const lines: string[] = [];
    const server = await watchAndServe({ sourceDir: join(dir, 'source'), outDir: join(dir, 'out'), templatesDir: templates, formats: ['html'], port: 0, log: (l) => lines.push(l) });
    try {
      const seen = events(server.port);
      await wait(300);
      const file = join(dir, 'source', 'en', '03-recommendations.md');
      const good = readFileSync(file, 'utf8');
      writeFileSync(file, good + '\nA broken citation.[^nowhere-defined]\n');
      await wait(1500);
      const bad = JSON.parse(seen[0] ?? '{}') as { lang: string; errors?: string[] };
      expect(bad.lang).toBe('en');
      expect(bad.errors?.[0]).toMatch(/03-recommendations\.md:\d+:\d+: error: citation of undefined note `nowhere-defined`/);
      expect(lines.some((l) => /^en: not rebuilt, 1 error/.test(l))).toBe(true);
      writeFileSync(file, good);
      await wait(1500);
      expect(JSON.parse(seen[1] ?? '{}')).toEqual({ lang: 'en', reload: true });
    } finally {
      await server.close();
    }
  }, 30_000);

  it('uses a template edited while watching at the next rebuild (templates were compiled once per path)', async () => {
    const dir = copy();
    cpSync(templates, join(dir, 'templates'), { recursive: true });
    const server = await watchAndServe({ sourceDir: join(dir, 'source'), outDir: join(dir, 'out'), templatesDir: join(dir, 'templates'), formats: ['html'], port: 0, log: () => undefined });
    try {
      const seen = events(server.port);
      await wait(300);
      edit(join(dir, 'templates', 'annex', 'recommendations.md.hbs'), 'ref="{{id}}"}\n', 'ref="{{id}}"}\n\nRanked by the mission.\n');
      for (let i = 0; i < 50 && seen.length < 2; i++) await wait(100);
      expect(seen.map((m) => JSON.parse(m) as unknown)).toEqual(expect.arrayContaining([{ lang: 'en', reload: true }]));
      const page = await (await fetch(`http://127.0.0.1:${server.port}/en/report.html`)).text();
      expect(page).toContain('Ranked by the mission.');
    } finally {
      await server.close();
    }
  }, 30_000);

  it('moves to the next port when the asked one is in use, and says so', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as { port: number }).port;
    const lines: string[] = [];
    const server = await watchAndServe({ sourceDir: join(copy(), 'source'), outDir: join(tmpdir(), `folio-port-${taken}`), templatesDir: templates, formats: ['html'], port: taken, log: (l) => lines.push(l) });
    try {
      expect(server.port).not.toBe(taken);
      expect(lines).toContain(`port ${taken} is in use: trying ${taken + 1}`);
    } finally {
      await server.close();
      blocker.close();
    }
  }, 30_000);
});
