/**
 * `make bench` (after the Pandoc comparison): how `folio check` and `folio build` grow with the
 * three sizes issue 17 found super-linear: the number of notes (each defined right after the
 * paragraph that cites it, as the README advises), the length of one paragraph (real report text
 * with its note citations), and the nesting depth (quotes and lists inside each other). Each at
 * 1×, 3× and 10× (BENCH_SCALING, e.g. `1,3,10`), the parse cache off, medians of BENCH_SCALING_RUNS
 * (default 1) runs of the compiled command. Prints the times and their growth next to the linear
 * bound (3 and 10): the time beyond a source with none of the three (the start-up, the report's
 * furniture), as a multiple of 1×'s, is what has to grow at most linearly.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const folio = join(root, 'bin', 'folio.js');
const scales = (process.env.BENCH_SCALING ?? '1,3,10').split(',').map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(process.env.BENCH_SCALING_RUNS ?? 1));
const work = mkdtempSync(join(tmpdir(), 'folio-scaling-'));

/** Sentences of the real English report, for text that reads like a report. */
function sentences(): string[] {
  const dir = join(root, 'source', 'en');
  const text = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n\n');
  return text
    .split(/\n\n+/)
    .filter((p) => /^[A-Z]/.test(p) && !p.startsWith('[^'))
    .join(' ')
    .replace(/\[\^[^\]]+\]|\[([^\]]*)\]\([^)]*\)|[*_`{}#]/g, '$1')
    .replace(/\s+/g, ' ')
    .split(/(?<=\.) /)
    .filter((s) => s.length > 20 && !/www\.|https?:|@/.test(s)); // a bare address would take the citation after it into its link
}

const TEXT = sentences();

/** A source with one English chapter holding `body`, folio's templates, the real results data. */
function source(name: string, body: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'en'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  cpSync(join(root, 'source', 'data', 'results.json'), join(dir, 'data', 'results.json'));
  writeFileSync(join(dir, 'report.json'), JSON.stringify({ id: 'scaling', officialLanguage: 'en', languages: ['en'], eventDate: '2022-06-05', text: { en: { country: 'Republic of Scaling', event: 'Referendum', title: 'Scaling Report', mission: 'Benchmark Mission' } } }, null, 2));
  writeFileSync(join(dir, 'en', '01-body.md'), `# SCALING {#scaling}\n\n${body}\n\n# ANNEX {#annex .unnumbered}\n\n::results-table\n`);
  return dir;
}

/** `n` paragraphs, each citing a note defined right after it. */
const notes = (n: number) => Array.from({ length: n }, (_, i) => `${TEXT[i % TEXT.length]}[^n${i}]\n\n[^n${i}]: ${TEXT[(i * 7 + 3) % TEXT.length]}\n`).join('\n');

/** One paragraph of about `chars` characters of report text, a note cited every sixth sentence, the notes after it. */
function paragraph(chars: number): string {
  let text = '';
  const defs: string[] = [];
  for (let i = 0; text.length < chars; i++) {
    text += `${TEXT[i % TEXT.length]}${i % 6 === 5 ? `[^p${i}]` : ''} `;
    if (i % 6 === 5) defs.push(`[^p${i}]: ${TEXT[(i * 5 + 1) % TEXT.length]}`);
  }
  return `${text.trim()}\n\n${defs.join('\n\n')}`;
}

/** 300 structures `depth` levels deep (at most MAX_NESTING, 16), quotes and lists alternating, a sentence at each level. */
function nesting(depth: number): string {
  const blocks: string[] = [];
  for (let b = 0; b < 300; b++) {
    const lines: string[] = [];
    let prefix = '';
    for (let level = 0; level < depth; level++) {
      prefix += level % 2 === 0 ? '> ' : '- ';
      lines.push(`${prefix}${TEXT[(b * depth + level) % TEXT.length]}`);
      if (level % 2 === 1) prefix = prefix.slice(0, -2) + '  ';
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

const dimensions: { name: string; unit: string; base: number; make: (n: number) => string }[] = [
  { name: 'notes', unit: 'notes', base: 1000, make: notes },
  { name: 'paragraph length', unit: 'characters', base: 100_000, make: paragraph },
  { name: 'nesting', unit: 'levels', base: 1, make: nesting },
];

function time(args: string[]): { seconds: number; ok: boolean } {
  const samples: number[] = [];
  let ok = true;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [folio, ...args], { encoding: 'utf8', env: { ...process.env, FOLIO_CACHE: '0', SOURCE_DATE_EPOCH: '1654387200' }, maxBuffer: 1 << 26 });
    samples.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (r.status !== 0) {
      ok = false;
      process.stderr.write(`failed: folio ${args.join(' ')}\n${(r.stderr + r.stdout).slice(-1500)}\n`);
    }
  }
  return { seconds: samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!, ok };
}

const measure = (dir: string) => ({
  check: time(['check', '--source', dir, '--templates', join(root, 'templates'), '--reporter', 'text']),
  build: time(['build', '-q', '--source', dir, '--templates', join(root, 'templates'), '--out', join(dir, 'out')]),
});

process.stdout.write(`\nfolio scaling — check and build (HTML, DOCX, PDF) of one English chapter, parse cache off, median of ${runs}\n`);
const empty = measure(source('empty', 'A sentence.'));
process.stdout.write(`\nbaseline (a chapter of one sentence): check ${empty.check.seconds.toFixed(2)} s, build ${empty.build.seconds.toFixed(2)} s\n`);
const fmt = (x: number) => x.toFixed(2);
/** Time beyond the baseline, as a multiple of 1×'s: what must stay at most the linear bound. */
const growth = (now: number, one: number, base: number) => Math.max(0, now - base) / Math.max(0.05, one - base);
const over: string[] = [];
for (const d of dimensions) {
  process.stdout.write(`\n${d.name}\n\n| scale | ${d.unit} | source KiB | check s | build s | check growth | build growth | linear bound |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n`);
  let one: ReturnType<typeof measure> | undefined;
  for (const scale of scales) {
    const dir = source(`${d.name.replace(/\s/g, '-')}-${scale}x`, d.make(d.base * scale));
    const kib = statSync(join(dir, 'en', '01-body.md')).size / 1024;
    const r = measure(dir);
    one ??= r;
    const bound = scale / scales[0]!;
    const g = { check: growth(r.check.seconds, one.check.seconds, empty.check.seconds), build: growth(r.build.seconds, one.build.seconds, empty.build.seconds) };
    // Beyond the bound by more than noise (a quarter) counts as super-linear.
    for (const k of ['check', 'build'] as const) if (g[k] > bound * 1.25) over.push(`${d.name} ${k} at ${scale}×: ${fmt(g[k])} (bound ${bound})`);
    const mark = (k: 'check' | 'build') => `${fmt(g[k])}${g[k] > bound * 1.25 ? ' OVER' : ''}`;
    process.stdout.write(`| ${scale}× | ${d.base * scale} | ${kib.toFixed(0)} | ${fmt(r.check.seconds)}${r.check.ok ? '' : ' FAILED'} | ${fmt(r.build.seconds)}${r.build.ok ? '' : ' FAILED'} | ${mark('check')} | ${mark('build')} | ${bound} |\n`);
  }
}
process.stdout.write(`\ngrowth: the time beyond the baseline, as a multiple of 1×'s\n${over.length === 0 ? 'every size grows at most linearly' : `faster than linearly: ${over.join('; ')}`} (files in ${work})\n`);
