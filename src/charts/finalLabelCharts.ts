import * as Plot from '@observablehq/plot';
import { METHOD_NAMES, METHODS, type AggregationSection } from '../sections/aggregationSection';
import { BASE, METHOD_COLOURS } from './theme';

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A log axis's tick as a power of ten (`10⁻⁶`), empty between the powers. */
export function powerOfTen(x: number): string {
  const e = Math.log10(x);
  if (Math.abs(e - Math.round(e)) > 1e-9) return '';
  return `10${[...String(Math.round(e))].map((c) => SUPERSCRIPT[c]).join('')}`;
}

/** Final labels per category under each method, side by side. */
export function finalLabelDistribution(
  section: AggregationSection,
  categories: string[],
  { width = 520 }: { width?: number } = {},
): Plot.PlotOptions {
  const data = METHODS.flatMap((m) =>
    categories.map((label, c) => ({ method: METHOD_NAMES[m], label, count: section.label_counts[m][c] })),
  );
  return {
    ...BASE,
    width,
    height: 240,
    ariaLabel: 'Final labels per category under each aggregation method',
    fx: { label: null, domain: categories },
    x: { axis: null, domain: METHODS.map((m) => METHOD_NAMES[m]) },
    y: { label: 'Pairs', grid: true },
    color: { domain: METHODS.map((m) => METHOD_NAMES[m]), range: METHODS.map((m) => METHOD_COLOURS[m]), legend: true },
    marks: [
      Plot.barY(data, {
        fx: 'label',
        x: 'method',
        y: 'count',
        fill: 'method',
        title: (d) => `${d.method}, ${d.label}: ${d.count.toLocaleString('en-US')}`,
      }),
      Plot.ruleY([0]),
    ],
  };
}

/** Dawid-Skene convergence: the largest change of any posterior per iteration (log scale). */
export function convergenceChart(
  trace: number[],
  tolerance = 1e-6,
  { width = 420 }: { width?: number } = {},
): Plot.PlotOptions {
  const data = trace.map((change, i) => ({ iteration: i + 1, change: Math.max(change, 1e-16) }));
  return {
    ...BASE,
    width,
    height: 220,
    ariaLabel: `Dawid-Skene convergence over ${trace.length} iterations`,
    x: { label: 'Iteration', grid: true },
    y: { type: 'log', label: 'Largest posterior change', grid: true, tickFormat: powerOfTen },
    marks: [
      Plot.ruleY([tolerance], { stroke: '#D55E00', strokeDasharray: '4,3' }),
      Plot.line(data, { x: 'iteration', y: 'change' }),
      Plot.dot(data, { x: 'iteration', y: 'change', r: 2, tip: true }),
    ],
  };
}

/** How sure Dawid-Skene is of each final label: pairs per band of posterior confidence. */
export function confidenceHistogram(bins: number[], { width = 420 }: { width?: number } = {}): Plot.PlotOptions {
  const data = bins.map((count, b) => ({ from: b / 10, to: (b + 1) / 10, count }));
  return {
    ...BASE,
    width,
    height: 220,
    ariaLabel: 'Histogram of the Dawid-Skene posterior confidence of the final labels',
    x: { label: 'Posterior confidence of the final label', domain: [0, 1] },
    y: { label: 'Pairs', grid: true },
    marks: [
      Plot.rectY(data, {
        x1: 'from',
        x2: 'to',
        y: 'count',
        fill: '#AA3377',
        inset: 1,
        title: (d) => `${d.from.toFixed(1)}–${d.to.toFixed(1)}: ${d.count.toLocaleString('en-US')} pairs`,
      }),
      Plot.ruleY([0]),
    ],
  };
}

/** Each annotator's Dawid-Skene confusion matrix (true category × given label) as small heatmaps. */
export function confusionMatrices(
  confusions: { id: string; matrix: number[] }[],
  categories: string[],
  { columns = 6, width = 900 }: { columns?: number; width?: number } = {},
): Plot.PlotOptions {
  const K = categories.length;
  const data = confusions.flatMap((c, i) =>
    c.matrix.map((p, k) => ({
      id: c.id,
      col: i % columns,
      row: Math.floor(i / columns),
      truth: categories[Math.floor(k / K)],
      given: categories[k % K],
      p,
    })),
  );
  const rows = Math.ceil(confusions.length / columns);
  return {
    ...BASE,
    width,
    height: rows * (width / columns) * 0.9 + 70,
    marginBottom: 60,
    marginLeft: 40,
    marginTop: 20,
    ariaLabel: `Dawid-Skene confusion matrices of ${confusions.length} annotators: rows the true category, columns the label given; a strong diagonal is a reliable annotator`,
    fx: { axis: null },
    fy: { axis: null },
    x: { domain: categories, label: 'label given', tickSize: 0, axis: 'bottom', tickRotate: -90 },
    y: { domain: categories, label: 'true', tickSize: 0 },
    color: { type: 'linear', range: ['#ececec', '#3b6fb6'], domain: [0, 1], legend: true, label: 'P(given | true)' },
    marks: [
      Plot.cell(data, {
        fx: 'col',
        fy: 'row',
        x: 'given',
        y: 'truth',
        fill: 'p',
        inset: 0.5,
        title: (d) => `${d.id}: true ${d.truth}, gave ${d.given}: ${d.p.toFixed(2)}`,
      }),
      Plot.text(
        confusions.map((c, i) => ({ id: c.id, col: i % columns, row: Math.floor(i / columns) })),
        { fx: 'col', fy: 'row', frameAnchor: 'top', dy: -14, text: 'id', fontSize: 10 },
      ),
    ],
  };
}
