/** `--lang` against the report's languages: an unknown one is a usage error (exit 2), not an empty build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FolioError } from '../util/diagnostics.js';

/** The report's official language and languages, when report.json can be read (else `check` reports why). */
function reportLanguages(sourceDir: string): { official: string; languages: string[] } | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(sourceDir, 'report.json'), 'utf8')) as { officialLanguage?: unknown; languages?: unknown };
    if (typeof meta.officialLanguage !== 'string' || !Array.isArray(meta.languages)) return undefined;
    return { official: meta.officialLanguage, languages: meta.languages.filter((l): l is string => typeof l === 'string') };
  } catch {
    return undefined;
  }
}

/** Throws a usage error naming the languages a report has when `given` holds one it does not. */
export function knownLanguages(sourceDir: string, given: string[] | undefined): void {
  const report = reportLanguages(sourceDir);
  if (!given || !report) return;
  const unknown = given.filter((l) => !report.languages.includes(l));
  if (unknown.length) {
    throw new FolioError(`unknown language${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ${join(sourceDir, 'report.json')} lists ${report.languages.join(', ')}`, 2);
  }
}

/** For `check --lang`: the given languages and the official one they are checked against. */
export function withOfficial(sourceDir: string, given: string[] | undefined): string[] | undefined {
  const report = reportLanguages(sourceDir);
  if (!given || !report) return given;
  return [report.official, ...given.filter((l) => l !== report.official)];
}
