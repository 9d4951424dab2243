/**
 * The one scheme of anchor ids, with one meaning in every format: `fn-N` is note N itself (the
 * target of its citations), `fnref-N` its first citation (the target of the note's back link),
 * `fnref-N-K` its K-th citation, `annex-ID` the annex entry of recommendation ID. Ids of headings and
 * recommendations are the source's own. Set on the model by the transforms; writers only read them.
 */

export const noteAnchor = (number: number): string => `fn-${number}`;

/** The `occurrence`-th citation of note `number` (1 for the first). */
export const citationAnchor = (number: number, occurrence = 1): string => (occurrence > 1 ? `fnref-${number}-${occurrence}` : `fnref-${number}`);

export const annexAnchor = (ref: string): string => `annex-${ref}`;

/** Note and citation ids: a source id of this form would collide with one the pipeline makes. */
export const GENERATED_ANCHOR = /^(fn-\d+|fnref-\d+(-\d+)?)$/;

/** What a resolved citation carries: its note's number and the two anchors, set by number-footnotes. */
export interface Citation {
  number: number;
  /** This citation's own anchor (`fnref-N`, `fnref-N-K`). */
  anchor: string;
  /** The note's anchor (`fn-N`). */
  noteAnchor: string;
  /** Not the note's first citation. */
  repeat: boolean;
}

/** The resolved fields of a citation; one without them never passed numbering, which is a bug. */
export function citationOf(node: import('mdast').FootnoteReference): Citation {
  const data = node.data;
  if (!data?.number || !data.anchor || !data.noteAnchor) throw new Error(`internal error: citation \`${node.identifier}\` reached a writer unnumbered`);
  return { number: data.number, anchor: data.anchor, noteAnchor: data.noteAnchor, repeat: data.repeat === true };
}
