/** Test helpers: fixture sources in temporary folders, and the pipeline run on them. */
import { cpSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from '../pipeline/build.js';

export const root = resolve(import.meta.dirname, '..');
export const templates = join(root, 'templates');
export const fixtures = join(root, 'test', 'fixtures');

/** A copy of the base fixture with a case's files laid over it; returns the source folder. */
export function fixtureSource(caseDir?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-fixture-'));
  cpSync(join(fixtures, 'base', 'source'), join(dir, 'source'), { recursive: true });
  if (caseDir && existsSync(join(caseDir, 'source'))) cpSync(join(caseDir, 'source'), join(dir, 'source'), { recursive: true });
  return join(dir, 'source');
}

export async function loadFixture(caseDir?: string) {
  const sourceDir = fixtureSource(caseDir);
  const result = await load(sourceDir, templates);
  return { sourceDir, ...result };
}
