/**
 * What the command says when something fails: a user's error (FolioError: the source, the
 * arguments, the environment) or the machine's (a full disk, a read-only folder, a path that is a
 * file) is one line, `folio: …`, exit 1 (or its own code); anything else is a bug in folio: one line
 * saying so, exit 70 (EX_SOFTWARE), and the stack only with FOLIO_DEBUG=1.
 */
import { FolioError } from './diagnostics.js';
import { shown } from './paths.js';

export const EXIT_INTERNAL = 70;

const SYSTEM: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'it already exists',
  ENOTEMPTY: 'the folder is not empty',
  ENOENT: 'no such file or folder',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  EXDEV: 'the folders are on different devices',
};

const VERBS: Record<string, string> = {
  open: 'open', read: 'read', write: 'write', mkdir: 'create the folder', rename: 'rename', unlink: 'remove', rm: 'remove', rmdir: 'remove',
  scandir: 'read the folder', stat: 'read', lstat: 'read', copyfile: 'copy', cp: 'copy', realpath: 'find', chmod: 'change', access: 'reach',
};

/** An error of the operating system on a file, told in one line; undefined for anything else. */
export function systemErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (!e.code || !(e.code in SYSTEM) || (!e.path && !e.syscall)) return undefined;
  const verb = VERBS[e.syscall ?? ''] ?? e.syscall ?? 'use';
  const what = e.path ? ` ${shown(e.path)}${e.dest ? ` to ${shown(e.dest)}` : ''}` : '';
  return `cannot ${verb}${what}: ${SYSTEM[e.code]}`;
}

export interface Failure {
  /** The lines to print, each to be prefixed by `folio: `. */
  message: string;
  exitCode: number;
  /** A bug in folio, not the user's. */
  internal: boolean;
}

/** How an error reaching the command's entry is told. */
export function describeFailure(error: unknown, debug = process.env.FOLIO_DEBUG === '1'): Failure {
  if (error instanceof FolioError) return { message: error.message, exitCode: error.exitCode, internal: false };
  const system = systemErrorMessage(error);
  if (system) return { message: system, exitCode: 1, internal: false };
  const first = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return {
    message: `internal error: ${first} (this is a bug in folio, not in your report: please report it with the command you ran${debug ? '' : '; FOLIO_DEBUG=1 prints the stack'})${stack}`,
    exitCode: EXIT_INTERNAL,
    internal: true,
  };
}
