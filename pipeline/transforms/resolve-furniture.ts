/** Resolves the title page, running header, document title and page label into the edition's fields. */
import { resolveFurniture as furniture } from '../model/furniture.js';
import type { TransformContext } from './context.js';

export function resolveFurniture({ edition, templatesDir }: TransformContext): void {
  edition.furniture = furniture(edition, templatesDir);
}
