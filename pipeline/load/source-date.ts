/**
 * The date an edition carries (PDF and DOCX metadata), read once per build so the same source gives
 * the same bytes: `SOURCE_DATE_EPOCH` when set (reproducible-builds.org), else the time of the last
 * commit that touched the source folder when it is in git, else the newest source file's time.
 * Never the clock, never 1970.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FolioError } from '../util/diagnostics.js';

function lastCommit(sourceDir: string): number | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', '.'], { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    return /^\d+$/.test(out) ? Number(out) : undefined;
  } catch {
    return undefined; // not a repository, or git is not installed
  }
}

/** Seconds of the newest file's modification time under `dir`. */
function newestFile(dir: string): number {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0; // an unreadable folder: its files cannot date the edition (load reports what it cannot read)
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestFile(path));
    else if (entry.isFile()) newest = Math.max(newest, Math.floor(statSync(path).mtimeMs / 1000));
  }
  return newest;
}

/** Uncommitted edits make the working tree newer than its last commit: then the files' time counts. */
/** The last second of 9999: later dates have no four-digit year, and PDF and DOCX dates need one. */
export const MAX_EPOCH = 253402300799;

/** SOURCE_DATE_EPOCH when set: whole seconds since 1970 up to the end of 9999, else a usage error (never silently 1970). */
export function epochFromVariable(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > MAX_EPOCH) {
    throw new FolioError(`SOURCE_DATE_EPOCH=${JSON.stringify(raw).slice(1, -1).slice(0, 40)} is not a date: give whole seconds since 1970-01-01 (0 to ${MAX_EPOCH}, the end of 9999), or unset it`, 2);
  }
  return Number(raw);
}

export function sourceEpoch(sourceDir: string, environment: NodeJS.ProcessEnv = process.env): number {
  const given = epochFromVariable(environment.SOURCE_DATE_EPOCH);
  if (given !== undefined) return given;
  const commit = lastCommit(sourceDir);
  if (commit !== undefined && !dirty(sourceDir)) return commit;
  return newestFile(sourceDir) || commit || 0;
}

function dirty(sourceDir: string): boolean {
  try {
    return execFileSync('git', ['status', '--porcelain', '--', '.'], { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() !== '';
  } catch {
    return false;
  }
}
