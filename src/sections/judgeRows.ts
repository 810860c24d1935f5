import { goldAccuracy } from '../core/goldAccuracy';
import { judgementFilter } from '../core/judgementFilter';
import { majorityAgreement } from '../core/majorityAgreement';
import { AI, type Ratings } from '../core/types';
import type { ScoreWeights } from '../core/annotatorScores';
import { annotatorRow, type AnnotatorRow } from './annotatorsSection';
import { DEFAULT_SETTINGS } from '../defaults';

/**
 * Each AI judge as a row of the annotator table, scored by the same rules (gold accuracy, agreement with the
 * majority of the kept human annotators — the judge is not part of that majority, so no leave-one-out —
 * and no time), so the page can place it among the annotators. The report keeps these in `ai_judge`.
 */
export function judgeRows(
  r: Ratings,
  { removed = [], weights = DEFAULT_SETTINGS.weights }: { removed?: readonly number[]; weights?: ScoreWeights } = {},
): AnnotatorRow[] {
  const human = judgementFilter(r, { removed });
  const K = r.categories.length;
  const rows: AnnotatorRow[] = [];
  for (let a = 0; a < r.annotators.length; a++) {
    if (r.annotatorKind[a] !== AI) continue;
    const mine = new Uint8Array(r.n);
    const counts = new Float64Array(K);
    let labels = 0;
    for (let j = 0; j < r.n; j++) {
      if (r.annotator[j] !== a || r.dimension[j] !== 0) continue;
      mine[j] = 1;
      counts[r.label[j]]++;
      labels++;
    }
    if (labels === 0) continue;
    const gold = goldAccuracy(r, mine);
    const majority = majorityAgreement(
      r,
      Uint8Array.from(human, (h, j) => h | mine[j]),
    );
    const row = annotatorRow(
      {
        id: r.annotators[a],
        labels,
        labelCounts: counts,
        goldN: gold.n[a],
        goldExact: gold.correctExact[a],
        goldDirectional: gold.correctDirectional[a],
        majorityN: majority.n[a],
        majorityAgreed: majority.agreed[a],
        meanTime: NaN,
        medianTime: NaN,
        removed: false,
        replay: null,
      },
      { weights },
    );
    rows.push({ ...row, kind: 'ai' });
  }
  return rows;
}
