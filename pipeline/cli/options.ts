/** Resolving the CLI's folder and list options. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { folioRoot } from '../util/folio-root.js';

/** The templates shipped with folio (used when a report has no `templates/` of its own). */
export const bundledTemplates = join(folioRoot(), 'templates');

/** folio's version, from its package.json. */
export const folioVersion = (JSON.parse(readFileSync(join(folioRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** A report's templates: `--templates`, else `templates/` in or beside the source folder, else folio's own. */
export function templatesFor(sourceDir: string, given?: string): string {
  if (given) return given;
  const inside = join(resolve(sourceDir), 'templates');
  if (existsSync(join(inside, 'labels'))) return inside;
  const beside = join(dirname(resolve(sourceDir)), 'templates');
  if (existsSync(join(beside, 'labels'))) return beside;
  return bundledTemplates;
}

export function list(allowed: readonly string[] | undefined, what: string) {
  return (value: string): string[] => {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) throw new InvalidArgumentError(`give at least one ${what}`);
    if (allowed) {
      const bad = items.filter((i) => !allowed.includes(i));
      if (bad.length) throw new InvalidArgumentError(`unknown ${what} ${bad.join(', ')} (choose from ${allowed.join(', ')})`);
    }
    return items;
  };
}

/** A count given to an option: a whole number from 0. */
export function count(option: string) {
  return (value: string): number => {
    if (!/^\d{1,9}$/.test(value.trim())) throw new InvalidArgumentError(`${option} takes a whole number from 0, not \`${value}\``);
    return Number(value);
  };
}
