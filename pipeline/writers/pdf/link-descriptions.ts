/**
 * What a link annotation says it goes to (its `Contents`, which a screen reader announces and
 * PDF/UA requires), in the edition's language: a note citation names the note (`Note 12`, the
 * HTML's label), a note's number its way back (`Back to text (Note 12)`), a link to a heading the
 * heading (`III. LEGAL FRAMEWORK`), to a recommendation or its annex entry the recommendation, a
 * web link its address; any other destination the link's own text.
 */
import type { Edition } from '../../model/types.js';
import type { LinkTarget } from '../../layout/types.js';
import { annexAnchor } from '../../model/anchors.js';
import { fill } from '../../util/templates.js';

export type Describe = (target: LinkTarget, text: string) => string;

/** The descriptions of the edition's destinations, by name. */
function destinations(edition: Edition): Map<string, string> {
  const { labels } = edition;
  const names = new Map<string, string>();
  for (const entry of edition.outline) names.set(entry.id, entry.label ? `${entry.label} ${entry.text}` : entry.text);
  for (const r of edition.recommendations) {
    if (r.number === undefined) continue;
    const name = fill(labels.recommendationLabel, { number: r.number });
    names.set(r.id, name);
    names.set(annexAnchor(r.id), `${labels.annex}: ${name}`);
  }
  for (const note of edition.notes) {
    names.set(note.anchor, note.name);
    names.set(note.citationAnchor, `${labels.backToText} (${note.name})`);
  }
  return names;
}

export function linkDescriptions(edition: Edition): Describe {
  const names = destinations(edition);
  return (target, text) => (target.url ?? names.get(target.dest ?? '') ?? text).trim();
}
