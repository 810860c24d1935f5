import type { RoutingTable } from './routingTable';

export interface RoutingPoint {
  /** index into the table's thresholds */
  index: number;
  threshold: number;
  accuracy: number;
  /** expected cost per 1,000 pairs */
  cost: number;
  /** expected share of items a human labels (routed + spot-checked) */
  humanShare: number;
  /** expected share of items sent to the expert */
  expertShare: number;
}

export interface RoutingCurve {
  /** per threshold of the table */
  threshold: Float64Array;
  /** expected share of final labels on the reference's side */
  accuracy: Float64Array;
  /** expected cost per 1,000 pairs */
  cost: Float64Array;
  humanShare: Float64Array;
  expertShare: Float64Array;
  /** the cheapest threshold whose accuracy reaches the target (ties: higher accuracy, then the lower threshold); null if none */
  best: RoutingPoint | null;
}

export interface RoutingOptions {
  /** share s of the items above the threshold spot-checked by a human, in [0, 1] */
  spot?: number;
  /** price of one AI label, one human label, one expert decision (any currency unit) */
  priceAi?: number;
  priceHuman?: number;
  priceExpert?: number;
  /** the accuracy the cheapest threshold must reach */
  target?: number;
}

/**
 * Expected accuracy and cost of the hybrid pipeline of `routingTable` at every threshold t of the table,
 * in closed form, touching only the grid (O(G), for the page to call on every keystroke). With s the
 * spot-check share:
 *   accuracy(t, s)   = (Σ_R X + s·Σ_A X + (1 − s)·Σ_A c) / N
 *   cost per 1,000   = 1000·[p_ai + ((|R| + s|A|)·p_human + (Σ_R(1 − a) + s·Σ_A(1 − a))·p_expert) / N]
 *   human share      = (|R| + s|A|) / N,   expert share = (Σ_R(1 − a) + s·Σ_A(1 − a)) / N.
 * Every item gets an AI label (p_ai); a checked item (routed, or spot-checked with probability s) gets a
 * human label, and an expert decision when the human disagrees with the AI (probability 1 − a). The
 * target is reached when accuracy >= target − 1e-12 (rounding). N = 0 gives NaN accuracies and shares,
 * the AI price alone as cost, and no best point. A spot share outside [0, 1] or a negative or non-finite
 * price throws (programmer error: the page validates its inputs).
 */
export function routingCurve(
  table: RoutingTable,
  { spot = 0, priceAi = 0, priceHuman = 1, priceExpert = 1, target = 0.95 }: RoutingOptions = {},
): RoutingCurve {
  if (!(spot >= 0 && spot <= 1)) throw new Error(`invalid spot share: ${spot}`);
  for (const p of [priceAi, priceHuman, priceExpert])
    if (!(p >= 0 && p < Infinity)) throw new Error(`invalid price: ${p}`);
  const G = table.thresholds.length,
    N = table.n;
  const threshold = Float64Array.from(table.thresholds);
  const accuracy = new Float64Array(G),
    cost = new Float64Array(G),
    humanShare = new Float64Array(G),
    expertShare = new Float64Array(G);
  let best = -1;
  for (let g = 0; g < G; g++) {
    const humans = table.routed[g] + spot * table.above[g];
    const experts = table.routedDisagree[g] + spot * table.aboveDisagree[g];
    accuracy[g] = (table.routedCorrect[g] + spot * table.aboveCorrect[g] + (1 - spot) * table.aboveAiCorrect[g]) / N;
    humanShare[g] = humans / N;
    expertShare[g] = experts / N;
    cost[g] = 1000 * (priceAi + (N > 0 ? (humans * priceHuman + experts * priceExpert) / N : 0));
    if (!(accuracy[g] >= target - 1e-12)) continue;
    if (best < 0) best = g;
    else {
      const tol = 1e-12 * Math.max(1, Math.abs(cost[best]));
      if (cost[g] < cost[best] - tol || (cost[g] <= cost[best] + tol && accuracy[g] > accuracy[best] + 1e-12)) best = g;
      else if (cost[g] <= cost[best] + tol && accuracy[g] >= accuracy[best] - 1e-12 && threshold[g] < threshold[best])
        best = g;
    }
  }
  return {
    threshold,
    accuracy,
    cost,
    humanShare,
    expertShare,
    best:
      best < 0
        ? null
        : {
            index: best,
            threshold: threshold[best],
            accuracy: accuracy[best],
            cost: cost[best],
            humanShare: humanShare[best],
            expertShare: expertShare[best],
          },
  };
}
