/**
 * Multiplicity-adjusted p-values, in the input order, as R's `p.adjust(p, method = "holm" / "BH")`.
 * With p_(1) ≤ … ≤ p_(m) the m non-NaN values in ascending order:
 * - 'holm', Holm's step-down (Holm 1979, Scand. J. Statist. 6:65–70):
 *   adjusted p_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j));
 * - 'bh', Benjamini–Hochberg step-up (Benjamini & Hochberg 1995, JRSS B 57:289–300):
 *   adjusted p_(i) = min_{j ≥ i} min(1, (m / j) p_(j)).
 * Rejecting where the adjusted value is ≤ α gives Holm's familywise level-α test and the BH procedure at
 * false discovery rate α. Degenerate cases: NaN entries are left out of m and stay NaN; tied values get equal
 * adjusted values whatever their order; m = 1 returns p; empty input gives an empty array. A value outside
 * [0, 1] (±Infinity included) throws: it is not a p-value.
 */
export function adjustPValues(p: ArrayLike<number>, method: 'holm' | 'bh'): Float64Array {
  if (method !== 'holm' && method !== 'bh') throw new RangeError(`adjustPValues: unknown method ${method}`);
  const n = p.length;
  const out = new Float64Array(n).fill(NaN);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = p[k];
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`adjustPValues: p[${k}] = ${v} is outside [0, 1]`);
    m++;
  }
  const order = new Uint32Array(m);
  for (let k = 0, i = 0; k < n; k++) if (!Number.isNaN(p[k])) order[i++] = k;
  order.sort((a, b) => p[a] - p[b]);
  if (method === 'holm') {
    let running = 0;
    for (let i = 0; i < m; i++) {
      running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
      out[order[i]] = running;
    }
  } else {
    let running = 1;
    for (let i = m - 1; i >= 0; i--) {
      running = Math.min(running, (m / (i + 1)) * p[order[i]]);
      out[order[i]] = running;
    }
  }
  return out;
}
