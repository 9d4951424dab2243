/**
 * Golden figures of the full report, from the edition model: the numbers a correct edition
 * reproduces (81 notes, 13 recommendations numbered as published, sections I..XII, the results).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../pipeline/build.js';
import { root, templates } from './helpers.js';

/** The annex as published: recommendation ids in the order of their numbers 1..13. */
const PUBLISHED_ORDER = [
  'review-legal-framework', 'balanced-voter-information', 'campaign-rules', 'campaign-finance', 'commission-appointments',
  'balanced-media-coverage', 'publish-disaggregated-results', 'counting-training', 'transparent-tabulation',
  'suffrage-restrictions', 'voter-list-accuracy', 'decriminalise-defamation', 'results-appeals-jurisdiction',
];

const SECTIONS = [
  ['I', 'EXECUTIVE SUMMARY'], ['II', 'INTRODUCTION AND ACKNOWLEDGEMENTS'], ['III', 'BACKGROUND'], ['IV', 'LEGAL FRAMEWORK'],
  ['V', 'REFERENDUM ADMINISTRATION'], ['VI', 'VOTER REGISTRATION'], ['VII', 'REFERENDUM CAMPAIGN AND CAMPAIGN FINANCE'], ['VIII', 'MEDIA'],
  ['IX', 'COMPLAINTS AND APPEALS'], ['X', 'CITIZEN AND INTERNATIONAL OBSERVATION'], ['XI', 'REFERENDUM DAY AND POST-REFERENDUM DEVELOPMENTS'],
  ['XII', 'RECOMMENDATIONS'],
];

describe('the full report', async () => {
  const { diagnostics, editions } = await load(join(root, 'source'), templates);
  const en = editions.find((e) => e.lang === 'en')!;

  it('checks clean in every language', () => {
    expect(diagnostics.list()).toEqual([]);
    expect(editions.map((e) => e.lang)).toEqual(['en', 'ru', 'kk']);
  });

  it('has 81 notes numbered by first citation, note 1 on the title', () => {
    expect(en.notes).toHaveLength(81);
    expect(en.notes.map((n) => n.number)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    expect(en.titleNote?.label).toBe('official-version');
    expect(en.titleNote?.number).toBe(1);
    expect(en.notesById.get('results-source')?.number).toBe(81);
  });

  it('numbers sections I..XII and leaves the annex and back matter unnumbered', () => {
    const top = en.outline.filter((e) => e.depth === 1);
    expect(top.filter((e) => e.numeral).map((e) => [e.numeral, e.text])).toEqual(SECTIONS);
    expect(top.filter((e) => !e.numeral).map((e) => e.text)).toEqual(['ANNEX: FINAL RESULTS', 'ABOUT ODIHR']);
    const subsections = en.outline.filter((e) => e.depth === 2).map((e) => `${e.numeral}. ${e.text}`);
    expect(subsections).toEqual([
      'A. MEDIA ENVIRONMENT', 'B. LEGAL FRAMEWORK AND COVERAGE OF THE REFERENDUM CAMPAIGN',
      'A. PRIORITY RECOMMENDATIONS', 'B. OTHER RECOMMENDATIONS',
    ]);
  });

  it('numbers the 13 recommendations as published, 7 of them priority', () => {
    expect(en.recommendations.map((r) => r.id)).toEqual(PUBLISHED_ORDER);
    expect(en.recommendations.map((r) => r.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(en.recommendations.filter((r) => r.priority !== undefined)).toHaveLength(7);
    const topics = en.outline.filter((e) => e.depth === 3).map((e) => e.text);
    expect(topics).toEqual(['Referendum Administration', 'Voter Registration', 'Media', 'Complaints and Appeals']);
  });

  it('computes the published percentages from the raw counts', () => {
    const r = en.results!;
    expect([r.turnoutPercent, r.inFavourPercent, r.againstPercent, r.invalidPercent, r.bothMarkedPercent]).toEqual([68.05, 77.18, 18.66, 2.58, 1.58]);
    expect(r.inFavour + r.against + r.invalid + r.bothMarked).toBe(r.voted);
  });

  it('numbers every translation the same way from its own text', () => {
    for (const e of editions) {
      expect(e.notes, e.lang).toHaveLength(81);
      expect(e.recommendations.map((r) => r.id), e.lang).toEqual(PUBLISHED_ORDER);
      expect(e.outline.filter((o) => o.depth === 1 && o.numeral).map((o) => o.numeral), e.lang).toEqual(SECTIONS.map(([n]) => n));
      expect(e.notes.map((n) => n.id), e.lang).toEqual(en.notes.map((n) => n.id));
    }
  });

  it('formats dates and numbers for each language', () => {
    const dates = Object.fromEntries(editions.map((e) => [e.lang, e.eventDateText]));
    expect(dates).toEqual({ en: '5 June 2022', ru: '5 июня 2022 года', kk: '2022 жылғы 5 маусым' });
  });
});
