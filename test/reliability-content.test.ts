/**
 * An edition is right or not written: every construct that could silently give a wrong edition is
 * refused (or cleaned, with a warning) at its place, and `check` finds it. Each test names the case
 * of issue 17 it guards.
 */
import { readFileSync, writeFileSync, mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, load } from '../pipeline/build.js';
import { fixtureSource, templates } from './helpers.js';

const chapter = (source: string, name: string) => join(source, 'en', name);
const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));
const problems = async (source: string, dir = templates) => (await load(source, dir)).diagnostics.list();

describe('recommendations only where the annex collects them', () => {
  it('a recommendation written inside a note is an error at its place (it vanished from the annex, DOCX and PDF)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-note.md'), '# NOTE {#note-rec}\n\nText.[^holds]\n\n[^holds]: A note.\n\n    :::recommendation{#hidden priority=2}\n    Hidden in a note.\n    :::\n');
    const found = (await problems(source)).filter((m) => m.ruleId === 'recommendation-place');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 7 });
    expect(found[0]!.message).toMatch(/recommendation `hidden` is written inside note `holds`/);
  });

  it('an annex placeholder inside a note is an error too', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-note.md'), '# NOTE {#note-rec}\n\nText.[^holds]\n\n[^holds]: A note.\n\n    ::results-table\n');
    expect((await problems(source)).find((m) => m.ruleId === 'recommendation-place')?.message).toMatch(/`::results-table` is written inside note/);
  });

  it('a recommendation nested in another is an error (it appeared twice in the annex)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-nested.md'), '# NESTED {#nested}\n\n::::recommendation{#outer priority=2}\nOuter.\n\n:::recommendation{#inner priority=3}\nInner.\n:::\n::::\n');
    const found = (await problems(source)).filter((m) => m.ruleId === 'recommendation-place');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 6 });
    expect(found[0]!.message).toMatch(/`inner` is written inside recommendation `outer`/);
  });
});

describe('ids', () => {
  it('a recommendation whose id is an annex heading’s (`priority-recommendations`) is refused at its place (the HTML had the id twice)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-ids.md'), '# IDS {#ids}\n\n:::recommendation{#priority-recommendations priority=3}\nText.\n:::\n');
    const found = (await problems(source)).filter((m) => m.ruleId === 'reserved-id');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 3, column: 1 });
    expect(found[0]!.path).toMatch(/05-ids\.md$/);
    expect(found[0]!.message).toMatch(/`priority-recommendations` is the id the annex template gives its heading/);
  });

  it('a recommendation whose id is another’s annex entry (`annex-ID`) is refused at its place', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-ids.md'), '# IDS {#ids}\n\n:::recommendation{#entry priority=3}\nText.\n:::\n\n:::recommendation{#annex-entry priority=4}\nText.\n:::\n');
    const found = (await problems(source)).filter((m) => m.ruleId === 'reserved-id');
    expect(found.map((m) => [m.line, m.message])).toEqual([[7, expect.stringMatching(/`annex-entry` is the id of the annex entry of recommendation `entry`/)]]);
  });
});

describe('dates and counts', () => {
  it('refuses an impossible date with its JSON path (2026-02-30 was printed as a real day)', async () => {
    for (const date of ['2026-02-30', '2026-02-29', '2022-13-01', '2022-00-10', '2022-04-31']) {
      const source = fixtureSource();
      edit(join(source, 'report.json'), (t) => t.replace('"2022-06-05"', `"${date}"`));
      const found = (await problems(source)).find((m) => m.ruleId === 'report-schema');
      expect(found?.message, date).toMatch(/^\$\.eventDate: is not a date/);
      expect(found?.line).toBe(5);
    }
    const leap = fixtureSource();
    edit(join(leap, 'report.json'), (t) => t.replace('"2022-06-05"', '"2028-02-29"'));
    expect(await problems(leap)).toEqual([]);
  });

  it('refuses counts beyond 2^53 − 1 (the sum check passed on numbers that do not add up)', async () => {
    const source = fixtureSource();
    // 2^53 + 1 reads as 2^53: with voted = 2^53 + 1 and the others summing to 2^53 + 2, doubles say equal.
    edit(join(source, 'data', 'results.json'), (t) => t.replace('"voted": 7985769', '"voted": 9007199254740993').replace('"registeredVoters": 11734642', '"registeredVoters": 9007199254740995').replace('"inFavour": 6163516', '"inFavour": 9007199254740994').replace('"against": 1490470', '"against": 0').replace('"invalid": 205924', '"invalid": 0').replace('"bothMarked": 125859', '"bothMarked": 0'));
    const found = (await problems(source)).filter((m) => m.ruleId === 'results-schema');
    expect(found.map((m) => m.message.split(':')[0]).sort()).toEqual(['$.inFavour', '$.registeredVoters', '$.voted']);
    expect(found[0]!.message).toMatch(/larger than 9007199254740991/);
  });
});

describe('officialLanguage', () => {
  it('must be among languages (every translation check was silently off)', async () => {
    const source = fixtureSource();
    edit(join(source, 'report.json'), (t) => t.replace('"officialLanguage": "en"', '"officialLanguage": "ru"'));
    const found = (await problems(source)).find((m) => /officialLanguage/.test(m.message));
    expect(found).toMatchObject({ severity: 'error', ruleId: 'report-schema', line: 3 });
    expect(found!.message).toMatch(/`ru` is not among `languages` \(en\)/);
  });
});

describe('control characters', () => {
  it('are removed from chapters with a warning at their place, and never reach an edition', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-controls.md'), '# CONTROLS {#controls}\n\nA bell\u0007 here, a C1\u0085 there,\nand a nonchar\uFFFE and \u{10FFFF}.\n');
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    const result = await build({ sourceDir: source, outDir: out, templatesDir: templates, formats: ['html'] });
    const warnings = result.diagnostics.list().filter((m) => m.ruleId === 'control-character');
    expect(warnings.map((m) => [m.severity, m.line, m.column])).toEqual([['warning', 3, 7], ['warning', 3, 19], ['warning', 4, 14], ['warning', 4, 20]]);
    expect(warnings[0]!.message).toMatch(/^U\+0007 \(a control character\) removed/);
    const html = readFileSync(join(out, 'en', 'report.html'), 'utf8');
    expect(html).toContain('A bell here, a C1 there');
    expect(html).not.toMatch(/[\u0007\u0085\uFFFE]|\u{10FFFF}/u);
  });

  it('are refused in JSON strings with their path', async () => {
    const source = fixtureSource();
    edit(join(source, 'report.json'), (t) => t.replace('"Fixture Final Report"', '"Fixture\\u0007 Final Report"'));
    const found = (await problems(source)).find((m) => m.ruleId === 'report-schema');
    expect(found?.message).toBe('$.text.en.title: holds U+0007, a control character or noncharacter: remove it');
  });
});

describe('labels that only a writer used to read', () => {
  const labelsWith = (change: (labels: Record<string, unknown>) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-templates-'));
    cpSync(templates, dir, { recursive: true });
    const path = join(dir, 'labels', 'en.json');
    const labels = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    change(labels);
    writeFileSync(path, JSON.stringify(labels, null, 2));
    return dir;
  };

  it('an invalid locale is an error at $.locale (it was a stack trace in the build)', async () => {
    const dir = labelsWith((l) => (l.locale = 'en_GB'));
    const found = (await problems(fixtureSource(), dir)).find((m) => m.message.startsWith('$.locale'));
    expect(found).toMatchObject({ severity: 'error', ruleId: 'labels-schema' });
  });

  it('a placeholder folio does not fill is an error at the label (the HTML build failed on noteLabel, the date on dateFormat)', async () => {
    const dir = labelsWith((l) => {
      l.noteLabel = 'Note {{numbr}}';
      l.dateFormat = '{{dya}} {{month}} {{year}}';
      l.page = 'Page {{page';
    });
    const found = (await problems(fixtureSource(), dir)).filter((m) => m.ruleId === 'labels-schema').map((m) => m.message);
    expect(found.find((m) => m.startsWith('$.noteLabel'))).toMatch(/uses \{\{numbr\}\}, which folio does not fill here: use \{\{number\}\}/);
    expect(found.find((m) => m.startsWith('$.page'))).toMatch(/is not a valid label/);
  });

  it('the HTML page template is checked by check, not only by the HTML writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-templates-'));
    cpSync(templates, dir, { recursive: true });
    edit(join(dir, 'html', 'page.hbs'), (t) => t.replace('{{labels.skipToContent}}', '{{labels.skipToContnt}}'));
    const found = (await problems(fixtureSource(), dir)).find((m) => m.ruleId === 'template');
    expect(found?.path).toMatch(/html\/page\.hbs$/);
    expect(found?.message).toMatch(/skipToContnt/);
  });

  it('report texts with a character the font cannot draw are warned of at their JSON place, as the PDF refuses them', async () => {
    const source = fixtureSource();
    edit(join(source, 'report.json'), (t) => t.replace('"Republic of Testland"', '"Republic of 中 Testland"'));
    const found = (await problems(source)).find((m) => m.ruleId === 'missing-glyph');
    expect(found).toMatchObject({ severity: 'warning', line: 9 });
    expect(found?.path).toMatch(/report\.json$/);
  });
});

describe('links', () => {
  it('a #id link that is not valid percent-encoding is an error at its place (it was a stack trace)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-bad-link.md'), '# BAD {#bad}\n\nSee [this](#%FF) and [that](#%E0%A4%A).\n');
    const out = mkdtempSync(join(tmpdir(), 'folio-out-'));
    const result = await build({ sourceDir: source, outDir: out, templatesDir: templates, formats: ['html'] });
    const found = result.diagnostics.list().filter((m) => m.ruleId === 'unknown-reference');
    expect(found.map((m) => [m.line, m.column])).toEqual([[3, 5], [3, 22]]);
    expect(result.written).toEqual([]);
  });

  it('an address longer than 8,192 characters is refused (a 60 KB URL made a 42.7 MB PDF)', async () => {
    const source = fixtureSource();
    writeFileSync(chapter(source, '05-long-url.md'), `# LONG {#long}\n\nSee [the page](https://example.org/${'a'.repeat(60_000)}).\n`);
    expect((await problems(source)).find((m) => m.ruleId === 'unsafe-url')?.message).toMatch(/address of 60020 characters/);
  });
});
