import type { ItemCounts } from './itemCounts';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface KrippendorffAlpha {
  value: number;
  level: AlphaLevel;
  /** observed disagreement: sum o_ck delta_ck / n */
  Do: number;
  /** expected disagreement: sum n_c n_k delta_ck / (n (n - 1)) */
  De: number;
  /** pairable values (sum of m over units with m >= 2) */
  n: number;
  /** units with >= 2 values */
  nItems: number;
  /** the K × K coincidence matrix o_ck, row-major */
  coincidence: Float64Array;
  /** why value is NaN, else null */
  reason: string | null;
}

const LEVELS: readonly string[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/**
 * Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): units with < 2 values are dropped; each unit with m values adds
 * 1/(m-1) to o_ck per ordered pair of values; alpha = 1 - (n - 1) sum o_ck d_ck / sum n_c n_k d_ck.
 * d_ck: nominal [c != k]; ordinal (sum_{g=c..k} n_g - (n_c + n_k)/2)^2 on the marginals n_g (rank-based,
 * categories in index order); interval (v_c - v_k)^2; ratio ((v_c - v_k)/(v_c + v_k))^2 (0/0 = 0), with
 * v = `values` (default the category index 0..K-1, equally spaced). Degenerate: no unit with >= 2 values,
 * or D_e = 0 (one value pairable) -> NaN with a reason (NLTK would return 1).
 */
export function krippendorffAlpha(
  table: ItemCounts,
  { level = 'nominal', values }: { level?: AlphaLevel; values?: ArrayLike<number> } = {},
): KrippendorffAlpha {
  if (!LEVELS.includes(level)) throw new Error(`invalid level: "${level}"`);
  const { counts, m, weight, rows, K } = table;
  if (values && values.length !== K) throw new Error(`values has ${values.length} entries, expected ${K}`);
  const o = new Float64Array(K * K);
  const nz = new Int32Array(K);
  let nItems = 0;
  for (let r = 0; r < rows; r++) {
    const w = weight ? weight[r] : 1;
    const mr = m[r];
    if (mr < 2 || !(w > 0)) continue;
    nItems += w;
    let z = 0;
    for (let c = 0; c < K; c++) if (counts[r * K + c] !== 0) nz[z++] = c;
    const f = w / (mr - 1);
    for (let a = 0; a < z; a++) {
      const c = nz[a],
        x = counts[r * K + c];
      o[c * K + c] += f * x * (x - 1);
      for (let b = 0; b < z; b++) if (b !== a) o[c * K + nz[b]] += f * x * counts[r * K + nz[b]];
    }
  }
  const nc = new Float64Array(K);
  let n = 0;
  for (let c = 0; c < K; c++) {
    for (let k = 0; k < K; k++) nc[c] += o[c * K + k];
    n += nc[c];
  }
  const delta = distance(level, nc, values);
  let observed = 0,
    expected = 0,
    distinct = 0;
  for (let c = 0; c < K; c++) {
    if (nc[c] > 0) distinct++;
    for (let k = 0; k < K; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += o[c * K + k] * d;
      expected += nc[c] * nc[k] * d;
    }
  }
  const Do = n > 0 ? observed / n : NaN;
  const De = n > 1 ? expected / (n * (n - 1)) : NaN;
  const reason =
    nItems === 0 ? 'no unit with two or more values' : distinct < 2 || !(expected > 0) ? 'no variation: D_e = 0' : null;
  return {
    value: reason ? NaN : 1 - ((n - 1) * observed) / expected,
    level,
    Do,
    De,
    n,
    nItems,
    coincidence: o,
    reason,
  };
}

function distance(level: AlphaLevel, nc: Float64Array, values?: ArrayLike<number>): (c: number, k: number) => number {
  const v = (c: number) => (values ? values[c] : c);
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') return (c, k) => (v(c) - v(k)) ** 2;
  if (level === 'ratio') return (c, k) => (v(c) + v(k) === 0 ? 0 : ((v(c) - v(k)) / (v(c) + v(k))) ** 2);
  // ordinal: midrank R_c = sum_{g<c} n_g + n_c / 2, so sum_{g=c..k} n_g - (n_c + n_k)/2 = R_k - R_c
  const rank = new Float64Array(nc.length);
  let below = 0;
  for (let c = 0; c < nc.length; c++) {
    rank[c] = below + nc[c] / 2;
    below += nc[c];
  }
  return (c, k) => (rank[k] - rank[c]) ** 2;
}
