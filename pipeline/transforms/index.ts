/** The transforms, in the order they run. Numbering and every writer's decision happen here, once. */
import type { Transform } from './context.js';
import { forbidRawHtml } from './forbid-raw-html.js';
import { collectNotes } from './collect-notes.js';
import { findLiteralCitations } from './find-literal-citations.js';
import { generateRecommendationsAnnex } from './generate-recommendations-annex.js';
import { renderResultsTable } from './render-results-table.js';
import { numberSections } from './number-sections.js';
import { checkIds } from './check-ids.js';
import { numberFootnotes } from './number-footnotes.js';
import { resolveCrossReferences } from './resolve-cross-references.js';
import { noBreakSpaces } from './no-break.js';
import { resolveLists } from './resolve-lists.js';
import { resolveFigures } from './resolve-figures.js';
import { resolveFurniture } from './resolve-furniture.js';
import { assertResolved } from './assert-resolved.js';

export const transforms: Transform[] = [
  forbidRawHtml,
  collectNotes,
  findLiteralCitations,
  generateRecommendationsAnnex,
  renderResultsTable,
  numberSections,
  checkIds,
  numberFootnotes,
  resolveCrossReferences,
  noBreakSpaces,
  resolveLists,
  resolveFigures,
  resolveFurniture,
  assertResolved,
];
