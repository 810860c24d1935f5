import * as Plot from '@observablehq/plot';
import { FLAG_RULES } from '../defaults';
import type { AnnotatorRow } from '../sections/annotatorsSection';
import { coefficient } from '../format';
import { BASE, STATUS } from './theme';

const spammer = (a: AnnotatorRow) => a.reasons.includes('spammer');

/**
 * The two spam scores of each annotator: the confusion-matrix spammer score (x, 0 = labels ignore the true class)
 * against MACE's spamming probability (y); the `spammer` flag's corner (both thresholds) is shaded. No direct
 * labels: spammers crowd that corner, so their ids are in the tooltips and the sentence under the chart.
 */
export function spamScatter(rows: AnnotatorRow[], { width = 560 }: { width?: number } = {}): Plot.PlotOptions {
  const data = rows.filter((a) => a.spam_probability !== null && a.spammer_score !== null);
  const flagged = data.filter(spammer).length;
  return {
    ...BASE,
    width,
    height: 320,
    ariaLabel: `Spam scores of ${data.length} annotators: the confusion-matrix spammer score against MACE's spamming probability; ${flagged} flagged spammer`,
    x: { label: 'Spammer score (confusion matrix) →', domain: [0, 1], grid: true },
    y: { label: '↑ Spam probability (MACE)', domain: [0, 1], grid: true },
    r: { range: [3, 14], label: 'Labels' },
    color: {
      domain: ['spammer', 'other'],
      range: [STATUS.flagged, STATUS.good],
      legend: true,
    },
    marks: [
      Plot.rect([{}], {
        x1: 0,
        x2: FLAG_RULES.spammerScore,
        y1: FLAG_RULES.spamProbability,
        y2: 1,
        fill: STATUS.flagged,
        fillOpacity: 0.08,
      }),
      Plot.ruleX([FLAG_RULES.spammerScore], { stroke: STATUS.flagged, strokeDasharray: '4,3' }),
      Plot.ruleY([FLAG_RULES.spamProbability], { stroke: STATUS.flagged, strokeDasharray: '4,3' }),
      Plot.dot(data, {
        x: 'spammer_score',
        y: 'spam_probability',
        r: 'labels',
        fill: (a: AnnotatorRow) => (spammer(a) ? 'spammer' : 'other'),
        fillOpacity: 0.75,
        stroke: 'currentColor',
        strokeWidth: 0.5,
        tip: true,
        title: (a: AnnotatorRow) =>
          `${a.id}: spammer score ${coefficient(a.spammer_score)}, MACE spam probability ${coefficient(a.spam_probability)}, ${a.labels} labels${spammer(a) ? '\nflagged spammer' : ''}`,
      }),
    ],
  };
}
