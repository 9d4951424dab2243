/**
 * Property tests for the classes of issue 17: dates, ids (against the generated ones), nesting,
 * wide tables, notes holding blocks, control characters, and the two rewrites of parser internals (the edit map's
 * `consume`, the heading attributes' pattern) against what they replace. FUZZ_RUNS sets the number of
 * cases (`make fuzz` runs many more).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { renderHtml } from '../pipeline/writers/html/render-html.js';
import { isCalendarDate } from '../pipeline/load/schemas.js';
import { trailingAttributes } from '../pipeline/parse/heading-attributes.js';
import { MAX_NESTING } from '../pipeline/parse/nesting.js';
import { parseMarkdown } from '../pipeline/parse/parse-markdown.js';
import { consume as linearConsume, upstreamConsume } from '../pipeline/parse/edit-map.js';
import { CONTROL } from '../pipeline/load/read-text.js';
import { Diagnostics } from '../pipeline/util/diagnostics.js';
import { removeControls } from '../pipeline/load/read-text.js';
import { templates } from './helpers.js';
import { layoutEdition } from '../pipeline/layout/layout-document.js';
import { PAGE, TEXT_WIDTH } from '../pipeline/layout/geometry.js';
import type { TextBox } from '../pipeline/layout/types.js';

const runs = Number(process.env.FUZZ_RUNS ?? 12);
const options = (n = runs) => ({ numRuns: n, seed: Number(process.env.FUZZ_SEED ?? 1717), endOnFailure: true });
const words = fc.array(fc.constantFrom('referendum', 'commission', 'voters', 'Алматы', 'және', 'at 10:30', 'law'), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

describe('dates', () => {
  it('a date is accepted exactly when the calendar has that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const date = new Date(Date.UTC(2000, m - 1, d));
        date.setUTCFullYear(y);
        const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isCalendarDate(iso), iso).toBe(real);
      }),
      options(runs * 50),
    );
  });
});

describe('ids', () => {
  it('a heading or recommendation id, generated-looking or not, never gives two elements one id in the HTML', () => {
    const id = fc.oneof(
      fc.constantFrom('fn-1', 'fn-2', 'fnref-1', 'fnref-2-2', 'report', 'contents-heading', 'chart-title', 'annex-rec-0', 'annex-fuzz', 'priority-recommendations', 'other-recommendations', 'fuzz'),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    );
    let built = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), id, words), { minLength: 1, maxLength: 6 }), (items) => {
        let md = '';
        let rank = 0;
        items.forEach(([heading, name, text], k) => {
          md += heading ? `# ${text} {#${name}}\n\n${text}.[^n${k}]\n\n[^n${k}]: Note ${k}.\n\n` : `:::recommendation{#${name} priority=${++rank}}\n${text}.\n:::\n\n`;
        });
        md += '# ANNEX {#annex-heading}\n\n::recommendations\n';
        const { edition, diagnostics } = editionFromMarkdown(md);
        if (diagnostics.errorCount > 0) return; // refused, with its place: nothing is written
        built++;
        const html = renderHtml(edition, { templatesDir: templates, alternates: [] });
        const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
        expect(ids.filter((x, i) => ids.indexOf(x) !== i), md).toEqual([]);
      }),
      options(),
    );
    expect(built).toBeGreaterThan(0); // not only refusals
  });
});

describe('nesting', () => {
  const level = fc.constantFrom('quote', 'list', 'note', 'rec');
  it('structures of any depth: at most the limit parses and resolves, deeper is one error at its place, never a crash', () => {
    fc.assert(
      fc.property(fc.array(level, { minLength: 1, maxLength: 90 }), words, (levels, text) => {
        // Notes cannot nest in Markdown (a definition ends the container), so one stands at the top.
        const inner = levels.filter((l) => l !== 'note');
        let body = `${text}.`;
        let fences = 3;
        for (const l of [...inner].reverse()) {
          if (l === 'quote') body = body.split('\n').map((line) => `> ${line}`).join('\n');
          else if (l === 'list') body = `- ${body.split('\n').join('\n  ')}`;
          else body = `${':'.repeat(++fences)}recommendation{#r${fences} topic=fuzz}\n${body}\n${':'.repeat(fences)}`;
        }
        const md = `# FUZZ {#fuzz}\n\n${levels.includes('note') ? `Cited.[^deep]\n\n[^deep]: ${text}.\n\n` : ''}${body}\n`;
        const { diagnostics } = editionFromMarkdown(md);
        const nesting = diagnostics.list().filter((m) => m.ruleId === 'nesting');
        if (inner.length > MAX_NESTING) expect(nesting.length, md.slice(0, 200)).toBeGreaterThan(0);
        else expect(nesting, md.slice(0, 200)).toEqual([]);
        for (const m of nesting) expect(m.line).toBeGreaterThanOrEqual(3);
      }),
      options(),
    );
  });
});

describe('notes holding blocks', () => {
  const block = fc.oneof(
    words.map((w) => `${w}.`),
    fc.array(words, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
    words.map((w) => `> ${w}`),
    words.map((w) => '```\n' + w + '\n```'),
    fc.array(fc.tuple(words, fc.integer({ min: 0, max: 999 })), { minLength: 1, maxLength: 3 }).map((rows) => `| A | B |\n| - | -: |\n${rows.map(([t, n]) => `| ${t} | ${n} |`).join('\n')}`),
  );
  it('every note is numbered by first citation and drawn once in the HTML, whatever blocks it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.array(block, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (notes) => {
        let md = '# FUZZ {#fuzz}\n\n';
        notes.forEach((blocks, k) => {
          // The note's blocks, every line after its first indented four spaces (a note's continuation).
          const lines = blocks.join('\n\n').split('\n');
          md += `Paragraph ${k}.[^b${k}]\n\n[^b${k}]: ${lines.map((l, i) => (i === 0 || l === '' ? l : `    ${l}`)).join('\n')}\n\n`;
        });
        const { edition, diagnostics } = editionFromMarkdown(md);
        expect(diagnostics.list().filter((m) => m.severity === 'error'), md).toEqual([]);
        expect(edition.notes.map((n) => n.number)).toEqual(notes.map((_, i) => i + 1));
        const html = renderHtml(edition, { templatesDir: templates, alternates: [] });
        expect((html.match(/role="doc-footnote"/g) ?? []).length).toBe(notes.length);
      }),
      options(),
    );
  });
});

describe('tables', () => {
  const cell = fc.oneof(
    fc.integer({ min: 0, max: 2 ** 40 }).map((n) => n.toLocaleString('en')),
    fc.constantFrom('referendum', 'Алматы', 'voter-registration-centre', 'in/out', '10:30', 'n/a', ''),
  );
  it('a table of any width is laid out with whole numbers, no overlaps, inside the text area, or refused with its place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 3 }), fc.array(cell, { minLength: 1, maxLength: 40 }), (columns, rows, pool) => {
        const at = (r: number, c: number) => pool[(r * 7 + c * 3) % pool.length]!;
        const row = (f: (c: number) => string) => `| ${Array.from({ length: columns }, (_, c) => f(c)).join(' | ')} |`;
        const md = `# T {#t}\n\n${[row((c) => `Head ${c}`), row(() => '--:'), ...Array.from({ length: rows }, (_, r) => row((c) => at(r, c)))].join('\n')}\n`;
        const { edition, diagnostics } = editionFromMarkdown(md);
        expect(diagnostics.errorCount).toBe(0);
        let layout;
        try {
          layout = layoutEdition(edition, templates);
        } catch (error) {
          expect(String(error)).toMatch(/^FolioError: test\.md:3:1: the table is too wide for the page/);
          return;
        }
        const boxes = layout.pages.flatMap((p) => p.boxes.filter((b): b is TextBox => b.kind === 'text' && !b.artifact && b.y > PAGE.top - 15 && b.y < PAGE.bottom).map((b) => ({ page: p.index, b })));
        const numbers = new Set(pool.filter((t) => /^\d[\d,]*$/.test(t) && t.length > 1));
        for (const { b } of boxes) {
          expect(b.x).toBeGreaterThanOrEqual(PAGE.left - 0.01);
          expect(b.x + b.width).toBeLessThanOrEqual(PAGE.left + TEXT_WIDTH + 0.01);
          if (/^[\d,]+$/.test(b.text.trim()) && b.text.includes(',')) expect(numbers.has(b.text.trim()), b.text).toBe(true);
        }
        const sorted = boxes.map(({ page, b }) => ({ page, left: b.x, right: b.x + b.width, top: b.y - b.style.size * 0.75, bottom: b.y + b.style.size * 0.2, text: b.text })).sort((p, q) => p.page - q.page || p.top - q.top);
        sorted.forEach((p, a) => {
          for (let k = a + 1; k < sorted.length && sorted[k]!.page === p.page && sorted[k]!.top < p.bottom - 0.1; k++) {
            const q = sorted[k]!;
            expect(Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.1, `“${p.text}” over “${q.text}”`).toBe(false);
          }
        });
      }),
      options(),
    );
  });
});

describe('control characters', () => {
  it('are all removed, each warned of, and the rest of the text kept as it was', () => {
    const char = fc.oneof(fc.constantFrom('a', 'б', ' ', '\n', '\t', '*'), fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const diagnostics = new Diagnostics();
        const clean = removeControls(text, 'x.md', diagnostics);
        expect(clean.search(CONTROL)).toBe(-1);
        const removed = chars.filter((c) => c.search(CONTROL) === 0).length;
        expect(clean).toBe(chars.filter((c) => c.search(CONTROL) < 0).join(''));
        expect(diagnostics.warningCount).toBe(removed === 0 ? 0 : Math.min(removed, 10) + (removed > 10 ? 1 : 0));
      }),
      options(runs * 20),
    );
  });
});

describe('rewrites of parser internals', () => {
  it('the linear edit map gives the events the upstream one gives', () => {
    const upstream = upstreamConsume;
    const linear = linearConsume as unknown as typeof upstream;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 4 }), fc.array(fc.integer(), { maxLength: 3 })), { maxLength: 8 }), (length, edits) => {
        const apply = (consume: typeof upstream) => {
          const map = new EditMap();
          const events = Array.from({ length }, (_, i) => i) as never[];
          for (const [at, remove, add] of edits) if (at <= length) map.add(at, Math.min(remove, length - at), add.map((n) => -n - 1) as never[]);
          consume.call(map, events);
          return events;
        };
        expect(apply(linear)).toEqual(apply(upstream));
      }),
      options(runs * 50),
    );
  });

  it('trailing heading attributes are found as the pattern they replace finds them', () => {
    const pattern = /\s*\{([^{}]*)\}\s*$/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '{', '}', '#', '.', '\t', 'x'), { maxLength: 24 }).map((c) => c.join('')), (value) => {
        const m = pattern.exec(value);
        expect(trailingAttributes(value), JSON.stringify(value)).toEqual(m ? { index: m.index, inner: m[1] } : undefined);
      }),
      options(runs * 50),
    );
  });

  it('parsing is the same with the linear edit map on documents with lazy lines, notes and lists', () => {
    const piece = fc.constantFrom('Text.[^a]\n\n[^a]: Note.\n', '> quote\nlazy\n', '- a\n  - b\nlazy\n', '1. x\n\n   y\n', '[^b]: Other\n\n    more\n', 'Para [^b]\n', '> [^c]: in a quote\nlazy\n', '| a |\n| - |\n| b |\nlazy\n');
    const prototype = EditMap.prototype as unknown as { consume: unknown };
    parseMarkdown(''); // installs the linear one
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join('\n');
        const linear = JSON.stringify(parseMarkdown(text));
        const installed = prototype.consume;
        prototype.consume = upstreamConsume;
        try {
          expect(linear, text).toBe(JSON.stringify(parseMarkdown(text)));
        } finally {
          prototype.consume = installed;
        }
      }),
      options(runs * 5),
    );
  });
});
