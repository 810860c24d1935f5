import * as Plot from '@observablehq/plot';
import type { Share } from '../core/orderConsistency';
import type { AiJudgeRow } from '../sections/aiJudgeSection';
import type { LengthControlledReport } from '../sections/judgeLength';
import type { PanelReport } from '../sections/judgePanelSection';
import { intervalDots, type IntervalRow } from './intervalDots';
import { BASE, DIVERGING_RANGE } from './theme';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const shareRow = (label: string, s: Share, status: IntervalRow['status'] = 'neutral'): IntervalRow[] =>
  s.share === null
    ? []
    : [{ label, value: s.share, ci: s.ci95, status, title: `${label}: ${pct(s.share)} (${s.k} of ${s.n})` }];

/**
 * Each judge run in both orders: consistency, then accuracy in the first order, the second and both agreeing, as
 * dots with 95% intervals.
 */
export function ordersChart(judges: AiJudgeRow[], { width = 640 }: { width?: number } = {}): Plot.PlotOptions {
  const rows = judges.flatMap((j) => {
    const o = j.orders;
    if (!o) return [];
    return [
      ...shareRow(`${j.id}: consistent`, o.consistency),
      ...(o.accuracy
        ? [
            ...shareRow(`${j.id}: first order right`, o.accuracy.first),
            ...shareRow(`${j.id}: second order right`, o.accuracy.second),
            ...shareRow(`${j.id}: both right`, o.accuracy.both, 'good'),
          ]
        : []),
    ];
  });
  return {
    ...intervalDots(rows, {
      label: 'share of pairs judged in both orders',
      domain: [0, 1],
      share: true,
      width,
      ariaLabel: `Consistency across presentation orders and accuracy in each order for ${judges.filter((j) => j.orders).length} judges, with 95% intervals`,
    }),
    marginLeft: 230,
  };
}

/** The panel's error correlations as a matrix of cells (blue: errors together, orange: apart), values written in. */
export function errorCorrelationMatrix(panel: PanelReport, { width = 420 }: { width?: number } = {}): Plot.PlotOptions {
  const cells = panel.members.flatMap((a, i) =>
    panel.members.map((b, j) => ({ a, b, r: panel.error_correlation[i][j] })),
  );
  const size = Math.max(240, Math.min(width, 70 * panel.members.length + 150));
  return {
    ...BASE,
    width: size,
    height: size,
    marginLeft: 130,
    marginBottom: 110,
    ariaLabel: `Correlation of the errors of ${panel.members.length} judges on ${panel.items} pairs: blue, they err on the same pairs; orange, on different ones`,
    x: { domain: panel.members, label: null, tickRotate: -35 },
    y: { domain: panel.members, label: null },
    color: { type: 'diverging', range: DIVERGING_RANGE, domain: [-1, 1], legend: true, label: 'error correlation' },
    marks: [
      Plot.cell(
        cells.filter((c) => c.r !== null),
        { x: 'a', y: 'b', fill: 'r', inset: 0.5, title: (c) => `${c.a} × ${c.b}: ${c.r.toFixed(3)}` },
      ),
      Plot.text(cells, {
        x: 'a',
        y: 'b',
        text: (c) => (c.r === null ? 'n/a' : c.r.toFixed(2)),
        fill: (c) => (c.r !== null && Math.abs(c.r) > 0.6 ? 'white' : 'black'),
      }),
    ],
  };
}

/** Raw and length-controlled win rates against the baseline, per judge and for the humans. */
export function lengthControlChart(
  rows: { id: string; lc: LengthControlledReport }[],
  { width = 640 }: { width?: number } = {},
): Plot.PlotOptions {
  const dots = rows.flatMap(({ id, lc }): IntervalRow[] => [
    ...(lc.raw === null
      ? []
      : [
          {
            label: `${id}: raw`,
            value: lc.raw,
            ci: lc.raw_ci95,
            status: 'neutral' as const,
            title: `raw ${pct(lc.raw)}`,
          },
        ]),
    ...(lc.controlled === null
      ? []
      : [
          {
            label: `${id}: length-controlled`,
            value: lc.controlled,
            ci: lc.controlled_ci95,
            status: 'good' as const,
            title: `at equal length ${pct(lc.controlled)}`,
          },
        ]),
  ]);
  return {
    ...intervalDots(dots, {
      label: `win rate against ${rows[0]?.lc.baseline ?? 'the baseline'}`,
      domain: [0, 1],
      share: true,
      reference: 0.5,
      width,
      ariaLabel: `Win rate against the baseline model, raw and at equal length, for ${rows.length} sets of verdicts, with 95% intervals`,
    }),
    marginLeft: 230,
  };
}

/** Each judge's share for its own family's answers beside the humans' on the same pairs. */
export function selfPreferenceChart(judges: AiJudgeRow[], { width = 640 }: { width?: number } = {}): Plot.PlotOptions {
  const rows = judges.flatMap((j): IntervalRow[] => {
    const sp = j.self_preference;
    if (!sp) return [];
    const there = sp.on_human_pairs;
    return there
      ? [...shareRow(`${j.id}`, there.judge, 'warning'), ...shareRow(`humans on ${j.id}'s pairs`, there.humans)]
      : shareRow(`${j.id}`, sp.judge, 'warning');
  });
  return {
    ...intervalDots(rows, {
      label: "share of decisive verdicts for the judge's own family",
      domain: [0, 1],
      share: true,
      reference: 0.5,
      width,
      ariaLabel: `Self-preference of ${judges.filter((j) => j.self_preference).length} judges, beside the humans on the same pairs`,
    }),
    marginLeft: 230,
  };
}
