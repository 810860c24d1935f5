import * as Plot from '@observablehq/plot';
import type { SliceRow } from '../sections/agreementSection';
import { metricValue } from '../sections/metrics';
import { BAND_COLOURS } from './bandScale';
import { interpretationBand } from '../core/interpretationBand';
import { BASE } from './theme';

/** One coefficient per slice value with its 95% interval, coloured by band, items per slice in the label. */
export function sliceIntervals(
  rows: SliceRow[],
  metric: string,
  metricName: string,
  { width = 640, marked = [] }: { width?: number; marked?: readonly string[] } = {},
): Plot.PlotOptions {
  const data = rows
    .map((r) => ({
      // ✱: a value that differs from the whole after the correction (`marked`, from `differenceTests`)
      label: `${r.value} (${r.items_pairable.toLocaleString('en-US')})${marked.includes(r.value) ? ' ✱' : ''}`,
      value: metricValue(r, metric),
      ci: r.ci95[metric] ?? null,
    }))
    .filter((d) => d.value !== null)
    .sort((a, b) => b.value! - a.value!);
  return {
    ...BASE,
    width,
    height: Math.max(120, 26 * data.length + 60),
    marginLeft: Math.min(320, Math.max(100, 7 * Math.max(0, ...data.map((d) => d.label.length)) + 16)),
    ariaLabel: `${metricName} per slice value with 95% intervals`,
    x: { label: metricName, domain: [Math.min(0, ...data.map((d) => d.ci?.[0] ?? d.value!)), 1], grid: true },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.ruleX([0.21, 0.41, 0.61, 0.81], { stroke: 'currentColor', strokeOpacity: 0.2, strokeDasharray: '3,3' }),
      Plot.ruleY(
        data.filter((d) => d.ci),
        { y: 'label', x1: (d) => d.ci![0], x2: (d) => d.ci![1], stroke: 'currentColor', strokeWidth: 2 },
      ),
      Plot.dot(data, {
        y: 'label',
        x: 'value',
        r: 5,
        fill: (d) => BAND_COLOURS[interpretationBand(d.value)!.label],
        stroke: 'currentColor',
        title: (d) =>
          `${d.label}: ${d.value!.toFixed(3)}${d.ci ? ` (95% CI ${d.ci[0].toFixed(3)}–${d.ci[1].toFixed(3)})` : ''}`,
      }),
    ],
  };
}
