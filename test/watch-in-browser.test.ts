/**
 * `build --watch` as the editor sees it, in Chromium: the served page runs its reload script without
 * an error (a newline in its source once broke it, so no page ever reloaded), shows an edit once
 * saved, shows a bad edit's errors over the page with `file:line:column`, and the next good edit
 * reloads it without them. Said SKIPPED where Chromium is not installed.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { watchAndServe } from '../pipeline/cli/watch.js';
import { fixtures, templates } from './helpers.js';

const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!executable) console.warn('watch-in-browser: SKIPPED: Chromium is not installed (apt-get install chromium)');

describe.skipIf(!executable)('the watched page in Chromium', () => {
  it('shows an edit, then a bad edit’s errors over the page, then the next good edit without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-watch-browser-'));
    cpSync(join(fixtures, 'translation', 'base', 'source'), join(dir, 'source'), { recursive: true });
    const server = await watchAndServe({ sourceDir: join(dir, 'source'), outDir: join(dir, 'out'), templatesDir: templates, formats: ['html'], port: 0, log: () => undefined });
    const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${server.port}/en/report.html`);
      await page.waitForTimeout(300); // the event stream connected
      const file = join(dir, 'source', 'en', '03-recommendations.md');
      const good = readFileSync(file, 'utf8');

      writeFileSync(file, good + '\nA sentence added while watching.\n');
      await page.getByText('A sentence added while watching.').waitFor({ timeout: 15_000 });

      writeFileSync(file, good + '\nA broken citation.[^nowhere-defined]\n');
      const overlay = page.locator('#folio-errors');
      await overlay.waitFor({ timeout: 15_000 });
      expect(await overlay.textContent()).toMatch(/03-recommendations\.md:\d+:\d+: error: citation of undefined note `nowhere-defined`/);

      writeFileSync(file, good + '\nFixed.\n');
      await page.getByText('Fixed.', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await overlay.count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
