/**
 * Renders jobs across the machine's cores with worker threads (the longest jobs first), or in this
 * thread when there is one job, one core, FOLIO_WORKERS=0, or the code runs from TypeScript sources
 * (tests), where no compiled worker exists. Results come back in job order either way.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runJob, type RenderJob, type RenderResult } from './render-job.js';

/** Rough relative cost of a format, to start the longest jobs first. */
const COST: Record<string, number> = { pdf: 10, docx: 4, html: 1 };

function workerCount(jobs: number): number {
  const env = process.env.FOLIO_WORKERS;
  // On two cores, measured: no gain (V8's own collector and compiler threads already use the
  // second core), so workers start from three cores, one per core.
  const cores = availableParallelism();
  const wanted = env !== undefined && /^\d+$/.test(env) ? Number(env) : cores >= 3 ? cores : 0;
  return Math.max(0, Math.min(wanted, jobs));
}

export async function renderJobs(jobs: RenderJob[], onDone?: (job: RenderJob, result: RenderResult) => void | Promise<void>): Promise<RenderResult[]> {
  const workerUrl = new URL('./render-worker.js', import.meta.url);
  const compiled = existsSync(fileURLToPath(workerUrl));
  const n = compiled ? workerCount(jobs.length) : 0;
  const results: RenderResult[] = new Array(jobs.length);
  const queue = [...jobs].sort((a, b) => (COST[b.format] ?? 1) - (COST[a.format] ?? 1));
  if (n <= 1) {
    // In this thread, two jobs at a time: while one waits (zlib deflating a DOCX on the thread
    // pool, its file being written), the next one renders, instead of the thread idling.
    const lane = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const result = await runJob(job);
        results[jobs.indexOf(job)] = result;
        await onDone?.(job, result);
      }
    };
    await Promise.all([lane(), lane()]);
    return results;
  }
  const workers = Array.from({ length: n }, () => new Worker(workerUrl));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const job = queue.shift();
              if (!job) return resolve();
              worker.once('message', async (result: RenderResult) => {
                results[jobs.indexOf(job)] = result;
                try {
                  await onDone?.(job, result);
                } catch (error) {
                  return reject(error);
                }
                next();
              });
              worker.postMessage(job);
            };
            worker.once('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
