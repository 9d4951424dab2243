/**
 * Rebuilds formats behind the watch in a child process (`folio build`, with the watch's source,
 * output, templates and reference document), so the preview server's thread is never busy with a
 * PDF or DOCX while the browser asks for the page, and at a lower priority, so it does not slow them
 * down either. Requests made while one runs are merged into the next run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
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

/**
 * The child yields the processor to the watch and the browser: on a machine with few cores, a PDF
 * rebuilt at the same priority slowed the next edit's HTML and its reload by as much again.
 */
function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, 10);
  } catch {
    // not allowed here (some containers): it runs at the same priority
  }
}

/** Languages and formats waiting to be rebuilt. */
class Queue {
  readonly langs = new Set<string>();
  readonly formats = new Set<string>();
  add(langs: Iterable<string>, formats: Iterable<string>): void {
    for (const l of langs) this.langs.add(l);
    for (const f of formats) this.formats.add(f);
  }
}

/**
 * `request` queues languages and formats and starts a run unless one is running (its requests wait
 * for it) or the watch holds the background: `hold`, while the HTML of a change is rebuilt and
 * served, pauses a running build (SIGSTOP; where there are no such signals, on Windows, it goes on
 * at its lower priority), and `release` lets it go on and starts what is queued.
 */
export function backgroundBuild(options: BuildOptions, log: (line: string) => void) {
  const bin = folioCommand();
  const pausable = process.platform !== 'win32';
  let child: ChildProcess | undefined;
  let queue: Queue | undefined;
  let held = false;
  let paused = false;
  let ended: Promise<void> = Promise.resolve();

  const signal = (name: 'SIGSTOP' | 'SIGCONT'): void => {
    if (!child || !pausable || paused === (name === 'SIGSTOP')) return;
    paused = name === 'SIGSTOP';
    child.kill(name);
  };

  const start = (): void => {
    if (child || held || !queue || !bin) return;
    const [langs, formats] = [[...queue.langs], [...queue.formats]];
    queue = undefined;
    const began = performance.now();
    const reference = options.referenceDoc ? ['--reference-doc', resolve(options.referenceDoc)] : [];
    const args = [bin, 'build', '--quiet', '--reporter', 'text', '--source', options.sourceDir, '--out', options.outDir, '--templates', options.templatesDir, ...reference, '--lang', langs.join(','), '--format', formats.join(',')];
    const running = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = running;
    lowerPriority(running);
    let errors = '';
    running.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    ended = new Promise((done) => running.on('close', (code) => {
      child = undefined;
      paused = false;
      const seconds = ((performance.now() - began) / 1000).toFixed(2);
      if (code !== null) log(code === 0 ? `${langs.join(', ')}: ${formats.join(', ')} rebuilt behind in ${seconds} s` : `${langs.join(', ')}: ${formats.join(', ')} not rebuilt (${errors.trim().split('\n').at(-1) ?? `exit ${code}`})`);
      done();
      start();
    }));
  };

  return {
    request(langs: string[], formats: string[]): void {
      if (!bin) return log('the other formats are not rebuilt while watching: folio is not compiled (run make)');
      (queue ??= new Queue()).add(langs, formats);
      start();
    },
    hold(): void {
      held = true;
      signal('SIGSTOP');
    },
    release(): void {
      held = false;
      signal('SIGCONT');
      start();
    },
    async close(): Promise<void> {
      held = true;
      queue = undefined;
      signal('SIGCONT'); // a stopped process would not end
      child?.kill();
      await ended;
    },
  };
}
