/**
 * How to run this folio again, for the hints folio prints (`folio new`'s "next:"): the command that
 * reaches the same bin/folio.js from the current folder. `folio` when that name on the user's PATH
 * is this script (a global install); `npx folio` when it is a dependency of a project the current
 * folder lies in; otherwise `node` and the script's path (a clone).
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join, relative, sep } from 'node:path';

const real = (path: string): string | undefined => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/** The folder holding the `node_modules` a path lies in (the project that installed it), if any. */
function installingProject(path: string): string | undefined {
  const parts = path.split(sep);
  const at = parts.lastIndexOf('node_modules');
  return at > 0 ? parts.slice(0, at).join(sep) || sep : undefined;
}

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

export function folioCommand(script: string | undefined = process.argv[1], cwd = process.cwd(), pathVariable = process.env.PATH ?? ''): string {
  const self = script ? real(script) : undefined;
  if (!script || !self) return 'npx folio';
  // npx and npm run put the project's node_modules/.bin on the PATH of what they run: that is not the user's PATH.
  const projectBins = (d: string) => basename(d) === '.bin' && basename(dirname(d)) === 'node_modules';
  for (const dir of pathVariable.split(delimiter).filter((d) => d && !projectBins(d))) {
    const candidate = join(dir, 'folio');
    if (existsSync(candidate) && real(candidate) === self) return 'folio';
  }
  const project = installingProject(self) ?? installingProject(script);
  if (project && inside(real(project) ?? project, real(cwd) ?? cwd)) return 'npx folio';
  const rel = relative(cwd, self);
  const shown = rel.startsWith('..') || isAbsolute(rel) ? self : rel;
  return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}
