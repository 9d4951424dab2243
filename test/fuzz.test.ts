/**
 * Property tests: random documents from the source grammar (paragraphs of Latin and Cyrillic text,
 * lists, tables, notes cited once or twice, recommendations, colons that look like directives) go
 * through every transform and every writer. For each: no crash; every note numbered by first
 * citation and present exactly once in each format; the text in reading order equal to the source.
 * FUZZ_RUNS sets the number of documents (`make fuzz` runs many more).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visit } from 'unist-util-visit';
import { textOf } from './mdast-text.js';
import type { Node } from 'unist';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { renderHtml } from '../pipeline/writers/html/render-html.js';
import { renderDocx } from '../pipeline/writers/docx/render-docx.js';
import { layoutEdition } from '../pipeline/layout/layout-document.js';
import { layoutProblems } from './layout-invariants.js';
import { templates } from './helpers.js';
import { unzipSync, strFromU8 } from 'fflate';

const runs = Number(process.env.FUZZ_RUNS ?? 12);
const latin = fc.constantFrom('referendum', 'commission', 'voters', 'observers', 'media', 'law', 'campaign', 'results', 'the', 'of', 'at 10:30', 'Almaty:Astana');
const cyrillic = fc.constantFrom('референдум', 'комиссия', 'сайлаушылар', 'бақылаушылар', 'Қазақстан', 'Алматы:Астана', 'и', 'және');
const words = fc.array(fc.oneof(latin, cyrillic), { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));

interface Doc { markdown: string; notes: string[] }

const block = (k: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('p' as const), text: words, notes: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('list' as const), items: fc.array(words, { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('table' as const), rows: fc.array(fc.tuple(words, fc.integer({ min: 0, max: 99999 })), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('rec' as const), text: words, topic: fc.boolean() }),
  ).map((b) => ({ ...b, k }));

const documents = fc.array(fc.integer(), { minLength: 1, maxLength: 14 }).chain((seeds) => fc.tuple(...seeds.map((_, k) => block(k)))).map((blocks): Doc => {
  let md = '# FUZZ {#fuzz}\n\n';
  const defined = new Map<string, string>();
  let priority = 0;
  const order: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') {
      const labels = b.notes.map((n) => `note-${n}`);
      md += `${b.text}${labels.map((l) => `[^${l}]`).join('')}.\n\n`;
      for (const l of labels) {
        if (!order.includes(l)) order.push(l);
        if (!defined.has(l)) {
          defined.set(l, `Text of ${l} with ${b.text.slice(0, 30)}.`);
          md += `[^${l}]: ${defined.get(l)}\n\n`;
        }
      }
    } else if (b.kind === 'list') md += b.items.map((i) => `- ${i}`).join('\n') + '\n\n';
    else if (b.kind === 'table') md += `| Item | Number |\n| :-- | --: |\n${b.rows.map(([t, n]) => `| ${t} | ${n} |`).join('\n')}\n\n`;
    else md += `:::recommendation{#rec-${b.k} ${b.topic ? 'topic=fuzz' : `priority=${++priority}`}}\n${b.text}.\n:::\n\n`;
  }
  md += '::recommendations\n';
  return { markdown: md, notes: order };
});

const norm = (s: string) => s.replace(/[\s\u00ad\u2060\-]/g, ''); // word joiners (no-break rules) are no text

describe('random documents through every transform and writer', () => {
  it('number the notes, keep every note once in every format, and keep the text', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (doc) => {
        const { edition, diagnostics } = editionFromMarkdown(doc.markdown.replace('topic=fuzz', 'topic=fuzz'));
        const errors = diagnostics.list().filter((m) => m.severity === 'error' && m.ruleId !== 'unknown-topic');
        expect(errors).toEqual([]);
        // Numbered by first citation.
        expect(edition.notes.map((n) => n.id)).toEqual(doc.notes);
        expect(edition.notes.map((n) => n.number)).toEqual(doc.notes.map((_, i) => i + 1));
        // HTML: each note once, each citation linked.
        const html = renderHtml(edition, { templatesDir: templates, alternates: [] });
        expect((html.match(/role="doc-footnote"/g) ?? []).length).toBe(doc.notes.length);
        for (let n = 1; n <= doc.notes.length; n++) expect(html).toContain(`id="fn-${n}"`);
        // DOCX: each note once as a Word footnote, cited once.
        const docx = unzipSync(await renderDocx(edition, templates));
        const footnotes = strFromU8(docx['word/footnotes.xml']!);
        expect((footnotes.match(/<w:footnote w:id="\d+">/g) ?? []).length).toBe(doc.notes.length);
        expect((strFromU8(docx['word/document.xml']!).match(/<w:footnoteReference /g) ?? []).length).toBe(doc.notes.length);
        // PDF layout: the page-building rules, every note placed, the text in order.
        const layout = layoutEdition(edition, templates);
        expect(layoutProblems(layout, doc.notes.length)).toEqual([]);
        const drawn = norm(layout.pages.flatMap((p) => p.boxes.flatMap((b) => (b.kind === 'text' && !b.artifact && !b.style.rise ? [b.text] : []))).join(''));
        let at = 0;
        visit(edition.root, (node: Node) => {
          if (node.type !== 'paragraph') return undefined;
          const t = norm(textOf(node));
          const found = drawn.indexOf(t, at);
          expect(found, textOf(node)).toBeGreaterThanOrEqual(0);
          at = found + t.length;
          return 'skip';
        });
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 4242), endOnFailure: true },
    );
  }, 600_000);
});
