/**
 * The hyphenation zone of the editions set ragged right (the DOCX and the HTML, whose lines Word,
 * LibreOffice and browsers break greedily): a line ends in a hyphen only when leaving the word whole
 * would leave more than the zone empty at the line's end. Word and LibreOffice (7.4 and later)
 * apply it themselves to the languages they hyphenate (`w:hyphenationZone`). Where folio gives the
 * break points as soft hyphens (Kazakh), they would break greedily at every one; so only tokens
 * wider than the zone get them: a narrower word, left whole, leaves less than the zone empty.
 *
 * Measured on the report in LibreOffice 7.4 (`make typography`, the DOCX set ragged right): zones
 * of 1, 2 and 3 cm gave English 20.7, 2.2 and 0.3 hyphenated lines per 100 (Russian, at 2 and 3
 * cm: 14.6 and 7.0); 2 cm (this zone, at 11 pt) keeps the rag within an eighth of the measure.
 */
import { withSoftHyphens } from './hyphenate.js';
import { widthOf } from './measure.js';

/** The zone, in ems of the body text. */
export const ZONE_EM = 5;

/** The zone for body text of `size` points, in twips (Word's unit), as `w:hyphenationZone` takes it. */
export function zoneTwips(bodySize: number): number {
  return Math.round(ZONE_EM * bodySize * 20);
}

/** Whether `token`, set at `size` points, is wider than the zone of body text of `bodySize` points. */
export function widerThanZone(token: string, size: number, bodySize: number): boolean {
  return widthOf(token, 'regular', size) > ZONE_EM * bodySize;
}

/** `text` set at `size` points with soft hyphens at the hyphenation points of its tokens wider than the zone of `bodySize` text. */
export function softHyphensInZone(text: string, lang: string, size: number, bodySize: number): string {
  return withSoftHyphens(text, lang, (token) => widerThanZone(token, size, bodySize));
}
