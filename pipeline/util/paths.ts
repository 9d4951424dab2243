/** How paths are shown in messages. */
import { relative } from 'node:path';

/** A path relative to the working directory when it lies inside it, else as given. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
