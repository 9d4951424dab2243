/**
 * Rebuilds formats behind the watch in a child process (`folio build`, with the watch's source,
 * output, templates and reference document), so the preview server's thread is never busy with a
 * PDF or DOCX while the browser asks for the page. Requests made while one runs are merged into the
 * next run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from '../build.js';

/** bin/folio.js of the folio package this module belongs to (sources, compiled or bundled). */
function folioCommand(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    const bin = join(dir, 'bin', 'folio.js');
    if (existsSync(bin) && existsSync(join(dir, 'dist', 'folio', 'main.js'))) return bin;
  }
  return undefined;
}

export function backgroundBuild(options: BuildOptions, log: (line: string) => void) {
  const bin = folioCommand();
  let child: ChildProcess | undefined;
  let next: { langs: Set<string>; formats: Set<string> } | undefined;
  let idle: Promise<void> = Promise.resolve();

  const run = (langs: string[], formats: string[]): Promise<void> =>
    new Promise((done) => {
      const start = performance.now();
      const reference = options.referenceDoc ? ['--reference-doc', resolve(options.referenceDoc)] : [];
      const args = [bin!, 'build', '--quiet', '--reporter', 'text', '--source', options.sourceDir, '--out', options.outDir, '--templates', options.templatesDir, ...reference, '--lang', langs.join(','), '--format', formats.join(',')];
      child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('close', (code) => {
        child = undefined;
        const seconds = ((performance.now() - start) / 1000).toFixed(2);
        log(code === 0 ? `${langs.join(', ')}: ${formats.join(', ')} rebuilt behind in ${seconds} s` : `${langs.join(', ')}: ${formats.join(', ')} not rebuilt (${errors.trim().split('\n').at(-1) ?? `exit ${code}`})`);
        const queued = next;
        next = undefined;
        if (queued) void run([...queued.langs], [...queued.formats]).then(done);
        else done();
      });
    });

  return {
    request(langs: string[], formats: string[]): void {
      if (!bin) return log('the other formats are not rebuilt while watching: folio is not compiled (run make)');
      if (child) {
        next ??= { langs: new Set(), formats: new Set() };
        for (const l of langs) next.langs.add(l);
        for (const f of formats) next.formats.add(f);
        return;
      }
      idle = run(langs, formats);
    },
    async close(): Promise<void> {
      next = undefined;
      child?.kill();
      await idle;
    },
  };
}
