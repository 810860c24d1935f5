import type { ItemCounts } from './itemCounts';

/**
 * The distinct count vectors of the labelled rows (m > 0) with their multiplicities as `weight`, sorted
 * lexicographically by count vector, so the result (and a bootstrap drawn from it) does not depend on the
 * order of items or judgements. Every count-based coefficient gives the same value on the patterns as on
 * the items (35 patterns for 3 labels on 5 codes).
 */
export function countPatterns(table: ItemCounts): ItemCounts {
  const { counts, m, weight, rows, K } = table;
  let max = 0;
  let integral = true;
  for (let i = 0; i < counts.length; i++) {
    const v = counts[i];
    if (v > max) max = v;
    if (!Number.isInteger(v) || v < 0) integral = false;
  }
  const base = max + 1;
  const numericKey = integral && K * Math.log2(base) < 52;
  const index = new Map<number | string, number>();
  const first: number[] = [];
  const w: number[] = [];
  for (let r = 0; r < rows; r++) {
    const wr = weight ? weight[r] : 1;
    if (!(m[r] > 0) || !(wr > 0)) continue;
    let key: number | string;
    if (numericKey) {
      key = 0;
      for (let c = 0; c < K; c++) key = key * base + counts[r * K + c];
    } else key = Array.prototype.join.call(counts.subarray(r * K, r * K + K), ',');
    const p = index.get(key);
    if (p === undefined) {
      index.set(key, first.length);
      first.push(r);
      w.push(wr);
    } else w[p] += wr;
  }
  const order = first.map((_, p) => p);
  order.sort((p, q) => {
    const a = first[p] * K,
      b = first[q] * K;
    for (let c = 0; c < K; c++) if (counts[a + c] !== counts[b + c]) return counts[a + c] - counts[b + c];
    return 0;
  });
  const P = order.length;
  const out = { counts: new Float64Array(P * K), m: new Float64Array(P), weight: new Float64Array(P), rows: P, K };
  for (let i = 0; i < P; i++) {
    const r = first[order[i]];
    out.counts.set(counts.subarray(r * K, r * K + K), i * K);
    out.m[i] = m[r];
    out.weight[i] = w[order[i]];
  }
  return out;
}
