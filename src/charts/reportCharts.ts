import type * as Plot from '@observablehq/plot';
import { percent } from '../format';
import { metricIds, metricValue } from '../sections/metrics';
import type { AnnotatorRow } from '../sections/annotatorsSection';
import type { BiasReport } from '../sections/judgesReport';
import { pairMatrix } from '../views/pairMatrix';
import type { Report } from '../report/report';
import type { RoutingView } from '../views/routingView';
import { lengthBinLabel, reportCategories } from '../report/reportLabels';
import { bandScale } from './bandScale';
import { finalLabelDistribution } from './finalLabelCharts';
import { binRates, intervalDots, type BinRow, type IntervalRow } from './intervalDots';
import { calibrationChart, fatigueChart, routingChart, timeChart, winRateMatrix } from './judgeCharts';
import { errorCorrelationMatrix, lengthControlChart, ordersChart, selfPreferenceChart } from './judgeAuditCharts';
import { lengthRows } from '../views/judgeAudits';
import { labelDistribution } from './labelDistribution';
import { labelsPerAnnotatorChart } from './labelsPerAnnotatorChart';
import { pairHeatmap } from './pairHeatmap';
import { reliabilityScatter } from './reliabilityScatter';
import { sliceIntervals } from './sliceIntervals';
import { rubricCorrelationChart } from './rubricCharts';
import { budgetCurveChart } from './nextLabelCharts';

/** The report section a chart belongs to (the HTML report places it there). */
export type ReportChartSection =
  'input' | 'agreement' | 'annotators' | 'aggregation' | 'ai_judge' | 'bias' | 'rubric' | 'next_label';

export interface ReportChart {
  title: string;
  section: ReportChartSection;
  spec: Plot.PlotOptions;
}

const pValue = (x: number | null) => (x === null ? '—' : x < 1e-4 ? '< 0.0001' : x.toFixed(4));

/** Position bias rows (share choosing the side shown first), highest first, flagged in their colour. */
export function positionRows(position: NonNullable<BiasReport['position']>): IntervalRow[] {
  return position.annotators
    .filter((a) => a.share !== null && a.n > 0)
    .sort((a, b) => b.share! - a.share!)
    .map((a) => ({
      label: `${a.id}${a.kind === 'ai' ? ' (AI)' : ''}`,
      value: a.share!,
      ci: a.ci95,
      status: a.flagged ? ('flagged' as const) : ('neutral' as const),
      title: `${a.id}: ${percent(a.share!)} of ${a.n} decisive labels chose the side shown first (p = ${pValue(a.p_value)})${a.flagged ? ': flagged position_bias' : ''}`,
    }));
}

/** Length-bias bins as chart rows: humans pooled and each AI judge. */
export function lengthBinRows(length: NonNullable<BiasReport['length']>): { bins: string[]; rows: BinRow[] } {
  return {
    bins: [...new Set(length.bins.map((b) => lengthBinLabel(b.from, b.to)))],
    rows: length.bins
      .filter((b) => b.n > 0 && b.share_a !== null)
      .map((b) => ({
        group: b.judge === null ? 'humans' : `${b.judge} (AI)`,
        x: lengthBinLabel(b.from, b.to),
        value: b.share_a!,
        ci: b.ci95,
        n: b.n,
      })),
  };
}

/**
 * Every chart the page draws that the report's numbers can draw again, as Plot specs with the page's
 * titles, in the order of the report's sections. Charts whose data the report lacks (no judge, no texts,
 * no models) are left out.
 */
export function reportCharts(report: Report): ReportChart[] {
  const charts: ReportChart[] = [];
  const add = (section: ReportChartSection, title: string, spec: Plot.PlotOptions) =>
    charts.push({ section, title, spec: { ...spec, ariaLabel: spec.ariaLabel ?? title } });
  const { input, agreement, aggregation, ai_judge: judges, bias } = report;

  const counts = Object.entries(input.label_counts).map(([label, count]) => ({ label, count }));
  if (counts.some((c) => c.count > 0)) add('input', 'Label distribution', labelDistribution(counts));
  const humans = report.annotators
    .filter((a) => a.kind === 'human')
    .sort((a, b) => b.labels - a.labels || (a.id < b.id ? -1 : 1));
  if (humans.length)
    add(
      'input',
      'Labels per annotator',
      labelsPerAnnotatorChart(humans.map((a) => ({ id: a.id, kind: a.kind, labels: a.labels }))),
    );

  if (agreement) {
    const metrics = metricIds(input.scale !== 'nominal');
    const bandMetric = agreement.band?.metric ?? report.settings.band_metric;
    const name = (id: string) => metrics.find((m) => m.id === id)?.name ?? id;
    add(
      'agreement',
      'Where the value falls',
      bandScale(metricValue(agreement, bandMetric), agreement.ci95[bandMetric] ?? null, name(bandMetric)),
    );
    if (agreement.cohen_pairs.length)
      add('agreement', "Pairwise Cohen's kappa", pairHeatmap(pairMatrix(agreement.cohen_pairs)));
    // slices carry the count-based coefficients: the band metric when it is one of them, else Fleiss' kappa
    for (const [column, rows] of Object.entries(agreement.slices)) {
      const metric = rows.some((r) => metricValue(r, bandMetric) !== null) ? bandMetric : 'fleiss_kappa';
      // the labels (value and items) of a column such as `model_pair` are long: room for the longest
      const longest = Math.max(...rows.map((r) => r.value.length + String(r.items_pairable).length + 3));
      if (rows.some((r) => metricValue(r, metric) !== null))
        add('agreement', `${name(metric)} by ${column}`, {
          ...sliceIntervals(rows, metric, name(metric)),
          marginLeft: Math.min(320, Math.max(160, Math.ceil(6.5 * longest))),
        });
    }
  }

  // the scatter of the annotators panel: humans kept, and each AI judge scored by the same rules
  const scored: AnnotatorRow[] = [
    ...report.annotators.map((a) => ({ ...a, removed: false, label_counts: [], replay: null })),
    ...(judges?.judges ?? []).map((j) => ({
      id: j.id,
      kind: 'ai' as const,
      labels: j.items,
      gold_n: j.reliability.gold_n,
      gold_accuracy: null,
      gold_accuracy_directional: j.reliability.gold_accuracy_directional,
      gold_accuracy_ci95: null,
      spam_probability: null,
      spammer_score: null,
      majority_n: j.reliability.majority_n,
      majority_agreement: j.reliability.majority_agreement,
      mean_time_s: null,
      median_time_s: null,
      speed_penalty: null,
      composite: null,
      flagged: false,
      reasons: [],
      removed: false,
      label_counts: [],
      replay: null,
    })),
  ];
  if (scored.some((a) => a.gold_accuracy_directional !== null && a.majority_agreement !== null))
    add('annotators', 'Gold accuracy against agreement with the majority', reliabilityScatter(scored));

  if (aggregation && aggregation.items > 0)
    add('aggregation', 'Final labels by method', finalLabelDistribution(aggregation, reportCategories(report)));

  for (const judge of judges?.judges ?? []) {
    if (judge.calibration)
      add(
        'ai_judge',
        `${judge.id}: calibration (ECE ${judge.calibration.ece.toFixed(3)})`,
        calibrationChart(judge.calibration),
      );
  }
  if (judges?.judges.some((j) => j.orders))
    add('ai_judge', 'Consistency and accuracy in each order', ordersChart(judges.judges));
  if (judges?.panel) add('ai_judge', 'Error correlation between judges', errorCorrelationMatrix(judges.panel));
  if (judges?.judges.some((j) => j.self_preference))
    add('ai_judge', "Verdicts for the judge's own family", selfPreferenceChart(judges.judges));
  const lengths = judges ? lengthRows(judges) : [];
  if (lengths.length) add('ai_judge', 'Win rate, raw and at equal length', lengthControlChart(lengths));
  for (const routing of judges?.routing.judges ?? []) {
    if (routing.points.length === 0) continue;
    const view = {
      judge: routing.id,
      reference: judges!.routing.reference,
      n: routing.n,
      points: routing.points,
      best: routing.best as RoutingView['best'],
      ai_only_accuracy: routing.ai_only_accuracy,
    };
    add(
      'ai_judge',
      `${routing.id}: accuracy against the threshold`,
      routingChart(view, 'accuracy', { target: judges!.routing.inputs.target }),
    );
    add('ai_judge', `${routing.id}: cost per 1,000 pairs against the threshold`, routingChart(view, 'cost'));
  }

  if (bias?.position) {
    const rows = positionRows(bias.position);
    const flagged = bias.position.annotators.filter((a) => a.flagged).length;
    if (rows.length)
      add(
        'bias',
        'Share choosing the side shown first, per annotator and judge',
        intervalDots(rows, {
          label: 'Share of decisive labels for the side shown first',
          reference: 0.5,
          domain: [0, 1],
          share: true,
          ariaLabel: `Share choosing the side shown first for ${rows.length} annotators and judges with 95% intervals; ${flagged} flagged`,
        }),
      );
  }
  if (bias?.length) {
    const { bins, rows } = lengthBinRows(bias.length);
    if (rows.length)
      add(
        'bias',
        'Preference for A against the length ratio',
        binRates(rows, {
          xLabel: 'log2(length of A / length of B)',
          yLabel: 'Share choosing A',
          bins,
          reference: 0.5,
          ariaLabel: `Share of decisive labels choosing A per bin of the length ratio, humans${bias.length.bins.some((b) => b.judge) ? ' and AI judges' : ''}, with 95% intervals`,
        }),
      );
  }
  if (bias?.time) {
    if (bias.time.annotators.some((a) => a.quantiles))
      add('bias', 'Seconds per label (10th–90th percentile, quartiles, median)', timeChart(bias.time));
    if (bias.time.fatigue?.buckets.some((b) => b.gold_accuracy !== null))
      add('bias', 'Gold accuracy along the sessions', fatigueChart(bias.time.fatigue));
  }
  const ratings = bias?.model_ratings;
  if (ratings) {
    const rows: IntervalRow[] = ratings.models
      .filter((m) => m.rating !== null)
      .map((m) => ({
        label: m.model,
        value: m.rating!,
        ci: m.rating_ci95,
        status: 'neutral',
        title: `${m.model}: rating ${m.rating!.toFixed(0)}${m.rating_ci95 ? ` (95% CI ${m.rating_ci95[0].toFixed(0)} to ${m.rating_ci95[1].toFixed(0)})` : ''}; win rate ${percent(m.win_rate)} over ${m.comparisons} comparisons`,
      }));
    if (rows.length)
      add(
        'bias',
        'Model ratings with 95% intervals',
        intervalDots(rows, {
          label: 'Bradley-Terry rating (Elo-like)',
          reference: 0,
          ariaLabel: `Bradley-Terry ratings of ${rows.length} models with 95% intervals`,
        }),
      );
    if (ratings.matrix.models.length >= 2) add('bias', 'Win rate, row against column', winRateMatrix(ratings));
  }
  if (report.rubric)
    add('rubric', 'Spearman correlation between rubric dimensions', rubricCorrelationChart(report.rubric.correlations));
  if (report.next_label?.curve.length)
    add('next_label', 'Expected accuracy against budget', budgetCurveChart(report.next_label.curve));
  return charts;
}
