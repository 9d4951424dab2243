#!/usr/bin/env node
// The folio command: runs the compiled pipeline, bundled into dist/folio/ by `make` (or `npm run build:ts`):
// one file and a few lazily loaded chunks start faster than the hundreds of modules they hold.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/folio/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('folio: not compiled yet: run `make` (or `npm run build:ts`) in the folio folder first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
