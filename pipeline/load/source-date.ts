/**
 * The date an edition carries (PDF and DOCX metadata), read once per build so the same source gives
 * the same bytes: `SOURCE_DATE_EPOCH` when set (reproducible-builds.org), else the time of the last
 * commit that touched the source folder when it is in git, else the newest source file's time.
 * Never the clock, never 1970.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FolioError } from '../util/diagnostics.js';

const LAST_COMMIT = ['log', '-1', '--format=%ct', '--', '.'];
const STATUS = ['status', '--porcelain', '--', '.'];
const GIT_TIMEOUT = 5000;

/** What git printed for `args` in `sourceDir`, or undefined when it failed (not a repository, or git is not installed). */
function gitSync(sourceDir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: GIT_TIMEOUT });
  } catch {
    return undefined;
  }
}

/** `gitSync`, in a child process the caller need not wait for. */
function gitAsync(sourceDir: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { encoding: 'utf8', timeout: GIT_TIMEOUT, cwd: sourceDir }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** Whether `git status --porcelain` listed uncommitted edits (a status that failed lists none). */
function hasEdits(status: string | undefined): boolean {
  return status !== undefined && status.trim() !== '';
}

function commitTime(out: string | undefined): number | undefined {
  const trimmed = out?.trim() ?? '';
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
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
  const commit = commitTime(gitSync(sourceDir, LAST_COMMIT));
  return epochOf(sourceDir, commit, commit !== undefined && hasEdits(gitSync(sourceDir, STATUS)));
}

/**
 * `sourceEpoch` with git's two questions asked at once, in the background: a build starts it
 * before reading the source and has its answer by the time the editions are made (two git
 * processes run one after the other took about 40 ms). A bad `SOURCE_DATE_EPOCH` throws at once.
 */
export function sourceEpochLater(sourceDir: string, environment: NodeJS.ProcessEnv = process.env): Promise<number> {
  const given = epochFromVariable(environment.SOURCE_DATE_EPOCH);
  if (given !== undefined) return Promise.resolve(given);
  return Promise.all([gitAsync(sourceDir, LAST_COMMIT), gitAsync(sourceDir, STATUS)]).then(([log, status]) => {
    return epochOf(sourceDir, commitTime(log), hasEdits(status));
  });
}

/** The last commit's time when the tree has no uncommitted edits there, else the newest file's. */
function epochOf(sourceDir: string, commit: number | undefined, dirty: boolean): number {
  if (commit !== undefined && !dirty) return commit;
  return newestFile(sourceDir) || commit || 0;
}
