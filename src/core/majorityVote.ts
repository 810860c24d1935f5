import type { Ratings } from './types';
import { voteWinner } from './voteWinner';

export interface MajorityVote {
  /** per item: the winning category, -1 = no label (no selected judgement, or all its votes weigh 0) */
  label: Int32Array;
  /** per item: the winning category's share of the item's (weighted) votes; NaN without a label */
  confidence: Float64Array;
  /** nItems × K, row-major: the (weighted) vote total of category c on item i at `votes[i * K + c]` */
  votes: Float64Array;
  /** per item: the number of selected labels */
  n: Int32Array;
}

/**
 * Majority vote over the selected judgements (`docs/report-schema.md` "majority vote"; tie rules in `voteWinner`):
 * preference scales by plurality side, then plurality strength (ties: `=`, then the milder label; binary
 * scale side ties: the A side); nominal data by plurality with ties to the lowest code, as crowd-kit's
 * `MajorityVote`. With `weights` (one per annotator) it is the weighted vote (`docs/report-schema.md` "weighted
 * vote": the caller passes composites, 0.5 for a null composite; crowd-kit's `Wawa` when the weights are
 * majority-agreement skills). Weighted totals within 1e-12 of the item's total weight count as tied.
 */
export function majorityVote(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { weights = null }: { weights?: Float64Array | null } = {},
): MajorityVote {
  const K = ratings.categories.length,
    nItems = ratings.items.length;
  if (weights) {
    if (weights.length < ratings.annotators.length) throw new Error('weights: need one per annotator');
    for (const w of weights) if (!(w >= 0 && w < Infinity)) throw new Error(`invalid weight: ${w}`);
  }
  const votes = new Float64Array(nItems * K);
  const n = new Int32Array(nItems);
  const { item, annotator, label } = ratings;
  for (let j = 0; j < ratings.n; j++) {
    if ((mask && !mask[j]) || label[j] < 0) continue;
    votes[item[j] * K + label[j]] += weights ? weights[annotator[j]] : 1;
    n[item[j]]++;
  }
  const fivePoint = ratings.scale === 'nominal' ? null : ratings.fivePoint;
  const winner = new Int32Array(nItems).fill(-1);
  const confidence = new Float64Array(nItems).fill(NaN);
  for (let i = 0; i < nItems; i++) {
    const off = i * K;
    let total = 0;
    for (let c = 0; c < K; c++) total += votes[off + c];
    if (!(total > 0)) continue;
    const c = voteWinner(votes, off, K, fivePoint, 1e-12 * total);
    winner[i] = c;
    confidence[i] = votes[off + c] / total;
  }
  return { label: winner, confidence, votes, n };
}
