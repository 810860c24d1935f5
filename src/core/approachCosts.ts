/** A labelling approach: a price range per comparison and a throughput (comparisons per day). */
export interface Approach {
  name: string;
  priceLow: number;
  priceHigh: number;
  perDay: number;
}

/**
 * Cost (low and high) and calendar days to collect `target` comparisons with each approach:
 * cost = target × price, days = target / comparisons per day (closed form; no ramp-up).
 */
export function approachCosts(
  approaches: readonly Approach[],
  target: number,
): { name: string; cost_low: number; cost_high: number; days: number }[] {
  if (!(target >= 0 && target < Infinity)) throw new Error(`invalid target: ${target}`);
  return approaches.map((a) => {
    if (!(a.priceLow >= 0 && a.priceHigh >= a.priceLow && a.perDay > 0)) throw new Error(`invalid approach: ${a.name}`);
    return { name: a.name, cost_low: target * a.priceLow, cost_high: target * a.priceHigh, days: target / a.perDay };
  });
}
