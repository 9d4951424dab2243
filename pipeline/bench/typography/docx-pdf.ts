/**
 * A DOCX as LibreOffice lays it out: converted with `soffice --headless --convert-to pdf` into a
 * folder of the caller's, with a LibreOffice profile of its own there (so a running LibreOffice
 * or another conversion does not block it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Made } from './peers.js';

const soffice = () => ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);

export function docxPdf(docx: string, work: string): Made {
  const office = soffice();
  if (!office) return { missing: 'needs LibreOffice (apt-get install libreoffice-writer)' };
  const dir = join(work, `docx-${basename(join(docx, '..'))}`);
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(office, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 400_000 });
  const file = join(dir, basename(docx).replace(/\.docx$/i, '.pdf'));
  return r.status === 0 ? { file } : { missing: `LibreOffice failed: ${(r.stderr || r.stdout).trim().slice(-300)}` };
}
