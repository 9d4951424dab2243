/**
 * Printing diagnostics where people look. By default: on a terminal, vfile-reporter's table with
 * colours; piped (CI logs, editors), one `path:line:column: severity: message [rule-id]` line each,
 * without colours. Or GitHub Actions annotations, or JSON for tools. Every reporter writes the
 * problems to stdout (one rule, so `check > problems.txt` keeps them); summaries go to stderr.
 */
import { reporter as vfileReporter } from 'vfile-reporter';
import type { Diagnostics, Message } from '../util/diagnostics.js';

export type Reporter = 'auto' | 'text' | 'table' | 'github' | 'json';

const color = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env.NO_COLOR;

export function formatLine(m: Message, colors = false): string {
  const severity = colors ? (m.severity === 'error' ? `\x1b[31m${m.severity}\x1b[39m` : `\x1b[33m${m.severity}\x1b[39m`) : m.severity;
  const rule = colors ? `\x1b[2m[${m.ruleId}]\x1b[22m` : `[${m.ruleId}]`;
  return `${m.path}:${m.line ?? 1}:${m.column ?? 1}: ${severity}: ${m.message} ${rule}`;
}

/** Where an annotation points: a range within a line with both columns; over lines, the lines only (GitHub takes columns within one line). */
function githubPlace(m: Message): string {
  const [line, col] = [m.line ?? 1, m.column ?? 1];
  if (m.endLine === undefined || m.endColumn === undefined) return `line=${line},col=${col}`;
  if (m.endLine === line) return `line=${line},col=${col},endLine=${line},endColumn=${m.endColumn}`;
  return `line=${line},endLine=${m.endLine}`;
}

/** A GitHub Actions workflow command; data escaped as the runner expects. */
export function formatGithub(m: Message): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${m.severity === 'error' ? 'error' : 'warning'} file=${property(m.path)},${githubPlace(m)},title=${property(m.ruleId)}::${data(m.message)}`;
}

/** Errors and warnings per language (from the path: source/<lang>/, labels/<lang>.json), then the rest. */
export function summary(diagnostics: Diagnostics, languages: string[]): string {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const m of diagnostics.list()) {
    const lang = languages.find((l) => new RegExp(`(^|/)${l}/|labels/${l}\\.json$`).test(m.path.replace(/\\/g, '/'))) ?? 'shared';
    const c = counts.get(lang) ?? { errors: 0, warnings: 0 };
    if (m.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(lang, c);
  }
  const parts = [...languages, 'shared'].filter((l) => counts.has(l)).map((l) => `${l}: ${counts.get(l)!.errors} error(s), ${counts.get(l)!.warnings} warning(s)`);
  return `${diagnostics.errorCount} error(s), ${diagnostics.warningCount} warning(s)${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

export function printDiagnostics(diagnostics: Diagnostics, reporter: Reporter, stream: NodeJS.WriteStream = process.stdout): void {
  if (reporter === 'json') {
    stream.write(JSON.stringify({ errors: diagnostics.errorCount, warnings: diagnostics.warningCount, messages: diagnostics.list() }, null, 2) + '\n');
    return;
  }
  if (reporter === 'github') {
    for (const m of diagnostics.list()) stream.write(formatGithub(m) + '\n');
    return;
  }
  const colors = color(stream);
  if (reporter === 'table' || (reporter === 'auto' && stream.isTTY === true)) {
    const files = [...diagnostics.files.values()].filter((f) => f.messages.length > 0).sort((a, b) => (a.path < b.path ? -1 : 1));
    if (files.length) stream.write(vfileReporter(files, { color: colors, quiet: true }) + '\n');
    return;
  }
  for (const m of diagnostics.list()) stream.write(formatLine(m, colors) + '\n');
}

/** `--max-warnings N`: true, after saying so in one line on stderr, when there are more warnings than N. */
export function exceedsWarnings(diagnostics: Diagnostics, max: number | undefined, stream: NodeJS.WriteStream = process.stderr): boolean {
  if (max === undefined || diagnostics.warningCount <= max) return false;
  stream.write(`folio: ${diagnostics.warningCount} warning(s), more than --max-warnings ${max} allows: exit 1\n`);
  return true;
}
