/**
 * 1-based ranks of the values, tied values sharing the mean of their ranks (midranks; the ranks of
 * Spearman's ρ). Whole numbers in a short range (labels, lengths): counts per value, O(n + range); other
 * values with few distinct values: counts per distinct value; the rest by sorting, O(n log n).
 * NaN values are not expected (the caller leaves them out).
 */
export function midranks(values: Float64Array): Float64Array {
  const n = values.length;
  const ranks = new Float64Array(n);
  let lo = Infinity,
    hi = -Infinity,
    whole = true;
  for (let k = 0; k < n && whole; k++) {
    const v = values[k];
    whole = Number.isInteger(v);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (n && whole && hi - lo <= 4 * n + 1024) {
    const at = new Float64Array(hi - lo + 1);
    for (let k = 0; k < n; k++) at[values[k] - lo]++;
    let below = 0;
    for (let v = 0; v < at.length; v++) {
      const c = at[v];
      at[v] = below + (c + 1) / 2;
      below += c;
    }
    for (let k = 0; k < n; k++) ranks[k] = at[values[k] - lo];
    return ranks;
  }
  const counts = new Map<number, number>();
  for (let k = 0; k < n && counts.size <= n / 4 + 16; k++) counts.set(values[k], (counts.get(values[k]) ?? 0) + 1);
  if (counts.size <= n / 4 + 16) {
    const distinct = Float64Array.from(counts.keys()).sort();
    const rankOf = new Map<number, number>();
    let below = 0;
    for (const v of distinct) {
      const c = counts.get(v)!;
      rankOf.set(v, below + (c + 1) / 2);
      below += c;
    }
    for (let k = 0; k < n; k++) ranks[k] = rankOf.get(values[k])!;
    return ranks;
  }
  const sorted = values.slice().sort();
  for (let k = 0; k < n; k++) ranks[k] = (bound(sorted, values[k], false) + 1 + bound(sorted, values[k], true)) / 2;
  return ranks;
}

/** First index whose value is > v (upper) or >= v (lower) in ascending `sorted`. */
function bound(sorted: Float64Array, v: number, upper: boolean): number {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v || (upper && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
