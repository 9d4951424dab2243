/**
 * `make latency`: how long an edit takes to show in the browser with `folio build --watch`, measured
 * to the page. On a copy of the report, it starts the compiled `folio build --watch`, opens the
 * English edition in Chromium (Debian's, through playwright-core), and N times writes a paragraph
 * with a new number in it and waits until the reloaded page's DOM holds that number: the time from
 * the file write to then, median and maximum. Once with every format being rebuilt (DOCX and PDF
 * behind the HTML, in a child process) and once with `--format html`.
 *
 *   node dist/pipeline/tools/watch-latency.js [FOLIO_DIR] [--edits 10] [--pause 1000] [--chapter en/08-media.md]
 *
 * `--pause` is the time between the page showing an edit and the next edit: shorter than the
 * background PDF and DOCX rebuild, so edits also land while it runs, as when an editor saves often.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const folio = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '.');
const edits = Number(option('edits', '10'));
const pause = Number(option('pause', '1000'));
const chapter = option('chapter', 'en/08-media.md');

/** A running `folio build --watch` and the lines it has printed. */
interface Watch {
  child: ChildProcess;
  lines: string[];
  port: number;
}

function startWatch(source: string, out: string, formats: string[]): Promise<Watch> {
  const child = spawn(process.execPath, [join(folio, 'bin', 'folio.js'), 'build', '--watch', '--source', source, '--out', out, '--port', '0', ...(formats.length ? ['--format', formats.join(',')] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let rest = '';
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString();
      const parts = text.split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const serving = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
        if (serving) done({ child, lines, port: Number(serving[1]) });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('exit', (code) => fail(new Error(`folio build --watch ended (exit ${code}) before serving`)));
  });
}

/** The paragraph line the edits change: the first line of the chapter that is plain text. */
function paragraphLine(lines: string[]): number {
  const at = lines.findIndex((l) => /^\p{L}/u.test(l));
  if (at < 0) throw new Error(`${chapter} has no paragraph to edit`);
  return at;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * One edit: write the paragraph with `token` in it, wait until the page holds it, and return the
 * milliseconds from the write to the moment the reloaded page's DOM was complete (its
 * DOMContentLoaded, stamped in the page by an init script on the same clock), so the test driver's
 * own polling does not count.
 */
async function timeEdit(page: Page, file: string, original: string[], line: number, token: string): Promise<number> {
  const lines = [...original];
  lines[line] = `${lines[line]} (edit ${token})`;
  const shown = page.locator('body', { hasText: `(edit ${token})` }).waitFor({ state: 'attached', timeout: 30_000 });
  const start = Date.now();
  writeFileSync(file, lines.join('\n'));
  await shown;
  const loaded = await page.evaluate(() => (globalThis as unknown as { __folioLoaded?: number }).__folioLoaded ?? Number.NaN);
  return loaded - start;
}

async function measure(label: string, formats: string[], executablePath: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-latency-'));
  cpSync(join(folio, 'source'), join(dir, 'source'), { recursive: true });
  const file = join(dir, 'source', ...chapter.split('/'));
  const original = readFileSync(file, 'utf8').split('\n');
  const line = paragraphLine(original);
  const watch = await startWatch(join(dir, 'source'), join(dir, 'out'), formats);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    // Runs in every page the tab loads (outside the page's script policy): when its DOM is complete.
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => ((globalThis as unknown as { __folioLoaded: number }).__folioLoaded = Date.now())));
    await page.goto(`http://127.0.0.1:${watch.port}/${chapter.split('/')[0]}/report.html`);
    await new Promise((r) => setTimeout(r, 500)); // the event stream connected
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      times.push(await timeEdit(page, file, original, line, `${Date.now()}${i}`));
      await new Promise((r) => setTimeout(r, pause));
    }
    const rebuilt = watch.lines.map((l) => /HTML rebuilt in ([\d.]+) s/.exec(l)?.[1]).filter(Boolean).map(Number).slice(-edits);
    const behind = watch.lines.filter((l) => /rebuilt behind/.test(l)).length;
    process.stdout.write(`${label.padEnd(34)} median ${(median(times) / 1000).toFixed(2)} s, max ${(Math.max(...times) / 1000).toFixed(2)} s  (HTML rebuild median ${median(rebuilt).toFixed(2)} s; ${behind} background rebuild(s))\n`);
    process.stdout.write(`  each edit, ms: ${times.map((t) => t.toFixed(0)).join(' ')}\n`);
  } finally {
    await browser.close();
    watch.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const executable = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!executable) {
  process.stderr.write('watch-latency: Chromium is not installed (apt-get install chromium)\n');
  process.exit(1);
}
if (!existsSync(join(folio, 'dist', 'folio', 'main.js'))) {
  process.stderr.write(`watch-latency: ${folio} has no compiled folio (run make)\n`);
  process.exit(1);
}
process.stdout.write(`watch: an edit of ${chapter} to its text in the page's DOM, ${edits} edits, ${pause} ms apart\n`);
await measure('all formats (DOCX, PDF behind)', [], executable);
await measure('--format html', ['html'], executable);
