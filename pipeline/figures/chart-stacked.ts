/**
 * The results chart for narrow screens: each label above its bar, the value after the bar, in a
 * frame narrow enough that its 9-unit text is drawn at 12 CSS pixels or more on a 360-pixel phone
 * (the text column there is about 330 pixels wide). Same shape type as the wide chart.
 */
import type { BarChart } from '../model/types.js';
import { CHART, wrapLabel, type ChartShape } from './chart-geometry.js';

/** Width of the narrow frame in chart units: 330 px ÷ 240 units ≥ 12 px ÷ 9 units. */
export const NARROW_WIDTH = 240;

export function stackedChartShape(chart: BarChart): ChartShape {
  const max = Math.max(100, ...chart.bars.map((b) => b.value));
  const barMax = NARROW_WIDTH - CHART.valueRoom;
  let top = CHART.titleHeight;
  const bars = chart.bars.map((b) => {
    const lines = wrapLabel(b.label, NARROW_WIDTH);
    const label = lines.map((text, i) => ({ x: 0, y: top + CHART.fontSize + i * CHART.lineHeight, text }));
    const barTop = top + lines.length * CHART.lineHeight + 3;
    const width = Math.max(1, (b.value / max) * barMax);
    top = barTop + CHART.barHeight + 8;
    return {
      label,
      bar: { x: 0, y: barTop, width, height: CHART.barHeight },
      value: { x: width + 5, y: barTop + CHART.barHeight / 2 + CHART.fontSize * 0.35, text: b.text },
    };
  });
  return { width: NARROW_WIDTH, height: top, title: { x: 0, y: CHART.titleSize + 4, text: chart.title }, bars };
}
