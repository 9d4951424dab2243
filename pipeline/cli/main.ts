/** The `folio` command line: parses arguments and calls the library. */
import { Command, Option, CommanderError } from 'commander';
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, load } from '../build.js';
import { formatNames } from '../formats.js';
import { FolioError } from '../util/diagnostics.js';
import { list, templatesFor } from './options.js';
import { printDiagnostics } from './report.js';

const EXIT_HELP = `
Exit codes: 0 success, 1 errors in the source (or a failed build), 2 bad usage.`;

export async function main(argv: string[]): Promise<number> {
  const program = new Command('folio')
    .description('Publishing pipeline for long institutional reports: one Markdown source, HTML, DOCX and PDF editions per language.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP);
  let exitCode = 0;

  program
    .command('build')
    .description('build the editions into OUT/<lang>/report.<format>')
    .option('-s, --source <dir>', 'the report source folder (with report.json)', 'source')
    .option('-o, --out <dir>', 'the output folder', 'out')
    .option('-t, --templates <dir>', 'the templates folder (default: templates/ beside the source, else folio’s own)')
    .option('-l, --lang <list>', 'languages to build, comma-separated (default: all in report.json)', list(undefined, 'language'))
    .addOption(new Option('-f, --format <list>', `formats to build, comma-separated: ${formatNames.join(', ')} (default: all)`).argParser(list(formatNames, 'format')))
    .option('-q, --quiet', 'print only problems')
    .addHelpText('after', EXIT_HELP)
    .action(async (options: { source: string; out: string; templates?: string; lang?: string[]; format?: string[]; quiet?: boolean }) => {
      const start = performance.now();
      const result = await build({
        sourceDir: options.source,
        outDir: options.out,
        templatesDir: templatesFor(options.source, options.templates),
        languages: options.lang,
        formats: options.format,
      });
      printDiagnostics(result.diagnostics, 'text');
      if (!options.quiet) {
        for (const f of result.written) {
          process.stdout.write(`${f.lang} ${f.format.padEnd(4)} ${relative(process.cwd(), f.path)}  ${(f.bytes / 1024).toFixed(0)} KiB  ${f.ms.toFixed(0)} ms\n`);
        }
        process.stdout.write(`built ${result.written.length} file(s) in ${((performance.now() - start) / 1000).toFixed(2)} s\n`);
      }
      if (result.skipped.length) {
        process.stderr.write(`not rebuilt because of errors: ${result.skipped.join(', ')} (the previous files in ${options.out} are unchanged)\n`);
      }
      if (result.diagnostics.errorCount > 0) exitCode = 1;
    });

  program
    .command('check')
    .description('check footnotes, recommendations, cross-references, data and translations; exit 1 on any error')
    .option('-s, --source <dir>', 'the report source folder (with report.json)', 'source')
    .option('-t, --templates <dir>', 'the templates folder (default: templates/ beside the source, else folio’s own)')
    .addOption(new Option('-f, --format <format>', 'message format').choices(['text', 'json']).default('text'))
    .addHelpText('after', EXIT_HELP)
    .action(async (options: { source: string; templates?: string; format: 'text' | 'json' }) => {
      const start = performance.now();
      const { diagnostics, editions } = await load(options.source, templatesFor(options.source, options.templates));
      printDiagnostics(diagnostics, options.format);
      if (options.format === 'text') {
        const summary = editions.map((e) => `${e.lang}: ${e.notes.length} notes, ${e.recommendations.length} recommendations`).join('; ');
        process.stderr.write(`${diagnostics.errorCount} error(s), ${diagnostics.warningCount} warning(s)${summary ? ` — ${summary}` : ''} (${(performance.now() - start).toFixed(0)} ms)\n`);
      }
      if (diagnostics.errorCount > 0) exitCode = 1;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof FolioError) {
      process.stderr.write(`folio: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  return exitCode;
}
