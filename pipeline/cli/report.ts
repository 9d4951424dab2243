/** Printing diagnostics: one `path:line:column: severity: message [rule-id]` line each, or JSON for tools. */
import type { Diagnostics } from '../util/diagnostics.js';

export function formatLine(m: ReturnType<Diagnostics['list']>[number]): string {
  return `${m.path}:${m.line ?? 1}:${m.column ?? 1}: ${m.severity}: ${m.message} [${m.ruleId}]`;
}

export function printDiagnostics(diagnostics: Diagnostics, format: 'text' | 'json', stream: NodeJS.WriteStream = process.stderr): void {
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ errors: diagnostics.errorCount, warnings: diagnostics.warningCount, messages: diagnostics.list() }, null, 2) + '\n');
    return;
  }
  for (const m of diagnostics.list()) stream.write(formatLine(m) + '\n');
}
