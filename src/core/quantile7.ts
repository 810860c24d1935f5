/**
 * The p-quantile of ascending `sorted` values with linear interpolation between order statistics:
 * Hyndman & Fan (1996) type 7, the default of R's `quantile` and of d3-array's `quantileSorted`:
 * h = (n - 1) p, Q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). Empty input: NaN.
 */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
