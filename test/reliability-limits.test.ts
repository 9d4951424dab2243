/**
 * Bounded time and memory: what made folio hang, overflow its stack or grow with the square of the
 * source is refused at its place, or now takes linear time.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { load } from '../pipeline/build.js';
import { parseMarkdown } from '../pipeline/parse/parse-markdown.js';
import { MAX_NESTING } from '../pipeline/parse/nesting.js';
import { chapterStructure } from '../pipeline/check/structure.js';
import { fixtureSource, root, templates } from './helpers.js';

const chapter = (source: string, name: string) => join(source, 'en', name);
const problems = async (source: string) => (await load(source, templates)).diagnostics.list();
const seconds = (f: () => unknown) => {
  const start = performance.now();
  f();
  return (performance.now() - start) / 1000;
};

describe('nesting', () => {
  const deep: Record<string, (n: number) => string> = {
    'quotes': (n) => `${'>'.repeat(n)} deep\n`,
    'quotes with spaces': (n) => `${'> '.repeat(n)}deep\n`,
    'list markers on one line': (n) => `${'- '.repeat(n)}deep\n`,
    'lists by indentation': (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') + '\n',
    'recommendations': (n) => Array.from({ length: n }, (_, i) => `${':'.repeat(3 + n - i)}recommendation{#r${i} priority=${i + 2}}`).join('\n') + '\nText.\n' + Array.from({ length: n }, (_, i) => ':'.repeat(4 + i)).join('\n') + '\n',
  };

  it('the README states the limit folio enforces, where it promises lists of any construct', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`lists nested up to ${MAX_NESTING} levels`);
    expect(readme).toContain(`nest at most ${MAX_NESTING} levels (rule \`nesting\`)`);
    expect(readme).not.toMatch(/lists of any depth/);
  });

  for (const [name, make] of Object.entries(deep)) {
    it(`${name} 1,000 deep: an error at its place, in bounded time (quotes and lists overflowed the stack)`, async () => {
      const source = fixtureSource();
      writeFileSync(chapter(source, '05-deep.md'), `# DEEP {#deep}\n\n${make(1000)}`);
      const start = performance.now();
      const found = (await problems(source)).filter((m) => m.ruleId === 'nesting');
      expect((performance.now() - start) / 1000).toBeLessThan(20);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toMatchObject({ severity: 'error' });
      expect(found[0]!.path).toMatch(/05-deep\.md$/);
      expect(found[0]!.line).toBeGreaterThanOrEqual(3);
    }, 60_000);
  }

  it('emphasis and links 1,000 deep parse in bounded time, without a crash (micromark does not nest them)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-deep.md'), `# DEEP {#deep}\n\n${'*_'.repeat(1000)}x${'_*'.repeat(1000)}\n\n${'[a '.repeat(1000)}x${'](#background)'.repeat(1000)}\n`);
    const start = performance.now();
    await load(source, templates);
    expect((performance.now() - start) / 1000).toBeLessThan(20);
  }, 60_000);

  it(`${MAX_NESTING} levels are fine, ${MAX_NESTING + 1} are not`, () => {
    const quotes = (n: number) => parseMarkdown(`${'> '.repeat(n)}deep\n`).data?.nesting ?? [];
    expect(quotes(MAX_NESTING)).toEqual([]);
    expect(quotes(MAX_NESTING + 1)).toHaveLength(1);
    const lists = (n: number) => parseMarkdown(Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')).data?.nesting ?? [];
    expect(lists(MAX_NESTING)).toEqual([]);
    expect(lists(MAX_NESTING + 1).length).toBeGreaterThan(0);
  });

  it('a run of 10,000 asterisks is refused before micromark spends minutes on it', () => {
    const t = seconds(() => expect(parseMarkdown(`${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`).data?.nesting?.[0]?.message).toMatch(/a run of 10000 `\*` characters/));
    expect(t).toBeLessThan(2);
  });

  it('a fenced code block may hold anything: deep quotes, long runs, list markers', () => {
    const code = `\`\`\`\n${'>'.repeat(200)}\n${'*'.repeat(1000)}\n${'- '.repeat(200)}\n\`\`\`\n`;
    expect(parseMarkdown(code).data?.nesting).toBeUndefined();
  });
});

describe('quadratic cases', () => {
  it('notes defined right after each paragraph parse in linear time (10,000 took 190 s to check)', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i}.[^n${i}]\n\n[^n${i}]: Note ${i}.\n`).join('\n');
    const time = (n: number) => Math.min(seconds(() => parseMarkdown(text(n))), seconds(() => parseMarkdown(text(n))));
    const small = time(1500);
    const large = time(4500);
    // Linear: about 3; the upstream edit map made it about 9.
    expect(large / small).toBeLessThan(5.5);
  }, 120_000);

  it('a heading of 80,000 spaces before its attributes (18 s in the attribute pattern)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-spaces.md'), `# SPACES${' '.repeat(80_000)}x {#spaces}\n\nText.\n`);
    const start = performance.now();
    const { editions } = await load(source, templates);
    expect((performance.now() - start) / 1000).toBeLessThan(10);
    expect(editions[0]!.outline.some((e) => e.id === 'spaces')).toBe(true);
  }, 60_000);

  it('a heading of 40,000 spaces is read for the translation checks as fast as one of 40,000 letters (the structure’s attribute pattern was quadratic: 12 s at 80,000)', () => {
    vi.stubEnv('FOLIO_CACHE', '0'); // time the parse every run, not the cache
    try {
      const heading = (filler: string) => `# SPACES${filler.repeat(40_000)}x {#spaces}\n\nText.\n`;
      const time = (filler: string) => Math.min(...[1, 2, 3].map(() => seconds(() => chapterStructure('05-spaces.md', heading(filler)))));
      const letters = time('x');
      const spaces = time(' ');
      expect(chapterStructure('05-spaces.md', heading(' ')).sections.some((s) => s.heading?.id === 'spaces')).toBe(true);
      // The same length of text: linear code takes about the same time; the pattern took 30 times as long.
      expect(spaces / letters).toBeLessThan(4);
    } finally {
      vi.unstubAllEnvs();
    }
  }, 60_000);

  it('a JSON file nested 100,000 deep is invalid JSON at its place, not a stack overflow', async () => {
    const source = fixtureSource();
    writeFileSync(join(source, 'data', 'results.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const found = (await problems(source)).find((m) => m.ruleId === 'invalid-json');
    expect(found?.message).toMatch(/nested more than 64 levels/);
  });
});

describe('special files', () => {
  it('a FIFO named *.md is refused, never read (check blocked forever)', async () => {
    const source = fixtureSource();
    const fifo = chapter(source, '05-pipe.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const found = (await problems(source)).find((m) => m.path.endsWith('05-pipe.md'));
    expect(found?.message).toBe('is a FIFO (named pipe), not a file: folio reads only regular files');
  }, 20_000);

  it('a link to a device inside the source, and a FIFO as report.json, are refused the same way', async () => {
    const source = fixtureSource();
    symlinkSync('/dev/zero', join(source, 'zero'));
    symlinkSync(join(source, 'zero'), chapter(source, '05-zero.md'));
    let found = (await problems(source)).find((m) => m.path.endsWith('05-zero.md'));
    expect(found?.message).toMatch(/links outside the source folder|is a device/);
    const other = fixtureSource();
    const report = join(other, 'report.json');
    rmSync(report);
    expect(spawnSync('mkfifo', [report]).status).toBe(0);
    found = (await problems(other)).find((m) => m.path.endsWith('report.json'));
    expect(found?.message).toMatch(/is a FIFO/);
  }, 20_000);

  it('a chapter folder that cannot be read is a message, not a stack trace', async () => {
    if (process.getuid?.() === 0) return; // root reads every folder
    const source = fixtureSource();
    spawnSync('chmod', ['000', join(source, 'en')]);
    try {
      const found = (await problems(source)).find((m) => m.message.startsWith('cannot read the folder'));
      expect(found).toBeDefined();
    } finally {
      spawnSync('chmod', ['755', join(source, 'en')]);
    }
  });
});

describe('special files among the templates', () => {
  it('a FIFO as the HTML stylesheet is refused by check, not read (the HTML writer would block on it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-templates-'));
    cpSync(templates, dir, { recursive: true });
    rmSync(join(dir, 'html', 'style.css'));
    expect(spawnSync('mkfifo', [join(dir, 'html', 'style.css')]).status).toBe(0);
    const found = (await load(fixtureSource(), dir)).diagnostics.list().find((m) => m.path.endsWith('style.css'));
    expect(found?.message).toBe('not a regular file: folio reads only regular files');
  }, 20_000);
});
