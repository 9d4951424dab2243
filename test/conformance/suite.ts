/**
 * The conformance suite: every example built by folio (build-example.ts), each edition read back
 * and checked (html-check.ts, docx-check.ts, pdf-check.ts), and the figures computed from the
 * outcomes. Shared by the report script (report.ts) and the test (conformance.test.ts).
 *
 * Examples are spread over worker processes (suite-worker.ts), two by default on two cores: a
 * build is single-threaded work in one process.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { allExamples, type Example } from './examples.js';
import { buildExample, FORMATS, type Format, type Refusal } from './build-example.js';
import { checkHtml } from './html-check.js';
import { checkDocx } from './docx-check.js';
import { checkPdf } from './pdf-check.js';
import { expectedOf } from './expected.js';
import type { CheckResult } from './model.js';

export interface Outcome {
  id: string;
  section: string;
  refused: Partial<Record<Format, Refusal>>;
  /** For each rule a refusal cites: whether the example holds the construct that rule refuses (undefined: a rule of folio's own, not a construct). */
  justified: Record<string, boolean | undefined>;
  warnings: string[];
  checks: Record<Format, CheckResult[]>;
  ms: Record<'build' | Format, number>;
}

export interface RunOptions {
  /** Worker processes (0: in this process). */
  workers?: number;
  /** Keep each example's source and editions in this folder. */
  keepDir?: string;
  /** Only these example ids. */
  only?: string[];
  onProgress?: (done: number, total: number) => void;
}

/** One example: build, read back, check. */
export async function runOne(example: Example, dir: string): Promise<Outcome> {
  const built = await buildExample(dir, example);
  const outcome: Outcome = {
    id: example.id,
    section: example.section,
    refused: built.refused,
    justified: Object.fromEntries([...new Set(Object.values(built.refused).flatMap((r) => r.rules))].map((rule) => [rule, holdsConstruct(rule, example)])),
    warnings: built.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.line ?? '?'}:${d.column ?? '?'} ${d.ruleId}`),
    checks: { html: [], docx: [], pdf: [] },
    ms: { build: built.ms, html: 0, docx: 0, pdf: 0 },
  };
  const expected = expectedOf(example.html);
  for (const format of FORMATS) {
    const file = built.files[format];
    if (!file || built.refused[format]) continue;
    const t = performance.now();
    try {
      if (format === 'html') outcome.checks.html = checkHtml(readFileSync(file, 'utf8'), example.html);
      else if (format === 'docx') outcome.checks.docx = checkDocx(file, expected);
      else outcome.checks.pdf = await checkPdf(file, expected);
    } catch (error) {
      outcome.checks[format] = [{ feature: 'read', pass: false, reason: `reading the ${format} back failed: ${error instanceof Error ? error.message : String(error)}` }];
    }
    outcome.ms[format] = performance.now() - t;
  }
  return outcome;
}

const SAFE_URL = /^(https?:|mailto:|#)/i;

/**
 * Whether an example holds what a refusal's rule refuses: raw HTML (a tag of the spec's HTML written
 * as such in the Markdown), a URL other than http(s), mailto or #id (in the spec's HTML or in a link
 * reference definition), an image. Other rules are folio's own (heading levels, ids, glyphs…).
 */
export function holdsConstruct(rule: string, example: Example): boolean | undefined {
  const html = example.html;
  if (rule === 'raw-html') {
    const tags = html.match(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>/g) ?? [];
    // Or an HTML block's opening left as it is (`<div id="foo"` over two lines).
    const starts = html.match(/<[A-Za-z!?/][^\s>]*/g) ?? [];
    return tags.some((t) => example.markdown.includes(t)) || starts.some((t) => !/^<\/?(p|h[1-6]|ul|ol|li|blockquote|pre|code|em|strong|a|img|br|hr|table|thead|tbody|tr|th|td|del|sup|section|input)$/.test(t) && example.markdown.includes(t));
  }
  if (rule === 'unsafe-url') {
    const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    const defs = [...example.markdown.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)/gm)].map((m) => m[1]!);
    return urls.some((u) => !SAFE_URL.test(u)) || defs.some((u) => !SAFE_URL.test(u));
  }
  if (rule === 'image') return /<img\s/.test(html) || /!\[/.test(example.markdown);
  return undefined;
}

/** Runs examples one after the other in this process (what a worker does). */
export async function runInProcess(examples: Example[], root: string, keep: boolean, onOne?: (o: Outcome) => void): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const example of examples) {
    const dir = join(root, example.id);
    const o = await runOne(example, dir);
    if (!keep) rmSync(dir, { recursive: true, force: true });
    out.push(o);
    onOne?.(o);
  }
  return out;
}

export async function runSuite(options: RunOptions = {}): Promise<{ outcomes: Outcome[]; ms: number; workers: number }> {
  const started = performance.now();
  let examples = allExamples();
  if (options.only) examples = examples.filter((e) => options.only!.includes(e.id));
  const keep = !!options.keepDir;
  const root = options.keepDir ?? mkdtempSync(join(tmpdir(), 'folio-conformance-'));
  mkdirSync(root, { recursive: true });
  const workers = Math.max(0, Math.min(options.workers ?? Math.min(2, availableParallelism()), examples.length));
  let done = 0;
  const progress = () => options.onProgress?.(++done, examples.length);
  let outcomes: Outcome[];
  try {
    if (workers <= 1) outcomes = await runInProcess(examples, root, keep, progress);
    else {
      // Interleaved shares, so slow sections are spread over the workers.
      const shares = Array.from({ length: workers }, (_, w) => examples.filter((_, i) => i % workers === w).map((e) => e.id));
      const parts = await Promise.all(shares.map((ids) => runWorker(ids, root, keep, progress)));
      const byId = new Map(parts.flat().map((o) => [o.id, o]));
      outcomes = examples.map((e) => {
        const o = byId.get(e.id);
        if (!o) throw new Error(`worker returned no outcome for ${e.id}`);
        return o;
      });
    }
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
  return { outcomes, ms: performance.now() - started, workers };
}

function runWorker(ids: string[], root: string, keep: boolean, progress: () => void): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, 'suite-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, FOLIO_WORKERS: '0' },
    });
    const outcomes: Outcome[] = [];
    child.on('message', (m: { outcome?: Outcome; done?: boolean; error?: string }) => {
      if (m.outcome) {
        outcomes.push(m.outcome);
        progress();
      }
      if (m.error) reject(new Error(m.error));
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(outcomes) : reject(new Error(`conformance worker exited with ${code}`))));
    child.send({ ids, root, keep });
  });
}

// ---------------------------------------------------------------------------------------------
// Figures.

export interface Figure {
  feature: string;
  applicable: number;
  passed: number;
  percent: number;
}

export interface Failure {
  example: string;
  section: string;
  format: Format | 'refusal';
  feature: string;
  reason: string;
}

export interface Figures {
  examples: number;
  refusals: Record<Format, { count: number; placed: number; stackFree: number; byRule: Record<string, number>; justified: Record<string, number> }>;
  /** Examples refused (any format), and those whose refusal lacks a place or shows a stack trace. */
  refusedExamples: number;
  badRefusals: { example: string; format: Format; problem: string; messages: string[] }[];
  features: Record<Format, Figure[]>;
  failures: Failure[];
  ms: { total: number; build: number; html: number; docx: number; pdf: number; slowest: { id: string; ms: number }[] };
}

export const FEATURE_ORDER: Record<Format, string[]> = {
  html: ['exact', 'text', 'notes'],
  docx: ['words', 'emphasis', 'strong', 'inline-code', 'strikethrough', 'links', 'hard-break', 'headings', 'code-block', 'blockquote', 'thematic-break', 'tables', 'footnotes', 'task-list', 'list-numbering', 'list-kind', 'list-start', 'list-one-marker', 'read'],
  pdf: ['words', 'emphasis', 'strong', 'inline-code', 'strikethrough', 'links', 'hard-break', 'headings', 'code-block', 'blockquote', 'thematic-break', 'tables', 'footnotes', 'task-list', 'list-nesting', 'list-markers', 'list-start', 'list-tags', 'read'],
};

export function figures(outcomes: Outcome[], totalMs = 0): Figures {
  const f: Figures = {
    examples: outcomes.length,
    refusals: { html: blank(), docx: blank(), pdf: blank() },
    refusedExamples: 0,
    badRefusals: [],
    features: { html: [], docx: [], pdf: [] },
    failures: [],
    ms: { total: totalMs, build: 0, html: 0, docx: 0, pdf: 0, slowest: [] },
  };
  const counts: Record<Format, Map<string, { applicable: number; passed: number }>> = { html: new Map(), docx: new Map(), pdf: new Map() };
  for (const o of outcomes) {
    if (Object.keys(o.refused).length) f.refusedExamples++;
    for (const format of FORMATS) {
      const r = o.refused[format];
      if (r) {
        const fig = f.refusals[format];
        fig.count++;
        if (r.placed) fig.placed++;
        if (r.stackFree) fig.stackFree++;
        for (const rule of r.rules) {
          fig.byRule[rule] = (fig.byRule[rule] ?? 0) + 1;
          if (o.justified[rule]) fig.justified[rule] = (fig.justified[rule] ?? 0) + 1;
        }
        const problems = [!r.placed && 'not placed at file:line:column', !r.stackFree && 'shows a stack trace'].filter((p): p is string => !!p);
        for (const problem of problems) {
          f.badRefusals.push({ example: o.id, format, problem, messages: r.messages });
          f.failures.push({ example: o.id, section: o.section, format: 'refusal', feature: format, reason: `refusal ${problem}: ${r.messages[0] ?? ''}` });
        }
        continue;
      }
      for (const c of o.checks[format]) {
        const entry = counts[format].get(c.feature) ?? { applicable: 0, passed: 0 };
        entry.applicable++;
        if (c.pass) entry.passed++;
        else f.failures.push({ example: o.id, section: o.section, format, feature: c.feature, reason: c.reason ?? 'failed' });
        counts[format].set(c.feature, entry);
      }
    }
    f.ms.build += o.ms.build;
    f.ms.html += o.ms.html;
    f.ms.docx += o.ms.docx;
    f.ms.pdf += o.ms.pdf;
  }
  f.ms.slowest = outcomes
    .map((o) => ({ id: o.id, ms: o.ms.build + o.ms.html + o.ms.docx + o.ms.pdf }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  for (const format of FORMATS) {
    const names = [...counts[format].keys()].sort((a, b) => rank(format, a) - rank(format, b));
    f.features[format] = names.map((feature) => {
      const { applicable, passed } = counts[format].get(feature)!;
      return { feature, applicable, passed, percent: applicable ? (100 * passed) / applicable : 100 };
    });
  }
  return f;
}

function rank(format: Format, feature: string): number {
  const i = FEATURE_ORDER[format].indexOf(feature);
  return i < 0 ? 999 : i;
}

function blank() {
  return { count: 0, placed: 0, stackFree: 0, byRule: {} as Record<string, number>, justified: {} as Record<string, number> };
}

/** The targets: HTML exact ≥ 98 % of the examples not refused; every DOCX and PDF feature ≥ 95 %. */
export const TARGETS = { htmlExact: 98, feature: 95 };

export function table(f: Figures): string {
  const lines: string[] = [];
  const pct = (n: number) => `${n.toFixed(1)}%`;
  lines.push(`examples: ${f.examples} (CommonMark 0.31.2 spec and GFM extensions); refused in some format: ${f.refusedExamples}`);
  for (const format of FORMATS) {
    const r = f.refusals[format];
    const rules = Object.entries(r.byRule)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}${['raw-html', 'unsafe-url', 'image'].includes(k) ? ` (construct present in ${r.justified[k] ?? 0})` : ''}`)
      .join(', ');
    lines.push(`  ${format} refused: ${r.count} (placed at file:line:column ${r.placed}, without stack trace ${r.stackFree}) — ${rules || 'none'}`);
  }
  lines.push('');
  lines.push(`| format | feature | applicable | passed | % | target |`);
  lines.push(`| --- | --- | ---: | ---: | ---: | --- |`);
  for (const format of FORMATS) {
    for (const fig of f.features[format]) {
      const target = format === 'html' ? (fig.feature === 'exact' ? `≥ ${TARGETS.htmlExact}%` : '') : `≥ ${TARGETS.feature}%`;
      const ok = target ? (fig.percent >= (format === 'html' ? TARGETS.htmlExact : TARGETS.feature) ? ' ok' : ' FAIL') : '';
      lines.push(`| ${format} | ${fig.feature} | ${fig.applicable} | ${fig.passed} | ${pct(fig.percent)} | ${target}${ok} |`);
    }
  }
  return lines.join('\n');
}

/** The most common failure reasons per format: the reason up to its first colon. */
export function commonReasons(f: Figures, format: Format | 'refusal', n = 10): { reason: string; count: number; examples: string[] }[] {
  const by = new Map<string, { count: number; examples: string[] }>();
  for (const x of f.failures.filter((x) => x.format === format)) {
    for (const part of x.reason.split('; ')) {
      const key = `${x.feature}: ${part.replace(/:\s[\s\S]*$/, '').replace(/\d+(\.\d+)?/g, 'N')}`;
      const e = by.get(key) ?? { count: 0, examples: [] };
      if (!e.examples.includes(x.example)) {
        e.count++;
        if (e.examples.length < 5) e.examples.push(x.example);
      }
      by.set(key, e);
    }
  }
  return [...by.entries()].map(([reason, e]) => ({ reason, ...e })).sort((a, b) => b.count - a.count).slice(0, n);
}

export const ROOT = join(import.meta.dirname, '..', '..');
export const OUT_DIR = join(ROOT, 'out', 'conformance');

/** out/conformance/failures.json (every failure: example, format, feature, reason; and the figures). */
export function writeFailures(f: Figures): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, 'failures.json');
  const { failures, ...rest } = f;
  writeFileSync(path, JSON.stringify({ figures: rest, failures }, null, 1) + '\n');
  return path;
}
