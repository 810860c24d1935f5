import * as Plot from '@observablehq/plot';
import { BASE, STATUS } from './theme';

export interface BudgetPoint {
  labels: number;
  budget: number;
  top_ranked: number;
  random: number;
}

/** Expected accuracy of the final labels against the budget: labels bought for the top-ranked pairs, and for random pairs. */
export function budgetCurveChart(curve: BudgetPoint[], { width = 520 }: { width?: number } = {}): Plot.PlotOptions {
  const rows = curve.flatMap((p) => [
    { series: 'top-ranked pairs', budget: p.budget, labels: p.labels, accuracy: p.top_ranked },
    { series: 'random pairs', budget: p.budget, labels: p.labels, accuracy: p.random },
  ]);
  const values = rows.map((r) => r.accuracy);
  const lo = Math.min(...values),
    hi = Math.max(...values);
  const pad = Math.max(0.005, (hi - lo) * 0.1);
  return {
    ...BASE,
    width,
    height: 280,
    marginLeft: 56,
    ariaLabel: `Expected accuracy of the final labels against the labelling budget, for labels bought for the top-ranked pairs and for random pairs (${curve.length} points)`,
    x: { label: 'Budget ($)', grid: true, zero: true },
    y: {
      label: 'Expected accuracy',
      grid: true,
      domain: [Math.max(0, lo - pad), Math.min(1, hi + pad)],
      tickFormat: '.1%',
    },
    color: { domain: ['top-ranked pairs', 'random pairs'], range: [STATUS.good, '#888888'], legend: true },
    marks: [
      Plot.line(rows, { x: 'budget', y: 'accuracy', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(rows, {
        x: 'budget',
        y: 'accuracy',
        fill: 'series',
        r: 2.5,
        title: (r) =>
          `${r.series}: ${r.labels.toLocaleString('en-US')} labels ($${r.budget.toLocaleString('en-US', { maximumFractionDigits: 2 })}) → expected accuracy ${(100 * r.accuracy).toFixed(2)}%`,
      }),
    ],
  };
}
