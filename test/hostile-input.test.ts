/**
 * Hostile and broken input: each case gets a clear message at its place, never a crash, a hang, a
 * half-written file or a silently wrong edition.
 */
import { mkdtempSync, writeFileSync, readFileSync, symlinkSync, readdirSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { build, load } from '../pipeline/build.js';
import { fixtureSource, fixtures, root, templates } from './helpers.js';

const chapter = (source: string, name: string) => join(source, 'en', name);

describe('broken files', () => {
  it('reports invalid UTF-8 with the byte offset', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-bad.md'), Buffer.concat([Buffer.from('# BAD {#bad}\n\nText '), Buffer.from([0xff, 0xfe]), Buffer.from(' more\n')]));
    const { diagnostics } = await load(source, templates);
    const m = diagnostics.list().find((x) => x.ruleId === 'invalid-utf8');
    expect(m?.message).toContain('byte 19');
  });

  it('reports a zero-byte chapter', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-empty.md'), '');
    const { diagnostics } = await load(source, templates);
    expect(diagnostics.list().map((m) => m.ruleId)).toContain('empty-chapter');
  });

  it('reads a byte-order mark and CRLF line endings as if they were not there', async () => {
    const source = fixtureSource();
    const text = readFileSync(chapter(source, '01-background.md'), 'utf8');
    writeFileSync(chapter(source, '01-background.md'), '\ufeff' + text.replace(/\n/g, '\r\n'));
    const { diagnostics, editions } = await load(source, templates);
    expect(diagnostics.list()).toEqual([]);
    expect(editions[0]!.outline[0]!.text).toBe('BACKGROUND');
  });

  it('refuses a chapter that links outside the source folder', async () => {
    const source = fixtureSource();
    const outside = join(mkdtempSync(join(tmpdir(), 'folio-outside-')), 'secret.md');
    writeFileSync(outside, '# SECRET {#secret}\n\nSecret.\n');
    symlinkSync(outside, chapter(source, '05-secret.md'));
    const { diagnostics } = await load(source, templates);
    expect(diagnostics.list().find((m) => m.ruleId === 'outside-source')?.path).toMatch(/05-secret\.md$/);
  });

  it('lets a __proto__ key in JSON change nothing', async () => {
    const source = fixtureSource(join(fixtures, 'broken', 'proto-key'));
    await load(source, templates);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('colons in text', () => {
  it('stay text, and a note cited right after one is still a citation (found by fuzzing)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-colons.md'), '# COLONS {#colons}\n\nAt 10:30 in Almaty:Astana[^colon] and Алматы:Астана:Ақтөбе.\n\n[^colon]: The note.\n');
    const { diagnostics, editions } = await load(source, templates);
    expect(diagnostics.list()).toEqual([]);
    expect(editions[0]!.notesById.get('colon')?.number).toBe(6); // after the base fixture's five
  });
});

describe('builds that fail', () => {
  it('builds the other languages when one is broken, and keeps the broken one’s previous files', async () => {
    const source = join(mkdtempSync(join(tmpdir(), 'folio-partial-')), 'source');
    cpSync(join(fixtures, 'translation', 'base', 'source'), source, { recursive: true });
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    const first = await build({ sourceDir: source, outDir: out, templatesDir: templates, formats: ['html'] });
    expect(first.written).toHaveLength(2);
    const before = readFileSync(join(out, 'ru', 'report.html'));
    writeFileSync(join(source, 'ru', '03-recommendations.md'), '# РЕКОМЕНДАЦИИ {#recommendations}\n\nСсылка на несуществующую сноску.[^nowhere]\n\n::recommendations\n');
    const second = await build({ sourceDir: source, outDir: out, templatesDir: templates, formats: ['html'] });
    expect(second.skipped).toEqual(['ru']);
    expect(second.written.map((w) => w.lang)).toEqual(['en']);
    expect(readFileSync(join(out, 'ru', 'report.html')).equals(before)).toBe(true);
    const cli = spawnSync(process.execPath, [join(root, 'bin', 'folio.js'), 'build', '--source', source, '--out', out, '--templates', templates, '--format', 'html'], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('not rebuilt because of errors: ru');
  });

  it('refuses to build a PDF with characters its font cannot draw, and says so', async () => {
    const source = fixtureSource(join(fixtures, 'broken', 'missing-glyph'));
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    await expect(build({ sourceDir: source, outDir: out, templatesDir: templates, formats: ['pdf'] })).rejects.toThrow(/U\+4E2D/);
    expect(existsSync(join(out, 'en', 'report.pdf'))).toBe(false);
  });
});

describe('limits', () => {
  it('checks and builds 10,000 notes', async () => {
    const source = fixtureSource();
    const refs = Array.from({ length: 10_000 }, (_, i) => `Sentence ${i}.[^n${i}]`).join(' ');
    const defs = Array.from({ length: 10_000 }, (_, i) => `[^n${i}]: Note ${i}.`).join('\n\n');
    writeFileSync(chapter(source, '05-many.md'), `# MANY {#many}\n\n${refs}\n\n${defs}\n`);
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    const result = await build({ sourceDir: source, outDir: out, templatesDir: templates });
    expect(result.diagnostics.errorCount).toBe(0);
    expect(result.editions[0]!.notes).toHaveLength(10_005);
    expect(readFileSync(join(out, 'en', 'report.html'), 'utf8').match(/role="doc-footnote"/g)).toHaveLength(10_005);
  }, 120_000);

  it('builds a paragraph of a megabyte without spaces, and a table wider than the page', async () => {
    const source = fixtureSource();
    const wide = `| ${Array.from({ length: 14 }, (_, i) => `Column ${i}`).join(' | ')} |\n|${' --- |'.repeat(14)}\n| ${Array.from({ length: 14 }, (_, i) => `Value-number-${i}-long`).join(' | ')} |`;
    writeFileSync(chapter(source, '05-long.md'), `# LONG {#long}\n\n${'x'.repeat(1_000_000)}\n\n${wide}\n`);
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    const result = await build({ sourceDir: source, outDir: out, templatesDir: templates });
    expect(result.diagnostics.errorCount).toBe(0);
    expect(result.written).toHaveLength(3);
  }, 120_000);
});

describe('a build killed at any moment', () => {
  it('leaves each file either the previous complete edition or the new one', async () => {
    // Two versions of a source: the edition before and after an edit.
    const sources: Record<string, string> = { '1000000000': fixtureSource(), '1600000000': fixtureSource() };
    const edited = chapter(sources['1600000000']!, '03-recommendations.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('are offered', 'are offered, after an edit,'));
    const out = mkdtempSync(join(tmpdir(), 'folio-kill-'));
    const newer = mkdtempSync(join(tmpdir(), 'folio-kill-new-'));
    const cli = (dir: string, epoch: string) => [process.execPath, [join(root, 'bin', 'folio.js'), 'build', '-q', '--source', sources[epoch]!, '--templates', templates, '--out', dir], { env: { ...process.env, SOURCE_DATE_EPOCH: epoch } }] as const;
    spawnSync(...cli(out, '1000000000'));
    spawnSync(...cli(newer, '1600000000'));
    const files = ['html', 'docx', 'pdf'].map((f) => join('en', `report.${f}`));
    const old = new Map(files.map((f) => [f, readFileSync(join(out, f))]));
    const fresh = new Map(files.map((f) => [f, readFileSync(join(newer, f))]));
    for (const f of files) expect(old.get(f)!.equals(fresh.get(f)!), f).toBe(false);
    for (let attempt = 0; attempt < 12; attempt++) {
      const [cmd, args, options] = cli(out, attempt % 2 ? '1000000000' : '1600000000');
      const child = spawn(cmd, args, options);
      // Listened for at once: a build that ends before the kill has already exited by then.
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, 150 + attempt * 90));
      child.kill('SIGKILL');
      await exited;
      for (const f of files) {
        const now = readFileSync(join(out, f));
        expect(now.equals(old.get(f)!) || now.equals(fresh.get(f)!), `${f} after a kill at ${150 + attempt * 90} ms`).toBe(true);
      }
    }
    // The next build clears what a killed one left behind.
    spawnSync(...cli(out, '1600000000'));
    expect(readdirSync(join(out, 'en')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 180_000);
});

describe('templates', () => {
  it('name the template, the line and the missing key in strict mode', async () => {
    const source = fixtureSource();
    const dir = mkdtempSync(join(tmpdir(), 'folio-templates-'));
    cpSync(templates, dir, { recursive: true });
    const file = join(dir, 'annex', 'recommendations.md.hbs');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{{labels.otherRecommendations}}', '{{labels.otherRecomendations}}'));
    // A problem at the template's place, listed by `check` with the others (not a thrown error).
    const { diagnostics } = await load(source, dir);
    const problem = diagnostics.list().find((m) => m.ruleId === 'template');
    expect(problem?.path).toMatch(/recommendations\.md\.hbs$/);
    expect(problem?.line).toBeGreaterThan(0);
    expect(problem?.message).toMatch(/otherRecomendations/);
  });

  it('do not reach prototypes through the data', async () => {
    const source = fixtureSource();
    const dir = mkdtempSync(join(tmpdir(), 'folio-templates-'));
    cpSync(templates, dir, { recursive: true });
    const file = join(dir, 'furniture', 'running-header.hbs');
    writeFileSync(file, '{{text.constructor.name}}\n');
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    const result = await build({ sourceDir: source, outDir: out, templatesDir: dir, formats: ['pdf'] });
    expect(result.diagnostics.list().find((m) => m.ruleId === 'template')?.path).toMatch(/running-header\.hbs$/);
    expect(result.written).toEqual([]);
    expect(existsSync(join(out, 'en', 'report.pdf'))).toBe(false);
  });
});
