/** One rendering job: an edition in one format. Runs in a worker thread or in the main thread. */
import type { Edition } from '../model/types.js';
import { formats } from '../writers/registry.js';
import { FolioError } from '../util/diagnostics.js';

/** A user's error is its message; anything else is a bug, its stack shown only with FOLIO_DEBUG=1. */
function describeFailure(error: unknown): string {
  if (error instanceof FolioError) return error.message;
  if (!(error instanceof Error)) return String(error);
  return process.env.FOLIO_DEBUG === '1' ? `${error.message}\n${error.stack ?? ''}` : `internal error: ${error.message} (this is a bug; FOLIO_DEBUG=1 shows where)`;
}

export interface RenderJob {
  id: number;
  edition: Edition;
  format: string;
  templatesDir: string;
  /** The other editions' languages and names, for the HTML language switch. */
  languages: { lang: string; name: string }[];
  /** The path of a reference document for the DOCX (`--reference-doc`): a path, so the job stays serialisable. */
  referenceDoc?: string;
}

export interface RenderResult {
  id: number;
  data?: Uint8Array;
  error?: string;
  ms: number;
}

export async function runJob(job: RenderJob): Promise<RenderResult> {
  const start = performance.now();
  try {
    const format = formats.find((f) => f.name === job.format);
    if (!format) throw new Error(`unknown format ${job.format}`);
    const out = await format.render(job.edition, { templatesDir: job.templatesDir, languages: job.languages, ...(job.referenceDoc ? { referenceDoc: job.referenceDoc } : {}) });
    const data = typeof out === 'string' ? new TextEncoder().encode(out) : out;
    return { id: job.id, data, ms: performance.now() - start };
  } catch (error) {
    return { id: job.id, error: describeFailure(error), ms: performance.now() - start };
  }
}
