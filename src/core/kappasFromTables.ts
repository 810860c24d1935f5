import { cohenKappa } from './cohenKappa';

export interface PairKappas {
  /** index into `tables` of each listed pair (sharing >= `minShared` items), ascending */
  index: Int32Array;
  /** shared items of the pair (the table's sum) */
  n: Float64Array;
  kappa: Float64Array;
  kappaLinear: Float64Array;
  kappaQuadratic: Float64Array;
  /** tables with at least one but fewer than `minShared` items (left out) */
  nBelowMin: number;
  /** mean of the defined unweighted kappas of the listed pairs; NaN when none */
  kappaMean: number;
}

/**
 * Cohen's kappa (see `cohenKappa`: unweighted, linear, quadratic) of each annotator pair's K × K table
 * (from `pairTables`, or a summary file's `pair_tables`; row-major). Empty tables are skipped, tables
 * summing to fewer than `minShared` (10) items are counted in `nBelowMin` and left out, the rest listed
 * in the order given. `sides` ({side, K} from `directionalSides`) collapses each table onto the
 * directional scale first, which equals counting collapsed labels.
 */
export function kappasFromTables(
  tables: readonly ArrayLike<number>[],
  K: number,
  { minShared = 10, sides = null }: { minShared?: number; sides?: { side: ArrayLike<number>; K: number } | null } = {},
): PairKappas {
  const width = sides ? sides.K : K;
  const out = { index: [] as number[], n: [] as number[], k: [] as number[], kl: [] as number[], kq: [] as number[] };
  let nBelowMin = 0,
    sum = 0,
    nDefined = 0;
  for (let p = 0; p < tables.length; p++) {
    let t = tables[p];
    if (t.length !== K * K) throw new Error(`table ${p} has ${t.length} cells, expected ${K * K}`);
    let shared = 0;
    for (let c = 0; c < t.length; c++) shared += t[c];
    if (shared === 0) continue;
    if (shared < minShared) {
      nBelowMin++;
      continue;
    }
    if (sides) {
      const collapsed = new Float64Array(width * width);
      for (let i = 0; i < K; i++)
        for (let j = 0; j < K; j++) collapsed[sides.side[i] * width + sides.side[j]] += t[i * K + j];
      t = collapsed;
    }
    const r = cohenKappa(t, { K: width });
    out.index.push(p);
    out.n.push(shared);
    out.k.push(r.kappa);
    out.kl.push(r.kappaLinear);
    out.kq.push(r.kappaQuadratic);
    if (!Number.isNaN(r.kappa)) {
      sum += r.kappa;
      nDefined++;
    }
  }
  return {
    index: Int32Array.from(out.index),
    n: Float64Array.from(out.n),
    kappa: Float64Array.from(out.k),
    kappaLinear: Float64Array.from(out.kl),
    kappaQuadratic: Float64Array.from(out.kq),
    nBelowMin,
    kappaMean: nDefined > 0 ? sum / nDefined : NaN,
  };
}
