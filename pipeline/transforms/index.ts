/** The transforms, in the order they run. Numbering happens here, once, for every writer. */
import type { Transform } from './context.js';
import { forbidRawHtml } from './forbid-raw-html.js';
import { collectNotes } from './collect-notes.js';
import { generateRecommendationsAnnex } from './generate-recommendations-annex.js';
import { renderResultsTable } from './render-results-table.js';
import { numberSections } from './number-sections.js';
import { numberFootnotes } from './number-footnotes.js';
import { resolveCrossReferences } from './resolve-cross-references.js';
import { findLiteralCitations } from './find-literal-citations.js';

export const transforms: Transform[] = [
  forbidRawHtml,
  collectNotes,
  generateRecommendationsAnnex,
  renderResultsTable,
  numberSections,
  numberFootnotes,
  findLiteralCitations,
  resolveCrossReferences,
];
