import * as Plot from '@observablehq/plot';
import { BANDS } from '../core/interpretationBand';
import { changeTone, type ComparisonSection } from '../sections/comparisonSection';
import type { DriftSection } from '../sections/driftSection';
import { metricName } from '../sections/metrics';
import { BASE, KIND_COLOURS, STATUS } from './theme';
import { intervalDots, type IntervalRow } from './intervalDots';

/**
 * B − A of every coefficient (not the shares, which are on another scale, nor the slices) as a dot with its
 * 95% interval, a line at 0: red where the change is beyond the noise and for the worse, green for the
 * better, grey within it.
 */
export function comparisonChart(c: ComparisonSection, { width = 640 }: { width?: number } = {}) {
  const rows: IntervalRow[] = c.rows
    .filter((r) => r.delta !== null && r.unit !== 'share' && !r.id.startsWith('slice.'))
    .map((r) => ({
      label: r.name.length > 34 ? `${r.name.slice(0, 33)}…` : r.name,
      value: r.delta!,
      ci: r.ci95,
      status: changeTone(r),
      title: r.verdict,
    }));
  return {
    ...intervalDots(rows, {
      label: 'B − A',
      reference: 0,
      width,
      ariaLabel: `Change of ${rows.length} coefficients from run A to run B, with 95% intervals`,
    }),
    // room for the longest names ("Krippendorff's alpha (interval), direction only", cut at 34 characters)
    marginLeft: 250,
  };
}

/**
 * The band metric per period as a line with its 95% intervals, the bands' edges as faint rules, the period
 * where it left the band it held marked in the flagged colour.
 */
export function driftChart(d: DriftSection, { width = 640 }: { width?: number } = {}): Plot.PlotOptions {
  const points = d.periods
    .filter((p) => p.values[d.metric] !== null)
    .map((p) => ({
      period: p.period,
      value: p.values[d.metric]!,
      lo: p.ci95[d.metric]?.[0] ?? p.values[d.metric]!,
      hi: p.ci95[d.metric]?.[1] ?? p.values[d.metric]!,
      left: d.left_band?.period === p.period,
    }));
  return {
    ...BASE,
    width,
    height: 260,
    marginBottom: 60,
    ariaLabel: `${metricName(d.metric)} per period of ${d.by}, with 95% intervals`,
    x: { label: null, domain: d.periods.map((p) => p.period), tickRotate: d.periods.length > 8 ? -30 : 0 },
    y: { label: metricName(d.metric), grid: true },
    marks: [
      Plot.ruleY(
        BANDS.map((b) => b.range[0]).filter((x) => x > 0),
        { stroke: '#bbb', strokeDasharray: '3,3' },
      ),
      Plot.ruleX(points, { x: 'period', y1: 'lo', y2: 'hi', stroke: '#777' }),
      Plot.line(points, { x: 'period', y: 'value', stroke: KIND_COLOURS.human }),
      Plot.dot(points, {
        x: 'period',
        y: 'value',
        r: 4,
        fill: (p: { left: boolean }) => (p.left ? STATUS.flagged : KIND_COLOURS.human),
        title: (p: { period: string; value: number; lo: number; hi: number }) =>
          `${p.period}: ${p.value.toFixed(3)} [${p.lo.toFixed(3)}, ${p.hi.toFixed(3)}]`,
      }),
    ],
  };
}
