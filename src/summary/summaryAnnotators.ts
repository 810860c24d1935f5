import { annotatorScores } from '../core/annotatorScores';
import { wilsonInterval } from '../core/wilsonInterval';
import { DEFAULT_WEIGHTS, type AnnotatorRow } from '../report/annotatorsSection';
import type { ScoreWeights } from '../core/annotatorScores';
import type { Summary } from './types';

const num = (x: number) => (Number.isFinite(x) ? x : null);
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
/** timeStats' speed penalty (report-schema: 1 if mean time >= 5 s, else mean / 5); NaN without times */
const speedPenalty = (mean: number, fullSpeed = 5) => (Number.isNaN(mean) ? NaN : mean >= fullSpeed ? 1 : Math.max(0, mean / fullSpeed));

/**
 * The report's `annotators` rows from a summary file, equal to `annotatorsSection` on the raw
 * judgements (no annotator removed): gold accuracies and their Wilson interval, leave-one-out majority
 * agreement, mean time and speed penalty from the per-annotator sums, composite and flags from
 * `annotatorScores`. What sums cannot give: `median_time_s` is null (a median needs every time), and
 * the real-time gold replay needs each annotator's judgements in submission order, so `replay` says
 * "not caught" with null positions and order `rows` — read it as "not available" (the page should).
 */
export function summaryAnnotators(summary: Summary, { weights = DEFAULT_WEIGHTS }: { weights?: ScoreWeights } = {}): AnnotatorRow[] {
  const rows = summary.annotators.filter((a) => a.labels > 0);
  const gold = { n: rows.map((a) => a.gold_n), directional: rows.map((a) => ratio(a.gold_directional, a.gold_n)) };
  const majority = { n: rows.map((a) => a.majority_n), share: rows.map((a) => ratio(a.majority_agreed, a.majority_n)) };
  const meanTime = rows.map((a) => ratio(a.time_sum, a.time_count));
  const penalty = meanTime.map((m) => speedPenalty(m));
  const scores = annotatorScores({ gold, majority, speedPenalty: penalty }, { weights, meanTime });
  return rows.map((a, i) => {
    const ci = wilsonInterval(a.gold_directional, a.gold_n);
    return {
      id: a.id,
      kind: 'human',
      labels: a.labels,
      gold_n: a.gold_n,
      gold_accuracy: num(ratio(a.gold_exact, a.gold_n)),
      gold_accuracy_directional: num(gold.directional[i]),
      gold_accuracy_ci95: Number.isNaN(ci[0]) ? null : ci,
      majority_n: a.majority_n,
      majority_agreement: num(majority.share[i]),
      mean_time_s: num(meanTime[i]),
      median_time_s: null,
      speed_penalty: num(penalty[i]),
      composite: num(scores.composite[i]),
      flagged: scores.flagged[i] === 1,
      reasons: scores.flags[i],
      removed: false,
      label_counts: [...a.label_counts],
      replay: { caught: false, after_labels: null, after_gold: null, labels_after: 0, order: 'rows' },
    };
  });
}
