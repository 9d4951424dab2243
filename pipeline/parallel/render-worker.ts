/** A worker thread that renders jobs sent to it, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runJob, type RenderJob } from './render-job.js';

parentPort?.on('message', async (job: RenderJob) => {
  const result = await runJob(job);
  parentPort!.postMessage(result, result.data ? [result.data.buffer as ArrayBuffer] : []);
});
