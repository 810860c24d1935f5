import * as Plot from '@observablehq/plot';
import type { ScalingScenario } from '../planning/planDefaults';
import type { EvaluatorRow } from '../planning/alpacaEvalEvaluators';
import { approachColour, BASE, KIND_COLOURS, LABEL_HALO, STATUS } from './theme';

/** The user's own data placed on a planning chart. */
export interface OwnPoint {
  label: string;
  pairs: number;
  pricePerPair: number;
  kappa: number | null;
}

const dollars = (x: number) =>
  x >= 1e6
    ? `$${(x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })}M`
    : x >= 1e3
      ? `$${(x / 1e3).toLocaleString('en-US', { maximumFractionDigits: 1 })}K`
      : `$${x.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

/** Powers of ten spanning the values (ticks of a log axis, so intermediate ticks do not crowd it). */
function decades(values: number[]): number[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [1];
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

/** A log axis spanning whole decades around the values, ticked at each power of ten (all inside the plot). */
function decadeAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const ticks = decades(values);
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** Total cost against scale (log–log), one dot per scenario, and the user's own data. */
export function scalingCostChart(
  scenarios: ScalingScenario[],
  own: OwnPoint | null,
  { width = 420 }: { width?: number } = {},
): Plot.PlotOptions {
  const rows = scenarios.map((s) => ({ ...s, total: s.pairs * s.price_per_pair }));
  return {
    ...BASE,
    width,
    height: 280,
    marginLeft: 60,
    ariaLabel: `Total cost against the number of pairs for ${rows.length} scenarios${own ? ' and this data' : ''}`,
    x: { type: 'log', label: 'Pairs', ...decadeAxis([...rows.map((r) => r.pairs), own?.pairs ?? 0]), tickFormat: '~s' },
    y: {
      type: 'log',
      label: 'Total cost',
      ...decadeAxis([...rows.map((r) => r.total), own ? own.pairs * own.pricePerPair : 0]),
      tickFormat: (d: number) => dollars(d),
      grid: true,
    },
    marks: [
      Plot.line(rows, { x: 'pairs', y: 'total', stroke: 'currentColor', strokeOpacity: 0.3 }),
      Plot.dot(rows, {
        x: 'pairs',
        y: 'total',
        r: 5,
        fill: KIND_COLOURS.human,
        stroke: 'currentColor',
        title: (d) =>
          `${d.approach}: ${d.pairs.toLocaleString('en-US')} pairs × $${d.price_per_pair} = ${dollars(d.total)}`,
      }),
      Plot.text(rows, {
        x: 'pairs',
        y: 'total',
        text: 'approach',
        dy: -12,
        fontSize: 10,
        lineWidth: 12,
        ...LABEL_HALO,
      }),
      ...(own
        ? [
            Plot.dot([own], {
              x: 'pairs',
              y: (o: OwnPoint) => o.pairs * o.pricePerPair,
              r: 7,
              symbol: 'star',
              fill: STATUS.warning,
              stroke: 'currentColor',
              title: (o: OwnPoint) =>
                `${o.label}: ${o.pairs.toLocaleString('en-US')} pairs at $${o.pricePerPair.toFixed(2)} = ${dollars(o.pairs * o.pricePerPair)}`,
            }),
          ]
        : []),
    ],
  };
}

/** Kappa against cost per pair, one dot per scenario, and the user's measured agreement at their price. */
export function kappaCostChart(
  scenarios: ScalingScenario[],
  own: OwnPoint | null,
  { width = 420 }: { width?: number } = {},
): Plot.PlotOptions {
  const ownShown = own && own.kappa !== null ? [own] : [];
  return {
    ...BASE,
    width,
    height: 280,
    ariaLabel: `Agreement (kappa) against cost per pair for ${scenarios.length} scenarios${ownShown.length ? ' and this data' : ''}`,
    x: { label: 'Cost per pair ($)', grid: true, zero: true },
    y: { label: 'Kappa', domain: [0, 1], grid: true },
    marks: [
      Plot.ruleY([0.61, 0.81], { stroke: 'currentColor', strokeOpacity: 0.2, strokeDasharray: '3,3' }),
      Plot.dot(scenarios, {
        x: 'price_per_pair',
        y: 'kappa',
        r: 5,
        fill: KIND_COLOURS.human,
        stroke: 'currentColor',
        title: (d) => `${d.approach}: kappa ${d.kappa} at $${d.price_per_pair} per pair`,
      }),
      Plot.text(scenarios, {
        x: 'price_per_pair',
        y: 'kappa',
        text: 'approach',
        dy: -12,
        fontSize: 10,
        lineWidth: 12,
        ...LABEL_HALO,
      }),
      Plot.dot(ownShown, {
        x: 'pricePerPair',
        y: 'kappa',
        r: 7,
        symbol: 'star',
        fill: STATUS.warning,
        stroke: 'currentColor',
        title: (o: OwnPoint) => `${o.label}: kappa ${o.kappa!.toFixed(3)} at $${o.pricePerPair.toFixed(2)} per pair`,
      }),
    ],
  };
}

/** AlpacaEval judges: agreement with the human majority against price per 1,000 comparisons (log), humans highlighted. */
export function evaluatorsChart(rows: EvaluatorRow[], { width = 520 }: { width?: number } = {}): Plot.PlotOptions {
  const priced = rows.filter((r) => r.price_per_1000 !== null && r.price_per_1000 > 0);
  return {
    ...BASE,
    width,
    height: 300,
    ariaLabel: `Agreement with the human majority against price for ${priced.length} judges of the AlpacaEval leaderboard`,
    x: { type: 'log', label: 'Price per 1,000 comparisons ($)', grid: true },
    y: { label: 'Agreement with the human majority', domain: [0.45, 0.75], grid: true, tickFormat: '.0%' },
    color: { domain: ['human', 'LLM judge'], range: [KIND_COLOURS.human, KIND_COLOURS.ai], legend: true },
    marks: [
      Plot.dot(priced, {
        x: 'price_per_1000',
        y: 'agreement',
        r: 5,
        fill: (r: EvaluatorRow) => (r.human ? 'human' : 'LLM judge'),
        stroke: 'currentColor',
        title: (r: EvaluatorRow) =>
          `${r.judge}: ${(100 * r.agreement).toFixed(1)}% agreement, $${r.price_per_1000!.toFixed(2)} and ${Math.round(r.seconds_per_1000 ?? 0)} s per 1,000`,
      }),
      Plot.text(priced, { x: 'price_per_1000', y: 'agreement', text: 'judge', dy: -10, fontSize: 9, ...LABEL_HALO }),
    ],
  };
}

/** Total cost against pairs for each approach of the comparison (log–log lines). */
export function comparisonChart(
  rows: { pairs: number; totals: Record<string, number> }[],
  { width = 520 }: { width?: number } = {},
): Plot.PlotOptions {
  const data = rows.flatMap((r) =>
    Object.entries(r.totals).map(([approach, total]) => ({ pairs: r.pairs, approach, total: Math.max(total, 0.01) })),
  );
  const approaches = [...new Set(data.map((d) => d.approach))];
  return {
    ...BASE,
    width,
    height: 280,
    marginLeft: 64,
    ariaLabel: `Total cost against pairs for ${approaches.length} approaches`,
    x: { type: 'log', label: 'Pairs', ...decadeAxis(data.map((d) => d.pairs)), tickFormat: '~s' },
    y: {
      type: 'log',
      label: 'Total cost',
      ...decadeAxis(data.map((d) => d.total)),
      tickFormat: (d: number) => dollars(d),
      grid: true,
    },
    color: { domain: approaches, range: approaches.map(approachColour), legend: true },
    marks: [
      Plot.line(data, { x: 'pairs', y: 'total', stroke: 'approach' }),
      Plot.dot(data, {
        x: 'pairs',
        y: 'total',
        fill: 'approach',
        r: 4,
        title: (d) => `${d.approach}: ${d.pairs.toLocaleString('en-US')} pairs, ${dollars(d.total)}`,
      }),
    ],
  };
}

/** A mean with its interval at each cost per pair (labels per item × price). */
export interface CurvePoint {
  series: string;
  x: number;
  mean: number;
  ci: [number, number] | null;
  label: string;
}

export function curveWithIntervals(
  points: CurvePoint[],
  {
    xLabel,
    yLabel,
    width = 420,
    domain = [0, 1] as [number, number],
    ariaLabel,
  }: { xLabel: string; yLabel: string; width?: number; domain?: [number, number]; ariaLabel: string },
): Plot.PlotOptions {
  return {
    ...BASE,
    width,
    height: 260,
    ariaLabel,
    x: { label: xLabel, grid: true },
    y: { label: yLabel, domain, grid: true },
    color: { legend: new Set(points.map((p) => p.series)).size > 1 },
    marks: [
      Plot.ruleX(
        points.filter((p) => p.ci),
        { x: 'x', y1: (p: CurvePoint) => p.ci![0], y2: (p: CurvePoint) => p.ci![1], stroke: 'series', strokeWidth: 2 },
      ),
      Plot.line(points, { x: 'x', y: 'mean', stroke: 'series' }),
      Plot.dot(points, { x: 'x', y: 'mean', fill: 'series', stroke: 'currentColor', r: 4, title: 'label' }),
    ],
  };
}
