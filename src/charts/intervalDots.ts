import * as Plot from '@observablehq/plot';
import { BASE, KIND_COLOURS, STATUS } from './theme';

/** One row of an interval chart: a share or rating with its 95% interval and a status colour. */
export interface IntervalRow {
  label: string;
  value: number;
  ci: [number, number] | null;
  status: 'good' | 'warning' | 'flagged' | 'neutral';
  title: string;
}

const FILL = { ...STATUS, neutral: '#4477AA' };

/** The colour of a group of judgements: the humans' colour, AI judges in the AI colour and a second shade. */
export function kindColour(group: string, index: number): string {
  return group === 'humans' ? KIND_COLOURS.human : index % 2 ? KIND_COLOURS.ai : '#CC6677';
}

/**
 * Dots with 95% interval rules, one row per annotator, judge or model (in the given order), with an
 * optional reference line (0.5 for a share with no bias).
 */
export function intervalDots(
  rows: IntervalRow[],
  {
    label,
    reference = null,
    domain = null,
    share = false,
    width = 640,
    ariaLabel,
  }: {
    label: string;
    reference?: number | null;
    domain?: [number, number] | null;
    /** the values are shares: ticks as percentages */
    share?: boolean;
    width?: number;
    ariaLabel: string;
  },
): Plot.PlotOptions {
  return {
    ...BASE,
    width,
    height: Math.max(110, 20 * rows.length + 60),
    marginLeft: 150,
    ariaLabel,
    x: { label, grid: true, ...(domain ? { domain } : {}), ...(share ? { tickFormat: '.0%' } : {}) },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      ...(reference === null
        ? []
        : [Plot.ruleX([reference], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4,3' })]),
      Plot.ruleY(
        rows.filter((r) => r.ci),
        {
          y: 'label',
          x1: (r: IntervalRow) => r.ci![0],
          x2: (r: IntervalRow) => r.ci![1],
          stroke: 'currentColor',
          strokeOpacity: 0.7,
          strokeWidth: 2,
        },
      ),
      Plot.dot(rows, {
        y: 'label',
        x: 'value',
        r: 5,
        fill: (r: IntervalRow) => FILL[r.status],
        stroke: 'currentColor',
        title: 'title',
      }),
    ],
  };
}

/** A rate per bin (x = the bin's range) with 95% intervals, for several groups in their colours. */
export interface BinRow {
  group: string;
  x: string;
  value: number;
  ci: [number, number] | null;
  n: number;
}

export function binRates(
  rows: BinRow[],
  {
    xLabel,
    yLabel,
    bins,
    reference = null,
    width = 640,
    ariaLabel,
    colour = kindColour,
  }: {
    xLabel: string;
    yLabel: string;
    bins: string[];
    reference?: number | null;
    width?: number;
    ariaLabel: string;
    colour?: (group: string, index: number) => string;
  },
): Plot.PlotOptions {
  const groups = [...new Set(rows.map((r) => r.group))];
  // groups side by side within each bin: x = bin index + a small offset per group
  const at = (r: BinRow) => bins.indexOf(r.x) + (groups.indexOf(r.group) - (groups.length - 1) / 2) * 0.12;
  return {
    ...BASE,
    width,
    height: 260,
    ariaLabel,
    x: {
      label: xLabel,
      domain: [-0.5, bins.length - 0.5],
      ticks: bins.map((_, i) => i),
      tickFormat: (i: number) => bins[i] ?? '',
    },
    y: { label: yLabel, domain: [0, 1], grid: true, tickFormat: '.0%' },
    color: { domain: groups, range: groups.map(colour), legend: groups.length > 1 },
    marks: [
      ...(reference === null
        ? []
        : [Plot.ruleY([reference], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4,3' })]),
      Plot.ruleX(
        rows.filter((r) => r.ci),
        { x: at, y1: (r: BinRow) => r.ci![0], y2: (r: BinRow) => r.ci![1], stroke: 'group', strokeWidth: 2 },
      ),
      Plot.dot(rows, {
        x: at,
        y: 'value',
        fill: 'group',
        r: 4.5,
        stroke: 'currentColor',
        title: (r: BinRow) =>
          `${r.group}, ${r.x}: ${(100 * r.value).toFixed(1)}% of ${r.n}${r.ci ? ` (95% CI ${(100 * r.ci[0]).toFixed(1)}–${(100 * r.ci[1]).toFixed(1)}%)` : ''}`,
      }),
    ],
  };
}
