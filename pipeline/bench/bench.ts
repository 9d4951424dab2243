/**
 * `make bench`: times folio against Pandoc and Typst (its npm compiler, on the same English text,
 * page, font and sizes as the typography report sets it) on the real report, in the same run,
 * alternating the commands, medians of several runs (BENCH_RUNS, default 5), with peak memory; then
 * folio on 1x, 10x and 50x sources (BENCH_SCALES) for the growth factor. Installs nothing: says how
 * to install Pandoc and XeLaTeX when they are missing and leaves those rows out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSource } from './generate-source.js';
import { peerMarkdown } from './peer-markdown.js';
import { copyFonts, loadTypst, typstSource, TYPST_MISSING } from './typography/peers.js';

const root = resolve(process.argv[2] ?? '.');
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const scales = (process.env.BENCH_SCALES ?? '1,10,50').split(',').map(Number).filter((n) => n > 0);
const folio = join(root, 'bin', 'folio.js');
const work = mkdtempSync(join(tmpdir(), 'folio-bench-'));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Sample { seconds: number; kb?: number; ok: boolean }

function run(command: string[], cwd = root): Sample {
  const start = process.hrtime.bigint();
  const args = gnuTime ? [gnuTime, '-f', '%M', ...command] : command;
  const r = spawnSync(args[0]!, args.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = gnuTime ? Number(r.stderr.trim().split('\n').pop()) : undefined;
  if (r.status !== 0) process.stderr.write(`failed: ${command.join(' ')}\n${r.stderr.slice(-2000)}\n`);
  return { seconds, kb: Number.isFinite(kb) ? kb : undefined, ok: r.status === 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const has = (cmd: string, arg = '--version') => spawnSync(cmd, [arg]).status === 0;

// The English Markdown for Pandoc: the same chapters, folio's directive fences left out.
const markdown = peerMarkdown(join(root, 'source'), 'en');
const pandocInput = join(work, 'report-en.md');
writeFileSync(pandocInput, markdown);

const out = (name: string) => join(work, name);
const cases: { name: string; command: string[]; who: 'folio' | 'pandoc' | 'typst' }[] = [
  { name: 'folio: 9 editions (en, ru, kk × html, docx, pdf)', command: ['node', folio, 'build', '-q', '--out', out('all')], who: 'folio' },
  { name: 'folio: 9 editions, cold (parse cache off)', command: ['env', 'FOLIO_CACHE=0', 'node', folio, 'build', '-q', '--out', out('cold')], who: 'folio' },
  { name: 'folio: en html', command: ['node', folio, 'build', '-q', '--lang', 'en', '--format', 'html', '--out', out('en')], who: 'folio' },
  { name: 'folio: en docx', command: ['node', folio, 'build', '-q', '--lang', 'en', '--format', 'docx', '--out', out('en')], who: 'folio' },
  { name: 'folio: en pdf', command: ['node', folio, 'build', '-q', '--lang', 'en', '--format', 'pdf', '--out', out('en')], who: 'folio' },
  { name: 'folio: check (3 languages)', command: ['node', folio, 'check', '--source', 'source'], who: 'folio' },
];
const pandoc = has('pandoc');
const xelatex = has('xelatex');
if (pandoc) {
  cases.push({ name: 'pandoc: en html', command: ['pandoc', pandocInput, '-s', '--metadata', 'title=Report', '-o', out('p.html')], who: 'pandoc' });
  cases.push({ name: 'pandoc: en docx', command: ['pandoc', pandocInput, '-o', out('p.docx')], who: 'pandoc' });
  if (xelatex) cases.push({ name: 'pandoc: en pdf (xelatex)', command: ['pandoc', pandocInput, '--pdf-engine=xelatex', '-o', out('p.pdf')], who: 'pandoc' });
}
const typst = loadTypst(root) ? typstSource(root, 'en') : { missing: TYPST_MISSING };
if ('source' in typst) {
  writeFileSync(out('report-en.typ'), typst.source);
  const compile = join(root, 'dist', 'pipeline', 'bench', 'typst-compile.js');
  cases.push({ name: 'typst: en pdf', command: ['node', compile, root, out('report-en.typ'), copyFonts(root, work), out('t.pdf')], who: 'typst' });
}

const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
for (let i = 0; i < runs; i++) {
  const order = i % 2 === 0 ? cases : [...cases].reverse(); // alternate, so neither side always runs warm
  for (const c of order) samples.get(c.name)!.push(run(c.command));
}

const row = (name: string, s: Sample[]) => {
  const t = median(s.map((x) => x.seconds));
  const kb = s.map((x) => x.kb ?? 0);
  return { name, t, mb: Math.max(...kb) / 1024, ok: s.every((x) => x.ok) };
};
const rows = cases.map((c) => row(c.name, samples.get(c.name)!));
const get = (name: string) => rows.find((r) => r.name === name)?.t;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`\nfolio benchmark — ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, medians of ${runs} alternating runs\n\n`);
process.stdout.write(`| command | median s | peak MiB |\n| --- | ---: | ---: |\n`);
for (const r of rows) process.stdout.write(`| ${r.name}${r.ok ? '' : ' (FAILED)'} | ${r.t.toFixed(3)} | ${r.mb ? r.mb.toFixed(0) : 'n/a'} |\n`);

if (!pandoc) process.stdout.write('\nPandoc is not installed: no comparison (apt-get install pandoc texlive-xetex texlive-latex-recommended texlive-fonts-recommended lmodern).\n');
else {
  const pairs: [string, string][] = [['en html', 'en html'], ['en docx', 'en docx'], ['en pdf', 'en pdf (xelatex)']];
  process.stdout.write('\n| format | folio s | pandoc s | pandoc / folio |\n| --- | ---: | ---: | ---: |\n');
  for (const [f, p] of pairs) {
    const a = get(`folio: ${f}`);
    const b = get(`pandoc: ${p}`);
    if (a !== undefined && b !== undefined) process.stdout.write(`| ${f} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${(b / a).toFixed(2)}× |\n`);
  }
  if (!xelatex) process.stdout.write('XeLaTeX is not installed: no PDF comparison (apt-get install texlive-xetex texlive-latex-recommended texlive-fonts-recommended lmodern).\n');
  const nine = get('folio: 9 editions (en, ru, kk × html, docx, pdf)')!;
  const three = ['pandoc: en html', 'pandoc: en docx', 'pandoc: en pdf (xelatex)'].map(get);
  if (three.every((x) => x !== undefined)) {
    const sum = (three as number[]).reduce((a, b) => a + b, 0);
    process.stdout.write(`\nfolio's 9 editions: ${nine.toFixed(3)} s; Pandoc's English 3: ${sum.toFixed(3)} s — ${nine < sum ? 'folio is faster' : 'Pandoc is faster'} (ratio ${(sum / nine).toFixed(2)}×)\n`);
  }
}

const folioPdf = get('folio: en pdf');
const typstPdf = get('typst: en pdf');
if ('missing' in typst) process.stdout.write(`\nTypst is not measured: ${typst.missing}\n`);
else if (folioPdf !== undefined && typstPdf !== undefined) {
  process.stdout.write(`\nEnglish PDF: folio ${folioPdf.toFixed(3)} s; Typst ${typstPdf.toFixed(3)} s — ${folioPdf < typstPdf ? 'folio is faster' : 'Typst is faster'} (ratio ${(typstPdf / folioPdf).toFixed(2)}×)\n`);
}

// Scaling.
if (scales.length) {
  process.stdout.write(`\n| source | build s | peak MiB |\n| --- | ---: | ---: |\n`);
  const times = new Map<number, Sample>();
  for (const scale of scales) {
    const dir = join(work, `source-${scale}x`);
    await generateSource(join(root, 'source'), dir, scale, join(root, 'templates'));
    const s = run(['node', folio, 'build', '-q', '--source', dir, '--templates', join(root, 'templates'), '--out', join(work, `out-${scale}x`)]);
    times.set(scale, s);
    process.stdout.write(`| ${scale}x | ${s.seconds.toFixed(2)}${s.ok ? '' : ' (FAILED)'} | ${s.kb ? (s.kb / 1024).toFixed(0) : 'n/a'} |\n`);
  }
  const t10 = times.get(10);
  const t50 = times.get(50);
  if (t10 && t50) {
    const growth = t50.seconds / t10.seconds;
    process.stdout.write(`\ngrowth 50x / 10x: ${growth.toFixed(2)} (bound: at most 6) — ${growth <= 6 ? 'within' : 'OVER'}; 50x peak memory ${t50.kb ? `${(t50.kb / 1024).toFixed(0)} MiB` : 'n/a'} (bound: 2048 MiB)\n`);
  }
}
process.stdout.write(`\nfiles in ${work}\n`);
