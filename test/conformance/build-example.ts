/**
 * One example as a small folio report (report.json + en/01-example.md, no heading added) built in
 * process with `build()`: the three formats in one call; when that call throws (a writer refusing
 * the edition), each format again on its own, to know which were written.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../pipeline/build.js';
import type { Example } from './examples.js';

export const FORMATS = ['html', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export const templatesDir = join(import.meta.dirname, '..', '..', 'templates');

export const REPORT_JSON = {
  id: 'conformance-example',
  officialLanguage: 'en',
  languages: ['en'],
  eventDate: '2022-06-05',
  text: { en: { country: 'Testland', event: 'Referendum', title: 'Conformance Example', mission: 'Conformance Mission' } },
};

export interface Diag {
  path: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
}

export interface Refusal {
  /** Rule ids of the errors (or `thrown` when a writer threw). */
  rules: string[];
  /** Every error (and, for a throw, its explaining warning) placed at file:line:column in the example's file. */
  placed: boolean;
  /** No message carries a stack trace. */
  stackFree: boolean;
  messages: string[];
}

export interface Built {
  dir: string;
  chapter: string;
  diagnostics: Diag[];
  files: Partial<Record<Format, string>>;
  refused: Partial<Record<Format, Refusal>>;
  ms: number;
}

const STACK = /\n\s+at\s|\bat\s+\S+\s+\([^)]*:\d+:\d+\)|at file:\/\//;

export function hasStack(message: string): boolean {
  return STACK.test(message);
}

function placed(d: Diag, chapter: string): boolean {
  return d.path.endsWith(chapter.replace(/^.*[\\/]en[\\/]/, 'en/')) && typeof d.line === 'number' && d.line > 0 && typeof d.column === 'number' && d.column > 0;
}

function describe(d: Diag): string {
  return `${d.path.replace(/^.*[\\/](en[\\/])/, '$1')}:${d.line ?? '?'}:${d.column ?? '?'}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}

export function writeSource(dir: string, example: Example): { sourceDir: string; chapter: string } {
  const sourceDir = join(dir, 'source');
  mkdirSync(join(sourceDir, 'en'), { recursive: true });
  writeFileSync(join(sourceDir, 'report.json'), JSON.stringify(REPORT_JSON, null, 2) + '\n');
  const chapter = join(sourceDir, 'en', '01-example.md');
  writeFileSync(chapter, example.markdown);
  return { sourceDir, chapter };
}

export async function buildExample(dir: string, example: Example): Promise<Built> {
  const started = performance.now();
  const { sourceDir, chapter } = writeSource(dir, example);
  const outDir = join(dir, 'out');
  const files: Partial<Record<Format, string>> = {};
  const refused: Partial<Record<Format, Refusal>> = {};
  let diagnostics: Diag[] = [];
  const run = async (formats: readonly Format[]) => {
    const result = await build({ sourceDir, outDir, templatesDir, formats: [...formats] });
    diagnostics = result.diagnostics.list();
    for (const w of result.written) files[w.format as Format] = w.path;
    return result;
  };
  try {
    const result = await run(FORMATS);
    if (result.skipped.includes('en')) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const refusal: Refusal = {
        rules: [...new Set(errors.map((d) => d.ruleId))],
        placed: errors.length > 0 && errors.every((d) => placed(d, chapter)),
        stackFree: errors.every((d) => !hasStack(d.message)),
        messages: errors.map(describe),
      };
      for (const f of FORMATS) refused[f] = refusal;
    }
  } catch {
    // A writer refused its edition by throwing: find which, one format at a time.
    for (const f of FORMATS) {
      try {
        await run([f]);
        if (!files[f]) throw new Error(`no ${f} written`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const explaining = diagnostics.filter((d) => placed(d, chapter));
        refused[f] = {
          rules: ['thrown', ...new Set(explaining.map((d) => d.ruleId))],
          placed: explaining.length > 0,
          stackFree: !hasStack(message),
          messages: [message.split('\n').slice(0, 3).join(' | '), ...explaining.map(describe)],
        };
      }
    }
  }
  for (const f of FORMATS) if (files[f] && !existsSync(files[f]!)) delete files[f];
  return { dir, chapter, diagnostics, files, refused, ms: performance.now() - started };
}
