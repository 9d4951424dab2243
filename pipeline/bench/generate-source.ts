/**
 * `npm run bench:generate -- --scale N --out DIR`: writes a valid report source N times the size of
 * the real one (every language), for timing `folio build --source DIR`. Each copy of a chapter gets
 * unique note labels, recommendation ids and heading ids; priority ranks stay 1..7N; the annex and
 * the results table stand once.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';

export function generateSource(from: string, to: string, scale: number): void {
  if (existsSync(to)) rmSync(to, { recursive: true });
  mkdirSync(to, { recursive: true });
  cpSync(join(from, 'report.json'), join(to, 'report.json'));
  cpSync(join(from, 'data'), join(to, 'data'), { recursive: true });
  const report = JSON.parse(readFileSync(join(from, 'report.json'), 'utf8')) as { languages: string[] };
  for (const lang of report.languages) {
    const dir = join(from, lang);
    mkdirSync(join(to, lang), { recursive: true });
    const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    const priorities = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n').match(/priority=\d+/g)?.length ?? 0;
    for (let k = 1; k <= scale; k++) {
      for (const file of files) {
        let text = readFileSync(join(dir, file), 'utf8');
        if (k > 1) {
          if (file.startsWith('00-')) continue; // the title note stands once
          text = text
            .replace(/\[\^([^\]\s]+)\]/g, `[^$1-${k}]`)
            .replace(/\{#([A-Za-z][\w-]*)/g, `{#$1-${k}`)
            .replace(/\(#([A-Za-z][\w-]*)\)/g, `(#$1-${k})`)
            .replace(/priority=(\d+)/g, (_m, p: string) => `priority=${Number(p) + (k - 1) * priorities}`)
            .replace(/^::(recommendations|results-table)\s*$/gm, '');
        }
        writeFileSync(join(to, lang, `${String(k).padStart(3, '0')}-${file}`), text);
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command('bench:generate')
    .requiredOption('--scale <n>', 'how many times the real report', (v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('a whole number from 1');
      return Number(v);
    })
    .requiredOption('--out <dir>', 'where to write the source')
    .option('--source <dir>', 'the report to grow', 'source')
    .action((o: { scale: number; out: string; source: string }) => {
      generateSource(resolve(o.source), resolve(o.out), o.scale);
      process.stdout.write(`wrote a ${o.scale}x source to ${o.out}\n`);
    });
  program.parse();
}
