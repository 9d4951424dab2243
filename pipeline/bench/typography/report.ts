/**
 * The typography report's table: one row per figure, one column per PDF measured (folio's PDF,
 * the DOCX as LibreOffice sets it, XeLaTeX, Typst, or the files given), the issue's target beside
 * each figure that has one, and each figure marked ✓ (meets it) or ✗.
 */
import type { Figures } from './measure.js';

export interface Column { label: string; figures?: Figures; missing?: string; note?: string }

interface Row {
  label: string;
  show: (f: Figures) => string;
  /** The figure compared with the target, and the target (at most). */
  value?: (f: Figures) => number;
  target?: number;
}

/** Hyphenated lines per 100 at most: English 8 (level with Typst), Russian and Kazakh 22. */
export function hyphenTarget(lang: string): number {
  return lang === 'ru' || lang === 'kk' ? 22 : 8;
}

const n = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

function rows(lang: string): Row[] {
  const at = (value: (f: Figures) => number, target: number, digits = 0) => ({ show: (f: Figures) => n(value(f), digits), value, target });
  return [
    { label: 'pages', show: (f) => n(f.pages) },
    { label: 'text lines (body + notes)', show: (f) => `${f.textLines} (${f.bodyLines} + ${f.noteLines})` },
    { label: 'justified lines (last lines left out)', show: (f) => n(f.fullLines) },
    { label: 'hyphenated lines per 100 lines', ...at((f) => f.hyphenatedPer100, hyphenTarget(lang), 1) },
    { label: 'hard hyphens at line ends', show: (f) => n(f.hardHyphens) },
    { label: 'longest run of line-end hyphens', ...at((f) => f.longestRun, 2) },
    { label: 'runs of 3 or more', ...at((f) => f.runsOf3, 0) },
    { label: 'breaks with < 3 letters on a side', ...at((f) => f.shortFragments, 0) },
    { label: 'breaks inside a hyphenated compound', ...at((f) => f.compoundBreaks, 0) },
    { label: 'median word space (× natural)', show: (f) => n(f.spaceMedian, 2) },
    { label: '95th percentile word space', show: (f) => n(f.spaceP95, 2) },
    { label: 'lines looser than 1.5×', show: (f) => n(f.loose) },
    { label: 'share of lines looser than 1.5× (%)', ...at((f) => f.looseShare, 3, 1) },
    { label: 'number splits (day–month/unit/label/range/groups/initials)', ...at((f) => f.numberSplits, 0), show: (f) => `${f.numberSplits} (${Object.values(f.splits).join('/')})` },
    { label: 'page-final hyphens', ...at((f) => f.pageFinalHyphens, 0) },
    { label: 'words split across a page turn', ...at((f) => f.pageTurnSplits, 0) },
    { label: 'notes split across pages', show: (f) => n(f.splitNotes) },
    { label: 'one-line note fragments', ...at((f) => f.oneLineNoteFragments, 0) },
  ];
}

/** Whether each figure with a target meets it, by row label. */
export function verdicts(lang: string, f: Figures): Record<string, boolean> {
  return Object.fromEntries(rows(lang).filter((r) => r.value).map((r) => [r.label, r.value!(f) <= r.target!]));
}

/** The table as Markdown, with a line under it for each column that could not be measured. */
export function table(title: string, lang: string, columns: Column[]): string {
  const head = `| ${title} | ${columns.map((c) => c.label).join(' | ')} | target |`;
  const rule = `| --- | ${columns.map(() => '---:').join(' | ')} | ---: |`;
  const body = rows(lang).map((r) => {
    const cells = columns.map((c) => {
      if (!c.figures) return '—';
      const mark = r.value ? (r.value(c.figures) <= r.target! ? ' ✓' : ' ✗') : '';
      return r.show(c.figures) + mark;
    });
    return `| ${r.label} | ${cells.join(' | ')} | ${r.target === undefined ? '' : r.target === 0 ? '0' : `≤ ${r.target}`} |`;
  });
  const notes = columns.filter((c) => c.missing || c.note).map((c) => `${c.label}: ${c.missing ? `not measured, ${c.missing}` : c.note}`);
  const unknown = columns.filter((c) => c.figures?.unknownSpace.length).map((c) => `${c.label}: natural space of ${c.figures!.unknownSpace.join(', ')} unknown, 0.25 em assumed`);
  return [head, rule, ...body, ...notes, ...unknown].join('\n');
}
