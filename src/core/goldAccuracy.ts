import type { Ratings } from './types';
import { directionalSides } from './directionalSides';

export interface GoldAccuracy {
  /** per annotator: selected judgements on gold items (`gold_n`) */
  n: Int32Array;
  /** per annotator: judgements equal to the gold category */
  correctExact: Int32Array;
  /** per annotator: judgements on the gold category's side (A / tie / B); = correctExact for nominal data */
  correctDirectional: Int32Array;
  /** correctExact / n (`gold_accuracy`); NaN when n = 0 */
  exact: Float64Array;
  /** correctDirectional / n (`gold_accuracy_directional`); NaN when n = 0 */
  directional: Float64Array;
}

/**
 * Per annotator accuracy against gold (`docs/report-schema.md` "annotators"): over the selected judgements on gold
 * items (`itemGold[i] >= 0`), the share equal to the gold category (`exact`) and the share on the same
 * side (`directional`, sides from `directionalSides`: a tie matches only a tie). Nominal data has no
 * sides, so there directional = exact. Every judgement counts (duplicates are removed at parsing).
 * Annotators without a gold judgement have n = 0 and NaN accuracies. The Wilson interval of the
 * directional accuracy is `wilsonInterval(correctDirectional[a], n[a])`.
 */
export function goldAccuracy(ratings: Ratings, mask: Uint8Array | null = null): GoldAccuracy {
  const nAnn = ratings.annotators.length;
  const n = new Int32Array(nAnn),
    correctExact = new Int32Array(nAnn),
    correctDirectional = new Int32Array(nAnn);
  const side = directionalSides(ratings.fivePoint)?.side ?? null;
  const K = ratings.categories.length;
  const { item, annotator, label, itemGold } = ratings;
  for (let j = 0; j < ratings.n; j++) {
    if (mask && !mask[j]) continue;
    const g = itemGold[item[j]],
      l = label[j];
    if (!(g >= 0 && g < K) || l < 0) continue;
    const a = annotator[j];
    n[a]++;
    if (l === g) correctExact[a]++;
    if (side ? side[l] === side[g] : l === g) correctDirectional[a]++;
  }
  const exact = new Float64Array(nAnn),
    directional = new Float64Array(nAnn);
  for (let a = 0; a < nAnn; a++) {
    exact[a] = n[a] > 0 ? correctExact[a] / n[a] : NaN;
    directional[a] = n[a] > 0 ? correctDirectional[a] / n[a] : NaN;
  }
  return { n, correctExact, correctDirectional, exact, directional };
}
