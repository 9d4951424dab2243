/**
 * `folio build --watch`: builds, then rebuilds what a change affects (only the touched language's
 * editions when a chapter or its labels change) and serves the HTML editions on localhost. The
 * HTML is rebuilt first, in this process, and the page reloads at once (server-sent events); the
 * other formats are rebuilt behind it in a child process, so the server never waits for them, and
 * only once the reloaded page is sent (a change pauses a background build until then). An
 * edit with errors shows them over the page, `file:line:column` each, until the next good edit.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { watch } from 'chokidar';
import { build, type BuildOptions } from '../build.js';
import { formatLine, printDiagnostics } from './report.js';
import { backgroundBuild } from './background-build.js';
import { FolioError } from '../util/diagnostics.js';

/** The preview's only script: reload on a rebuild of this language, or show its errors over the page. */
const RELOAD_SCRIPT = `const s=new EventSource('/__folio/events');
s.onmessage=(e)=>{const m=JSON.parse(e.data);if(m.lang&&!location.pathname.startsWith('/'+m.lang+'/'))return;
let o=document.getElementById('folio-errors');
if(!m.errors){if(o||m.reload)location.reload();return;}
if(!o){o=document.createElement('div');o.id='folio-errors';o.setAttribute('role','alert');
o.style.cssText='position:fixed;inset:0 0 auto 0;max-height:60vh;overflow:auto;background:#fff4f4;color:#600;border-bottom:3px solid #b00020;padding:1rem;font:14px/1.4 monospace;z-index:9999;white-space:pre-wrap';
document.body.prepend(o);}
o.textContent='folio: the page is not rebuilt; fix these and save:\\n\\n'+m.errors.join('\\n');};`;
/** The script inline in the page (no request before the page is complete), allowed by its hash alone. */
const RELOAD_TAG = `<script>${RELOAD_SCRIPT}</script>`;
const RELOAD_POLICY = `script-src 'sha256-${createHash('sha256').update(RELOAD_SCRIPT).digest('base64')}'; connect-src 'self'`;
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
  const sent = new Set<(lang: string) => void>(); // told of each HTML page sent, with its language
  const notify = (message: { lang?: string; errors?: string[]; reload?: boolean }) => {
    for (const c of clients) c.write(`data: ${JSON.stringify(message)}\n\n`);
  };
  const first = await build(options);
  printDiagnostics(first.diagnostics, 'text');
  const languages = first.editions.map((e) => e.lang);
  options.log(`built ${first.written.length} file(s)`);

  const server = createServer((req, res) => {
    serve(req, res, { outDir: options.outDir, home: `/${languages[0] ?? 'en'}/report.html`, clients, sent }).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server, options.port, options.log);
  options.log(`serving http://127.0.0.1:${port}/ (live reload); watching ${options.sourceDir} and ${options.templatesDir}`);

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
      const start = performance.now();
      const html = await build({ ...options, languages: langs, formats: ['html'], onWritten: undefined });
      printDiagnostics(html.diagnostics, 'text');
      const errors = html.diagnostics.list().filter((m) => m.severity === 'error').map((m) => formatLine(m));
      const seconds = ((performance.now() - start) / 1000).toFixed(2);
      for (const lang of langs) notify(html.skipped.includes(lang) ? { lang, errors } : { lang, reload: true });
      const rebuilt = langs.filter((l) => !html.skipped.includes(l));
      if (rebuilt.length) options.log(`${rebuilt.join(', ')}: HTML rebuilt in ${seconds} s`);
      if (html.skipped.length) options.log(`${html.skipped.join(', ')}: not rebuilt, ${errors.length} error(s) (shown in the browser)`);
      const rest = (options.formats ?? ['html', 'docx', 'pdf']).filter((f) => f !== 'html');
      if (rest.length && rebuilt.length) behind.request(rebuilt, rest);
      if (rebuilt.length && clients.size > 0) void pageSent(sent, rebuilt, 1000).then(release);
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
    port,
    async close() {
      await watcher.close();
      await running;
      await behind.close();
      for (const c of clients) c.end();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The path a request names, decoded; undefined when it is malformed (`/%FF` is no UTF-8). */
function requestPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

/** Answers one request of the preview: the event stream, or a file of the output folder (400 for a malformed path, 403 outside it, 404 when missing). */
async function serve(req: IncomingMessage, res: ServerResponse, site: { outDir: string; home: string; clients: Set<ServerResponse>; sent: Set<(lang: string) => void> }): Promise<void> {
  const path = requestPath(req.url);
  if (path === undefined) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request: the path is not a valid URL\n');
    return;
  }
  if (path === '/__folio/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    site.clients.add(res);
    req.on('close', () => site.clients.delete(res));
    return;
  }
  if (path === '/') {
    res.writeHead(302, { location: site.home });
    res.end();
    return;
  }
  const file = resolve(site.outDir, '.' + path);
  if (!file.startsWith(resolve(site.outDir) + sep)) {
    res.writeHead(403).end();
    return;
  }
  let body: Buffer | string;
  try {
    body = await readFile(file);
  } catch {
    res.writeHead(404).end('not found');
    return;
  }
  if (extname(file) === '.html') {
    // The edition forbids scripts; the preview allows only its own reload script, by its hash.
    body = body.toString('utf8')
      .replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*)"/, `$1; ${RELOAD_POLICY}"`)
      .replace('</body>', `${RELOAD_TAG}\n</body>`);
    const lang = path.split('/')[1] ?? '';
    res.on('finish', () => {
      for (const tell of [...site.sent]) tell(lang);
    });
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(body);
}

/** Resolves once the page of one of `langs` has been sent (the browser reloaded it), or after `ms`. */
function pageSent(sent: Set<(lang: string) => void>, langs: string[], ms: number): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      sent.delete(tell);
      done();
    };
    const tell = (lang: string) => {
      if (langs.includes(lang)) finish();
    };
    const timer = setTimeout(finish, ms);
    sent.add(tell);
  });
}

/** Listens on `port`, or on the next free one when it is taken (and says so). */
async function listen(server: Server, port: number, log: (line: string) => void): Promise<number> {
  for (let candidate = port, tries = 0; ; candidate++, tries++) {
    const error = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
      server.once('error', done);
      server.listen(candidate, '127.0.0.1', () => {
        server.off('error', done);
        done(undefined);
      });
    });
    if (!error) return (server.address() as { port: number }).port;
    if (error.code !== 'EADDRINUSE' || port === 0 || tries >= 20) throw new FolioError(`cannot serve on port ${candidate}: ${error.code === 'EADDRINUSE' ? 'it is in use' : error.message}; choose another with --port`);
    log(`port ${candidate} is in use: trying ${candidate + 1}`);
  }
}
