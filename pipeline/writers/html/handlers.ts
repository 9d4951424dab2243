/**
 * mdast → hast handlers: one per resolved node type, the map proven complete by `satisfies` (a new
 * node type is a compile error here until it is drawn). Standard nodes use mdast-util-to-hast's own
 * handlers; folio decides the numbered headings, note citations, tables, annex, charts and figures.
 * Every number, label and anchor comes from the model.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { FootnoteReference, Heading, Link, Parents, Table, TableRow } from 'mdast';
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast';
import type {
  BarChart, Edition, Figure, Recommendation, RecommendationItem, RecommendationList, ResolvedBlock, ResolvedChapter, ResolvedInline, ResolvedPart,
} from '../../model/types.js';
import { chartShape, type ChartShape } from '../../figures/chart-geometry.js';
import { citationOf } from '../../model/anchors.js';
import { plainText } from '../../model/plain-text.js';
import { stackedChartShape } from '../../figures/chart-stacked.js';
import { fill } from '../../util/templates.js';

type HtmlNode = ResolvedBlock | ResolvedInline | ResolvedPart | ResolvedChapter;
type Result = Element | ElementContent | ElementContent[] | undefined;
type Handler<T> = (state: State, node: T, parent?: Parents) => Result;
export type HtmlHandlers = { [T in HtmlNode['type']]: Handler<Extract<HtmlNode, { type: T }>> };

export function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function heading(state: State, node: Heading): Element {
  const label = node.data?.label;
  const children = state.all(node) as ElementContent[];
  const content = label ? [el('span', { className: ['numeral'] }, [text(label)]), text(' '), ...children] : children;
  return el(`h${Math.min(node.depth + 1, 6)}`, { id: node.data?.id }, content);
}

/** The name of a table's scrolling box: its caption, else its first three column headings. */
function regionName(node: Table): string {
  if (node.data?.caption) return node.data.caption;
  const headings = (node.children[0]?.children ?? []).map((cell) => plainText(cell.children)).filter(Boolean);
  return headings.slice(0, 3).join(', ') + (headings.length > 3 ? ', …' : '');
}

function table(state: State, node: Table): Element {
  const align = node.align ?? [];
  const rows = node.children.map((row: TableRow, r) =>
    el('tr', {}, row.children.map((cell, c) => {
      const a = align[c];
      const rowHeader = c === 0 && r > 0 && node.data?.rowHeaders === true;
      const props: Properties = a && a !== 'left' ? { className: [`align-${a}`] } : {};
      if (r === 0) props.scope = 'col';
      else if (rowHeader) props.scope = 'row';
      const header = r === 0 || rowHeader;
      return el(header ? 'th' : 'td', props, state.all(cell) as ElementContent[]);
    })),
  );
  const [head, ...body] = rows;
  const caption = node.data?.caption;
  // In a box of its own that scrolls sideways: a table wider than the screen (numbers never break)
  // does not widen the page. The box is a named region in the tab order, so the keyboard scrolls it
  // too (as Inclusive Components' data tables): named by the caption, else the first column headings.
  return el('div', { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: regionName(node) }, [
    el('table', {}, [
      ...(caption ? [el('caption', {}, [text(caption)])] : []),
      el('thead', {}, head ? [head] : []),
      ...(body.length ? [el('tbody', {}, body)] : []),
    ]),
  ]);
}

/** One drawing of the chart as SVG: `variant` names its ids (two drawings share a page). */
function chartSvg(node: BarChart, shape: ChartShape, variant: string): Element {
  const label = (t: { x: number; y: number; text: string }, className: string) =>
    el('text', { x: t.x.toFixed(1), y: t.y.toFixed(1), className: [className] }, [text(t.text)]);
  const ids = [`chart-title${variant}`, `chart-desc${variant}`];
  return el('svg', { viewBox: `0 0 ${shape.width} ${shape.height}`, role: 'img', ariaLabelledBy: ids, className: ['chart', `chart${variant || '-wide'}`] }, [
    el('title', { id: ids[0] }, [text(node.title)]),
    el('desc', { id: ids[1] }, [text(node.alt)]),
    ...shape.bars.flatMap((b) => [
      ...b.label.map((l) => label(l, 'chart-label')),
      el('rect', { x: b.bar.x.toFixed(1), y: b.bar.y.toFixed(1), width: b.bar.width.toFixed(1), height: String(b.bar.height), className: ['chart-bar'] }, []),
      label(b.value, 'chart-value'),
    ]),
  ]);
}

/** The chart drawn twice: wide, and stacked for phones (style.css shows one), its text at 12 px or more. */
function chart(node: BarChart): Element {
  return el('figure', { className: ['chart-figure'] }, [
    chartSvg(node, chartShape(node), ''),
    chartSvg(node, stackedChartShape(node), '-narrow'),
    el('figcaption', {}, [text(node.title)]),
  ]);
}

/** Width of the text column in CSS pixels (style.css: --measure), for figures given as a share of it. */
const TEXT_COLUMN_PX = 672;

/** A picture embedded as a data URL (the page loads nothing), its width a share of the text column. */
function figure(node: Figure): Element {
  const src = `data:${node.mime};base64,${Buffer.from(node.data).toString('base64')}`;
  const width = node.width ? node.width * TEXT_COLUMN_PX : node.pixelWidth;
  const height = (width / node.pixelWidth) * node.pixelHeight;
  const img = el('img', { src, alt: node.alt, width: String(Math.round(width)), height: String(Math.round(height)) }, []);
  return el('figure', { className: ['figure'] }, [img, ...(node.caption ? [el('figcaption', {}, [text(node.caption)])] : [])]);
}

/**
 * A link; note citations inside its text are drawn right after it (a link cannot hold the
 * citation's own link), so the reader still reaches the note.
 */
function link(state: State, node: Link): ElementContent[] {
  const citations = node.children.filter((c) => c.type === 'footnoteReference');
  if (citations.length === 0) return [defaultHandlers.link(state, node)];
  const inner = { ...node, children: node.children.filter((c) => c.type !== 'footnoteReference') };
  return [defaultHandlers.link(state, inner), ...citations.flatMap((c) => state.one(c, node) as ElementContent | ElementContent[])];
}

export function handlers(edition: Edition, onChapter: (chapter: ResolvedChapter, content: ElementContent[]) => Element): Handlers {
  const map = {
    chapter: (state, node) => onChapter(node, state.all(node) as ElementContent[]),
    heading,
    paragraph: defaultHandlers.paragraph,
    list: defaultHandlers.list,
    listItem: defaultHandlers.listItem,
    blockquote: defaultHandlers.blockquote,
    code: defaultHandlers.code,
    thematicBreak: defaultHandlers.thematicBreak,
    table,
    tableRow: defaultHandlers.tableRow,
    tableCell: defaultHandlers.tableCell,
    recommendation: (state, node: Recommendation) => el('div', { className: ['recommendation'], id: node.id }, state.all(node) as ElementContent[]),
    recommendationList: (state, node: RecommendationList) => el('ol', { className: ['recommendation-list'], start: node.start === 1 ? undefined : node.start }, state.all(node) as ElementContent[]),
    recommendationItem: (state, node: RecommendationItem) =>
      el('li', { value: String(node.number), id: node.anchor }, [
        ...(state.all(node) as ElementContent[]),
        el('a', { href: `#${node.ref}`, className: ['backref'], ariaLabel: fill(edition.labels.recommendationLabel, { number: node.number }) }, [text('↩')]),
      ]),
    barChart: (_state, node) => chart(node),
    figure: (_state, node) => figure(node),
    text: defaultHandlers.text,
    emphasis: defaultHandlers.emphasis,
    strong: defaultHandlers.strong,
    delete: defaultHandlers.delete,
    inlineCode: defaultHandlers.inlineCode,
    break: defaultHandlers.break,
    link,
    footnoteReference: (_state, node: FootnoteReference) => {
      const { number, anchor, noteAnchor } = citationOf(node);
      return el('sup', { className: ['noteref'] }, [
        el('a', { href: `#${noteAnchor}`, id: anchor, role: 'doc-noteref', ariaLabel: edition.notes[number - 1]!.name }, [text(String(number))]),
      ]);
    },
  } satisfies HtmlHandlers;
  return map as unknown as Handlers;
}
