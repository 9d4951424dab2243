/**
 * Every Markdown construct the model resolves, drawn in the PDF and read back from the file with
 * pdfjs (text with positions and fonts, link annotations, the structure tree, the drawing
 * operators): lists of any depth with hanging markers and task boxes, code in PT Mono, quotations,
 * hard breaks, rules, strikethrough, six heading styles, links of every form, tables sized from
 * their content (smaller when too wide, header repeated on each page), notes of any block content
 * on the page that cites them, pictures, the title page's cover lines. And the layers: text boxes
 * carry their shaped glyphs, the painter shapes nothing.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Edition, Labels, ReportMeta } from '../pipeline/model/types.js';
import type { Layout, TextBox } from '../pipeline/layout/types.js';
import { layoutEdition } from '../pipeline/layout/layout-document.js';
import { PAGE, TEXT_WIDTH, TYPE } from '../pipeline/layout/geometry.js';
import { renderPdf } from '../pipeline/writers/pdf/render-pdf.js';
import { formats } from '../pipeline/writers/registry.js';
import { hasGlyph, metrics, shape, widthOf } from '../pipeline/text/measure.js';
import { runCodePoints } from '../pipeline/text/glyph-run.js';
import { buildEdition, parseChapter } from '../pipeline/transforms/build-editions.js';
import { Diagnostics } from '../pipeline/util/diagnostics.js';
import { editionFromMarkdown } from './edition-from-markdown.js';
import { readPdfPages, type PdfPage, type PdfStructNode } from './pdf-reader.js';
import { layoutProblems } from './layout-invariants.js';
import { root, templates } from './helpers.js';
import { greyPng } from './png.js';

const dir = mkdtempSync(join(tmpdir(), 'folio-constructs-'));
let files = 0;

/** An edition of several chapters (and pictures beside them), built as the pipeline builds one. */
function editionOf(chapters: string[], pictures: Record<string, Uint8Array> = {}, lang = 'en'): Edition {
  const source = mkdtempSync(join(dir, 'source-'));
  for (const [name, bytes] of Object.entries(pictures)) writeFileSync(join(source, name), bytes);
  const diagnostics = new Diagnostics();
  const labels = JSON.parse(readFileSync(join(templates, 'labels', `${lang}.json`), 'utf8')) as Labels;
  const meta: ReportMeta = {
    id: 'test', officialLanguage: lang, languages: [lang], eventDate: '2022-06-05',
    text: { [lang]: { country: 'Testland', event: 'Referendum', title: 'Test Report', mission: 'Test Mission' } },
  };
  const parsed = chapters.map((md, i) => parseChapter(join(source, `0${i + 1}-chapter.md`), md, diagnostics));
  const report = { path: 'report.json', text: '{}', value: meta, tree: undefined };
  const edition = buildEdition(lang, meta, labels, parsed, { templatesDir: templates, report, sourceDir: source }, diagnostics);
  expect(diagnostics.list().filter((d) => d.severity === 'error')).toEqual([]);
  return edition;
}

/** The PDF of an edition, through the writer registry as `folio build` renders it, read back page by page. */
async function pdfOf(edition: Edition): Promise<{ layout: Layout; pages: PdfPage[]; file: string }> {
  const pdf = formats.find((f) => f.name === 'pdf')!;
  const bytes = await pdf.render(edition, { templatesDir: templates, languages: [{ lang: edition.lang, name: edition.labels.languageName }] });
  const file = join(dir, `doc-${++files}.pdf`);
  writeFileSync(file, bytes as Uint8Array);
  return { layout: layoutEdition(edition, templates), pages: await readPdfPages(file), file };
}

async function pdfOfMarkdown(markdown: string, lang = 'en') {
  const { edition, diagnostics } = editionFromMarkdown(markdown, lang);
  expect(diagnostics.list().filter((d) => d.severity === 'error')).toEqual([]);
  return { edition, ...(await pdfOf(edition)) };
}

type Item = PdfPage['items'][number];
const items = (pages: PdfPage[]) => pages.flatMap((p) => p.items);
/** The first text item that contains `text`. */
function item(pages: PdfPage[], text: string): Item {
  const found = items(pages).find((i) => i.text.includes(text));
  if (!found) throw new Error(`no text item with “${text}” in ${JSON.stringify(items(pages).map((i) => i.text))}`);
  return found;
}
function roles(node: PdfStructNode | null | { type: 'content' }): string[] {
  if (!node || !('role' in node)) return [];
  return [node.role, ...node.children.flatMap((c) => roles(c as PdfStructNode))];
}
function nodes(node: PdfStructNode | null, role: string): PdfStructNode[] {
  if (!node) return [];
  const kids = node.children.filter((c): c is PdfStructNode => 'role' in c);
  return [...(node.role === role ? [node] : []), ...kids.flatMap((c) => nodes(c, role))];
}
const allNodes = (pages: PdfPage[], role: string) => pages.flatMap((p) => nodes(p.structure, role));
const near = (a: number, b: number, tolerance = 0.5) => Math.abs(a - b) <= tolerance;
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Filler paragraph ${i} about the referendum commission and the observers, who noted that voters were informed about procedures although campaign finance remained unregulated and coverage lacked balance.`).join('\n\n');

// One document for the text constructs, read once.
const TEXT_DOC = `# CONSTRUCTS {#constructs}

A paragraph with *emphasis*, **strong**, ~~struckword~~, inline \`codeword әғқ\` and a note.[^plain]

[^plain]: A plain note.

Run \`a b\` then.

Short line before the break\\
second line after the break, long enough to run past the end of the line and be justified as a whole paragraph would be in the text.

- tightone
- tighttwo
  - nestedone
    - deeperone
  - nestedtwo
- [ ] opentask
- [x] donetask

7. seventh

   continuation of the seventh

8. eighth

> quotedpara
>
> > nestedquote
>
> - quotedlist
>
> \`\`\`
> quotedcode
> \`\`\`

Before the rule.

---

After the rule.

\`\`\`
function kazakh() {
    return "қазақ әліпбиі ғ ң ө ұ ү һ і";
}
${'longcode'.repeat(3)} ${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')} end
\`\`\`

## SUBSECTION {#sub}

### Heading three

#### Heading four

##### Heading five

###### Heading six
`;

const text = await pdfOfMarkdown(TEXT_DOC);
const body = text.pages.slice(2); // after the title page and the contents

describe('the PDF layers', () => {
  it('gives every text box of the layout its shaped glyphs, which stand for the box’s characters', () => {
    const boxes = text.layout.pages.flatMap((p) => p.boxes.filter((b): b is TextBox => b.kind === 'text'));
    expect(boxes.length).toBeGreaterThan(50);
    for (const box of boxes) {
      expect(box.glyphs, box.text).toBeDefined();
      expect(runCodePoints(box.glyphs!).flat(), box.text).toEqual(Array.from(box.text, (c) => c.codePointAt(0)));
    }
  });

  it('paints without shaping: no PDF writer file imports the shaper', () => {
    const folder = join(root, 'pipeline', 'writers', 'pdf');
    for (const name of readdirSync(folder)) {
      const source = readFileSync(join(folder, name), 'utf8');
      expect(source, name).not.toMatch(/^import (?!type )[^;]*from '\.\.\/\.\.\/text\/(measure|glyph-run)\.js'/m);
    }
  });
});

describe('the PDF painter', () => {
  it('places a glyph moved off the pen position (a combining mark) where the shaper put it', async () => {
    const { edition } = editionFromMarkdown('# X {#x}\n\nx\n');
    const shaped = shape('ab', 'regular');
    const moved = { ...shaped, offsets: [{ x: 0, y: 0 }, { x: 100, y: 300 }] }; // b: 0.1 em right, 0.3 em up
    const box: TextBox = { kind: 'text', x: 100, y: 200, text: 'ab', style: { face: 'regular', size: 20 }, width: 20, struct: 1, glyphs: { parts: [moved], spaces: [false], spacing: 0 } };
    const layout: Layout = { pageWidth: 595, pageHeight: 842, structure: [{ type: 'Document', parent: null }, { type: 'P', parent: 0 }], outline: [], pages: [{ index: 1, header: false, notes: [], citations: [], bodyBottom: 200, boxes: [box] }] };
    const { paint } = await import('../pipeline/writers/pdf/paint.js');
    const file = join(dir, 'moved.pdf');
    writeFileSync(file, await paint(layout, edition));
    const [page] = await readPdfPages(file);
    const b = page!.items.find((i) => i.text === 'b')!;
    const a = page!.items.find((i) => i.text.startsWith('a'))!;
    expect(near(a.y, 200, 0.1)).toBe(true);
    expect(near(b.y, 200 - 6, 0.1)).toBe(true); // 0.3 em of 20 pt
    expect(near(b.x, 100 + (shaped.advances[0]! * 20) / 1000 + 2, 0.1)).toBe(true);
  });
});

describe('lists', () => {
  it('indents each level: the text moves right with depth and the marker hangs before it', () => {
    const [one, nested, deeper] = ['tightone', 'nestedone', 'deeperone'].map((t) => item(body, t));
    expect(one!.x).toBeGreaterThan(PAGE.left + 5);
    expect(nested!.x).toBeGreaterThan(one!.x + 10);
    expect(deeper!.x).toBeGreaterThan(nested!.x + 10);
    const bullet = body.flatMap((p) => p.items).find((i) => i.text.trim() === '•' && near(i.y, one!.y))!;
    expect(bullet.x + bullet.width).toBeLessThanOrEqual(one!.x);
    expect(bullet.x).toBeGreaterThanOrEqual(PAGE.left - 0.1);
  });

  it('draws the markers the model resolved, one per item, continuation paragraphs aligned with the item’s text', () => {
    const seventh = item(body, 'seventh');
    const continuation = item(body, 'continuation of the seventh');
    expect(near(continuation.x, seventh.x)).toBe(true);
    expect(continuation.y).toBeGreaterThan(seventh.y);
    const markers = items(body).filter((i) => /^\d+\.$/.test(i.text.trim()) && i.x < seventh.x);
    expect(markers.map((m) => m.text.trim())).toEqual(['7.', '8.']);
    expect(near(markers[0]!.y, seventh.y)).toBe(true);
    expect(markers[0]!.x + markers[0]!.width).toBeLessThanOrEqual(seventh.x);
  });

  it('keeps tight items closer together than loose ones', () => {
    const tight = item(body, 'tighttwo').y - item(body, 'tightone').y;
    const loose = item(body, 'eighth').y - item(body, 'continuation of the seventh').y;
    expect(tight).toBeLessThan(loose);
    expect(near(tight, TYPE.body.leading + TYPE.list.tightSpace)).toBe(true);
  });

  it('shows a task item’s state with a ballot box from a font that has it', () => {
    const open = item(body, 'opentask');
    const done = item(body, 'donetask');
    const boxes = items(body).filter((i) => i.text.trim() === '☐' || i.text.trim() === '☒');
    expect(boxes.map((b) => b.text.trim())).toEqual(['☐', '☒']);
    expect(near(boxes[0]!.y, open.y) && near(boxes[1]!.y, done.y)).toBe(true);
    for (const b of boxes) {
      expect(b.font).toBe('DejaVuSans');
      expect(shape(b.text.trim(), 'symbol').glyphs[0]).not.toBe(0);
    }
    expect([...'☐☒'].some((ch) => hasGlyph('regular', ch.codePointAt(0)!))).toBe(false); // why another face is needed: PT Serif has neither
  });

  it('tags lists as L, LI, Lbl (the marker) and LBody, nested lists inside their item’s body', () => {
    const lists = allNodes(body, 'L');
    expect(lists.length).toBeGreaterThanOrEqual(4);
    for (const l of lists) {
      for (const li of l.children) {
        expect((li as PdfStructNode).role).toBe('LI');
        expect((li as PdfStructNode).children.map((c) => (c as PdfStructNode).role)).toEqual(['Lbl', 'LBody']);
      }
    }
    const bodies = allNodes(body, 'LBody');
    expect(bodies.some((b) => roles(b).slice(1).includes('L'))).toBe(true);
  });
});

describe('code', () => {
  it('sets code blocks and inline code in PT Mono, which has every Kazakh letter', () => {
    expect([...'ӘҒҚҢӨҰҮҺІәғқңөұүһі'].filter((ch) => !hasGlyph('mono', ch.codePointAt(0)!))).toEqual([]); // in PT Mono itself, no fallback needed
    expect(item(body, 'қазақ').font).toBe('PTMono-Regular');
    expect(item(body, 'codeword').font).toBe('PTMono-Regular');
    expect(item(body, 'paragraph with').font).toBe('PTSerif-Regular');
  });

  it('keeps one line per source line and the indentation as width, smaller than the text, never justified', () => {
    const open = item(body, 'function kazakh()');
    const inner = item(body, 'return');
    const close = items(body).find((i) => i.text.trim() === '}' && i.font === 'PTMono-Regular')!;
    expect(near(open.size, TYPE.body.size * TYPE.code.scale, 0.01)).toBe(true);
    expect(inner.y).toBeGreaterThan(open.y);
    expect(close.y).toBeGreaterThan(inner.y);
    // The four spaces are drawn as glyphs (copied text keeps them): the word after them starts four advances in.
    const space = widthOf(' ', 'mono', open.size);
    const word = inner.text.trimStart();
    const indent = inner.text.length - word.length;
    const wordX = inner.x + (indent ? indent * space : 0);
    expect(near(wordX, open.x + 4 * space, 0.3)).toBe(true);
    // Not justified: a code line's words are one space apart.
    const last = text.layout.pages.flatMap((p) => p.boxes).filter((b): b is TextBox => b.kind === 'text' && b.style.face === 'mono');
    expect(last.every((b) => !b.wordSpacing)).toBe(true);
  });

  it('wraps a line longer than the width at the margin, losing no character and adding no hyphen', () => {
    const source = `${'longcode'.repeat(3)} ${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')} end`;
    const rows = text.layout.pages.flatMap((p) => p.boxes).filter((b): b is TextBox => b.kind === 'text' && b.style.face === 'mono' && /longcode|\bw\d|end$/.test(b.text) && b.style.size > 8);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.map((r) => r.text).join('')).toBe(source);
    for (const r of rows) expect(r.x + r.width).toBeLessThanOrEqual(PAGE.left + TEXT_WIDTH + 0.01);
  });

  it('puts code on a light background and tags it Code', () => {
    const open = item(body, 'function kazakh()');
    const page = body.find((p) => p.items.includes(open))!;
    const under = page.fills.filter((f) => f.y <= open.y - open.size * 0.7 && f.y + f.height >= open.y && f.x <= open.x && f.x + f.width >= PAGE.left + TEXT_WIDTH - 1);
    expect(under.length).toBeGreaterThan(0);
    expect(allNodes(body, 'Code').length).toBeGreaterThanOrEqual(3); // the block, the quoted block, the inline span
    const paragraph = allNodes(body, 'P').find((p) => p.children.some((c) => 'role' in c && c.role === 'Code'))!;
    expect(paragraph.children[0]).toHaveProperty('type', 'content'); // the span sits inside the paragraph's text, not before it
  });

  it('keeps PT Mono’s spaces inside inline code and the text’s own space after it', () => {
    const boxes = text.layout.pages.flatMap((p) => p.boxes).filter((b): b is TextBox => b.kind === 'text');
    const code = boxes.find((b) => b.text.startsWith('a b') && b.style.face === 'mono')!;
    const after = boxes.find((b) => b.text === 'then.')!;
    const size = TYPE.body.size;
    expect(near(code.width, widthOf('a b', 'mono', size * TYPE.code.inlineScale), 0.01)).toBe(true);
    expect(near(after.x - (code.x + code.width), widthOf(' ', 'regular', size), 0.01)).toBe(true);
    const [a, then] = [item(body, 'a b'), item(body, 'then.')];
    expect(then.x).toBeGreaterThan(a.x + code.width);
  });

  it('refuses a character PT Mono cannot draw, naming the face', async () => {
    const { edition } = editionFromMarkdown('# CODE {#code}\n\n```\n中\n```\n');
    await expect(renderPdf(edition, templates)).rejects.toThrow(/U\+4E2D.*PT Mono/);
  });
});

describe('quotations, breaks, rules, strikethrough, headings', () => {
  it('indents quotations per level, with any block inside, tagged BlockQuote', () => {
    const paragraph = item(body, 'paragraph with');
    const quoted = item(body, 'quotedpara');
    const nested = item(body, 'nestedquote');
    expect(quoted.x).toBeGreaterThan(paragraph.x + 10);
    expect(nested.x).toBeGreaterThan(quoted.x + 10);
    expect(item(body, 'quotedlist').x).toBeGreaterThan(quoted.x);
    expect(item(body, 'quotedcode').x).toBeGreaterThanOrEqual(quoted.x);
    const quotes = allNodes(body, 'BlockQuote');
    const outer = quotes.find((q) => q.children.some((c) => 'role' in c && c.role === 'BlockQuote'))!;
    expect(roles(outer)).toEqual(expect.arrayContaining(['BlockQuote', 'P', 'L', 'Code']));
  });

  it('ends a line at a hard break, without justifying it', () => {
    const before = item(body, 'Short line before the break');
    const after = item(body, 'second line');
    expect(after.y).toBeGreaterThan(before.y + 5);
    expect(near(after.x, PAGE.left)).toBe(true);
    const box = text.layout.pages.flatMap((p) => p.boxes).find((b): b is TextBox => b.kind === 'text' && b.text.startsWith('Short line'))!;
    expect(box.wordSpacing).toBeUndefined();
    expect(before.width).toBeLessThan(TEXT_WIDTH / 2);
  });

  it('draws a thematic break as a rule across the text width', () => {
    const above = item(body, 'Before the rule');
    const below = item(body, 'After the rule');
    const page = body.find((p) => p.items.includes(above))!;
    const rule = page.lines.find((l) => l.y1 > above.y && l.y1 < below.y && near(l.x1, PAGE.left) && near(l.x2, PAGE.left + TEXT_WIDTH));
    expect(rule).toBeDefined();
  });

  it('strikes through struck text with a line at half its x-height', () => {
    const struck = item(body, 'struckword');
    const page = body.find((p) => p.items.includes(struck))!;
    const { xHeight } = metrics('regular', struck.size);
    const line = page.lines.find((l) => near(l.y1, struck.y - xHeight / 2, 0.3) && near(l.x1, struck.x, 0.3) && near(l.x2, struck.x + struck.width, 0.6));
    expect(line).toBeDefined();
    const plain = item(body, 'strong');
    expect(page.lines.some((l) => near(l.y1, plain.y - xHeight / 2, 1) && l.x1 < plain.x + plain.width && l.x2 > plain.x)).toBe(false);
  });

  it('sets headings of levels 1 to 6 in distinct styles, tagged H1 to H6, with the model’s numerals', () => {
    const styles = ['CONSTRUCTS', 'SUBSECTION', 'Heading three', 'Heading four', 'Heading five', 'Heading six'].map((t) => {
      const i = item(body, t);
      return `${i.font} ${i.size}`;
    });
    const text = item(body, 'paragraph with');
    expect(new Set([...styles, `${text.font} ${text.size}`]).size).toBe(7);
    expect(roles(body[0]!.structure)).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']));
    const numeral = item(body, 'I.');
    expect(near(numeral.y, item(body, 'CONSTRUCTS').y)).toBe(true);
    expect(item(body, 'A.').font).toBe('PTSerif-Bold');
  });
});

describe('links', async () => {
  const md = `# LINKS {#links}

An [inline link](https://example.org/inline), an autolink <https://example.org/auto>, a [reference link][ref], [mail](mailto:office@example.org) and a [cross-reference](#links).

A paragraph whose link runs across a line break: ${'words '.repeat(14)}[this link text is long enough to be broken over two lines of the page](https://example.org/long) and more.

[ref]: https://example.org/reference
`;
  const doc = await pdfOfMarkdown(md);
  const links = doc.pages.flatMap((p) => p.links.map((l) => ({ ...l, page: p.page })));

  it('makes every link form a link annotation: URI for http(s) and mailto, a destination for #id', () => {
    const urls = links.map((l) => l.url).filter(Boolean);
    expect(urls).toEqual(expect.arrayContaining(['https://example.org/inline', 'https://example.org/auto', 'https://example.org/reference', 'mailto:office@example.org']));
    expect(links.some((l) => l.dest === 'links')).toBe(true);
    expect(doc.pages.flatMap((p) => p.items).length).toBeGreaterThan(0);
  });

  it('covers the link text, on each line it runs over', () => {
    const inline = item(doc.pages, 'inline link');
    const annotation = links.find((l) => l.url === 'https://example.org/inline')!;
    expect(annotation.rect[0]).toBeLessThanOrEqual(inline.x + 0.5);
    expect(annotation.rect[2]).toBeGreaterThanOrEqual(inline.x + inline.width - 0.5);
    expect(annotation.rect[1]).toBeLessThan(inline.y);
    expect(annotation.rect[3]).toBeGreaterThan(inline.y);
    const long = links.filter((l) => l.url === 'https://example.org/long');
    expect(long.length).toBe(2);
    expect(long[1]!.rect[1]).toBeGreaterThan(long[0]!.rect[3] - 2); // the second part is on the next line
    const parts = items(doc.pages).filter((i) => /this link|broken over|two lines of the page/.test(i.text));
    for (const p of parts) expect(long.some((l) => l.rect[0] <= p.x + 0.5 && l.rect[2] >= p.x + p.width - 0.5 && l.rect[1] < p.y && l.rect[3] > p.y)).toBe(true);
  });
});

describe('tables', async () => {
  const rows = Array.from({ length: 70 }, (_, i) => `| Region ${i} with a longer name to wrap | ${(1234567 + i).toLocaleString('en')} | *note* ${i} |`).join('\n');
  // Six columns of words too wide at the table's size (6 × 86 pt at 10 pt) but not at 7 pt.
  const wide = `| ${Array.from({ length: 6 }, (_, i) => `Heading${i}Long`).join(' | ')} |\n| ${Array.from({ length: 6 }, () => '--').join(' | ')} |\n| ${Array.from({ length: 6 }, (_, i) => `Value${i}Unbreakable`).join(' | ')} |`;
  // Twelve columns of hyphenated words too wide even at 7 pt, whose parts between hyphens fit.
  const widest = `| ${Array.from({ length: 12 }, (_, i) => `Col${i}`).join(' | ')} |\n| ${Array.from({ length: 12 }, () => '--').join(' | ')} |\n| ${Array.from({ length: 12 }, (_, i) => `alpha${i}-beta-gamma`).join(' | ')} |`;
  const narrowFirst = `| # | Description |\n| --: | :-- |\n| 1 | ${'A description long enough to need most of the width of the table and wrap. '.repeat(2)}|`;
  const md = `# TABLES {#tables}\n\n| Name | Amount | Remark |\n| :-- | --: | :-: |\n${rows}\n\n${wide}\n\n${widest}\n\n${narrowFirst}\n`;
  const doc = await pdfOfMarkdown(md);
  const pages = doc.pages.slice(2);

  it('sizes columns from their content and never breaks a number inside', () => {
    const numbers = items(pages).filter((i) => /^\d/.test(i.text.trim()) && i.text.includes(','));
    expect(numbers.length).toBe(70);
    for (const n of numbers) expect(n.text.trim()).toMatch(/^\d,\d{3},\d{3}$/);
    // A column of one short number gets its width; the long text beside it takes the rest.
    const description = item(pages, 'A description long');
    const number = items(pages).find((i) => i.text.trim() === '1' && near(i.y, description.y))!;
    expect(description.x).toBeLessThan(PAGE.left + 30);
    expect(number.x + number.width).toBeLessThanOrEqual(description.x);
    // It wraps within its column: a second line starts under the first.
    expect(items(pages).some((i) => near(i.x, description.x) && i.y > description.y + 5 && i.y < description.y + 40 && /table|wrap|width/.test(i.text))).toBe(true);
  });

  it('aligns each column as the source says, with inline formatting in cells', () => {
    const numbers = items(pages).filter((i) => /^\d,\d{3},\d{3}$/.test(i.text.trim())).slice(0, 10);
    const rights = numbers.map((n) => n.x + n.width);
    for (const r of rights) expect(near(r, rights[0]!, 0.3)).toBe(true);
    const lefts = items(pages).filter((i) => i.text.startsWith('Region')).map((i) => i.x);
    for (const l of lefts) expect(near(l, lefts[0]!, 0.1)).toBe(true);
    expect(item(pages, 'note').font).toBe('PTSerif-Italic');
  });

  it('repeats the header row at the top of every page the table continues on, outside the structure tree', () => {
    const tablePages = pages.filter((p) => p.items.some((i) => i.text.startsWith('Region')));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) {
      const header = p.items.find((i) => i.text.trim() === 'Name')!;
      expect(header, `page ${p.page}`).toBeDefined();
      expect(header.font).toBe('PTSerif-Bold');
      const first = p.items.filter((i) => i.text.startsWith('Region')).reduce((a, b) => (a.y < b.y ? a : b));
      expect(header.y).toBeLessThan(first.y);
    }
    const rowsTagged = pages.flatMap((p) => nodes(p.structure, 'TR'));
    expect(new Set(rowsTagged.map((r) => JSON.stringify(r))).size).toBeGreaterThanOrEqual(71);
    const tables = allNodes(pages, 'Table');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(roles(tables[0]!)).toEqual(expect.arrayContaining(['TR', 'TH', 'TD']));
    expect(layoutProblems(doc.layout, 0)).toEqual([]);
  });

  it('sets a table too wide for the page smaller until it fits', () => {
    const cells = items(pages).filter((i) => /^(Heading|Value)\dLong|^Value\dUnbreakable/.test(i.text.trim()));
    expect(cells.length).toBe(12);
    const size = cells[0]!.size;
    expect(size).toBeLessThan(TYPE.table.size);
    expect(size).toBeGreaterThanOrEqual(TYPE.table.minSize);
    for (const c of cells) expect(c.x + c.width).toBeLessThanOrEqual(PAGE.left + TEXT_WIDTH + 0.5);
  });

  it('beyond the smallest size, breaks words only at their own break points', () => {
    const parts = items(pages).filter((i) => /alpha\d+|beta|gamma/.test(i.text));
    expect(parts.length).toBeGreaterThan(12);
    expect(Math.min(...parts.map((p) => p.size))).toBe(TYPE.table.minSize);
    for (const p of parts) expect(p.text.trim()).toMatch(/^(alpha\d+-|beta-|gamma|alpha\d+-beta-|beta-gamma|alpha\d+-beta-gamma)$/);
    for (const p of parts) expect(p.x + p.width).toBeLessThanOrEqual(PAGE.left + TEXT_WIDTH + 0.5);
  });
});

describe('notes', async () => {
  const md = `# NOTES {#notes}

${filler(3)}

A paragraph citing a note made of a list[^list] and one made of code.[^code] And a quote note.[^quote]

[^list]: - first item of the note
    - second item of the note

[^code]: \`\`\`
    note code line
    \`\`\`

[^quote]: > quoted in a note

## HEADING WITH A NOTE[^heading] {#with-note}

A [link with a note[^link] inside](https://example.org), *emphasis with a note[^emphasis]*.

- a list item with a note[^item]

| Item | Cell |
| :-- | :-- |
| cell | a cell with a note[^cell] |

Citing the list note again.[^list]

[^heading]: The heading's note.
[^link]: The link's note.
[^emphasis]: The emphasis's note.
[^item]: The item's note.
[^cell]: The cell's note.

${filler(14)}
`;
  const doc = await pdfOfMarkdown(md);
  const { edition } = doc;
  const pages = doc.pages.slice(2);
  const noteSize = TYPE.note.size;

  it('lays out a note made only of a list, code or a quotation at the foot of the page that cites it', () => {
    const list = item(pages, 'first item of the note');
    const code = items(pages).find((i) => i.font === 'PTMono-Regular' && i.text === 'note')!;
    const quote = item(pages, 'quoted in a note');
    const citing = item(pages, 'A paragraph citing');
    for (const n of [list, code, quote]) {
      expect(n.page).toBe(citing.page);
      const page = doc.layout.pages[n.page - 1]!;
      expect(n.y).toBeGreaterThan(page.noteTop!);
    }
    expect(list.size).toBe(noteSize);
    expect(near(code.size, noteSize * TYPE.code.scale, 0.01)).toBe(true);
    expect(code.font).toBe('PTMono-Regular');
    expect(item(pages, 'second item of the note').y).toBeGreaterThan(list.y);
  });

  it('makes the note number the note’s destination, linking back to the first citation; citations link to the note and carry their own destination', async () => {
    const list = edition.notesById.get('list')!;
    const links = pages.flatMap((p) => p.links);
    expect(links.some((l) => l.dest === list.anchor)).toBe(true); // the citations
    expect(links.some((l) => l.dest === list.citationAnchor)).toBe(true); // the note's number
    const dests = (await import('./pdf-reader.js')).readPdf(doc.file).then((r) => r.destinations);
    expect(await dests).toEqual(expect.arrayContaining([list.anchor, list.citationAnchor, `${list.citationAnchor}-2`]));
    const number = doc.layout.pages.flatMap((p) => p.boxes).find((b): b is TextBox => b.kind === 'text' && b.text === String(list.number) && b.link?.dest === list.citationAnchor);
    expect(number).toBeDefined();
  });

  it('puts notes cited in a heading, link text, emphasis, a list item and a table cell on the page of their citation', () => {
    expect(edition.notes.map((n) => n.label)).toEqual(['list', 'code', 'quote', 'heading', 'link', 'emphasis', 'item', 'cell']);
    expect(layoutProblems(doc.layout, edition.notes.length)).toEqual([]);
    for (const label of ['heading', 'link', 'emphasis', 'item', 'cell']) {
      const n = item(pages, `The ${label}'s note`);
      const note = edition.notesById.get(label)!;
      const cited = doc.layout.pages.find((p) => p.citations.includes(note.number))!;
      expect(n.page, label).toBe(cited.index);
    }
  });

  it('gives a note cited from two chapters one number and one note', async () => {
    const edition2 = editionOf([
      '# ONE {#one}\n\nThe first chapter cites the shared note.[^shared]\n\n[^shared]: The shared note.\n',
      '# TWO {#two}\n\nThe second chapter cites it again.[^shared]\n',
    ]);
    const two = await pdfOf(edition2);
    expect(edition2.notes).toHaveLength(1);
    const texts = items(two.pages).filter((i) => i.text.includes('The shared note'));
    expect(texts).toHaveLength(1);
    const links = two.pages.flatMap((p) => p.links).filter((l) => l.dest === 'fn-1');
    expect(links.length).toBeGreaterThanOrEqual(2);
  });
});

/** A 16 × 16 baseline JPEG (a small test picture of the Python project's test suite). */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z',
  'base64',
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect x="10" y="10" width="100" height="40" fill="#336699"/></svg>';

describe('figures', async () => {
  const md = `# FIGURES {#figures}

![A grey square](square.png "The square's caption")

![A wide grey band](wide.png)

![A half-width picture](square.png)
{width=50%}

![A photograph](photo.jpg "The photograph's caption")

![A blue rectangle](shape.svg "The drawing's caption")

${filler(12)}

![A late picture](tall.png "The late picture's caption")
`;
  const edition = editionOf([md], { 'square.png': greyPng(200, 200), 'wide.png': greyPng(2000, 100), 'tall.png': greyPng(300, 500), 'photo.jpg': new Uint8Array(JPEG), 'shape.svg': new TextEncoder().encode(SVG) });
  const doc = await pdfOf(edition);
  const pages = doc.pages.slice(2);
  const images = pages.flatMap((p) => p.images.map((i) => ({ ...i, page: p.page })));

  it('draws PNG and JPEG pictures at their share of the width, else their own size at 96 px/in capped at the text width', () => {
    expect(images).toHaveLength(5);
    const [square, wide, half, photo] = images;
    expect(near(square!.width, 150) && near(square!.height, 150)).toBe(true); // 200 px at 96 px/in
    expect(near(wide!.width, TEXT_WIDTH)).toBe(true); // 2000 px: capped
    expect(near(wide!.height, (TEXT_WIDTH * 100) / 2000)).toBe(true);
    expect(near(half!.width, TEXT_WIDTH / 2)).toBe(true);
    expect(near(photo!.width, 12)).toBe(true); // 16 px
  });

  it('puts the caption under its picture, and tags each figure Figure with its alternative text', () => {
    const square = images[0]!;
    const caption = item(pages, "The square's caption");
    expect(caption.y).toBeGreaterThan(square.y + square.height);
    expect(caption.page).toBe(square.page);
    const figures = allNodes(pages, 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(expect.arrayContaining(['A grey square', 'A wide grey band', 'A half-width picture', 'A photograph', 'A blue rectangle', 'A late picture']));
    expect(roles(figures.find((f) => f.alt === 'A grey square')!)).toContain('Caption');
  });

  it('draws an SVG picture as vector paths', () => {
    const caption = item(pages, "The drawing's caption");
    const page = pages.find((p) => p.page === caption.page)!;
    const drawn = page.fills.filter((f) => f.y + f.height <= caption.y && f.y > caption.y - 120 && near(f.width, (100 * 3) / 4, 1));
    expect(drawn.length).toBe(1); // the 100-px rectangle at 0.75 pt per px
  });

  it('never splits a figure from its caption, nor a figure across pages', () => {
    const late = images.find((i) => near(i.width, 225))!;
    const caption = item(pages, "The late picture's caption");
    expect(caption.page).toBe(late.page);
    expect(late.y + late.height).toBeLessThanOrEqual(PAGE.bottom + 0.5);
    // It did not fit under the text on the page before: it opens its page, whole.
    expect(near(late.y, PAGE.top, 1)).toBe(true);
    expect(items(pages).some((i) => i.page === late.page - 1 && i.text.startsWith('Filler paragraph 11'))).toBe(true);
  });
});

describe('the title page', () => {
  it('draws every cover line, the date and the title', async () => {
    const { edition } = editionFromMarkdown('# BODY {#body}\n\nText.\n');
    const cover = ['REPUBLIC OF TESTLAND', 'CONSTITUTIONAL REFERENDUM', 'SECOND ROUND'];
    const changed: Edition = { ...edition, furniture: { ...edition.furniture, titlePage: { cover, date: '5 June 2022', title: 'Final Report' } } };
    const { pages } = await pdfOf(changed);
    const first = pages[0]!.items.map((i) => i.text);
    for (const line of [...cover, '5 June 2022', 'Final Report']) expect(first, line).toContain(line);
    const ys = [...cover, '5 June 2022', 'Final Report'].map((t) => pages[0]!.items.find((i) => i.text === t)!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });
});
