import * as Plot from '@observablehq/plot';
import { BASE, KIND_COLOURS } from './theme';

export interface AnnotatorLabels {
  id: string;
  kind: 'human' | 'ai';
  labels: number;
}

/** Horizontal bars of labels per annotator, most active first; AI judges in their own colour. */
export function labelsPerAnnotatorChart(
  annotators: AnnotatorLabels[],
  { width = 420, max = 40 }: { width?: number; max?: number } = {},
): Plot.PlotOptions {
  const shown = annotators.slice(0, max);
  return {
    ...BASE,
    width,
    height: Math.max(120, 16 * shown.length + 50),
    marginLeft: 110,
    ariaLabel: `Labels per annotator${annotators.length > max ? ` (the ${max} most active of ${annotators.length})` : ''}`,
    x: { label: 'Labels', grid: true },
    y: { label: null, domain: shown.map((a) => a.id) },
    color: {
      domain: ['human', 'ai'],
      range: [KIND_COLOURS.human, KIND_COLOURS.ai],
      legend: shown.some((a) => a.kind === 'ai'),
    },
    marks: [
      Plot.barX(shown, {
        y: 'id',
        x: 'labels',
        fill: 'kind',
        title: (d: AnnotatorLabels) => `${d.id} (${d.kind}): ${d.labels.toLocaleString('en-US')} labels`,
      }),
      Plot.ruleX([0]),
    ],
  };
}
