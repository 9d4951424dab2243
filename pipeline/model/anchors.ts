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
