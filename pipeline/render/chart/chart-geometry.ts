/**
 * One geometry for the results chart, shared by every writer (SVG for HTML and DOCX, vector boxes
 * in the PDF): a title, then a row a bar, label on the left, bar, value on the right. Points.
 */
import type { BarChart } from '../../model/types.js';

export const CHART = { width: 450, row: 22, titleHeight: 24, labelWidth: 190, barMax: 200, barHeight: 13, fontSize: 9, titleSize: 10 };

export interface ChartShape {
  width: number;
  height: number;
  title: { x: number; y: number; text: string };
  bars: { label: { x: number; y: number; text: string }; bar: { x: number; y: number; width: number; height: number }; value: { x: number; y: number; text: string } }[];
}

export function chartShape(chart: BarChart): ChartShape {
  const max = Math.max(100, ...chart.bars.map((b) => b.value));
  return {
    width: CHART.width,
    height: CHART.titleHeight + chart.bars.length * CHART.row + 6,
    title: { x: 0, y: CHART.titleSize + 4, text: chart.title },
    bars: chart.bars.map((b, i) => {
      const top = CHART.titleHeight + i * CHART.row;
      const width = Math.max(1, (b.value / max) * CHART.barMax);
      const baseline = top + CHART.barHeight / 2 + CHART.fontSize * 0.35;
      return {
        label: { x: 0, y: baseline, text: b.label },
        bar: { x: CHART.labelWidth, y: top, width, height: CHART.barHeight },
        value: { x: CHART.labelWidth + width + 6, y: baseline, text: b.text },
      };
    }),
  };
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
    s.bars.map((b) => `${text(b.label, CHART.fontSize)}<rect x="${b.bar.x.toFixed(1)}" y="${b.bar.y.toFixed(1)}" width="${b.bar.width.toFixed(1)}" height="${b.bar.height}" fill="#1f3f77"/>${text(b.value, CHART.fontSize)}`).join('') +
    '</svg>';
}
