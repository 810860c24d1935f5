import { midranks } from './midranks';
import { pearson } from './pearson';

/**
 * Spearman's rank correlation of the pairs (x[k], y[k]) where both are finite: Pearson's correlation of
 * their midranks (tie-corrected ρ, as R's `cor(x, y, method = "spearman")` and scipy's `spearmanr`).
 * Returns ρ and n, the pairs counted. Fewer than 2 pairs, or no variation in either variable → NaN.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): { rho: number; n: number } {
  if (x.length !== y.length) throw new Error(`spearman: lengths differ (${x.length} and ${y.length})`);
  let n = 0;
  for (let k = 0; k < x.length; k++) if (Number.isFinite(x[k]) && Number.isFinite(y[k])) n++;
  if (n < 2) return { rho: NaN, n };
  const xs = new Float64Array(n),
    ys = new Float64Array(n);
  for (let k = 0, m = 0; k < x.length; k++) {
    if (!(Number.isFinite(x[k]) && Number.isFinite(y[k]))) continue;
    xs[m] = x[k];
    ys[m++] = y[k];
  }
  return { rho: pearson(midranks(xs), midranks(ys)), n };
}
