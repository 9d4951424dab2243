/**
 * The resolved edition: what the transforms decide once for every writer (anchors, markers, notes
 * across chapters, references per chapter, figures, reserved ids), read from the model itself.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Node, Parent } from 'unist';
import type { Link, List, ListItem } from 'mdast';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Diagnostics } from '../pipeline/util/diagnostics.js';
import { buildEdition, parseChapter } from '../pipeline/transforms/build-editions.js';
import type { Figure, Labels, ReportMeta } from '../pipeline/model/types.js';
import { templates } from './helpers.js';
import { greyPng } from './png.js';

/** An English edition of several chapters (file name → Markdown), in a source folder of its own. */
function editionOf(chapters: Record<string, string>, files: Record<string, Uint8Array | string> = {}, templatesDir = templates) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-model-'));
  mkdirSync(join(dir, 'en'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, 'en', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'en', name), data);
  }
  const diagnostics = new Diagnostics();
  const labels = JSON.parse(readFileSync(join(templatesDir, 'labels', 'en.json'), 'utf8')) as Labels;
  const meta: ReportMeta = {
    id: 't', officialLanguage: 'en', languages: ['en'], eventDate: '2022-06-05',
    text: { en: { country: 'Testland', event: 'Referendum', title: 'Test', mission: 'Mission' } },
  };
  const parsed = Object.entries(chapters).map(([name, text]) => parseChapter(join(dir, 'en', name), text, diagnostics));
  const report = { path: 'report.json', text: '{}', value: meta, tree: undefined };
  const edition = buildEdition('en', meta, labels, parsed, { templatesDir, report, sourceDir: dir }, diagnostics);
  return { edition, diagnostics, messages: diagnostics.list() };
}

function all(node: Node, type: string): Node[] {
  const out = node.type === type ? [node] : [];
  for (const child of (node as Parent).children ?? []) out.push(...all(child, type));
  return out;
}


describe('notes', () => {
  it('a note defined in one chapter and cited from another is one note with one number', () => {
    const { edition, messages } = editionOf({
      '01.md': '# One {#one}\n\nFirst.[^shared]\n\n[^shared]: The shared note.\n',
      '02.md': '# Two {#two}\n\nAgain, from another chapter.[^shared]\n',
    });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(edition.notes.map((n) => n.number)).toEqual([1]);
    const refs = all(edition.root, 'footnoteReference') as import('mdast').FootnoteReference[];
    expect(refs.map((r) => [r.data?.number, r.data?.anchor, r.data?.noteAnchor])).toEqual([[1, 'fnref-1', 'fn-1'], [1, 'fnref-1-2', 'fn-1']]);
    expect(messages.map((m) => m.ruleId)).toEqual(['repeated-citation']);
    expect(messages[0]!.path).toMatch(/02\.md$/);
  });

  it('a citation of a label defined nowhere is still an error at its place', () => {
    const { messages } = editionOf({ '01.md': '# One {#one}\n\nText [^nowhere] here.\n' });
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['undefined-note', 3, 6]]);
  });

  it('a note may hold any block: its list stays in the note', () => {
    const { edition, messages } = editionOf({ '01.md': '# One {#one}\n\nCited.[^list]\n\n[^list]:\n    - first\n    - second\n' });
    expect(messages).toEqual([]);
    expect(edition.notes[0]!.definition.children.map((c) => c.type)).toEqual(['list']);
    expect(edition.notes[0]!.anchor).toBe('fn-1');
    expect(edition.notes[0]!.citationAnchor).toBe('fnref-1');
  });
});

describe('links', () => {
  it('reference definitions belong to their chapter', () => {
    const { edition, messages } = editionOf({
      '01.md': '# One {#one}\n\n[foo] and [bar][foo].\n\n[foo]: https://one.example/ "One"\n',
      '02.md': '# Two {#two}\n\n[foo] here.\n\n[foo]: https://two.example/\n',
      '03.md': '# Three {#three}\n\n[foo] has no definition here.\n',
    });
    expect(messages).toEqual([]);
    const chapters = edition.root.children;
    const urls = chapters.map((c) => (all(c, 'link') as Link[]).map((l) => [l.url, l.title ?? null]));
    expect(urls).toEqual([[['https://one.example/', 'One'], ['https://one.example/', 'One']], [['https://two.example/', null]], []]);
    for (const type of ['definition', 'linkReference', 'imageReference']) expect(all(edition.root, type)).toEqual([]);
  });

  it('a reference-style link to javascript: is refused like an inline one', () => {
    const { messages } = editionOf({ '01.md': '# One {#one}\n\nSee [x][r].\n\n[r]: javascript:alert(1)\n' });
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['unsafe-url', 3, 5]]);
  });
});

describe('lists', () => {
  it('resolves markers from kind, start and depth', () => {
    const { edition } = editionOf({ '01.md': '# One {#one}\n\n3. three\n   - a\n     - b\n4. four\n' });
    const lists = all(edition.root, 'list') as List[];
    expect(lists.map((l) => l.data?.depth)).toEqual([0, 1, 2]);
    const items = all(edition.root, 'listItem') as ListItem[];
    expect(items.map((i) => i.data?.marker)).toEqual(['3.', '–', '•', '4.']);
    expect(items[0]!.data?.number).toBe(3);
  });
});

describe('ids', () => {
  it('refuses a heading id that folio makes itself', () => {
    const { messages } = editionOf({ '01.md': '# One {#fn-2}\n\nText.\n' });
    expect(messages.map((m) => m.ruleId)).toContain('reserved-id');
  });

  it('gives every heading its label with the numeral’s punctuation', () => {
    const { edition } = editionOf({ '01.md': '# One {#one}\n\n## Sub {#sub}\n\n# Two {#two}\n' });
    expect(edition.outline.map((e) => e.label)).toEqual(['I.', 'A.', 'II.']);
  });
});

describe('figures', () => {
  it('reads a picture alone in its paragraph into a figure with its size, caption and width', () => {
    const { edition, messages } = editionOf({ '01.md': '# One {#one}\n\n![A grey box](img/box.png "The box"){width=50%}\n' }, { 'img/box.png': greyPng(40, 20) });
    expect(messages).toEqual([]);
    const [figure] = all(edition.root, 'figure') as Figure[];
    expect(figure).toMatchObject({ alt: 'A grey box', caption: 'The box', width: 0.5, mime: 'image/png', pixelWidth: 40, pixelHeight: 20 });
  });

  it('requires alt text, at the picture’s place', () => {
    const { messages } = editionOf({ '01.md': '# One {#one}\n\n![](box.png)\n' }, { 'box.png': greyPng(4, 4) });
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['figure-alt', 3, 1]]);
  });

  it('refuses a picture outside the source, a missing one, and an SVG with a script', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
    const { messages } = editionOf(
      { '01.md': '# One {#one}\n\n![up](../../etc/passwd.png)\n\n![gone](none.png)\n\n![bad](bad.svg)\n' },
      { 'bad.svg': svg },
    );
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['image', 3], ['image', 5], ['image', 7]]);
    expect(messages[2]!.message).toMatch(/script/);
  });

  it('refuses a picture inside text, keeping its alt text', () => {
    const { edition, messages } = editionOf({ '01.md': '# One {#one}\n\nText ![box](box.png) more.\n' }, { 'box.png': greyPng(4, 4) });
    expect(messages.map((m) => m.ruleId)).toEqual(['image']);
    expect(all(edition.root, 'image')).toEqual([]);
  });
});

describe('hints', () => {
  it('suggests the nearest note label for a mistyped citation', () => {
    const { messages } = editionOf({ '01.md': '# One {#one}\n\nText.[^venice-comission]\n\nMore.[^venice-commission]\n\n[^venice-commission]: The note.\n' });
    expect(messages.find((m) => m.ruleId === 'undefined-note')?.message).toMatch(/did you mean `\[\^venice-commission\]`\?/);
  });

  it('suggests the nearest id for a mistyped cross-reference, and none when nothing is near', () => {
    const { messages } = editionOf({ '01.md': '# Legal framework {#legal-framework}\n\nSee [](#legal-framwork) and [](#media).\n' });
    const unknown = messages.filter((m) => m.ruleId === 'unknown-reference').map((m) => m.message);
    expect(unknown).toHaveLength(2);
    expect(unknown[0]).toMatch(/unknown id `legal-framwork`.*\(did you mean `\(#legal-framework\)`\?\)/);
    expect(unknown[1]).not.toMatch(/did you mean/);
  });
});

describe('the annex', () => {
  it('reads a picture in a recommendation, and its copy in the annex, from the recommendation’s chapter', () => {
    const { edition, messages } = editionOf({
      '01.md': '# One {#one}\n\n:::recommendation{#r1 priority=1}\nShow it.\n\n![A grey box](img/box.png)\n:::\n\n::recommendations\n',
    }, { 'img/box.png': greyPng(8, 8) });
    expect(messages).toEqual([]);
    const item = all(edition.root, 'recommendationItem')[0]!;
    expect(all(item, 'figure')).toHaveLength(1);
  });

  it('leaves out a heading of the annex template with no items under it, whatever the template', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-annex-template-'));
    cpSync(templates, dir, { recursive: true });
    // The template as folio new wrote it before it tested for items: both headings, always.
    writeFileSync(join(dir, 'annex', 'recommendations.md.hbs'), '## {{labels.priorityRecommendations}} {#priority-recommendations}\n\n{{#each priority}}\n::recommendation-item{ref="{{id}}"}\n\n{{/each}}\n## {{labels.otherRecommendations}} {#other-recommendations}\n\nBy topic.\n\n{{#each topics}}\n### {{title}} {#topic-{{id}} }\n\n{{#each items}}\n::recommendation-item{ref="{{id}}"}\n\n{{/each}}\n{{/each}}\n');
    const { edition, messages } = editionOf({ '01.md': '# One {#one}\n\n:::recommendation{#r1 priority=1}\nDo it.\n:::\n\n::recommendations\n' }, {}, dir);
    expect(messages).toEqual([]);
    expect(edition.outline.map((e) => e.id)).toEqual(['one', 'priority-recommendations']);
    expect(JSON.stringify(edition.root)).not.toContain('By topic.');
  });
});

describe('glyphs', () => {
  it('checks code against the code font, at the code’s place', async () => {
    const { checkGlyphs } = await import('../pipeline/check/check-glyphs.js');
    const { edition, diagnostics } = editionOf({ '01.md': '# One {#one}\n\nRun `snow 中 ☃` now.\n\n```\nx = "中"\n```\n' });
    checkGlyphs(edition, diagnostics);
    const found = diagnostics.list().filter((m) => m.ruleId === 'missing-glyph');
    expect(found.map((m) => [m.line, m.column])).toEqual([[3, 5], [5, 1]]);
    expect(found[0]!.message).toMatch(/^no font of code \(PT Mono, DejaVu Sans Mono, DejaVu Sans\) has a glyph for U\+4E2D “中”:/); // ☃ is DejaVu Sans's
  });
});
