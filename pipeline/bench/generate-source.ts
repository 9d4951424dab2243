/**
 * `npm run bench:generate -- --scale N --out DIR`: writes a valid report source N times the size of
 * the real one (every language), for timing `folio build --source DIR`. Each copy of a chapter gets
 * unique note labels, recommendation ids and heading ids; priority ranks stay 1..7N; the annex and
 * the results table stand once. The translations' blocks are recorded as translated (as the real
 * report's are, by `folio translated`), so `check` and `build` see a normal report, not one whose
 * every translated block is an `untranslated-block` warning.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadPair, recordTranslated } from '../translate/record.js';

/** Records every block of each translation as translating the official text as it is (`folio translated --lang L`). */
async function recordTranslations(to: string, templatesDir: string, report: { officialLanguage: string; languages: string[] }): Promise<void> {
  for (const lang of report.languages.filter((l) => l !== report.officialLanguage)) {
    const loaded = await loadPair(to, templatesDir, lang);
    if (loaded.diagnostics.errorCount > 0) throw new Error(`the generated ${lang} source has errors: run folio check --source ${to}`);
    await recordTranslated(loaded);
  }
}

export async function generateSource(from: string, to: string, scale: number, templatesDir: string): Promise<void> {
  if (existsSync(to)) rmSync(to, { recursive: true });
  mkdirSync(to, { recursive: true });
  cpSync(join(from, 'report.json'), join(to, 'report.json'));
  cpSync(join(from, 'data'), join(to, 'data'), { recursive: true });
  const report = JSON.parse(readFileSync(join(from, 'report.json'), 'utf8')) as { officialLanguage: string; languages: string[] };
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
  await recordTranslations(to, templatesDir, report);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command('bench:generate')
    .requiredOption('--scale <n>', 'how many times the real report', (v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('a whole number from 1');
      return Number(v);
    })
    .requiredOption('--out <dir>', 'where to write the source')
    .option('--source <dir>', 'the report to grow', 'source')
    .option('--templates <dir>', 'the templates folder', 'templates')
    .action(async (o: { scale: number; out: string; source: string; templates: string }) => {
      await generateSource(resolve(o.source), resolve(o.out), o.scale, resolve(o.templates));
      process.stdout.write(`wrote a ${o.scale}x source to ${o.out}\n`);
    });
  await program.parseAsync();
}
