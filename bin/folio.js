#!/usr/bin/env node
// The folio command: runs the compiled pipeline (dist/), built by `make` (or `npm run build:ts`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/pipeline/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('folio: not compiled yet: run `make` (or `npm run build:ts`) in the folio folder first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
