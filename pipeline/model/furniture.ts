/** The words of the page furniture (title page, running header), from the templates, as lines. */
import type { Edition } from './types.js';
import { template } from '../util/templates.js';

export function furnitureLines(templatesDir: string, name: 'furniture/title-page.hbs' | 'furniture/running-header.hbs', edition: Edition): string[] {
  return template(templatesDir, name, 'text')({ text: edition.text, eventDate: edition.eventDateText, labels: edition.labels })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
