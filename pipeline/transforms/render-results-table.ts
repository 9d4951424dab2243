/**
 * Puts the results table, generated from `templates/annex/results-table.md.hbs` with the computed
 * results formatted for the edition's language, where `::results-table` stands.
 */
import type { Parent, RootContent, Table } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { placeAt, type TransformContext } from './context.js';
import type { BarChart } from '../model/types.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { cachedParse } from '../parse/parse-cache.js';
import { template } from '../util/templates.js';
import { formatInteger, formatPercent } from '../model/format.js';

export function renderResultsTable({ edition, tree, diagnostics, pathOf, adopt, templatesDir }: TransformContext): void {
  visit(tree, 'resultsPlaceholder', (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return undefined;
    const results = edition.results;
    if (!results) {
      diagnostics.error(pathOf(node), '`::results-table` needs source/data/results.json (missing or invalid)', { place: node.position, ruleId: 'missing-data' });
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const locale = edition.labels.locale;
    const int = (n: number) => formatInteger(n, locale);
    const pct = (n: number) => formatPercent(n, locale);
    const markdown = template(templatesDir, 'annex/results-table.md.hbs')({
      labels: edition.labels,
      results: {
        registeredVoters: int(results.registeredVoters),
        voted: int(results.voted),
        votedWithAbsenteeCertificates: int(results.votedWithAbsenteeCertificates),
        inFavour: int(results.inFavour),
        against: int(results.against),
        invalid: int(results.invalid),
        bothMarked: int(results.bothMarked),
        turnoutPercent: pct(results.turnoutPercent),
        inFavourPercent: pct(results.inFavourPercent),
        againstPercent: pct(results.againstPercent),
        invalidPercent: pct(results.invalidPercent),
        bothMarkedPercent: pct(results.bothMarkedPercent),
      },
    });
    const generated = cachedParse(markdown, parseMarkdown).children as RootContent[]; // parsed once, as chapters are
    for (const child of generated) {
      if (child.type === 'table') (child as Table).data = { ...(child as Table).data, caption: edition.labels.results.caption, rowHeaders: true };
    }
    // The chart of the votes, after the table.
    const r = edition.labels.results;
    const bars = [
      { label: r.inFavour, value: results.inFavourPercent },
      { label: r.against, value: results.againstPercent },
      { label: r.invalid, value: results.invalidPercent },
      { label: r.bothMarked, value: results.bothMarkedPercent },
    ].map((b) => ({ ...b, text: pct(b.value) }));
    const chart: BarChart = { type: 'barChart', title: r.chart, alt: `${r.chart}: ${bars.map((b) => `${b.label} ${b.text}`).join('; ')}.`, bars };
    generated.push(chart);
    // Text from the template belongs, for messages, to the chapter and place of `::results-table`.
    for (const child of generated) adopt(placeAt(child, node.position), pathOf(node));
    parent.children.splice(index, 1, ...generated);
    return [SKIP, index + generated.length];
  });
}
