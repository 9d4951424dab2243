/**
 * `make bench`'s Typst run, as a command of its own so that its time counts the start-up as
 * folio's does: compiles a Typst file (written by the bench from the report, typography/peers.ts)
 * to a PDF with the fonts of a folder, with Typst's npm compiler from the project at ROOT.
 *
 *   node dist/pipeline/bench/typst-compile.js ROOT MAIN.typ FONTS OUT.pdf
 */
import { readFileSync } from 'node:fs';
import { compileTypst, loadTypst, TYPST_MISSING } from './typography/peers.js';

const [root, main, fonts, out] = process.argv.slice(2);
if (!root || !main || !fonts || !out) {
  process.stderr.write('usage: typst-compile.js ROOT MAIN.typ FONTS OUT.pdf\n');
  process.exit(2);
}
const typst = loadTypst(root);
if (!typst) {
  process.stderr.write(`typst-compile: ${TYPST_MISSING}\n`);
  process.exit(2);
}
compileTypst(typst, readFileSync(main, 'utf8'), fonts, out);
