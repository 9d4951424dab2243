/**
 * Handlebars templates: strict mode (a missing label or field is an error naming the template,
 * the line and the key), no prototype access, HTML-escaped by default. Read at each use and compiled
 * again only when its text changed (a watch sees an edited template at the next rebuild).
 */
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { FolioError } from './diagnostics.js';
import { shown } from './paths.js';
import { readFailure, readRegularFileSync, UnreadableFile } from './read-file.js';

const hbs = Handlebars.create();
// In capitals as the language writes them (Greek drops its accents, Turkish dots its İ): the
// locale is the labels' when the template has them.
hbs.registerHelper('upper', (value: unknown, options?: { data?: { root?: { labels?: { locale?: unknown } } } }) => {
  const locale = options?.data?.root?.labels?.locale;
  return String(value ?? '').toLocaleUpperCase(typeof locale === 'string' ? locale : undefined);
});
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

const cache = new Map<string, { source: string; fn: Handlebars.TemplateDelegate }>();
const labels = new Map<string, Handlebars.TemplateDelegate>();

export class TemplateError extends FolioError {
  constructor(readonly path: string, readonly line: number | undefined, readonly column: number | undefined, readonly reason: string) {
    super(`${path}${line ? `:${line}:${column ?? 1}` : ''}: ${reason}`);
  }
}

function failure(path: string, error: unknown): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars reports `"key" not defined in [object Object] - 3:4` in strict mode.
  const where = /- (\d+):(\d+)\s*$/.exec(message);
  const key = /"([^"]+)" not defined/.exec(message);
  const line = where ? Number(where[1]) : /line (\d+)/i.exec(message)?.[1];
  const column = where ? Number(where[2]) + 1 : undefined;
  const reason = key ? `the template uses \`${key[1]}\`, which is not defined: add it to the labels or the data, or fix the name` : message.split('\n')[0] ?? message;
  return new TemplateError(path, line === undefined ? undefined : Number(line), column, reason);
}

function readTemplate(path: string): string {
  try {
    return readRegularFileSync(path).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemplateError(shown(path), undefined, undefined, code === 'ENOENT' ? 'template not found' : error instanceof UnreadableFile ? error.reason : readFailure(error));
  }
}

function compile(path: string, source: string, noEscape = false): Handlebars.TemplateDelegate {
  try {
    // Parse now, so syntax errors surface with the template's name even before it is used.
    hbs.parse(source);
  } catch (error) {
    throw failure(shown(path), error);
  }
  return hbs.compile(source, { strict: true, noEscape });
}

/**
 * A template by name. Output is HTML-escaped, for templates that make HTML or Markdown; `text`
 * templates (page furniture drawn as text in the PDF and DOCX) are not escaped.
 */
export function template(templatesDir: string, name: string, kind: 'markup' | 'text' = 'markup'): (data: object) => string {
  const path = join(templatesDir, name);
  const key = `${kind}:${path}`;
  const source = readTemplate(path);
  let fn = cache.get(key)?.source === source ? cache.get(key)!.fn : undefined;
  if (!fn) {
    fn = compile(path, source, kind === 'text');
    cache.set(key, { source, fn });
  }
  return (data) => {
    try {
      return fn(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      throw failure(shown(path), error);
    }
  };
}

/** Renders a label that may itself hold `{{placeholders}}` (e.g. `Page: {{page}}`). */
export function fill(label: string, data: object): string {
  let compiled = labels.get(label);
  if (!compiled) {
    compiled = hbs.compile(label, { strict: true, noEscape: true });
    labels.set(label, compiled);
  }
  return compiled(data);
}

/**
 * Why a label with placeholders cannot be filled with `names` (`Note {{number}}` with `number`), or
 * undefined when it can: a placeholder the pipeline does not give, or broken Handlebars.
 */
export function labelProblem(label: string, names: readonly string[]): string | undefined {
  try {
    fill(label, Object.fromEntries(names.map((n) => [n, '1'])));
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const key = /"([^"]+)" not defined/.exec(message)?.[1];
    const given = names.map((n) => `{{${n}}}`).join(', ');
    return key ? `uses {{${key}}}, which folio does not fill here: use ${given}` : `is not a valid label (${message.split('\n')[0]}): its placeholders are ${given}`;
  }
}
