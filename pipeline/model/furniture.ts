/**
 * The page furniture as fields, resolved once from the templates: the title page (`title-page.hbs`:
 * its last line is the title, the line before it the date, the lines above the cover), the running
 * header (`running-header.hbs`, one line per line), the document title, and the page label split
 * around the number.
 */
import type { Edition, Furniture } from './types.js';
import { fill, template } from '../util/templates.js';

function lines(templatesDir: string, name: string, edition: Edition): string[] {
  return template(templatesDir, name, 'text')({ text: edition.text, eventDate: edition.eventDateText, labels: edition.labels })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

export function resolveFurniture(edition: Edition, templatesDir: string): Furniture {
  const title = lines(templatesDir, 'furniture/title-page.hbs', edition);
  const [before, after] = fill(edition.labels.page, { page: '\u0000' }).split('\u0000');
  const { text } = edition;
  return {
    titlePage: { cover: title.slice(0, -2), date: title.at(-2) ?? '', title: title.at(-1) ?? text.title },
    runningHeader: lines(templatesDir, 'furniture/running-header.hbs', edition),
    documentTitle: `${text.title} — ${text.country}, ${text.event}, ${edition.eventDateText}`,
    pageLabel: { before: before ?? '', after: after ?? '' },
  };
}
