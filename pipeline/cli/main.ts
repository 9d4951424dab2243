/** The `folio` command line: parses arguments and calls the library. */
import { Command, Option, CommanderError } from 'commander';
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, load } from '../build.js';
import { formatNames } from '../writers/registry.js';
import { describeFailure } from '../util/errors.js';
import { FolioError } from '../util/diagnostics.js';
import { bundledTemplates, count, folioVersion, list, templatesFor } from './options.js';
import { exceedsWarnings, printDiagnostics, summary, type Reporter } from './report.js';
import { ProgressBar } from './progress-bar.js';
import { knownLanguages, withOfficial } from './languages.js';
import { folioCommand } from './invocation.js';

const EXIT_HELP = `
Exit codes: 0 success, 1 errors in the source (or a failed build), 2 bad usage, 70 a bug in folio.`;

const reporterOption = () =>
  new Option('-r, --reporter <reporter>', 'how to print problems: auto (a table on a terminal, file:line:column lines when piped), text (lines), table, github (Actions annotations), json')
    .choices(['auto', 'text', 'table', 'github', 'json'])
    .default('auto');

const maxWarningsOption = () =>
  new Option('--max-warnings <n>', 'exit 1 when there are more than N warnings (errors always do), as in CI: --max-warnings 0').argParser(count('--max-warnings'));

/** `--reference-doc`: a file that is not there is bad usage; what else is wrong with it, `load` reports as a problem. */
function referenceOption(file: string | undefined): { referenceDoc?: string } {
  if (file && !existsSync(file)) throw new FolioError(`--reference-doc ${file}: no such file (give a Word document, .docx)`, 2);
  return file ? { referenceDoc: file } : {};
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('folio')
    .description('Publishing pipeline for long institutional reports: one Markdown source, HTML, DOCX and PDF editions per language.')
    .version(folioVersion, '-V, --version', 'print folio’s version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP);
  let exitCode = 0;

  program
    .command('build')
    .description('build the editions into OUT/<lang>/report.<format>')
    .option('-s, --source <dir>', 'the report source folder (with report.json)', 'source')
    .option('-o, --out <dir>', 'the output folder', 'out')
    .option('-t, --templates <dir>', 'the templates folder (default: templates/ in or beside the source, else folio’s own)')
    .option('-l, --lang <list>', 'languages to build, comma-separated (default: all in report.json)', list(undefined, 'language'))
    .addOption(new Option('-f, --format <list>', `formats to build, comma-separated: ${formatNames.join(', ')} (default: all)`).argParser(list(formatNames, 'format')))
    .addOption(reporterOption())
    .addOption(maxWarningsOption())
    .option('-q, --quiet', 'print only problems')
    .option('-w, --watch', 'rebuild what a change affects and serve the HTML editions with live reload')
    .option('-p, --port <port>', 'the port to serve on with --watch (0: any free one)', (v) => Number(v), 4321)
    .option('--reference-doc <file>', 'a Word document whose styles, page size, margins and fonts the DOCX editions take (default: reference.docx in the templates folder, if any)')
    .addHelpText('after', EXIT_HELP)
    .action(async (options: { source: string; out: string; templates?: string; lang?: string[]; format?: string[]; quiet?: boolean; reporter: Reporter; maxWarnings?: number; watch?: boolean; port: number; referenceDoc?: string }) => {
      const reference = referenceOption(options.referenceDoc);
      if (options.watch) {
        const { watchAndServe } = await import('./watch.js');
        await watchAndServe({
          sourceDir: options.source, outDir: options.out, templatesDir: templatesFor(options.source, options.templates),
          languages: options.lang, formats: options.format, port: options.port, log: (line) => process.stdout.write(`${line}\n`), ...reference,
        });
        await new Promise(() => undefined); // until interrupted
      }
      knownLanguages(options.source, options.lang);
      const start = performance.now();
      const progress = !options.quiet && options.reporter !== 'json';
      // On a terminal, a bar once a build has taken more than a second (long reports).
      const bar = progress && process.stderr.isTTY ? new ProgressBar(process.stderr) : undefined;
      const result = await build({
        sourceDir: options.source,
        outDir: options.out,
        templatesDir: templatesFor(options.source, options.templates),
        languages: options.lang,
        formats: options.format,
        ...reference,
        // One line per edition as it is written.
        onStart: (total) => bar?.start(total),
        onWritten: progress
          ? (f) => {
              bar?.clear();
              process.stdout.write(`${f.lang} ${f.format.padEnd(4)} ${relative(process.cwd(), f.path)}  ${f.pages ? `${f.pages} pages  ` : ''}${(f.bytes / 1024).toFixed(0)} KiB  at ${(f.at / 1000).toFixed(2)} s\n`);
              bar?.tick();
            }
          : undefined,
      });
      bar?.stop();
      printDiagnostics(result.diagnostics, options.reporter);
      if (progress) {
        process.stdout.write(`built ${result.written.length} file(s) in ${((performance.now() - start) / 1000).toFixed(2)} s\n`);
      }
      if (result.skipped.length) {
        process.stderr.write(`not rebuilt because of errors: ${result.skipped.join(', ')} (the previous files in ${options.out} are unchanged)\n`);
      }
      if (result.diagnostics.errorCount > 0 || exceedsWarnings(result.diagnostics, options.maxWarnings)) exitCode = 1;
    });

  program
    .command('check')
    .description('check footnotes, recommendations, cross-references, data and translations; exit 1 on any error')
    .option('-s, --source <dir>', 'the report source folder (with report.json)', 'source')
    .option('-t, --templates <dir>', 'the templates folder (default: templates/ in or beside the source, else folio’s own)')
    .addOption(reporterOption())
    .addOption(new Option('-f, --format <format>', 'the same as --reporter').choices(['auto', 'text', 'table', 'github', 'json']))
    .option('-l, --lang <list>', 'check only these languages, comma-separated, each with the official language it translates (default: all)', list(undefined, 'language'))
    .addOption(maxWarningsOption())
    .option('--reference-doc <file>', 'also check the Word document `build --reference-doc` would take (default: reference.docx in the templates folder, if any)')
    .addHelpText('after', EXIT_HELP)
    .action(async (options: { source: string; templates?: string; format?: string; reporter: Reporter; lang?: string[]; maxWarnings?: number; referenceDoc?: string }) => {
      knownLanguages(options.source, options.lang);
      const start = performance.now();
      const reporter: Reporter = (options.format as Reporter | undefined) ?? options.reporter;
      const reference = referenceOption(options.referenceDoc);
      const { diagnostics, editions } = await load(options.source, templatesFor(options.source, options.templates), withOfficial(options.source, options.lang), reference);
      printDiagnostics(diagnostics, reporter);
      if (reporter !== 'json') {
        const figures = editions.map((e) => `${e.lang}: ${e.notes.length} notes, ${e.recommendations.length} recommendations`).join('; ');
        process.stderr.write(`${summary(diagnostics, editions.map((e) => e.lang))}${figures ? ` — ${figures}` : ''} (${(performance.now() - start).toFixed(0)} ms)\n`);
      }
      if (diagnostics.errorCount > 0 || exceedsWarnings(diagnostics, options.maxWarnings)) exitCode = 1;
    });

  program
    .command('translated')
    .description('record that a translation\'s blocks and labels translate the official text as it is now (in SOURCE/<lang>/.translated.json)')
    .argument('[files...]', 'only the blocks of these chapters (file names, e.g. 08-media.md), or `labels` for the labels')
    .requiredOption('-l, --lang <lang>', 'the translation')
    .option('-s, --source <dir>', 'the report source folder (with report.json)', 'source')
    .option('-t, --templates <dir>', 'the templates folder (default: templates/ in or beside the source, else folio’s own)')
    .action(async (files: string[], options: { source: string; templates?: string; lang: string }) => {
      const { loadPair, recordTranslated } = await import('../translate/record.js');
      const loaded = await loadPair(options.source, templatesFor(options.source, options.templates), options.lang);
      const r = await recordTranslated(loaded, files);
      const left = r.unpaired ? `; ${r.unpaired} block(s) have no ${loaded.official.lang} counterpart (folio check --lang ${options.lang} says which)` : '';
      process.stdout.write(`recorded ${r.recorded} unit(s) of ${options.lang} as translations of the current ${loaded.official.lang} text in ${r.path}${left}\n`);
    });

  const xliff = program.command('xliff').description('exchange a translation with CAT tools (Trados, memoQ, OmegaT, Weblate) as XLIFF 1.2');
  xliff
    .command('export')
    .description('write one trans-unit per block: the official text, the translation and its state')
    .requiredOption('-l, --lang <lang>', 'the translation')
    .requiredOption('-o, --out <file>', 'the XLIFF file to write (e.g. ru.xlf)')
    .option('-s, --source <dir>', 'the report source folder (with report.json)', 'source')
    .option('-t, --templates <dir>', 'the templates folder (default: templates/ in or beside the source, else folio’s own)')
    .action(async (options: { source: string; templates?: string; lang: string; out: string }) => {
      const [{ loadPair }, { exportXliff }, { writeFileAtomic }] = await Promise.all([import('../translate/record.js'), import('../translate/xliff.js'), import('../util/atomic-write.js')]);
      const result = exportXliff(await loadPair(options.source, templatesFor(options.source, options.templates), options.lang), folioVersion);
      await writeFileAtomic(options.out, result.xml);
      const states = Object.entries(result.states).map(([state, n]) => `${n} ${state}`).join(', ');
      process.stdout.write(`wrote ${result.units} unit(s) to ${options.out}${states ? ` (${states})` : ''}\n`);
    });
  xliff
    .command('import')
    .description('write the targets back into SOURCE/<lang>/ and record as translated the units whose state says so; nothing is written if any unit is refused')
    .argument('<file>', 'an XLIFF file written by folio xliff export')
    .option('-s, --source <dir>', 'the report source folder (with report.json)', 'source')
    .option('-t, --templates <dir>', 'the templates folder (default: templates/ in or beside the source, else folio’s own)')
    .action(async (file: string, options: { source: string; templates?: string }) => {
      const [{ loadPair }, { importXliff, targetLanguageOf }] = await Promise.all([import('../translate/record.js'), import('../translate/xliff.js')]);
      const loaded = await loadPair(options.source, templatesFor(options.source, options.templates), targetLanguageOf(file));
      const r = await importXliff(loaded, file);
      process.stdout.write(`read ${r.units} unit(s): ${r.changed} changed${r.written.length ? ` (in ${r.written.join(', ')})` : ''}, ${r.recorded} recorded as translated\n`);
    });

  program
    .command('new')
    .description('write a small working report source to start from')
    .argument('<dir>', 'a new folder')
    .option('-l, --lang <list>', 'languages, the official one first', list(undefined, 'language'), ['en'])
    .action(async (dir: string, options: { lang: string[] }) => {
      const { hasSample, newReport } = await import('./new-report.js'); // with the DOCX writer, for the reference document: loaded only here
      const made = newReport(dir, options.lang, bundledTemplates);
      // The sample chapters folio has in a language are translations: record them as such, and the
      // labels too where folio has them (a draft language's labels are the English ones, to translate).
      const { loadPair, recordTranslated } = await import('../translate/record.js');
      for (const lang of options.lang.slice(1)) {
        if (!hasSample(lang, bundledTemplates)) continue;
        const loaded = await loadPair(dir, templatesFor(dir), lang);
        const chapters = (loaded.source.chapters.get(lang) ?? []).map((c) => basename(c.path));
        made.written.push((await recordTranslated(loaded, loaded.edition.draft ? chapters : [])).path);
      }
      process.stdout.write(newReportSummary(dir, made));
    });

  // Every failure ends as one line (util/errors.ts): no stack trace for a user's error, ever.
  process.on('uncaughtException', fail).on('unhandledRejection', fail);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version' ? 0 : 2;
    }
    const failure = describeFailure(error);
    process.stderr.write(`folio: ${failure.message}\n`);
    return failure.exitCode;
  } finally {
    process.off('uncaughtException', fail).off('unhandledRejection', fail);
  }
  return exitCode;
}

/** What `folio new` says: the files it wrote (counted), where the CI workflow is, and how to go on with this folio. */
function newReportSummary(dir: string, made: { written: string[]; workflow: { path: string; kept: boolean } }): string {
  const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));
  const inDir = made.written.filter((f) => !relative(dir, f).startsWith('..')).length;
  const workflow = made.workflow.kept
    ? `; kept the CI workflow already at ${shown(made.workflow.path)}`
    : inDir < made.written.length ? `, and the CI workflow ${shown(made.workflow.path)}` : ` (with the CI workflow ${shown(made.workflow.path)})`;
  const folio = folioCommand();
  return `wrote ${made.written.length} files: ${inDir} in ${dir}${workflow}\nnext: ${folio} check --source ${dir} && ${folio} build --source ${dir} --out ${join(dir, 'out')}\n`;
}

/** An error no command awaited (a server's callback, a stray promise): told like any other, then exit. */
function fail(error: unknown): void {
  const failure = describeFailure(error);
  process.stderr.write(`folio: ${failure.message}\n`);
  process.exit(failure.exitCode);
}
