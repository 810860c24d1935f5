import * as Plot from '@observablehq/plot';
import type { RubricSection } from '../sections/rubricSection';
import { BASE, DIVERGING_RANGE } from './theme';

/** Spearman's ρ between every two rubric dimensions (and response length) as a heatmap, ρ written in each cell. */
export function rubricCorrelationChart(
  c: RubricSection['correlations'],
  { width = 420 }: { width?: number } = {},
): Plot.PlotOptions {
  const cells = c.variables.flatMap((a, i) => c.variables.map((b, j) => ({ a, b, rho: c.rho[i][j], n: c.n[i][j] })));
  const size = Math.max(240, Math.min(width, 60 * c.variables.length + 110));
  return {
    ...BASE,
    width: size,
    height: size - 20,
    marginLeft: 100,
    marginBottom: 80,
    ariaLabel: `Spearman correlation between ${c.variables.length} rubric variables; blue positive, orange negative`,
    x: { domain: c.variables, label: null, tickRotate: -90 },
    y: { domain: c.variables, label: null },
    color: { type: 'diverging', range: DIVERGING_RANGE, domain: [-1, 1], legend: true, label: 'Spearman ρ' },
    marks: [
      Plot.cell(cells, {
        x: 'a',
        y: 'b',
        fill: (d) => d.rho ?? NaN,
        inset: 0.5,
        title: (d) => `${d.a} × ${d.b}\nρ ${d.rho === null ? 'undefined' : d.rho.toFixed(3)} over ${d.n} judgements`,
      }),
      Plot.text(cells, {
        x: 'a',
        y: 'b',
        text: (d) => (d.rho === null ? '—' : d.rho.toFixed(2)),
        fill: (d) => (d.rho === null ? 'currentColor' : Math.abs(d.rho) > 0.6 ? 'white' : '#1b1b1b'),
        fontSize: 11,
      }),
    ],
  };
}
