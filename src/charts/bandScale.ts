import * as Plot from '@observablehq/plot';
import { BANDS } from '../core/interpretationBand';
import { BASE } from './theme';

/** Colours of the interpretation bands, slight (flagged) … almost perfect (good). */
export const BAND_COLOURS: Record<string, string> = {
  'Slight agreement': '#D55E00',
  'Fair agreement': '#E69F00',
  'Moderate agreement': '#F0E442',
  'Substantial agreement': '#7fc8a9',
  'Almost perfect agreement': '#009E73',
};

/** The interpretation bands as a scale, with the value and its 95% interval placed on it. */
export function bandScale(
  value: number | null,
  ci: [number, number] | null,
  metric: string,
  { width = 640 }: { width?: number } = {},
): Plot.PlotOptions {
  const low = Math.min(-0.2, ...(ci ? [ci[0] - 0.05] : []), ...(value !== null ? [value - 0.05] : []));
  const bands = BANDS.map((b) => ({ ...b, x1: Math.max(b.range[0], low), x2: b.range[1] }));
  const point = value === null ? [] : [{ value, lo: ci?.[0] ?? value, hi: ci?.[1] ?? value }];
  return {
    ...BASE,
    width,
    height: 110,
    marginLeft: 10,
    marginRight: 10,
    marginBottom: 34,
    ariaLabel: `${metric} on the interpretation bands${value === null ? ': undefined' : `: ${value.toFixed(3)}`}`,
    x: {
      domain: [low, 1],
      label: metric,
      ticks: [0, 0.21, 0.41, 0.61, 0.81, 1],
      tickFormat: (d: number) => d.toFixed(2),
    },
    y: { axis: null, domain: [0, 1] },
    marks: [
      Plot.rectY(bands, {
        x1: 'x1',
        x2: 'x2',
        y1: 0.25,
        y2: 0.75,
        fill: (d) => BAND_COLOURS[d.label],
        fillOpacity: 0.55,
        title: (d) => `${d.label}: ${d.action}`,
      }),
      Plot.text(bands, {
        x: (d) => (d.x1 + d.x2) / 2,
        y: 0.88,
        text: (d) => d.label.replace(' agreement', ''),
        fontSize: 10,
      }),
      Plot.ruleY(point, { y: 0.5, x1: 'lo', x2: 'hi', strokeWidth: 3, stroke: 'currentColor' }),
      Plot.dot(point, {
        x: 'value',
        y: 0.5,
        r: 6,
        fill: 'currentColor',
        stroke: 'white',
        title: (d) => `${d.value.toFixed(3)} (95% CI ${d.lo.toFixed(3)}–${d.hi.toFixed(3)})`,
      }),
    ],
  };
}
