import { annotatorScores, type ScoreWeights } from '../core/annotatorScores';
import { goldAccuracy } from '../core/goldAccuracy';
import { goldReplay } from '../core/goldReplay';
import { judgementFilter } from '../core/judgementFilter';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import { majorityAgreement } from '../core/majorityAgreement';
import { timeStats } from '../core/timeStats';
import { HUMAN, type Ratings } from '../core/types';
import { wilsonInterval } from '../core/wilsonInterval';

/** One row of the report's `annotators` section (report-schema), plus what the page shows beside it. */
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
  /** labels per category of the scale */
  label_counts: number[];
  /** the real-time gold rule replayed in submission order */
  replay: { caught: boolean; after_labels: number | null; after_gold: number | null; labels_after: number; order: 'timestamp' | 'rows' };
}

export const DEFAULT_WEIGHTS: ScoreWeights = { gold: 0.4, majority: 0.3, speed: 0.3 };

const num = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The `annotators` section: every human annotator with at least one label (overall dimension). The
 * leave-one-out majority of the active annotators uses only the other active annotators; a removed
 * annotator is scored against everyone, so the page can show why it was removed.
 */
export function annotatorsSection(r: Ratings, { removed = [], weights = DEFAULT_WEIGHTS }: { removed?: readonly number[]; weights?: ScoreWeights } = {}): AnnotatorRow[] {
  const active = judgementFilter(r, { removed });
  const all = judgementFilter(r);
  const isRemoved = new Uint8Array(r.annotators.length);
  for (const a of removed) isRemoved[a] = 1;
  const stats = (mask: Uint8Array) => {
    const gold = goldAccuracy(r, mask);
    const majority = majorityAgreement(r, mask);
    const time = timeStats(r, mask);
    const scores = annotatorScores({ gold, majority, speedPenalty: r.time ? time.speedPenalty : null }, { weights, meanTime: r.time ? time.mean : null });
    return { gold, majority, time, scores };
  };
  const main = stats(active);
  const ofRemoved = removed.length ? stats(all) : main;
  const replay = goldReplay(r, all);
  const labels = labelsPerAnnotator(r, all);
  const K = r.categories.length;
  const counts = new Float64Array(r.annotators.length * K);
  for (let j = 0; j < r.n; j++) if (all[j]) counts[r.annotator[j] * K + r.label[j]]++;
  const rows: AnnotatorRow[] = [];
  for (let a = 0; a < r.annotators.length; a++) {
    if (r.annotatorKind[a] !== HUMAN || labels[a] === 0) continue;
    const s = isRemoved[a] ? ofRemoved : main;
    const ci = wilsonInterval(s.gold.correctDirectional[a], s.gold.n[a]);
    rows.push({
      id: r.annotators[a],
      kind: 'human',
      labels: labels[a],
      gold_n: s.gold.n[a],
      gold_accuracy: num(s.gold.exact[a]),
      gold_accuracy_directional: num(s.gold.directional[a]),
      gold_accuracy_ci95: Number.isNaN(ci[0]) ? null : ci,
      majority_n: s.majority.n[a],
      majority_agreement: num(s.majority.share[a]),
      mean_time_s: num(s.time.mean[a]),
      median_time_s: num(s.time.median[a]),
      speed_penalty: num(s.time.speedPenalty[a]),
      composite: num(s.scores.composite[a]),
      flagged: s.scores.flagged[a] === 1,
      reasons: s.scores.flags[a],
      removed: isRemoved[a] === 1,
      label_counts: Array.from(counts.subarray(a * K, a * K + K)),
      replay: {
        caught: replay.caught[a] === 1,
        after_labels: replay.caughtAfterLabels[a] >= 0 ? replay.caughtAfterLabels[a] : null,
        after_gold: replay.caughtAfterGold[a] >= 0 ? replay.caughtAfterGold[a] : null,
        labels_after: replay.labelsAfterCatch[a],
        order: replay.order,
      },
    });
  }
  return rows;
}
