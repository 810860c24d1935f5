import * as Plot from '@observablehq/plot';
import { BASE, categoryColour } from './theme';

export interface LabelCount {
  label: string;
  count: number;
}

/** Bars of how often each label was given (human judgements), coloured by side. */
export function labelDistribution(counts: LabelCount[], { width = 420 }: { width?: number } = {}): Plot.PlotOptions {
  const total = counts.reduce((s, c) => s + c.count, 0);
  return {
    ...BASE,
    width,
    height: 220,
    ariaLabel: 'Label distribution: number of human judgements per label',
    x: { label: 'Label', domain: counts.map((c) => c.label) },
    y: { label: 'Judgements', grid: true },
    marks: [
      Plot.barY(counts, {
        x: 'label',
        y: 'count',
        fill: (d: LabelCount) => categoryColour(d.label, counts.indexOf(d)),
        title: (d: LabelCount) =>
          `${d.label}: ${d.count.toLocaleString('en-US')} (${((100 * d.count) / (total || 1)).toFixed(1)}%)`,
      }),
      Plot.ruleY([0]),
    ],
  };
}
