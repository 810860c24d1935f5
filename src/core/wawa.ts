import { majorityVote, type MajorityVote } from './majorityVote';
import type { Ratings } from './types';

export interface Wawa extends MajorityVote {
  /** per annotator: the share of their selected labels equal to the majority vote (NaN without one) */
  skill: Float64Array;
}

/**
 * Wawa, "worker agreement with aggregate" (crowd-kit's `Wawa`): each annotator's skill is the share of their
 * selected labels that equal the item's majority vote (their own vote included), and the final label is the
 * vote weighted by those skills (`majorityVote` with weights; ties as there). An annotator whose labels never
 * fall on items with a majority label weighs 0.
 */
export function wawa(ratings: Ratings, mask: Uint8Array | null = null): Wawa {
  const mv = majorityVote(ratings, mask);
  const nAnn = ratings.annotators.length;
  const agree = new Float64Array(nAnn);
  const total = new Float64Array(nAnn);
  for (let j = 0; j < ratings.n; j++) {
    if ((mask && !mask[j]) || ratings.label[j] < 0) continue;
    const m = mv.label[ratings.item[j]];
    if (m < 0) continue;
    const a = ratings.annotator[j];
    total[a]++;
    if (ratings.label[j] === m) agree[a]++;
  }
  const skill = Float64Array.from(total, (t, a) => (t > 0 ? agree[a] / t : NaN));
  const weights = Float64Array.from(skill, (s) => (Number.isNaN(s) ? 0 : s));
  return { ...majorityVote(ratings, mask, { weights }), skill };
}
