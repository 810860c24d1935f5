import * as Plot from '@observablehq/plot';
import type { PairMatrix } from '../views/pairMatrix';
import { BASE, DIVERGING_RANGE } from './theme';

/** Cohen's kappa of every annotator pair as a heatmap, annotators in cluster order. */
export function pairHeatmap(
  matrix: PairMatrix,
  { width = 640, selected = null }: { width?: number; selected?: { a: string; b: string } | null } = {},
): Plot.PlotOptions {
  const n = matrix.order.length;
  // pairs without a kappa: too few shared items (listed with kappa null, or not listed at all)
  const known = new Set(matrix.cells.filter((d) => d.kappa !== null).map((d) => `${d.a}\u0000${d.b}`));
  const missing = matrix.order.flatMap((a) =>
    matrix.order.filter((b) => b !== a && !known.has(`${a}\u0000${b}`)).map((b) => ({ a, b })),
  );
  const size = Math.max(220, Math.min(width, 14 * n + 120));
  return {
    ...BASE,
    width: size,
    height: size,
    marginLeft: 90,
    marginBottom: 90,
    ariaLabel: `Cohen's kappa for ${matrix.cells.length / 2} annotator pairs; blue is higher agreement, orange below chance, a cross no kappa (too few shared items)`,
    x: { domain: matrix.order, label: null, tickRotate: -90 },
    y: { domain: matrix.order, label: null },
    color: { type: 'diverging', range: DIVERGING_RANGE, domain: [-1, 1], legend: true, label: "Cohen's kappa" },
    marks: [
      // pairs without a kappa: a faint cell with a cross, never the colour of κ = 0
      Plot.cell(missing, {
        x: 'a',
        y: 'b',
        fill: 'currentColor',
        fillOpacity: 0.06,
        inset: 0.5,
        ariaDescription: 'no kappa',
      }),
      Plot.text(missing, {
        x: 'a',
        y: 'b',
        text: () => '×',
        fill: 'currentColor',
        fillOpacity: 0.45,
        fontSize: Math.max(7, Math.min(12, 200 / Math.max(1, n))),
      }),
      Plot.cell(
        matrix.cells.filter((d) => d.kappa !== null),
        {
          x: 'a',
          y: 'b',
          fill: (d) => d.kappa,
          inset: 0.5,
          tip: true,
          title: (d) =>
            `${d.a} × ${d.b}\nkappa ${d.kappa === null ? 'undefined' : d.kappa.toFixed(3)} on ${d.n} shared items\nclick to list their disagreements`,
        },
      ),
      // the pair whose disagreements are listed, outlined in both of its cells
      Plot.cell(selected ? [selected, { a: selected.b, b: selected.a }] : [], {
        x: 'a',
        y: 'b',
        fill: 'none',
        stroke: 'currentColor',
        strokeWidth: 2,
        ariaDescription: 'the pair listed',
      }),
    ],
  };
}
