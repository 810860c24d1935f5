import * as Plot from '@observablehq/plot';
import type { PairMatrix } from '../views/pairMatrix';
import { BASE } from './theme';

/** Cohen's kappa of every annotator pair as a heatmap, annotators in cluster order. */
export function pairHeatmap(matrix: PairMatrix, { width = 640 }: { width?: number } = {}): Plot.PlotOptions {
  const n = matrix.order.length;
  const size = Math.max(220, Math.min(width, 14 * n + 120));
  return {
    ...BASE,
    width: size,
    height: size,
    marginLeft: 90,
    marginBottom: 90,
    ariaLabel: `Cohen's kappa for ${matrix.cells.length / 2} annotator pairs; darker blue is higher agreement, orange below chance`,
    x: { domain: matrix.order, label: null, tickRotate: -90 },
    y: { domain: matrix.order, label: null },
    color: { type: 'diverging', scheme: 'PuOr', domain: [-1, 1], reverse: true, legend: true, label: "Cohen's kappa" },
    marks: [
      Plot.cell(matrix.cells, {
        x: 'a',
        y: 'b',
        fill: (d) => d.kappa ?? NaN,
        inset: 0.5,
        tip: true,
        title: (d) =>
          `${d.a} × ${d.b}\nkappa ${d.kappa === null ? 'undefined' : d.kappa.toFixed(3)} on ${d.n} shared items\nclick to list their disagreements`,
      }),
    ],
  };
}
