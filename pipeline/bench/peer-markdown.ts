/**
 * A language's chapters as one Markdown file for Pandoc (and through it XeLaTeX and Typst): the
 * same files in the same order, folio's directive fences (`:::recommendation{…}`, `:::`) left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function peerMarkdown(sourceDir: string, lang: string): string {
  const dir = join(sourceDir, lang);
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/^:{2,3}[a-z-]*(\{[^}]*\})?\s*$/gm, ''))
    .join('\n\n');
}
