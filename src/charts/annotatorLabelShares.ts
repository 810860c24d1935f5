import * as Plot from '@observablehq/plot';
import type { AnnotatorRow } from '../sections/annotatorsSection';
import { BASE, categoryColour } from './theme';

/**
 * Each annotator's labels as shares of the scale, one bar per annotator, sorted by the share of the first
 * category (A much better) so an annotator who always picks one side stands out.
 */
export function annotatorLabelShares(
  rows: AnnotatorRow[],
  categories: string[],
  { width = 560, max = 60 }: { width?: number; max?: number } = {},
): Plot.PlotOptions {
  const share = (a: AnnotatorRow, c: number) => a.label_counts[c] / Math.max(1, a.labels);
  const aSide = (a: AnnotatorRow) => share(a, 0) + (categories.length > 3 ? share(a, 1) : 0);
  const shown = [...rows].sort((x, y) => aSide(y) - aSide(x)).slice(0, max);
  // removed annotators stay visible, named as removed and faded, as in every list of the page
  const name = (a: AnnotatorRow) => (a.removed ? `${a.id} (removed)` : a.id);
  const data = shown.flatMap((a) =>
    categories.map((label, c) => ({
      id: name(a),
      label,
      share: share(a, c),
      n: a.label_counts[c],
      removed: a.removed,
    })),
  );
  return {
    ...BASE,
    width,
    height: Math.max(140, 15 * shown.length + 70),
    marginLeft: 90,
    ariaLabel: `Label distribution of each annotator, sorted by the share of ${categories[0]}`,
    x: {
      label: 'Share of the annotator’s labels',
      percent: true,
      domain: [0, 100],
      tickFormat: (d: number) => `${d}%`,
    },
    y: { label: null, domain: shown.map(name) },
    color: { domain: categories, range: categories.map(categoryColour), legend: true },
    marks: [
      Plot.barX(data, {
        y: 'id',
        x: 'share',
        fill: 'label',
        order: categories,
        fillOpacity: (d) => (d.removed ? 0.3 : 1),
        title: (d) => `${d.id}: ${d.label} ${(100 * d.share).toFixed(1)}% (${d.n})`,
      }),
    ],
  };
}
