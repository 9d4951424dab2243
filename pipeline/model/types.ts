/**
 * The types of the document tree and of the edition model, declared once.
 *
 * The tree is mdast (from remark) extended by declaration merging with folio's own nodes, so
 * `unist-util-visit` and every writer are type-checked against the same list of node types.
 */
import type {
  Parent, Root, RootContent, Heading, FootnoteDefinition, BlockContent, Paragraph, List, ListItem, Blockquote, Code, ThematicBreak,
  Table, TableRow, TableCell, Text, Emphasis, Strong, Delete, InlineCode, Break, Link, FootnoteReference,
} from 'mdast';

/** A chapter: the content of one source file, kept as a unit so messages can name the file. */
export interface Chapter extends Parent {
  type: 'chapter';
  /** Path of the source file, relative to the working directory. */
  path: string;
  /** The chapter's source text (line endings normalised), for messages that point inside text. */
  source: string;
  children: RootContent[];
}

/** A recommendation marked inline with `:::recommendation{#id priority=N}` or `{#id topic=section-id}`. */
export interface Recommendation extends Parent {
  type: 'recommendation';
  /** The id given in the source (`#publish-results`): stable, used for links and cross-language checks. */
  id: string;
  /** Rank among the priority recommendations (1..N), when the recommendation is a priority one. */
  priority?: number;
  /** Id of the section whose topic heading groups this recommendation in the annex (non-priority only). */
  topic?: string;
  /** Number in the annex, 1..N, set by the collect-recommendations transform. */
  number?: number;
  children: BlockContent[];
}

/** An entry of the generated recommendations annex: a copy of an inline recommendation, numbered. */
export interface RecommendationItem extends Parent {
  type: 'recommendationItem';
  /** Id of the inline recommendation this item repeats (links back to it). */
  ref: string;
  number: number;
  /** The number as printed, with its punctuation (`7.`). */
  label: string;
  /** Anchor of this item in every format (`annex-publish-results`). */
  anchor: string;
  children: BlockContent[];
}

/** A run of annex items: one numbered list of the generated annex. */
export interface RecommendationList extends Parent {
  type: 'recommendationList';
  /** Number of the first item. */
  start: number;
  children: RecommendationItem[];
}

/**
 * A picture from a file inside the source folder: `![alt](images/map.png "Caption")` alone in its
 * paragraph, optionally followed by `{width=60%}`. Read, checked and measured before any writer runs.
 */
export interface Figure {
  type: 'figure';
  /** Path as written in the source, relative to the chapter's folder. */
  src: string;
  /** Text alternative (required). */
  alt: string;
  /** Caption shown under the picture (the image's title), when given. */
  caption?: string;
  /** Share of the text width, 0 < width ≤ 1 (default: the picture's own size, at most the text width). */
  width?: number;
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  /** The file's bytes (SVG: sanitised). */
  data: Uint8Array;
  /** Intrinsic size in CSS pixels (1/96 in). */
  pixelWidth: number;
  pixelHeight: number;
  position?: import('unist').Position;
}

/** `::recommendations`: where the generated annex goes (replaced by the transform). */
export interface RecommendationsPlaceholder {
  type: 'recommendationsPlaceholder';
  position?: import('unist').Position;
}

/** `::results-table`: where the computed results table goes (replaced by the transform). */
export interface ResultsPlaceholder {
  type: 'resultsPlaceholder';
  position?: import('unist').Position;
}

/** A horizontal bar chart made from data (the results), drawn by each writer from the same numbers. */
export interface BarChart {
  type: 'barChart';
  title: string;
  /** Text alternative: every bar's label and value, in words. */
  alt: string;
  bars: { label: string; value: number; text: string }[];
  position?: import('unist').Position;
}

declare module 'mdast' {
  interface RootContentMap {
    chapter: Chapter;
    recommendation: Recommendation;
    recommendationItem: RecommendationItem;
    recommendationList: RecommendationList;
    figure: Figure;
    recommendationsPlaceholder: RecommendationsPlaceholder;
    resultsPlaceholder: ResultsPlaceholder;
    barChart: BarChart;
  }
  interface BlockContentMap {
    recommendation: Recommendation;
    recommendationItem: RecommendationItem;
    recommendationList: RecommendationList;
    figure: Figure;
    recommendationsPlaceholder: RecommendationsPlaceholder;
    resultsPlaceholder: ResultsPlaceholder;
    barChart: BarChart;
  }
  interface HeadingData {
    /** Stable id from `{#id}` in the source. */
    id?: string;
    /** True for `{.unnumbered}` headings (annex, back matter). */
    unnumbered?: boolean;
    /** Section numeral set by number-sections: `IV` for a section, `B` for a subsection. */
    numeral?: string;
    /** The numeral as printed before the heading's text, with its punctuation (`IV.`). */
    label?: string;
    /** True for headings generated from templates (the annex), not written in the source. */
    generated?: boolean;
  }
  interface FootnoteReferenceData {
    /** Number of the note in this edition, by first citation. */
    number?: number;
    /** True when this citation is not the first one of its note (points back to the note). */
    repeat?: boolean;
    /** Anchor of this citation (`fnref-3`, `fnref-3-2` for the second), the target of the note's back link. */
    anchor?: string;
    /** Anchor of the note it cites (`fn-3`). */
    noteAnchor?: string;
  }
  interface ListData {
    /** Nesting depth: 0 for a list in the text, 1 for a list inside its items, … */
    depth?: number;
  }
  interface ListItemData {
    /** The marker as printed (`3.`, `•`, `–`), resolved from the list's kind, start and depth. */
    marker?: string;
    /** The item's number in an ordered list. */
    number?: number;
  }
  interface LinkData {
    /** For `#id` links: what the id names, and its number. */
    target?: { kind: 'section' | 'recommendation' | 'heading' | 'note'; anchor: string };
  }
  interface TableData {
    /** Column alignment of data tables and an accessible caption. */
    caption?: string;
    /** The first cell of each body row heads its row (the generated data tables); authors' tables have none. */
    rowHeaders?: boolean;
  }
}

/** One numbered note of an edition. */
export interface Note {
  /** Normalised identifier (`official-version`). */
  id: string;
  /** Label as written in the source. */
  label: string;
  number: number;
  /** Anchor of the note in every format (`fn-3`). */
  anchor: string;
  /** Anchor of its first citation (`fnref-3`), where the note's back link goes. */
  citationAnchor: string;
  /** What the note is called where a link names it (`Note 3`, from the labels' `noteLabel`). */
  name: string;
  /** The definition; its children are resolved blocks (any block content). */
  definition: FootnoteDefinition;
  /** Source file of the definition. */
  path: string;
}

/** A numbered heading of the outline. */
export interface OutlineEntry {
  id: string;
  depth: number;
  numeral?: string;
  /** The numeral with its punctuation (`IV.`), as printed. */
  label?: string;
  /** Plain text of the heading, without notes. */
  text: string;
  heading: Heading;
}

/** Language-dependent words of an edition, from `templates/labels/<lang>.json`. */
export interface Labels {
  language: string;
  /** BCP 47 tag for Intl formatting (`en-GB`, `ru-RU`, `kk-KZ`). */
  locale: string;
  /** The language's name in itself, as the language switch shows it; from Intl.DisplayNames when the labels give none. */
  languageName: string;
  contents: string;
  notes: string;
  page: string;
  backToText: string;
  noteLabel: string;
  recommendationLabel: string;
  annex: string;
  priorityRecommendations: string;
  otherRecommendations: string;
  dateFormat: string;
  subsectionLetters: string;
  topics: Record<string, string>;
  results: Record<'caption' | 'chart' | 'item' | 'number' | 'percentage' | 'registeredVoters' | 'turnout' | 'votedWithAbsenteeCertificates' | 'votes' | 'inFavour' | 'against' | 'invalid' | 'bothMarked', string>;
  skipToContent: string;
  languageSwitch: string;
  /** The word marking every page of a draft edition. */
  draftMark: string;
  /** How a cross-reference names a section (`section {{numeral}}`). */
  sectionLabel: string;
}

/** The report's metadata, `source/report.json`. */
export interface ReportMeta {
  id: string;
  officialLanguage: string;
  languages: string[];
  eventDate: string;
  titleNote?: string;
  /** Per-language strings: title, subtitle, country, event, mission. */
  text: Record<string, ReportText>;
  draft?: string[];
}

export interface ReportText {
  country: string;
  event: string;
  title: string;
  subtitle?: string;
  mission: string;
}

/** The final results: raw counts, `source/data/results.json`. */
export interface Results {
  registeredVoters: number;
  voted: number;
  votedWithAbsenteeCertificates: number;
  inFavour: number;
  against: number;
  invalid: number;
  bothMarked: number;
  source?: string;
  published?: Record<string, number>;
}

/** Computed results, percentages rounded to two decimals. */
export interface ComputedResults extends Results {
  turnoutPercent: number;
  inFavourPercent: number;
  againstPercent: number;
  invalidPercent: number;
  bothMarkedPercent: number;
}

/** Blocks a writer draws: the source-only nodes (definitions, placeholders, raw HTML) are gone. */
export type ResolvedBlock =
  | Heading | Paragraph | List | Blockquote | Code | ThematicBreak | Table
  | Recommendation | RecommendationList | BarChart | Figure;

/** Inline content a writer draws: references are resolved into links, notes into numbered citations. */
export type ResolvedInline = Text | Emphasis | Strong | Delete | InlineCode | Break | Link | FootnoteReference;

/** Nodes inside blocks that writers meet only through their parent. */
export type ResolvedPart = ListItem | TableRow | TableCell | RecommendationItem;

/** A chapter after resolution. */
export interface ResolvedChapter extends Chapter {
  children: ResolvedBlock[];
}

/** The edition's tree after resolution: chapters of resolved blocks. */
export interface ResolvedRoot extends Root {
  children: ResolvedChapter[];
}

/** The title page and running header as fields, from `templates/furniture/*.hbs`. */
export interface Furniture {
  titlePage: {
    /** Lines above the date (country, event), in their order. */
    cover: string[];
    date: string;
    title: string;
  };
  /** Lines of the running header, in their order. */
  runningHeader: string[];
  /** The document's title (metadata, window title, PDF outline root). */
  documentTitle: string;
  /** `Page: N` split around the number. */
  pageLabel: { before: string; after: string };
}

/** The edition model: everything a writer needs, numbered once. */
export interface Edition {
  lang: string;
  meta: ReportMeta;
  text: ReportText;
  labels: Labels;
  /** The date of the event formatted for the language. */
  eventDateText: string;
  /** Title-note number (1), when the report attaches a note to its title. */
  titleNote?: Note;
  root: ResolvedRoot;
  furniture: Furniture;
  notes: Note[];
  notesById: Map<string, Note>;
  outline: OutlineEntry[];
  recommendations: Recommendation[];
  results?: ComputedResults;
  /** A translation in progress (report.json `draft`): every page is marked. */
  draft: boolean;
  /** Seconds since the epoch for any date the output carries (SOURCE_DATE_EPOCH). */
  epoch: number;
}

export type { Root, Heading };
