/** The title page's lines: every cover line (country, event…), the date, and the title with its note. */
import type { PhrasingContent } from 'mdast';
import type { FlowState } from '../flow/state.js';
import type { FlowLine } from '../flow/types.js';
import { addText } from '../flow/text.js';
import { styleFor } from '../inline/words.js';

/** Space above the first cover line. */
const COVER_TOP = 190;

export function titlePageLines(s: FlowState): FlowLine[] {
  const { edition } = s;
  const { cover, date, title } = edition.furniture.titlePage;
  const coverStyle = styleFor({ face: 'bold', size: 14 }, 'bold');
  const titleStruct = s.struct('H1', 0);
  const lines: FlowLine[] = [];
  s.within({ lines, parent: 0 }, () => {
    cover.forEach((text, k) => {
      addText(s, [{ type: 'text', value: text }], { style: coverStyle, leading: 20, spaceBefore: k === 0 ? 0 : 4, align: 'center', struct: s.struct('P', 0), whole: true });
    });
    addText(s, [{ type: 'text', value: date }], { style: styleFor({ face: 'regular', size: 13 }, 'regular'), leading: 20, spaceBefore: 4, align: 'center', struct: s.struct('P', 0), whole: true });
    const nodes: PhrasingContent[] = [{ type: 'text', value: title }];
    const note = edition.titleNote;
    if (note) nodes.push({ type: 'footnoteReference', identifier: note.id, label: note.label, data: { number: note.number, anchor: note.citationAnchor, noteAnchor: note.anchor } });
    addText(s, nodes, { style: styleFor({ face: 'bold', size: 19 }, 'bold'), leading: 25, spaceBefore: 30, align: 'center', struct: titleStruct, whole: true });
  });
  const first = lines[0];
  if (first) {
    first.spaceBefore = 0;
    first.height += COVER_TOP;
    first.ascent += COVER_TOP;
  }
  return lines;
}
