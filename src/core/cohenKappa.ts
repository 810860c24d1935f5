export interface CohenKappa {
  /** pairs of labels in the table */
  n: number;
  /** observed share of exact agreement */
  po: number;
  kappa: number;
  kappaLinear: number;
  kappaQuadratic: number;
}

/**
 * Cohen's kappa for two annotators from their K × K contingency table (row-major, rows = first annotator):
 * kappa_w = 1 - sum d_ij p_ij / sum d_ij p_i. p_.j (Cohen 1960, 1968), with disagreement weights on the
 * category indices (`docs/report-schema.md` "cohen_kappa": codes of the scale, not ranks of the levels present):
 * unweighted d = [i != j], linear |i - j| / (K - 1), quadratic ((i - j) / (K - 1))^2. Degenerate: an empty
 * table, or chance disagreement 0 (both annotators always use one and the same category) -> NaN.
 */
export function cohenKappa(
  table: ArrayLike<number>,
  { K = Math.round(Math.sqrt(table.length)) }: { K?: number } = {},
): CohenKappa {
  if (K * K !== table.length) throw new Error(`table has ${table.length} cells, expected ${K}×${K}`);
  const row = new Float64Array(K);
  const col = new Float64Array(K);
  let n = 0,
    diag = 0;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const t = table[i * K + j];
      row[i] += t;
      col[j] += t;
      n += t;
    }
    diag += table[i * K + i];
  }
  const weighted = (d: (i: number, j: number) => number) => {
    let observed = 0,
      chance = 0;
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) {
        if (i === j) continue;
        const w = d(i, j);
        observed += w * table[i * K + j];
        chance += w * row[i] * col[j];
      }
    }
    return n > 0 && chance > 0 ? 1 - (n * observed) / chance : NaN;
  };
  return {
    n,
    po: n > 0 ? diag / n : NaN,
    kappa: weighted(() => 1),
    kappaLinear: weighted((i, j) => Math.abs(i - j)),
    kappaQuadratic: weighted((i, j) => (i - j) * (i - j)),
  };
}
