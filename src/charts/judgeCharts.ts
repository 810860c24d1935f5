import * as Plot from '@observablehq/plot';
import type { AiJudgeRow } from '../sections/aiJudgeSection';
import type { ModelRatings } from '../sections/modelRatings';
import type { TimeSection } from '../sections/timeSection';
import type { RoutingView } from '../views/routingView';
import { BASE, DIVERGING_RANGE, KIND_COLOURS, STATUS } from './theme';

/** Calibration: accuracy per confidence bin with 95% intervals against the diagonal of perfect calibration. */
export function calibrationChart(
  calibration: NonNullable<AiJudgeRow['calibration']>,
  { width = 420 }: { width?: number } = {},
): Plot.PlotOptions {
  const bins = calibration.bins.filter((b) => b.n > 0 && b.accuracy !== null && b.mean_confidence !== null);
  return {
    ...BASE,
    width,
    height: 300,
    ariaLabel: `Calibration: accuracy against the human majority per confidence bin (${bins.length} bins with items)`,
    x: { label: 'Judge confidence', domain: [0, 1], grid: true },
    y: { label: 'Agrees with the human majority', domain: [0, 1], grid: true, tickFormat: '.0%' },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        { stroke: 'currentColor', strokeOpacity: 0.4, strokeDasharray: '4,3' },
      ),
      Plot.ruleX(
        bins.filter((b) => b.ci95),
        { x: 'mean_confidence', y1: (b) => b.ci95![0], y2: (b) => b.ci95![1], stroke: KIND_COLOURS.ai, strokeWidth: 2 },
      ),
      Plot.dot(bins, {
        x: 'mean_confidence',
        y: 'accuracy',
        r: (b) => 3 + Math.sqrt(b.n) / 3,
        fill: KIND_COLOURS.ai,
        stroke: 'currentColor',
        title: (b) =>
          `confidence ${b.from.toFixed(1)}–${b.to.toFixed(1)}: ${b.n} items, mean confidence ${b.mean_confidence!.toFixed(2)}, agreement ${(100 * b.accuracy!).toFixed(1)}%`,
      }),
    ],
  };
}

/** The simulator's curve: accuracy (or cost) against the confidence threshold, the cheapest point reaching the target marked. */
export function routingChart(
  view: RoutingView,
  measure: 'accuracy' | 'cost',
  { width = 420, target = null }: { width?: number; target?: number | null } = {},
): Plot.PlotOptions {
  const points = view.points.filter((p) => (measure === 'cost' ? true : p.accuracy !== null));
  const y = (p: RoutingView['points'][number]) => (measure === 'cost' ? p.cost : p.accuracy!);
  return {
    ...BASE,
    width,
    height: 240,
    marginLeft: 56,
    ariaLabel: `${measure === 'cost' ? 'Cost per 1,000 pairs' : 'Accuracy of the accepted labels'} against the confidence threshold${view.best ? `; the cheapest threshold reaching the target is ${view.best.threshold.toFixed(2)}` : ''}`,
    x: { label: 'Confidence threshold (below it, a human labels)', domain: [0, 1] },
    y: {
      label: measure === 'cost' ? 'Cost per 1,000 pairs' : 'Accuracy',
      grid: true,
      ...(measure === 'accuracy'
        ? { domain: [Math.min(0.5, ...points.map(y)), 1], tickFormat: '.0%' }
        : { zero: true, tickFormat: '$,.0f' }),
    },
    marks: [
      ...(measure === 'accuracy' && target !== null
        ? [Plot.ruleY([target], { stroke: STATUS.good, strokeDasharray: '4,3' })]
        : []),
      Plot.line(points, { x: 'threshold', y, stroke: 'currentColor' }),
      ...(view.best
        ? [
            Plot.dot([view.best], {
              x: 'threshold',
              y: (b) => (measure === 'cost' ? b.cost : b.accuracy),
              r: 6,
              fill: STATUS.good,
              stroke: 'currentColor',
              title: (b) => `cheapest threshold reaching the target: ${b.threshold.toFixed(2)}`,
            }),
          ]
        : []),
    ],
  };
}

/** Seconds per label per annotator: p10–p90 rule, p25–p75 bar, median tick, sorted by median; the too-fast line. */
export function timeChart(
  time: NonNullable<TimeSection>,
  { width = 640, max = 40 }: { width?: number; max?: number } = {},
): Plot.PlotOptions {
  const rows = time.annotators
    .filter((a) => a.quantiles)
    .sort((a, b) => a.quantiles!.p50 - b.quantiles!.p50)
    .slice(0, max);
  const fast = (a: (typeof rows)[number]) => (a.too_fast_share ?? 0) > 0.5;
  return {
    ...BASE,
    width,
    height: Math.max(120, 16 * rows.length + 60),
    marginLeft: 110,
    ariaLabel: `Seconds per label of ${rows.length} annotators (10th–90th percentile, quartiles and median), fastest first`,
    x: { label: 'Seconds per label', type: 'log', grid: true },
    y: { label: null, domain: rows.map((a) => a.id) },
    marks: [
      Plot.ruleX([time.too_fast_seconds], { stroke: STATUS.flagged, strokeDasharray: '4,3' }),
      Plot.ruleY(rows, {
        y: 'id',
        x1: (a) => Math.max(0.1, a.quantiles!.p10),
        x2: (a) => a.quantiles!.p90,
        stroke: 'currentColor',
        strokeOpacity: 0.6,
      }),
      Plot.barX(rows, {
        y: 'id',
        x1: (a) => Math.max(0.1, a.quantiles!.p25),
        x2: (a) => a.quantiles!.p75,
        fill: (a) => (fast(a) ? STATUS.flagged : KIND_COLOURS.human),
        fillOpacity: 0.8,
        insetTop: 3,
        insetBottom: 3,
      }),
      Plot.tickX(rows, {
        y: 'id',
        x: (a) => Math.max(0.1, a.quantiles!.p50),
        stroke: 'currentColor',
        strokeWidth: 2,
        title: (a) =>
          `${a.id}: median ${a.quantiles!.p50.toFixed(1)} s; ${((a.too_fast_share ?? 0) * 100).toFixed(1)}% of ${a.n} labels under ${time.too_fast_seconds} s`,
      }),
    ],
  };
}

/** Gold accuracy along the annotators' sessions (position buckets) with 95% intervals. */
export function fatigueChart(
  fatigue: NonNullable<NonNullable<TimeSection>['fatigue']>,
  { width = 420 }: { width?: number } = {},
): Plot.PlotOptions {
  const rows = fatigue.buckets.filter((b) => b.gold_accuracy !== null);
  return {
    ...BASE,
    width,
    height: 260,
    ariaLabel: `Gold accuracy by position in each annotator's session (${fatigue.order}), ${rows.length} buckets`,
    x: { label: `Position in the session (${fatigue.order})` },
    y: { label: 'Gold accuracy (direction)', domain: [0, 1], grid: true, tickFormat: '.0%' },
    marks: [
      Plot.ruleX(
        rows.filter((b) => b.ci95),
        {
          x: (b) => (b.from + b.to) / 2,
          y1: (b) => b.ci95![0],
          y2: (b) => b.ci95![1],
          stroke: 'currentColor',
          strokeOpacity: 0.7,
          strokeWidth: 2,
        },
      ),
      Plot.line(rows, { x: (b) => (b.from + b.to) / 2, y: 'gold_accuracy', stroke: KIND_COLOURS.human }),
      Plot.dot(rows, {
        x: (b) => (b.from + b.to) / 2,
        y: 'gold_accuracy',
        fill: KIND_COLOURS.human,
        stroke: 'currentColor',
        r: 4,
        title: (b) => `labels ${b.from}–${b.to}: ${(100 * b.gold_accuracy!).toFixed(1)}% of ${b.gold_n} gold answers`,
      }),
    ],
  };
}

/** Win rate of each model (row) against each other (column), ties as half. */
export function winRateMatrix(ratings: ModelRatings, { width = 520 }: { width?: number } = {}): Plot.PlotOptions {
  const { models, win_rate, comparisons } = ratings.matrix;
  const cells = models
    .flatMap((a, i) => models.map((b, j) => ({ a, b, rate: win_rate[i][j], n: comparisons[i][j] })))
    .filter((c) => c.a !== c.b && c.n > 0);
  const size = Math.max(240, Math.min(width, 34 * models.length + 140));
  return {
    ...BASE,
    width: size,
    height: size,
    marginLeft: 120,
    marginBottom: 110,
    ariaLabel: `Win rate of each model against each other (${models.length} models), ties counted as half`,
    x: { domain: models, label: null, tickRotate: -90 },
    y: { domain: models, label: null },
    color: {
      type: 'diverging',
      range: DIVERGING_RANGE,
      domain: [0, 1],
      pivot: 0.5,
      legend: true,
      // the values are shares: `percent: true` would scale them to 0–100, outside the [0, 1] domain (black cells)
      tickFormat: '.0%',
      label: 'Win rate',
    },
    marks: [
      Plot.cell(cells, {
        x: 'b',
        y: 'a',
        fill: 'rate',
        inset: 0.5,
        title: (c) => `${c.a} against ${c.b}: ${(100 * c.rate!).toFixed(1)}% of ${c.n} comparisons`,
      }),
      ...(models.length <= 12
        ? [
            Plot.text(cells, {
              x: 'b',
              y: 'a',
              text: (c) => `${Math.round(100 * c.rate!)}%`,
              fill: 'currentColor',
              fontSize: 10,
            }),
          ]
        : []),
    ],
  };
}
