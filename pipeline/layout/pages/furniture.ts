/** The running header (with its rule), the `Page: N` footer and a draft's mark, as pagination artifacts of their kind. */
import type { Edition } from '../../model/types.js';
import type { Page, TextStyle } from '../types.js';
import { styleFor } from '../inline/words.js';
import { widthOf } from '../../text/measure.js';
import { textBox } from '../frame.js';
import { fill } from '../../util/templates.js';
import { PAGE, TEXT_WIDTH, TYPE } from '../geometry.js';

export function addFurniture(pages: Page[], edition: Edition): void {
  const headerLines = edition.furniture.runningHeader;
  const headerStyle: TextStyle = styleFor({ face: 'italic', size: TYPE.header.size }, 'italic');
  const footerStyle: TextStyle = styleFor({ face: 'regular', size: TYPE.footer.size }, 'regular');
  const draftStyle: TextStyle = { ...styleFor({ face: 'bold', size: 9 }, 'bold'), color: '#b00020' };
  const right = (text: string, style: TextStyle) => PAGE.left + TEXT_WIDTH - widthOf(text, style.face, style.size);
  for (const page of pages) {
    if (edition.draft) {
      const mark = edition.labels.draftMark;
      page.boxes.push(textBox({ x: right(mark, draftStyle), y: PAGE.headerTop + TYPE.header.leading, text: mark, style: draftStyle, width: widthOf(mark, draftStyle.face, draftStyle.size), artifact: true, furniture: 'Watermark' }));
    }
    if (page.header) {
      headerLines.forEach((line, k) => {
        page.boxes.push(textBox({ x: PAGE.left, y: PAGE.headerTop + (k + 1) * TYPE.header.leading, text: line, style: headerStyle, width: widthOf(line, headerStyle.face, headerStyle.size), artifact: true, furniture: 'Header' }));
      });
      page.boxes.push({ kind: 'rule', x: PAGE.left, y: PAGE.headerTop + headerLines.length * TYPE.header.leading + 5, width: TEXT_WIDTH, thickness: 0.4, artifact: true, furniture: 'Header' });
    }
    if (page.label !== undefined) {
      const text = fill(edition.labels.page, { page: page.label });
      page.boxes.push(textBox({ x: right(text, footerStyle), y: PAGE.footerBaseline, text, style: footerStyle, width: widthOf(text, footerStyle.face, footerStyle.size), artifact: true, furniture: 'Footer' }));
    }
  }
}
