/**
 * `make screenshots`: pictures of the HTML editions at phone and desktop widths, with Debian's
 * Chromium, into out/screenshots/, for people to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const out = resolve(process.argv[2] ?? 'out');
const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!executable) {
  process.stderr.write('screenshots: Chromium is not installed (apt-get install chromium)\n');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
mkdirSync(join(out, 'screenshots'), { recursive: true });
for (const lang of ['en', 'ru', 'kk']) {
  const file = join(out, lang, 'report.html');
  if (!existsSync(file)) continue;
  for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const) {
    const page = await browser.newPage({ viewport });
    await page.goto(`file://${file}`);
    const path = join(out, 'screenshots', `${lang}-${name}.png`);
    await page.screenshot({ path });
    await page.goto(`file://${file}#fn-42`);
    await page.screenshot({ path: join(out, 'screenshots', `${lang}-${name}-note-42.png`) });
    process.stdout.write(`${path}\n`);
    await page.close();
  }
}
await browser.close();
