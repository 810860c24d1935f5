import { majorityVote, type MajorityVote } from './majorityVote';
import type { Ratings } from './types';
import { voteWinner } from './voteWinner';
import { itemGroups } from './itemGroups';

export interface ZeroBasedSkill extends MajorityVote {
  /** per annotator: the final skill, in [0, 1] (NaN without a selected label, or without one on a labelled item) */
  skill: Float64Array;
  /** passes run */
  iterations: number;
  /** true when a pass moved no skill by more than `tolerance` (later passes would change nothing) */
  converged: boolean;
}

/**
 * Zero-Based Skill (crowd-kit's `ZeroBasedSkill`): every annotator starts at skill 1 / K + ε (K the categories any
 * selected label uses); each pass takes the skill-weighted vote of every item (`majorityVote` with weights, ties
 * as there) and moves each skill toward the annotator's share of labels equal to those votes, s ← s + lr (acc −
 * s); lr starts at `lrInit` and is multiplied by `lrReduceFactor` on every `lrStepsToReduce`-th pass. The label is
 * the weighted vote with the final skills. crowd-kit always runs its `n_iter` passes; here the passes stop once
 * one moves no skill by more than `tolerance`: with the default 0 that is an exact fixed point, so the result is
 * crowd-kit's. An annotator whose labels all fall on items without a label has accuracy NaN and keeps skill NaN
 * (weight 0), as crowd-kit's index alignment gives.
 */
export function zeroBasedSkill(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  {
    maxIterations = 100,
    lrInit = 1,
    lrStepsToReduce = 20,
    lrReduceFactor = 0.5,
    eps = 1e-5,
    tolerance = 0,
  }: {
    maxIterations?: number;
    lrInit?: number;
    lrStepsToReduce?: number;
    lrReduceFactor?: number;
    eps?: number;
    tolerance?: number;
  } = {},
): ZeroBasedSkill {
  const K = ratings.categories.length;
  const nItems = ratings.items.length;
  const nAnn = ratings.annotators.length;
  const { start, who, what, given: has, nUsed: Ku } = itemGroups(ratings, mask);
  const skill = Float64Array.from(has, (h) => (h ? 1 / Ku + eps : NaN));
  const fivePoint = ratings.scale === 'nominal' ? null : ratings.fivePoint;
  // per item: its one category when every label agrees (its weighted vote is that category whatever the weights,
  // so a pass skips the vote there), -1 when labels differ or there are none
  const unanimous = new Int32Array(nItems).fill(-1);
  for (let i = 0; i < nItems; i++) {
    if (start[i + 1] === start[i]) continue;
    let same = true;
    for (let at = start[i] + 1; at < start[i + 1] && same; at++) same = what[at] === what[start[i]];
    if (same) unanimous[i] = what[start[i]];
  }
  const row = new Float64Array(K);
  const agree = new Float64Array(nAnn);
  const total = new Float64Array(nAnn);
  let lr = lrInit;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    if (iterations % lrStepsToReduce === 0) lr *= lrReduceFactor;
    agree.fill(0);
    total.fill(0);
    for (let i = 0; i < nItems; i++) {
      if (start[i + 1] === start[i]) continue;
      let winner = unanimous[i];
      if (winner >= 0) {
        // the vote needs one positive weight, as below
        let weighed = false;
        for (let at = start[i]; at < start[i + 1] && !weighed; at++) weighed = skill[who[at]] > 0;
        if (!weighed) continue;
      } else {
        row.fill(0);
        let sum = 0;
        for (let at = start[i]; at < start[i + 1]; at++) {
          const w = skill[who[at]];
          if (w > 0) {
            row[what[at]] += w;
            sum += w;
          }
        }
        if (!(sum > 0)) continue;
        winner = voteWinner(row, 0, K, fivePoint, 1e-12 * sum);
      }
      for (let at = start[i]; at < start[i + 1]; at++) {
        total[who[at]]++;
        if (what[at] === winner) agree[who[at]]++;
      }
    }
    let change = 0;
    for (let a = 0; a < nAnn; a++) {
      if (Number.isNaN(skill[a])) continue;
      const next = skill[a] + lr * ((total[a] > 0 ? agree[a] / total[a] : NaN) - skill[a]);
      change = Math.max(change, Number.isNaN(next) ? Infinity : Math.abs(next - skill[a]));
      skill[a] = next;
    }
    converged = change <= tolerance;
  }
  const weights = Float64Array.from(skill, (s) => (s > 0 ? s : 0));
  return { ...majorityVote(ratings, mask, { weights }), skill, iterations, converged };
}
