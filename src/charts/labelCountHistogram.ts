import * as Plot from '@observablehq/plot';
import { BASE } from './theme';

/** Histogram of human labels per item: `items[m]` items have m labels. */
export function labelCountHistogram(items: number[], { width = 420 }: { width?: number } = {}): Plot.PlotOptions {
  const data = items.map((count, labels) => ({ labels, count })).filter((d) => d.count > 0);
  return {
    ...BASE,
    width,
    height: 220,
    ariaLabel: 'Histogram of the number of human labels per item',
    x: { label: 'Labels per item', type: 'band' },
    y: { label: 'Items', grid: true },
    marks: [
      Plot.barY(data, {
        x: 'labels',
        y: 'count',
        fill: '#4477AA',
        title: (d: { labels: number; count: number }) =>
          `${d.count.toLocaleString('en-US')} items with ${d.labels} label${d.labels === 1 ? '' : 's'}`,
      }),
      Plot.ruleY([0]),
    ],
  };
}
