/**
 * Total cost of labelling `scales[i]` pairs with each approach at its price per pair (closed form:
 * pairs × price), one row per scale; `cheapest` names the approach with the lowest total.
 */
export function costComparison(
  prices: Record<string, number>,
  scales: readonly number[],
): { pairs: number; totals: Record<string, number>; cheapest: string | null }[] {
  const names = Object.keys(prices);
  for (const n of names)
    if (!(prices[n] >= 0 && prices[n] < Infinity)) throw new Error(`invalid price for ${n}: ${prices[n]}`);
  return scales.map((pairs) => {
    if (!(pairs >= 0 && pairs < Infinity)) throw new Error(`invalid scale: ${pairs}`);
    const totals: Record<string, number> = {};
    let cheapest: string | null = null;
    for (const n of names) {
      totals[n] = pairs * prices[n];
      if (cheapest === null || totals[n] < totals[cheapest]) cheapest = n;
    }
    return { pairs, totals, cheapest };
  });
}
