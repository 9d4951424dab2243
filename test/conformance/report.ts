/**
 * `npx tsx test/conformance/report.ts [--workers N] [--keep] [--only cm-1,fn-3]`: runs the
 * conformance suite and prints the figures per feature for HTML, DOCX and PDF, the most common
 * failure reasons, and writes every failure to out/conformance/failures.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonReasons, figures, OUT_DIR, runSuite, table, writeFailures } from './suite.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = OUT_DIR;
mkdirSync(outDir, { recursive: true });
const workers = opt('--workers') === undefined ? undefined : Number(opt('--workers'));
const only = opt('--only')?.split(',');
const keepDir = args.includes('--keep') ? join(outDir, 'examples') : undefined;

const tty = process.stderr.isTTY;
const { outcomes, ms, workers: used } = await runSuite({
  workers,
  only,
  keepDir,
  onProgress: (done, total) => {
    if (tty) process.stderr.write(`\r${done}/${total}`);
  },
});
if (tty) process.stderr.write('\n');
const f = figures(outcomes, ms);
console.log(table(f));
console.log('');
for (const format of ['html', 'docx', 'pdf', 'refusal'] as const) {
  const reasons = commonReasons(f, format);
  if (!reasons.length) continue;
  console.log(`most common ${format} failures (examples):`);
  for (const r of reasons) console.log(`  ${String(r.count).padStart(4)}  ${r.reason}  (${r.examples.join(', ')})`);
}
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;
console.log('');
console.log(`time: ${s(ms)} wall with ${used || 1} process(es); summed over examples: build ${s(f.ms.build)}, read+check html ${s(f.ms.html)}, docx ${s(f.ms.docx)}, pdf ${s(f.ms.pdf)}`);
console.log(`slowest examples: ${f.ms.slowest.map((x) => `${x.id} ${s(x.ms)}`).join(', ')}`);
writeFailures(f);
writeFileSync(join(outDir, 'outcomes.json'), JSON.stringify(outcomes, null, 1) + '\n');
console.log(`failures (${f.failures.length}) written to ${join('out', 'conformance', 'failures.json')}`);
