/**
 * Per confidence threshold, the counts and sums that price the hybrid pipeline "the AI labels every item;
 * below a confidence threshold t a human labels it too; above t a share s is spot-checked by a human; a
 * human label that disagrees with the AI goes to an expert, who is right" (see `routingCurve`).
 * R(t) = items with confidence < t (routed), A(t) = the others (confidence >= t, AI-only unless spot-checked).
 */
export interface RoutingTable {
  /** the thresholds t, as given (default 0, 0.01, …, 1) */
  thresholds: ArrayLike<number>;
  /** per threshold: |R| */
  routed: ArrayLike<number>;
  /** per threshold: Σ_R (1 − a), the expected human disagreements (expert calls) on routed items */
  routedDisagree: ArrayLike<number>;
  /** per threshold: Σ_R X, X = (1 − a) + a·c, the expected correct labels of routed (checked) items */
  routedCorrect: ArrayLike<number>;
  /** per threshold: |A| */
  above: ArrayLike<number>;
  /** per threshold: Σ_A c, correct AI labels above the threshold */
  aboveAiCorrect: ArrayLike<number>;
  /** per threshold: Σ_A (1 − a) */
  aboveDisagree: ArrayLike<number>;
  /** per threshold: Σ_A X, the expected correct labels of items above if all were checked */
  aboveCorrect: ArrayLike<number>;
  /** items used (N) */
  n: number;
  /** Σ c over the items used: AI-only accuracy = aiCorrect / n */
  aiCorrect: number;
  /** items left out for a non-finite confidence, correctness or agreement */
  skipped: number;
}

const defaultGrid = () => Float64Array.from({ length: 101 }, (_, k) => k / 100);

/**
 * The routing table of items with AI confidence `conf[i]`, AI correctness `correct[i]` (c_i = 1 when the
 * AI label is on the reference's side, else 0) and human agreement `agree[i]` (a_i = the chance that a
 * human label is on the AI label's side). A checked item ends correct with probability
 * X_i = (1 − a_i) + a_i·c_i: a disagreeing human sends it to an expert (correct), an agreeing one keeps
 * the AI label. Items are sorted by confidence once and prefix sums taken, so each threshold costs one
 * binary search: O(N log N + G log N). Routing is strict (`conf < t`): t = 0 routes nothing (for
 * confidences >= 0) and an item of confidence 1 is routed by no t <= 1. Items with a non-finite value are
 * skipped (counted); with no item left every sum is 0 and n = 0. Arrays of different lengths or a
 * non-finite threshold throw.
 */
export function routingTable(
  conf: ArrayLike<number>,
  correct: ArrayLike<number>,
  agree: ArrayLike<number>,
  { grid = defaultGrid() }: { grid?: ArrayLike<number> } = {},
): RoutingTable {
  const len = conf.length;
  if (correct.length !== len || agree.length !== len)
    throw new Error('conf, correct and agree must have the same length');
  for (let g = 0; g < grid.length; g++) if (!Number.isFinite(grid[g])) throw new Error(`invalid threshold: ${grid[g]}`);
  const order: number[] = [];
  for (let i = 0; i < len; i++)
    if (Number.isFinite(conf[i]) && Number.isFinite(correct[i]) && Number.isFinite(agree[i])) order.push(i);
  order.sort((x, y) => conf[x] - conf[y]);
  const n = order.length;
  // prefix sums over the items sorted by confidence: index k = the k least confident items
  const sortedConf = new Float64Array(n);
  const sumC = new Float64Array(n + 1),
    sumD = new Float64Array(n + 1),
    sumX = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    const i = order[k],
      c = correct[i],
      a = agree[i];
    sortedConf[k] = conf[i];
    sumC[k + 1] = sumC[k] + c;
    sumD[k + 1] = sumD[k] + (1 - a);
    sumX[k + 1] = sumX[k] + (1 - a) + a * c;
  }
  const G = grid.length;
  const routed = new Float64Array(G),
    routedDisagree = new Float64Array(G),
    routedCorrect = new Float64Array(G);
  const above = new Float64Array(G),
    aboveAiCorrect = new Float64Array(G),
    aboveDisagree = new Float64Array(G),
    aboveCorrect = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    const t = grid[g];
    let lo = 0,
      hi = n; // first k with sortedConf[k] >= t
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedConf[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    routed[g] = lo;
    routedDisagree[g] = sumD[lo];
    routedCorrect[g] = sumX[lo];
    above[g] = n - lo;
    aboveAiCorrect[g] = sumC[n] - sumC[lo];
    aboveDisagree[g] = sumD[n] - sumD[lo];
    aboveCorrect[g] = sumX[n] - sumX[lo];
  }
  return {
    thresholds: Float64Array.from(grid),
    routed,
    routedDisagree,
    routedCorrect,
    above,
    aboveAiCorrect,
    aboveDisagree,
    aboveCorrect,
    n,
    aiCorrect: sumC[n],
    skipped: len - n,
  };
}
