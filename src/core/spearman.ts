/**
 * Spearman's rank correlation of the pairs (x[k], y[k]) where both are finite: Pearson's correlation of
 * their ranks, tied values sharing the mean of their ranks (midranks) — the usual tie-corrected ρ (as
 * R's `cor(x, y, method = "spearman")` and scipy's `spearmanr`). Returns ρ and n, the pairs counted.
 * Fewer than 2 pairs, or no variation in either variable → NaN.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): { rho: number; n: number } {
  if (x.length !== y.length) throw new Error(`spearman: lengths differ (${x.length} and ${y.length})`);
  const keep: number[] = [];
  for (let k = 0; k < x.length; k++) if (Number.isFinite(x[k]) && Number.isFinite(y[k])) keep.push(k);
  const n = keep.length;
  if (n < 2) return { rho: NaN, n };
  const rx = midranks(keep.map((k) => x[k]));
  const ry = midranks(keep.map((k) => y[k]));
  return { rho: pearson(rx, ry), n };
}

/** 1-based ranks, ties sharing their mean rank. */
function midranks(values: number[]): Float64Array {
  const order = values.map((_, k) => k).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const mean = (start + end + 1) / 2; // ranks start + 1 … end
    for (let k = start; k < end; k++) ranks[order[k]] = mean;
    start = end;
  }
  return ranks;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let k = 0; k < n; k++) {
    ma += a[k];
    mb += b[k];
  }
  ma /= n;
  mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let k = 0; k < n; k++) {
    const da = a[k] - ma, db = b[k] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}
