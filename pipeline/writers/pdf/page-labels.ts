/**
 * The page labels (ISO 32000-1, 12.4.2), so a viewer names each page as it is printed: the pages
 * with a `Page: N` footer by that number, the pages before them (title page, contents) in lower
 * roman numerals, i, ii… A range starts wherever the numbering does not simply go on.
 */
import type { Page } from '../../layout/types.js';

type Range = { S: 'D'; St: number } | { S: 'r'; St?: number };

/** The `Nums` array of the catalog's /PageLabels: page index (from 0), then its range's label dictionary. */
export function pageLabelNums(pages: Page[]): (number | Range)[] {
  const nums: (number | Range)[] = [];
  let previous: Page | undefined;
  let roman = 0;
  pages.forEach((page, i) => {
    const goesOn = previous !== undefined && (page.label === undefined ? previous.label === undefined : previous.label === page.label - 1);
    if (page.label === undefined) roman++;
    if (!goesOn) nums.push(i, page.label === undefined ? (roman === 1 ? { S: 'r' } : { S: 'r', St: roman }) : { S: 'D', St: page.label });
    previous = page;
  });
  return nums;
}
