/**
 * mdast → hast handlers for folio's nodes and for the nodes whose HTML folio decides itself
 * (numbered headings, note citations, tables without obsolete attributes). One small function per
 * node type; `satisfies` proves every custom node has one.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { FootnoteReference, Heading, Table, TableRow, Nodes } from 'mdast';
import type { Handlers, State } from 'mdast-util-to-hast';
import type { BarChart, Chapter, Edition, Recommendation, RecommendationItem } from '../../model/types.js';
import { chartShape } from '../../figures/chart-geometry.js';
import { fill } from '../../util/templates.js';

export const noteId = (n: number) => `fn-${n}`;
export const citationId = (n: number, repeat = 0) => (repeat ? `fnref-${n}-${repeat + 1}` : `fnref-${n}`);

function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

export function handlers(edition: Edition, onChapter: (chapter: Chapter, content: ElementContent[]) => Element): Handlers {
  const repeats = new Map<number, number>();
  const custom = {
    chapter(state: State, node: Chapter): Element {
      return onChapter(node, state.all(node) as ElementContent[]);
    },
    heading(state: State, node: Heading): Element {
      const numeral = node.data?.numeral;
      const children = state.all(node) as ElementContent[];
      const content = numeral ? [el('span', { className: ['numeral'] }, [text(`${numeral}.`)]), text(' '), ...children] : children;
      return el(`h${Math.min(node.depth + 1, 6)}`, { id: node.data?.id }, content);
    },
    footnoteReference(_state: State, node: FootnoteReference): Element {
      const n = node.data?.number ?? 0;
      let id = citationId(n);
      if (node.data?.repeat) {
        const k = (repeats.get(n) ?? 0) + 1;
        repeats.set(n, k);
        id = citationId(n, k);
      }
      return el('sup', { className: ['noteref'] }, [
        el('a', { href: `#${noteId(n)}`, id, role: 'doc-noteref', ariaLabel: fill(edition.labels.noteLabel, { number: n }) }, [text(String(n))]),
      ]);
    },
    recommendation(state: State, node: Recommendation): Element {
      return el('div', { className: ['recommendation'], id: node.id }, state.all(node) as ElementContent[]);
    },
    recommendationItem(state: State, node: RecommendationItem): Element {
      const label = fill(edition.labels.recommendationLabel, { number: node.number });
      return el('li', { value: String(node.number), id: `annex-${node.ref}` }, [
        ...(state.all(node) as ElementContent[]),
        el('a', { href: `#${node.ref}`, className: ['backref'], ariaLabel: label }, [text('↩')]),
      ]);
    },
    recommendationsPlaceholder(): undefined {
      return undefined;
    },
    resultsPlaceholder(): undefined {
      return undefined;
    },
    barChart(_state: State, node: BarChart): Element {
      const shape = chartShape(node);
      const label = (t: { x: number; y: number; text: string }, className: string) =>
        el('text', { x: t.x.toFixed(1), y: t.y.toFixed(1), className: [className] }, [text(t.text)]);
      const svg = el('svg', { viewBox: `0 0 ${shape.width} ${shape.height}`, role: 'img', ariaLabelledBy: ['chart-title', 'chart-desc'], className: ['chart'] }, [
        el('title', { id: 'chart-title' }, [text(node.title)]),
        el('desc', { id: 'chart-desc' }, [text(node.alt)]),
        ...shape.bars.flatMap((b) => [
          ...b.label.map((l) => label(l, 'chart-label')),
          el('rect', { x: b.bar.x.toFixed(1), y: b.bar.y.toFixed(1), width: b.bar.width.toFixed(1), height: String(b.bar.height), className: ['chart-bar'] }, []),
          label(b.value, 'chart-value'),
        ]),
      ]);
      return el('figure', { className: ['chart-figure'] }, [svg, el('figcaption', {}, [text(node.title)])]);
    },
    table(state: State, node: Table): Element {
      const align = node.align ?? [];
      const rows = node.children.map((row: TableRow, r) =>
        el(
          'tr',
          {},
          row.children.map((cell, c) => {
            const a = align[c];
            const header = r === 0 || (c === 0 && r > 0);
            const props: Properties = a && a !== 'left' ? { className: [`align-${a}`] } : {};
            if (r === 0) props.scope = 'col';
            else if (c === 0) props.scope = 'row';
            return el(header ? 'th' : 'td', props, state.all(cell) as ElementContent[]);
          }),
        ),
      );
      const [head, ...body] = rows;
      const caption = node.data?.caption;
      return el('table', {}, [
        ...(caption ? [el('caption', {}, [text(caption)])] : []),
        el('thead', {}, head ? [head] : []),
        el('tbody', {}, body),
      ]);
    },
  } satisfies Partial<Record<Nodes['type'] | Chapter['type'], unknown>>;
  return custom as unknown as Handlers;
}
