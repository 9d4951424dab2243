/** folio's own folder, where its templates and fonts are, found from the module asking. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module (in pipeline/, dist/ or the bundle) with folio's package.json and templates. */
export function folioRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates', 'labels'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`folio's templates/ folder is missing above ${fileURLToPath(import.meta.url)}: reinstall folio`);
    dir = up;
  }
}
