import { fatigueCurve } from '../core/fatigueCurve';
import { judgementFilter } from '../core/judgementFilter';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import { sessionOrder } from '../core/sessionOrder';
import { timeQuantiles } from '../core/timeQuantiles';
import { HUMAN } from '../core/types';
import { wilsonInterval } from '../core/wilsonInterval';
import type { LoadResult } from '../parse/loadFiles';

/** Seconds per judgement at the 10th, 25th, 50th, 75th and 90th percentiles (type 7). */
export interface TimeQuantilesRow {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

export interface SpeedRow {
  /** judgements with a time */
  n: number;
  /** null when n = 0 */
  quantiles: TimeQuantilesRow | null;
  /** judgements faster than `too_fast_seconds` (strictly) */
  too_fast: number;
  /** too_fast / n; null when n = 0 */
  too_fast_share: number | null;
}

/** Gold answers in a stretch of the sessions: directional accuracy and its Wilson interval (null when none). */
export interface GoldStretch {
  gold_n: number;
  gold_accuracy: number | null;
  ci95: [number, number] | null;
}

export interface TimeSection {
  too_fast_seconds: number;
  /** every human annotator with a label on the overall dimension */
  annotators: (SpeedRow & { id: string })[];
  pooled: SpeedRow;
  /** gold accuracy along each annotator's own sequence of labels; null without gold answers */
  fatigue: {
    order: 'timestamp' | 'file order';
    /** labels without a timestamp, placed after the stamped ones (0 in file order) */
    missing_timestamps: number;
    bucket_width: number;
    buckets: (GoldStretch & { from: number; to: number })[];
    /** annotators with gold answers: first half of the own sequence against the second; change = second − first */
    annotators: {
      id: string;
      gold_n: number;
      first_half: GoldStretch;
      second_half: GoldStretch;
      change: number | null;
    }[];
  } | null;
}

const PROBS = [0.1, 0.25, 0.5, 0.75, 0.9];

function stretch(correct: number, n: number): GoldStretch {
  return { gold_n: n, gold_accuracy: n > 0 ? correct / n : null, ci95: n > 0 ? wilsonInterval(correct, n) : null };
}

function speedRow(n: number, q: ArrayLike<number>, below: number): SpeedRow {
  return {
    n,
    quantiles: n > 0 ? { p10: q[0], p25: q[1], p50: q[2], p75: q[3], p90: q[4] } : null,
    too_fast: below,
    too_fast_share: n > 0 ? below / n : null,
  };
}

/**
 * Speed and fatigue of the human judgements on the overall dimension. Speed: per annotator and pooled,
 * the type-7 quantiles of the time per label and the labels faster than `tooFast` seconds (`timeQuantiles`).
 * Fatigue: each annotator's labels in session order (`sessionOrder`: by timestamp, ties by file then row;
 * without timestamps by file then row), gold accuracy (directional, as the annotators table) per bucket
 * of positions pooled over annotators, and per annotator in the first and second half of its own
 * sequence (`fatigueCurve`), with Wilson intervals. Null when the data has neither times nor timestamps.
 */
export function timeSection(
  loaded: LoadResult,
  { tooFast = 5, bucketWidth = 0, minGold = 30 }: { tooFast?: number; bucketWidth?: number; minGold?: number } = {},
): TimeSection | null {
  const r = loaded.ratings;
  const mask = judgementFilter(r);
  const finiteIn = (xs: Float64Array | null) => {
    if (xs) for (let j = 0; j < r.n; j++) if (mask[j] && Number.isFinite(xs[j])) return true;
    return false;
  };
  if (!finiteIn(r.time) && !finiteIn(r.timestamp)) return null;

  const q = timeQuantiles(r, mask, { probs: PROBS, below: tooFast });
  const labels = labelsPerAnnotator(r, mask);
  const annotators: TimeSection['annotators'] = [];
  for (let a = 0; a < r.annotators.length; a++) {
    if (r.annotatorKind[a] !== HUMAN || labels[a] === 0) continue;
    annotators.push({
      id: r.annotators[a],
      ...speedRow(q.n[a], q.quantiles.subarray(a * PROBS.length, (a + 1) * PROBS.length), q.below[a]),
    });
  }

  const session = sessionOrder(r, mask, { file: loaded.file, row: loaded.row });
  const curve = fatigueCurve(r, session.position, { width: bucketWidth, minGold });
  let goldTotal = 0;
  for (const g of curve.goldN) goldTotal += g;
  const fatigue: TimeSection['fatigue'] =
    goldTotal === 0
      ? null
      : {
          order: session.order,
          missing_timestamps: session.nMissingTimestamp,
          bucket_width: curve.width,
          buckets: Array.from(curve.goldN, (n, b) => ({
            from: curve.from[b],
            to: curve.to[b],
            ...stretch(curve.correct[b], n),
          })),
          annotators: [],
        };
  if (fatigue) {
    for (let a = 0; a < r.annotators.length; a++) {
      const n = curve.firstN[a] + curve.secondN[a];
      if (r.annotatorKind[a] !== HUMAN || n === 0) continue;
      const first = stretch(curve.firstCorrect[a], curve.firstN[a]);
      const second = stretch(curve.secondCorrect[a], curve.secondN[a]);
      const change =
        first.gold_accuracy !== null && second.gold_accuracy !== null
          ? second.gold_accuracy - first.gold_accuracy
          : null;
      fatigue.annotators.push({ id: r.annotators[a], gold_n: n, first_half: first, second_half: second, change });
    }
  }
  return {
    too_fast_seconds: tooFast,
    annotators,
    pooled: speedRow(q.pooled.n, q.pooled.quantiles, q.pooled.below),
    fatigue,
  };
}
