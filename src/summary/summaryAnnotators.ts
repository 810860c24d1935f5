import type { ScoreWeights } from '../core/annotatorScores';
import { annotatorRow, type AnnotatorRow } from '../sections/annotatorsSection';
import { DEFAULT_SETTINGS } from '../defaults';
import type { Summary } from './types';

/**
 * The report's `annotators` rows from a summary file, equal to `annotatorsSection` on the raw
 * judgements (no annotator removed): `annotatorRow` on each annotator's sums, the mean time being
 * time_sum / time_count. What sums cannot give is said as such: `median_time_s` is null (a median needs
 * every time), and `replay` is null (the real-time gold replay needs each annotator's judgements in
 * submission order).
 */
export function summaryAnnotators(
  summary: Summary,
  { weights = DEFAULT_SETTINGS.weights }: { weights?: ScoreWeights } = {},
): AnnotatorRow[] {
  return summary.annotators
    .filter((a) => a.labels > 0)
    .map((a) =>
      annotatorRow(
        {
          id: a.id,
          labels: a.labels,
          labelCounts: a.label_counts,
          goldN: a.gold_n,
          goldExact: a.gold_exact,
          goldDirectional: a.gold_directional,
          majorityN: a.majority_n,
          majorityAgreed: a.majority_agreed,
          meanTime: a.time_count > 0 ? a.time_sum / a.time_count : NaN,
          medianTime: NaN,
          removed: false,
          replay: null,
        },
        { weights },
      ),
    );
}
