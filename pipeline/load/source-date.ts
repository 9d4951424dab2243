/**
 * The date an edition carries (PDF and DOCX metadata), read once per build so the same source gives
 * the same bytes: `SOURCE_DATE_EPOCH` when set (reproducible-builds.org), else the time of the last
 * commit that touched the source folder when it is in git, else the newest source file's time.
 * Never the clock, never 1970.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestFile(path));
    else if (entry.isFile()) newest = Math.max(newest, Math.floor(statSync(path).mtimeMs / 1000));
  }
  return newest;
}

/** Uncommitted edits make the working tree newer than its last commit: then the files' time counts. */
export function sourceEpoch(sourceDir: string, environment: NodeJS.ProcessEnv = process.env): number {
  const raw = environment.SOURCE_DATE_EPOCH;
  if (raw && /^\d+$/.test(raw)) return Number(raw);
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
