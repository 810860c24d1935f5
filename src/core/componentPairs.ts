import { components } from './bradleyTerry';
import { winMatrix, type WinMatrix } from './winMatrix';

export interface ComponentPairs {
  /** the counts of all comparisons (`winMatrix`) */
  counts: WinMatrix;
  /** per model: its strongly connected component, and the main one, exactly as `bradleyTerry` computes them */
  component: Int32Array;
  main: number;
  /** the models of the main component, by code (empty when `main` is -1) */
  fitted: Int32Array;
  /** per pair of fitted models that met (i < j, by i then j): the codes, wins of i over j, ties, wins of j over i */
  i: Int32Array;
  j: Int32Array;
  wins: Float64Array;
  ties: Float64Array;
  losses: Float64Array;
  /** sums over those pairs: comparisons, ties */
  comparisons: number;
  tieCount: number;
}

/**
 * The comparisons a model with ties is fitted on: those between two models of the main strongly connected
 * component of "i won or tied against j" that `bradleyTerry` fits (its `components`), as counts per unordered
 * pair. Comparison k is model `a[k]` against `b[k]` with `outcome[k]` the score of a (1, 0.5, 0), counted
 * `weight[k]` times. Every model with ties is fitted on these pairs, so its log-likelihood counts the same
 * comparisons as Bradley–Terry's.
 */
export function componentPairs(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  { weight = null }: { weight?: ArrayLike<number> | null } = {},
): ComponentPairs {
  const M = nModels;
  const counts = winMatrix(a, b, outcome, M, { weight });
  const { component, main } = components(counts);
  const fitted: number[] = [];
  if (main >= 0) for (let m = 0; m < M; m++) if (component[m] === main) fitted.push(m);
  const pi: number[] = [],
    pj: number[] = [],
    pw: number[] = [],
    pt: number[] = [],
    pl: number[] = [];
  let comparisons = 0,
    tieCount = 0;
  for (let x = 0; x < fitted.length; x++)
    for (let y = x + 1; y < fitted.length; y++) {
      const ij = fitted[x] * M + fitted[y];
      if (counts.comparisons[ij] === 0) continue;
      pi.push(fitted[x]);
      pj.push(fitted[y]);
      pw.push(counts.wins[ij]);
      pt.push(counts.ties[ij]);
      pl.push(counts.losses[ij]);
      comparisons += counts.comparisons[ij];
      tieCount += counts.ties[ij];
    }
  return {
    counts,
    component,
    main,
    fitted: Int32Array.from(fitted),
    i: Int32Array.from(pi),
    j: Int32Array.from(pj),
    wins: Float64Array.from(pw),
    ties: Float64Array.from(pt),
    losses: Float64Array.from(pl),
    comparisons,
    tieCount,
  };
}
