/**
 * All formats of a language are replaced together, or none, and the message says exactly what
 * happened; concurrent builds on one `out/` never lose each other's work.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { build } from '../pipeline/build.js';
import { removeStaleTemps } from '../pipeline/util/atomic-write.js';
import { fixtures, root, templates } from './helpers.js';

const FILES = ['report.docx', 'report.html', 'report.pdf'];
const snapshot = (dir: string) => new Map(FILES.map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f)) : undefined]));

function twoLanguages(): string {
  const source = join(mkdtempSync(join(tmpdir(), 'folio-two-')), 'source');
  cpSync(join(fixtures, 'translation', 'base', 'source'), source, { recursive: true });
  return source;
}

describe('a language whose one format fails', () => {
  it('keeps all of its previous files, and the message says which languages were written and which not, and why', async () => {
    const source = twoLanguages();
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    process.env.SOURCE_DATE_EPOCH = '1000000000';
    try {
      await build({ sourceDir: source, outDir: out, templatesDir: templates });
      const before = { en: snapshot(join(out, 'en')), ru: snapshot(join(out, 'ru')) };
      // A character PT Serif cannot draw, in Russian: the PDF refuses it (a warning in check), HTML and DOCX render.
      const file = join(source, 'ru', '01-background.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/(\n\n[^#\n][^\n]*)/, '$1 中文'));
      process.env.SOURCE_DATE_EPOCH = '1600000000';
      const failure = await build({ sourceDir: source, outDir: out, templatesDir: templates }).then(() => undefined, (e: Error & { exitCode: number }) => e);
      expect(failure?.exitCode).toBe(1);
      expect(failure?.message).toMatch(/^the build failed for ru:\nru: not replaced, its previous files in .*ru are unchanged: pdf: the ru PDF would print empty boxes for U\+4E2D/);
      expect(failure?.message).toMatch(/\nwritten: en \(html, docx, pdf\)$/);
      // ru: not one file changed (HTML and DOCX were rendered, and not written); en: all three new (the HTML carries no date).
      const after = { en: snapshot(join(out, 'en')), ru: snapshot(join(out, 'ru')) };
      for (const f of FILES) {
        expect(after.ru.get(f)!.equals(before.ru.get(f)!), `ru/${f}`).toBe(true);
        if (f !== 'report.html') expect(after.en.get(f)!.equals(before.en.get(f)!), `en/${f}`).toBe(false); // dated: the new epoch
      }
      expect(readdirSync(join(out, 'ru')).sort()).toEqual(FILES);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  }, 120_000);

  it('a file that cannot be written (report.pdf is a folder, out/en a file) keeps the language’s files, with one line each', () => {
    const source = twoLanguages();
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    mkdirSync(join(out, 'en', 'report.pdf'), { recursive: true });
    writeFileSync(join(out, 'ru'), 'not a folder');
    const run = spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), 'build', '-q', '--source', source, '--out', out, '--templates', templates], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toMatch(/en: not replaced, .*pdf: .*report\.pdf is a folder/);
    expect(run.stderr).toMatch(/ru: not replaced, .*: cannot create the folder .*ru.*: (it already exists|a part of the path is a file)/);
    expect(run.stderr).toMatch(/nothing was written/);
    expect(readdirSync(join(out, 'en'))).toEqual(['report.pdf']); // no html, no docx, no temporary file
    expect(statSync(join(out, 'en', 'report.pdf')).isDirectory()).toBe(true);
  }, 120_000);

  it('--out naming a file is bad usage, said in one line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'folio-out-')), 'out.txt');
    writeFileSync(file, 'x');
    const run = spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), 'build', '--source', twoLanguages(), '--out', file, '--templates', templates], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`folio: --out ${file} is a file, not a folder: give the folder the editions go to\n`);
  });
});

describe('temporary files of killed builds', () => {
  it('are removed only when their process is gone (or a day old), never a running build’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-temps-'));
    const running = spawn('sleep', ['30']);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    try {
      const names = {
        mine: `.report.pdf.${process.pid}.aaaa.tmp`,
        running: `.report.html.${running.pid}.bbbb.tmp`,
        gone: `.report.docx.${gone}.cccc.tmp`,
        stale: `.report.pdf.${running.pid}.dddd.tmp`,
        other: `.notes.txt.${gone}.eeee.tmp`,
      };
      for (const n of Object.values(names)) writeFileSync(join(dir, n), 'part of a file');
      const dayAgo = (Date.now() - 25 * 3600 * 1000) / 1000;
      utimesSync(join(dir, names.stale), dayAgo, dayAgo);
      const removed = await removeStaleTemps(dir, FILES);
      expect(removed.sort()).toEqual([names.gone, names.stale].sort());
      expect(readdirSync(dir).sort()).toEqual([names.mine, names.running, names.other].sort());
    } finally {
      running.kill();
    }
  });

  it('two builds on one out/ at once both finish and leave whole editions (one deleted the other’s temporary file)', async () => {
    const source = twoLanguages();
    const out = mkdtempSync(join(tmpdir(), 'folio-concurrent-'));
    const run = (epoch: string) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(process.execPath, [join(root, 'bin', 'folio.js'), 'build', '-q', '--source', source, '--out', out, '--templates', templates], { env: { ...process.env, SOURCE_DATE_EPOCH: epoch } });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => done({ code, stderr }));
      });
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([run('1000000000'), run('1600000000')]);
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      for (const lang of ['en', 'ru']) expect(readdirSync(join(out, lang)).sort(), `${lang} after round ${round}`).toEqual(FILES);
    }
  }, 300_000);
});
