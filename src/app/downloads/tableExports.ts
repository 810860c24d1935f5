/**
 * The CSV behind each plain table the panels draw themselves (the others use `DataTable`, which has its
 * own CSV button): the columns, and the rows built only when the button is pressed. Numbers are written
 * unformatted (no percent signs, no thousands separators) so a spreadsheet reads them as numbers.
 */
import type { Issue } from '../../parse/types';
import type { AgreementSection } from '../../sections/agreementSection';
import { metricValue } from '../../sections/metrics';
import { METHOD_NAMES, METHODS, type AggregationSection, type Method } from '../../sections/aggregationSection';
import type { Flip } from '../../views/aggregationView';
import type { AnnotatorRow } from '../../sections/annotatorsSection';
import type { GoldPlanClaim } from '../../planning/goldPlan';
import type { ScalingScenario } from '../../planning/planDefaults';
import type { Approach } from '../../core/approachCosts';
import type { TableCell } from '../../render/tableCsv';

export type CsvTable = { columns: string[]; rows: () => TableCell[][] };

const flags = (r: AnnotatorRow) => r.reasons.join(' ');

/** The annotator table: every row it would show with the current filter, in its order (all pages). */
export function annotatorTable(rows: readonly AnnotatorRow[]): CsvTable {
  return {
    columns: [
      'annotator',
      'kind',
      'labels',
      'gold answers',
      'gold accuracy (exact)',
      'gold accuracy (direction)',
      'direction 95% CI low',
      'direction 95% CI high',
      'labels scored against the majority',
      'majority agreement',
      'mean seconds',
      'median seconds',
      'speed penalty',
      'spam probability (MACE)',
      'spammer score (confusion matrix)',
      'score',
      'flags',
      'removed',
    ],
    rows: () =>
      rows.map((r) => [
        r.id,
        r.kind,
        r.labels,
        r.gold_n,
        r.gold_accuracy,
        r.gold_accuracy_directional,
        r.gold_accuracy_ci95?.[0],
        r.gold_accuracy_ci95?.[1],
        r.majority_n,
        r.majority_agreement,
        r.mean_time_s,
        r.median_time_s,
        r.speed_penalty,
        r.spam_probability,
        r.spammer_score,
        r.composite,
        flags(r),
        r.removed ? 'yes' : 'no',
      ]),
  };
}

/** The coefficient table: each coefficient on the labels and on the direction, with 95% intervals. */
export function coefficientTable(
  agreement: AgreementSection,
  metrics: readonly { id: string; name: string }[],
): CsvTable {
  const at = (id: string) => [metricValue(agreement, id), agreement.ci95[id]?.[0], agreement.ci95[id]?.[1]];
  return {
    columns: [
      'coefficient',
      'id',
      'labels',
      'labels 95% CI low',
      'labels 95% CI high',
      'direction',
      'direction 95% CI low',
      'direction 95% CI high',
      'note',
    ],
    rows: () =>
      metrics.map((m) => [
        m.name,
        m.id,
        ...at(m.id),
        ...(agreement.directional ? at(`directional.${m.id}`) : [null, null, null]),
        agreement.reasons[m.id] ?? null,
      ]),
  };
}

/** The aggregation methods compared. */
export function methodTable(a: AggregationSection, chosen: Method): CsvTable {
  return {
    columns: [
      'method',
      'passes',
      'converged',
      'gold pairs',
      'gold accuracy (label)',
      'gold accuracy (direction)',
      'direction 95% CI low',
      'direction 95% CI high',
      'labels that differ from the majority vote',
      'used for export',
    ],
    rows: () =>
      a.methods.map((m) => [
        m.name,
        m.iterations,
        m.converged === null ? null : m.converged ? 'yes' : 'no',
        m.gold_n,
        m.gold_accuracy_exact,
        m.gold_accuracy,
        m.gold_accuracy_ci95?.[0],
        m.gold_accuracy_ci95?.[1],
        m.differs_from_majority,
        m.id === chosen ? 'yes' : 'no',
      ]),
  };
}

/** The pairs where the aggregation methods disagree (those listed), with their texts. */
export function flipsTable(items: readonly Flip[]): CsvTable {
  return {
    columns: [
      'pair',
      ...METHODS.map((m) => METHOD_NAMES[m]),
      'Dawid-Skene confidence',
      'labels',
      'gold',
      'prompt',
      'response A',
      'response B',
    ],
    rows: () =>
      items.map((f) => [
        f.item,
        ...METHODS.map((m) => f.labels[m]),
        f.confidence,
        f.n,
        f.gold,
        f.prompt,
        f.responseA,
        f.responseB,
      ]),
  };
}

/** The gold replay: the annotators the real-time rule would have caught. */
export function replayTable(caught: readonly AnnotatorRow[]): CsvTable {
  return {
    columns: [
      'annotator',
      'caught after gold answers',
      'labels landed before the catch',
      'labels',
      'labels after (would have been stopped)',
      'gold accuracy (direction) now',
      'flags',
    ],
    rows: () =>
      caught.map((r) => [
        r.id,
        r.replay?.after_gold,
        r.replay?.after_labels,
        r.labels,
        r.replay?.labels_after,
        r.gold_accuracy_directional,
        flags(r),
      ]),
  };
}

/** The rejected rows and other problems of a load (those listed). */
export function issuesTable(issues: readonly Issue[]): CsvTable {
  return {
    columns: ['file', 'row', 'column', 'problem'],
    rows: () => issues.map((i) => [i.file, i.row, i.column, i.message]),
  };
}

/** A square table with row and column labels (a confusion matrix). */
export function matrixTable(
  corner: string,
  labels: readonly string[],
  counts: readonly (readonly number[])[],
): CsvTable {
  return { columns: [corner, ...labels], rows: () => counts.map((row, i) => [labels[i], ...row]) };
}

/** The total cost of each approach at each scale. */
export function comparisonTable(
  names: readonly string[],
  comparison: readonly { pairs: number; totals: Record<string, number>; cheapest: string | null }[],
): CsvTable {
  return {
    columns: ['pairs', ...names.map((n) => `${n} ($)`), 'cheapest'],
    rows: () => comparison.map((r) => [r.pairs, ...names.map((n) => r.totals[n]), r.cheapest]),
  };
}

/** The labelling approaches with their cost and calendar time to the target. */
export function approachTable(
  target: number,
  approaches: readonly Approach[],
  costs: readonly { cost_low: number; cost_high: number; days: number }[],
): CsvTable {
  return {
    columns: [
      'approach',
      '$ low per comparison',
      '$ high per comparison',
      'comparisons per day',
      'target comparisons',
      'cost low ($)',
      'cost high ($)',
      'days',
    ],
    rows: () =>
      approaches.map((a, i) => [
        a.name,
        a.priceLow,
        a.priceHigh,
        a.perDay,
        target,
        costs[i]?.cost_low,
        costs[i]?.cost_high,
        costs[i]?.days,
      ]),
  };
}

/** The common gold-rate claims and how often a clicker is really caught under them. */
export function claimsTable(claims: readonly GoldPlanClaim[]): CsvTable {
  return {
    columns: ['claim', 'gold share', 'tasks', 'probability caught'],
    rows: () => claims.map((c) => [c.claim, c.gold_share, c.tasks, c.p_caught]),
  };
}

/** The editable scaling scenarios with their totals. */
export function scenarioTable(scenarios: readonly ScalingScenario[]): CsvTable {
  return {
    columns: ['approach', 'pairs', 'annotators', '$ per pair', 'weeks', 'kappa', 'total ($)'],
    rows: () =>
      scenarios.map((s) => [
        s.approach,
        s.pairs,
        s.annotators,
        s.price_per_pair,
        s.weeks,
        s.kappa,
        s.pairs * s.price_per_pair,
      ]),
  };
}
