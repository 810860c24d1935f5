import * as Plot from '@observablehq/plot';
import type { AnnotatorRow } from '../sections/annotatorsSection';
import { percent } from '../format';
import { BASE, KIND_COLOURS, LABEL_HALO, STATUS } from './theme';

type Status = 'reliable' | 'flagged' | 'removed' | 'AI judge';
const status = (a: AnnotatorRow): Status =>
  a.kind === 'ai' ? 'AI judge' : a.removed ? 'removed' : a.flagged ? 'flagged' : 'reliable';

/** Gold accuracy (directional) against leave-one-out majority agreement; size = labels, colour = status. */
export function reliabilityScatter(rows: AnnotatorRow[], { width = 560 }: { width?: number } = {}): Plot.PlotOptions {
  const data = rows.filter((a) => a.gold_accuracy_directional !== null && a.majority_agreement !== null);
  return {
    ...BASE,
    width,
    height: 360,
    ariaLabel: `Gold accuracy against agreement with the majority for ${data.length} annotators; flagged annotators in orange`,
    x: { label: 'Gold accuracy, direction', domain: [0, 1], grid: true, tickFormat: '.0%' },
    y: { label: 'Agreement with the majority', domain: [0, 1], grid: true, tickFormat: '.0%' },
    r: { range: [3, 14], label: 'Labels' },
    color: {
      domain: ['reliable', 'flagged', 'removed', 'AI judge'],
      range: [STATUS.good, STATUS.flagged, '#9e9e9e', KIND_COLOURS.ai],
      legend: true,
    },
    marks: [
      Plot.ruleX([0.6], { stroke: STATUS.flagged, strokeDasharray: '4,3' }),
      Plot.dot(data, {
        x: 'gold_accuracy_directional',
        y: 'majority_agreement',
        r: 'labels',
        fill: status,
        fillOpacity: 0.75,
        stroke: 'currentColor',
        strokeWidth: 0.5,
        tip: true,
        title: (a: AnnotatorRow) =>
          `${a.id}: gold ${percent(a.gold_accuracy_directional!)} (${a.gold_n} gold), majority ${percent(a.majority_agreement!)}, ${a.labels} labels${a.reasons.length ? `\n${a.reasons.join(', ')}` : ''}`,
      }),
      Plot.text(
        data.filter((a) => a.flagged || a.removed || a.kind === 'ai'),
        { x: 'gold_accuracy_directional', y: 'majority_agreement', text: 'id', dy: -12, fontSize: 10, ...LABEL_HALO },
      ),
    ],
  };
}
