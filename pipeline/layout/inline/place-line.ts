/**
 * Positions the words of a line: justified (but the last line and a line ended by a hard break),
 * left, centred or right; the runs of the line become text boxes carrying their shaped glyphs, and
 * struck-through runs get their rule.
 */
import type { Box, TextBox } from '../types.js';
import type { Line } from './break-lines.js';
import { spaceWidth } from './word-breaks.js';
import { adjustmentRatio } from './optimal-fit.js';
import { metrics, widthOf } from '../../text/measure.js';
import { withGlyphs } from '../frame.js';

export type Align = 'justify' | 'left' | 'center' | 'right';

/**
 * The boxes of a line, `x` from the line's start, `y` the baseline offset. Consecutive fragments
 * of one style and link make one run, drawn in one go with the line's extra word spacing (fewer
 * drawing operations; copied text keeps its spaces). Raised fragments (note numbers) are runs of
 * their own, drawn higher.
 */
export function placeLine(line: Line, width: number, align: Align, struct?: number): Box[] {
  const boxes: Box[] = [];
  const gaps = line.words.length - 1;
  const slack = Math.max(0, width - line.natural);
  const { scale, perGap } = adjustment(line, width, align);
  let x = align === 'center' ? slack / 2 : align === 'right' ? slack : 0;
  let run: TextBox | undefined;
  const sameTarget = (a?: TextBox['link'], b?: TextBox['link']) => a?.dest === b?.dest && a?.url === b?.url;
  line.words.forEach((word, i) => {
    const lastWord = i === line.words.length - 1;
    word.fragments.forEach((f, j) => {
      if (f.dest) boxes.push({ kind: 'dest', name: f.dest, x, y: -f.style.size });
      const w = widthOf(f.text, f.style.face, f.style.size) * scale;
      const spaced = !lastWord && j === word.fragments.length - 1;
      const own = f.struct ?? struct;
      const continues = run && run.style === f.style && !f.style.rise && sameTarget(run.link, f.link) && run.struct === own && (run.text.endsWith(' ') || j > 0);
      if (run && continues) {
        run.text += f.text;
        run.width = x + w - run.x;
      } else {
        run = { kind: 'text', x, y: -(f.style.rise ?? 0), text: f.text, style: f.style, width: w, struct: own };
        if (f.link) run.link = f.link;
        if (perGap && gaps > 0) run.wordSpacing = perGap;
        if (scale !== 1) run.scale = scale;
        boxes.push(run);
      }
      x += w;
      if (f.hardHyphenEnd && lastWord && j === word.fragments.length - 1) run.hiddenText = '-';
      if (spaced) {
        run.text += ' ';
        x += spaceWidth(word, line.words[i + 1]) * scale + perGap;
        if (f.style.rise) run = undefined; // the text after a note number starts a new run
      }
    });
  });
  for (const b of boxes) if (b.kind === 'text' && b.text.endsWith(' ')) b.text = b.text.replace(/ +$/, ' ');
  for (const b of boxes) if (b.kind === 'text') withGlyphs(b);
  return [...boxes, ...strikes(boxes)];
}

/**
 * How the line fills the measure: its glyphs' horizontal scale (font expansion, within the line's
 * `expansion`, in proportion to what the spaces take) and the extra width of each space. Justified
 * lines fill the measure; any line the breaker set wider than the measure (spaces and glyphs
 * shrunk) is brought back to it; other lines keep their natural widths.
 */
function adjustment(line: Line, width: number, align: Align): { scale: number; perGap: number } {
  const gaps = line.words.length - 1;
  const justified = align === 'justify' && !line.last && !line.forced;
  if (!justified && line.natural <= width) return { scale: 1, perGap: 0 };
  const e = line.expansion ?? 0;
  let scale = 1;
  if (e > 0 && line.space) {
    const glyphs = line.words.reduce((w, word) => w + word.width, 0);
    const spaces = line.natural - glyphs;
    const r = adjustmentRatio(line.natural, width, e * glyphs + spaces * line.space.stretch, e * glyphs + spaces * line.space.shrink, false);
    scale = 1 + Math.max(-1, Math.min(1, r)) * e;
  }
  return { scale, perGap: gaps > 0 ? (width - line.natural * scale) / gaps : 0 };
}

/** A line through each struck-through run, at half the x-height. */
function strikes(boxes: Box[]): Box[] {
  return boxes.flatMap((b): Box[] => {
    if (b.kind !== 'text' || !b.style.strike) return [];
    const { xHeight } = metrics(b.style.face, b.style.size);
    return [{ kind: 'rule', x: b.x, y: b.y - xHeight / 2, width: b.width, thickness: b.style.size * 0.06, artifact: true }];
  });
}
