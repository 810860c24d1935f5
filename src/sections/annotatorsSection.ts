import { annotatorScores, type ScoreWeights } from '../core/annotatorScores';
import { goldAccuracy } from '../core/goldAccuracy';
import { goldReplay } from '../core/goldReplay';
import { judgementFilter } from '../core/judgementFilter';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import { majorityAgreement } from '../core/majorityAgreement';
import { speedPenalty } from '../core/speedPenalty';
import { timeStats } from '../core/timeStats';
import { HUMAN, type Ratings } from '../core/types';
import { wilsonInterval } from '../core/wilsonInterval';
import { DEFAULT_SETTINGS, FLAG_RULES } from '../defaults';
import type { SpamScore } from './spamScores';

/** One row of the report's `annotators` section (`docs/report-schema.md`), plus what the page shows beside it. */
export interface AnnotatorRow {
  id: string;
  kind: 'human' | 'ai';
  labels: number;
  gold_n: number;
  gold_accuracy: number | null;
  gold_accuracy_directional: number | null;
  gold_accuracy_ci95: [number, number] | null;
  majority_n: number;
  majority_agreement: number | null;
  mean_time_s: number | null;
  median_time_s: number | null;
  speed_penalty: number | null;
  composite: number | null;
  flagged: boolean;
  reasons: string[];
  removed: boolean;
  /** MACE's spamming probability and the Dawid-Skene confusion matrix's spammer score (`spamScores`); null when not computed */
  spam_probability: number | null;
  spammer_score: number | null;
  /** labels per category of the scale */
  label_counts: number[];
  /** the real-time gold rule replayed in submission order; null when the data has no submission order (a summary file) */
  replay: {
    caught: boolean;
    after_labels: number | null;
    after_gold: number | null;
    labels_after: number;
    order: 'timestamp' | 'rows';
  } | null;
}

/** What one annotator row is computed from: counts and times, as the judgements and a summary file both give them. */
export interface AnnotatorCounts {
  id: string;
  labels: number;
  /** labels per category of the scale */
  labelCounts: ArrayLike<number>;
  /** gold answers, and how many equal the gold label / are on its side */
  goldN: number;
  goldExact: number;
  goldDirectional: number;
  /** labels scored against the leave-one-out majority, and how many agree with it */
  majorityN: number;
  majorityAgreed: number;
  /** seconds per label; NaN when unknown (no times, or a median from sums) */
  meanTime: number;
  medianTime: number;
  removed: boolean;
  replay: AnnotatorRow['replay'];
}

const DEFAULT_WEIGHTS: ScoreWeights = DEFAULT_SETTINGS.weights;

const num = (x: number) => (Number.isFinite(x) ? x : null);
const ratio = (a: number, n: number) => (n > 0 ? a / n : NaN);

/**
 * One row of the `annotators` section from its counts: gold accuracies (exact, directional) and the
 * Wilson interval of the directional one, leave-one-out majority agreement, times and `speedPenalty`,
 * composite and flags from `annotatorScores` (an annotator's score depends only on its own parts).
 */
export function annotatorRow(
  c: AnnotatorCounts,
  { weights = DEFAULT_WEIGHTS }: { weights?: ScoreWeights } = {},
): AnnotatorRow {
  const directional = ratio(c.goldDirectional, c.goldN);
  const majority = ratio(c.majorityAgreed, c.majorityN);
  const penalty = speedPenalty(c.meanTime);
  const scores = annotatorScores(
    {
      gold: { n: [c.goldN], directional: [directional] },
      majority: { n: [c.majorityN], share: [majority] },
      speedPenalty: [penalty],
    },
    { ...FLAG_RULES, weights, meanTime: [c.meanTime] },
  );
  const ci = wilsonInterval(c.goldDirectional, c.goldN);
  return {
    id: c.id,
    kind: 'human',
    labels: c.labels,
    gold_n: c.goldN,
    gold_accuracy: num(ratio(c.goldExact, c.goldN)),
    gold_accuracy_directional: num(directional),
    gold_accuracy_ci95: Number.isNaN(ci[0]) ? null : ci,
    majority_n: c.majorityN,
    majority_agreement: num(majority),
    mean_time_s: num(c.meanTime),
    median_time_s: num(c.medianTime),
    speed_penalty: num(penalty),
    composite: num(scores.composite[0]),
    flagged: scores.flagged[0] === 1,
    reasons: scores.flags[0],
    removed: c.removed,
    spam_probability: null,
    spammer_score: null,
    label_counts: Array.from(c.labelCounts),
    replay: c.replay,
  };
}

/**
 * The `annotators` section: every human annotator with at least one label (overall dimension). The
 * leave-one-out majority of the active annotators uses only the other active annotators; a removed
 * annotator is scored against everyone, so the page can show why it was removed. `positionBiased`: ids
 * flagged by the position-bias rule (`positionBiasFlags`), which adds the reason `position_bias`. `spam`: spam
 * scores by id (`spamScores`), shown in the row; a `spammer` among them adds the reason `spammer`.
 */
export function annotatorsSection(
  r: Ratings,
  {
    removed = [],
    weights = DEFAULT_WEIGHTS,
    positionBiased = new Set<string>(),
    spam = new Map(),
  }: {
    removed?: readonly number[];
    weights?: ScoreWeights;
    positionBiased?: ReadonlySet<string>;
    spam?: ReadonlyMap<string, SpamScore>;
  } = {},
): AnnotatorRow[] {
  const active = judgementFilter(r, { removed });
  const all = judgementFilter(r);
  const isRemoved = new Uint8Array(r.annotators.length);
  for (const a of removed) isRemoved[a] = 1;
  const stats = (mask: Uint8Array) => ({
    gold: goldAccuracy(r, mask),
    majority: majorityAgreement(r, mask),
    time: timeStats(r, mask),
  });
  const main = stats(active);
  const ofRemoved = removed.length ? stats(all) : main;
  const replay = goldReplay(r, all, { minGold: FLAG_RULES.minGold, threshold: FLAG_RULES.goldThreshold });
  const labels = labelsPerAnnotator(r, all);
  const K = r.categories.length;
  const counts = new Float64Array(r.annotators.length * K);
  for (let j = 0; j < r.n; j++) if (all[j]) counts[r.annotator[j] * K + r.label[j]]++;
  const rows: AnnotatorRow[] = [];
  for (let a = 0; a < r.annotators.length; a++) {
    if (r.annotatorKind[a] !== HUMAN || labels[a] === 0) continue;
    const { gold, majority, time } = isRemoved[a] ? ofRemoved : main;
    rows.push(
      annotatorRow(
        {
          id: r.annotators[a],
          labels: labels[a],
          labelCounts: counts.subarray(a * K, a * K + K),
          goldN: gold.n[a],
          goldExact: gold.correctExact[a],
          goldDirectional: gold.correctDirectional[a],
          majorityN: majority.n[a],
          majorityAgreed: majority.agreed[a],
          meanTime: time.mean[a],
          medianTime: time.median[a],
          removed: isRemoved[a] === 1,
          replay: {
            caught: replay.caught[a] === 1,
            after_labels: replay.caughtAfterLabels[a] >= 0 ? replay.caughtAfterLabels[a] : null,
            after_gold: replay.caughtAfterGold[a] >= 0 ? replay.caughtAfterGold[a] : null,
            labels_after: replay.labelsAfterCatch[a],
            order: replay.order,
          },
        },
        { weights },
      ),
    );
    const row = rows[rows.length - 1];
    if (positionBiased.has(row.id)) {
      row.reasons.push('position_bias');
      row.flagged = true;
    }
    const scores = spam.get(row.id);
    if (scores) {
      row.spam_probability = scores.spam_probability;
      row.spammer_score = scores.spammer_score;
      if (scores.spammer) {
        row.reasons.push('spammer');
        row.flagged = true;
      }
    }
  }
  return rows;
}
