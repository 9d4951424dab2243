/**
 * `folio build --watch`: builds, then rebuilds what a change affects (only the touched language's
 * editions when a chapter or its labels change) and serves the HTML editions on localhost
 * (cli/preview-server.ts). The
 * HTML is rebuilt first, in this process, and the page reloads at once (server-sent events); the
 * other formats are rebuilt behind it in a child process, so the server never waits for them, and
 * only once the reloaded page is sent (a change pauses a background build until then). An
 * edit with errors shows them over the page, `file:line:column` each, until the next good edit.
 */
import { relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import { build, type BuildOptions } from '../build.js';
import { formatLine, printDiagnostics } from './report.js';
import { backgroundBuild } from './background-build.js';
import { startPreview, type Preview } from './preview-server.js';

export interface WatchOptions extends BuildOptions {
  port: number;
  log: (line: string) => void;
}

/** Which languages a changed file affects: one for its chapters and labels, all for the rest. */
export function affected(path: string, sourceDir: string, templatesDir: string, languages: string[]): string[] {
  const fromSource = relative(resolve(sourceDir), resolve(path)).split(sep);
  if (languages.includes(fromSource[0] ?? '')) return [fromSource[0]!];
  const fromTemplates = relative(resolve(templatesDir), resolve(path)).split(sep);
  if (fromTemplates[0] === 'labels' && fromTemplates[1]) {
    const lang = fromTemplates[1].replace(/\.json$/, '');
    if (languages.includes(lang)) return [lang];
  }
  return languages;
}

export async function watchAndServe(options: WatchOptions): Promise<{ close(): Promise<void>; port: number }> {
  const first = await build(options);
  printDiagnostics(first.diagnostics, 'text');
  const languages = first.editions.map((e) => e.lang);
  options.log(`built ${first.written.length} file(s)`);

  const preview = await startPreview({ outDir: options.outDir, home: `/${languages[0] ?? 'en'}/report.html`, port: options.port, log: options.log });
  options.log(`serving http://127.0.0.1:${preview.port}/ (live reload); watching ${options.sourceDir} and ${options.templatesDir}`);

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const behind = backgroundBuild(options, options.log);
  // Each change holds the background builds until its page is rebuilt and sent (or a second has
  // passed): on a machine of few cores, a PDF being built delayed the reload by as much again.
  let generation = 0;
  const rebuild = () => {
    const langs = [...pending];
    const mine = generation;
    pending = new Set();
    const release = () => {
      if (mine === generation) behind.release();
    };
    running = running.then(async () => {
      const rebuilt = await rebuildHtml(options, langs, preview);
      const rest = (options.formats ?? ['html', 'docx', 'pdf']).filter((f) => f !== 'html');
      if (rest.length && rebuilt.length) behind.request(rebuilt, rest);
      if (rebuilt.length && preview.watched()) void preview.pageSent(rebuilt, 1000).then(release);
      else release();
    }).catch((error: unknown) => {
      options.log(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
      release();
    });
  };
  const out = resolve(options.outDir);
  // Paths reach the filter as chokidar sees them (relative when the source was given relative).
  const ignored = (p: string) => {
    const abs = resolve(p);
    return abs === out || abs.startsWith(out + sep) || /\.tmp$/.test(p);
  };
  const watcher = watch([options.sourceDir, options.templatesDir], { ignoreInitial: true, ignored });
  watcher.on('all', (_event, path) => {
    if (ignored(path)) return;
    for (const lang of affected(path, options.sourceDir, options.templatesDir, languages)) pending.add(lang);
    generation++;
    behind.hold();
    clearTimeout(timer);
    timer = setTimeout(rebuild, 20); // an editor's save (write, rename) is one change
  });
  await new Promise<void>((r) => watcher.on('ready', () => r()));
  return {
    port: preview.port,
    async close() {
      await watcher.close();
      await running;
      await behind.close();
      await preview.close();
    },
  };
}

/** Rebuilds the HTML of `langs` and tells their pages (reload, or the errors), and the terminal; returns the languages rebuilt. */
async function rebuildHtml(options: WatchOptions, langs: string[], preview: Preview): Promise<string[]> {
  const start = performance.now();
  const html = await build({ ...options, languages: langs, formats: ['html'], onWritten: undefined });
  printDiagnostics(html.diagnostics, 'text');
  const errors = html.diagnostics.list().filter((m) => m.severity === 'error').map((m) => formatLine(m));
  const seconds = ((performance.now() - start) / 1000).toFixed(2);
  for (const lang of langs) preview.notify(html.skipped.includes(lang) ? { lang, errors } : { lang, reload: true });
  const rebuilt = langs.filter((l) => !html.skipped.includes(l));
  if (rebuilt.length) options.log(`${rebuilt.join(', ')}: HTML rebuilt in ${seconds} s`);
  if (html.skipped.length) options.log(`${html.skipped.join(', ')}: not rebuilt, ${errors.length} error(s) (shown in the browser)`);
  return rebuilt;
}
