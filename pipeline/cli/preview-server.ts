/**
 * The preview server of `folio build --watch`, on 127.0.0.1: the output folder's files, the HTML
 * pages with the one script they may run (inline, allowed by its hash: it reloads the page when its
 * language is rebuilt, or shows the errors over it), and the event stream that tells them. A
 * malformed path is a 400, one outside the folder a 403; a port in use moves to the next one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve, sep, extname } from 'node:path';
import { createHash } from 'node:crypto';
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

/** What a page is told: reload (its language was rebuilt), or the errors that kept it from being rebuilt. */
export interface PageMessage {
  lang?: string;
  errors?: string[];
  reload?: boolean;
}

export interface Preview {
  port: number;
  /** Tells every open page. */
  notify(message: PageMessage): void;
  /** Whether any page is open. */
  watched(): boolean;
  /** Resolves once the page of one of `langs` has been sent (the browser reloaded it), or after `ms`. */
  pageSent(langs: string[], ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startPreview(options: { outDir: string; home: string; port: number; log: (line: string) => void }): Promise<Preview> {
  const clients = new Set<ServerResponse>();
  const sent = new Set<(lang: string) => void>(); // told of each HTML page sent, with its language
  const server = createServer((req, res) => {
    serve(req, res, { outDir: options.outDir, home: options.home, clients, sent }).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server, options.port, options.log);
  return {
    port,
    notify: (message) => {
      for (const c of clients) c.write(`data: ${JSON.stringify(message)}\n\n`);
    },
    watched: () => clients.size > 0,
    pageSent: (langs, ms) => pageSent(sent, langs, ms),
    async close() {
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
