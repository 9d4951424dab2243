/**
 * One geometry for the results chart, shared by every writer (SVG for HTML and DOCX, vector boxes
 * in the PDF): a title, then a row a bar, label on the left, bar, value on the right. Points.
 */
import type { BarChart } from '../model/types.js';
import { widthOf } from '../text/measure.js';

export const CHART = { width: 450, row: 22, lineHeight: 11, titleHeight: 24, maxLabelWidth: 230, valueRoom: 40, barHeight: 13, fontSize: 9, titleSize: 10 };

export interface ChartShape {
  width: number;
  height: number;
  title: { x: number; y: number; text: string };
  bars: { label: { x: number; y: number; text: string }[]; bar: { x: number; y: number; width: number; height: number }; value: { x: number; y: number; text: string } }[];
}

/** Breaks a label into lines no wider than `width` (measured in the editions' font). */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && widthOf(next, 'regular', CHART.fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function chartShape(chart: BarChart): ChartShape {
  const max = Math.max(100, ...chart.bars.map((b) => b.value));
  const widest = Math.max(...chart.bars.map((b) => widthOf(b.label, 'regular', CHART.fontSize)));
  const labelWidth = Math.min(widest, CHART.maxLabelWidth) + 10;
  const barMax = CHART.width - labelWidth - CHART.valueRoom;
  let top = CHART.titleHeight;
  const bars = chart.bars.map((b) => {
    const lines = wrapLabel(b.label, labelWidth - 10);
    const rowHeight = Math.max(CHART.row, lines.length * CHART.lineHeight + 8);
    const barTop = top + (rowHeight - CHART.row) / 2;
    const width = Math.max(1, (b.value / max) * barMax);
    const middle = barTop + CHART.barHeight / 2 + CHART.fontSize * 0.35;
    const firstLine = middle - ((lines.length - 1) * CHART.lineHeight) / 2;
    const shape = {
      label: lines.map((text, i) => ({ x: 0, y: firstLine + i * CHART.lineHeight, text })),
      bar: { x: labelWidth, y: barTop, width, height: CHART.barHeight },
      value: { x: labelWidth + width + 6, y: middle, text: b.text },
    };
    top += rowHeight;
    return shape;
  });
  return { width: CHART.width, height: top + 6, title: { x: 0, y: CHART.titleSize + 4, text: chart.title }, bars };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart as a standalone SVG document (for the DOCX), text in the edition's font. */
export function chartSvg(chart: BarChart, fontFamily: string): string {
  const s = chartShape(chart);
  const text = (t: { x: number; y: number; text: string }, size: number, weight = 'normal') =>
    `<text x="${t.x.toFixed(1)}" y="${t.y.toFixed(1)}" font-family="${escape(fontFamily)}, serif" font-size="${size}" font-weight="${weight}" fill="#000">${escape(t.text)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${s.height}" viewBox="0 0 ${s.width} ${s.height}">` +
    `<title>${escape(chart.title)}</title><desc>${escape(chart.alt)}</desc>` +
    text(s.title, CHART.titleSize, 'bold') +
    s.bars.map((b) => `${b.label.map((l) => text(l, CHART.fontSize)).join('')}<rect x="${b.bar.x.toFixed(1)}" y="${b.bar.y.toFixed(1)}" width="${b.bar.width.toFixed(1)}" height="${b.bar.height}" fill="#1f3f77"/>${text(b.value, CHART.fontSize)}`).join('') +
    '</svg>';
}
