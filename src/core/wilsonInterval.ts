/**
 * The Wilson (1927) score interval for a binomial proportion, without continuity correction (Newcombe
 * 1998, method 3): with p = successes / n,
 *   (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n),
 * clamped to [0, 1] (the bounds are 0 and 1 exactly at p = 0 and p = 1, up to rounding). z defaults to
 * the 97.5th normal percentile (a 95% interval). Used for `gold_accuracy_ci95` (`docs/report-schema.md`
 * "annotators"). n = 0 (or successes outside [0, n], or non-finite input) gives [NaN, NaN].
 */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (!(n > 0) || !(successes >= 0 && successes <= n) || !Number.isFinite(n) || !Number.isFinite(z)) return [NaN, NaN];
  const p = successes / n;
  const z2n = (z * z) / n;
  const denominator = 1 + z2n;
  const centre = (p + z2n / 2) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / denominator;
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
