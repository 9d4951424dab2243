/**
 * `folio build --watch`: builds, then rebuilds what a change affects (only the touched language's
 * editions when a chapter or its labels change, HTML first) and serves the HTML editions on
 * localhost, reloading the page in the browser after each rebuild (server-sent events).
 */
import { createServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep, extname } from 'node:path';
import { watch } from 'chokidar';
import { build, type BuildOptions } from '../build.js';
import { printDiagnostics } from './report.js';

const RELOAD_SCRIPT = `const s=new EventSource('/__folio/events');s.onmessage=(e)=>{const m=JSON.parse(e.data);if(!m.lang||location.pathname.startsWith('/'+m.lang+'/'))location.reload();};`;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.png': 'image/png' };

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
  const clients = new Set<ServerResponse>();
  const notify = (lang?: string) => {
    for (const c of clients) c.write(`data: ${JSON.stringify({ lang })}\n\n`);
  };
  const first = await build(options);
  printDiagnostics(first.diagnostics, 'text');
  const languages = first.editions.map((e) => e.lang);
  options.log(`built ${first.written.length} file(s)`);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__folio/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/__folio/reload.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(RELOAD_SCRIPT);
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: `/${languages[0] ?? 'en'}/report.html` });
      res.end();
      return;
    }
    const file = resolve(options.outDir, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(resolve(options.outDir) + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body: Buffer | string = await readFile(file);
      if (extname(file) === '.html') {
        // The edition forbids scripts; the preview allows only its own reload script.
        body = body.toString('utf8')
          .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*)"/, `$1; script-src 'self'; connect-src 'self'"`)
          .replace('</body>', '<script src="/__folio/reload.js"></script>\n</body>');
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(options.port, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  options.log(`serving http://127.0.0.1:${port}/ (live reload); watching ${options.sourceDir} and ${options.templatesDir}`);

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rebuild = () => {
    const langs = [...pending];
    pending = new Set();
    running = running.then(async () => {
      const start = performance.now();
      // HTML first, so the browser shows the change at once; then the other formats.
      const html = await build({ ...options, languages: langs, formats: ['html'] });
      printDiagnostics(html.diagnostics, 'text');
      for (const lang of langs) if (!html.skipped.includes(lang)) notify(lang);
      options.log(`${langs.join(', ')}: HTML rebuilt in ${((performance.now() - start) / 1000).toFixed(2)} s`);
      const rest = (options.formats ?? ['html', 'docx', 'pdf']).filter((f) => f !== 'html');
      if (rest.length) {
        const others = await build({ ...options, languages: langs, formats: rest, onWritten: undefined });
        options.log(`${langs.join(', ')}: ${others.written.length} other file(s) rebuilt in ${((performance.now() - start) / 1000).toFixed(2)} s`);
      }
    }).catch((error: unknown) => options.log(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  const watcher = watch([options.sourceDir, options.templatesDir], { ignoreInitial: true, ignored: (p) => p.startsWith(resolve(options.outDir)) });
  watcher.on('all', (_event, path) => {
    for (const lang of affected(path, options.sourceDir, options.templatesDir, languages)) pending.add(lang);
    clearTimeout(timer);
    timer = setTimeout(rebuild, 40);
  });
  await new Promise<void>((r) => watcher.on('ready', () => r()));
  return {
    port,
    async close() {
      await watcher.close();
      for (const c of clients) c.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
