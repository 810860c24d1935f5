export interface WinMatrix {
  nModels: number;
  /**
   * nModels × nModels, row-major (`[i * nModels + j]` = model i against model j): comparisons between i and j
   * (symmetric), wins of i over j, ties (symmetric), losses of i to j (= wins transposed), and the win rate of
   * i against j, (wins + ties / 2) / comparisons (NaN when they never met). The diagonal stays 0 / NaN.
   */
  comparisons: Float64Array;
  wins: Float64Array;
  ties: Float64Array;
  losses: Float64Array;
  winRate: Float64Array;
  /** per model, over all its opponents: comparisons, wins, ties, losses, and score = wins + ties / 2 */
  total: {
    comparisons: Float64Array;
    wins: Float64Array;
    ties: Float64Array;
    losses: Float64Array;
    score: Float64Array;
  };
  /** comparisons of a model with itself (a[k] === b[k]): not counted anywhere else */
  selfComparisons: number;
}

/**
 * Pairwise win counts: comparison k is model `a[k]` against model `b[k]` with `outcome[k]` the score of a
 * (1 win, 0.5 tie, 0 loss), counted `weight[k]` times (default 1; 0 counts nothing). A tie is half a win for
 * each side in the win rate (as in the Bradley–Terry score). Any other outcome, a code outside
 * [0, nModels), or a negative / NaN weight throws (programmer errors).
 */
export function winMatrix(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  { weight }: { weight?: ArrayLike<number> | null } = {},
): WinMatrix {
  const M = nModels;
  if (a.length !== b.length || a.length !== outcome.length || (weight && weight.length !== a.length))
    throw new Error('length mismatch');
  const comparisons = new Float64Array(M * M);
  const wins = new Float64Array(M * M);
  const ties = new Float64Array(M * M);
  let selfComparisons = 0;
  for (let k = 0; k < a.length; k++) {
    const i = a[k];
    const j = b[k];
    const s = outcome[k];
    const w = weight ? weight[k] : 1;
    if (!(i >= 0 && i < M && j >= 0 && j < M)) throw new Error(`invalid model code at ${k}`);
    if (s !== 0 && s !== 0.5 && s !== 1) throw new Error(`invalid outcome: ${s}`);
    if (!(w >= 0)) throw new Error(`invalid weight: ${w}`);
    if (w === 0) continue;
    if (i === j) {
      selfComparisons += w;
      continue;
    }
    comparisons[i * M + j] += w;
    comparisons[j * M + i] += w;
    if (s === 1) wins[i * M + j] += w;
    else if (s === 0) wins[j * M + i] += w;
    else {
      ties[i * M + j] += w;
      ties[j * M + i] += w;
    }
  }
  const losses = new Float64Array(M * M);
  const winRate = new Float64Array(M * M).fill(NaN);
  const total = {
    comparisons: new Float64Array(M),
    wins: new Float64Array(M),
    ties: new Float64Array(M),
    losses: new Float64Array(M),
    score: new Float64Array(M),
  };
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < M; j++) {
      const ij = i * M + j;
      losses[ij] = wins[j * M + i];
      if (comparisons[ij] > 0) winRate[ij] = (wins[ij] + ties[ij] / 2) / comparisons[ij];
      total.comparisons[i] += comparisons[ij];
      total.wins[i] += wins[ij];
      total.ties[i] += ties[ij];
      total.losses[i] += losses[ij];
    }
    total.score[i] = total.wins[i] + total.ties[i] / 2;
  }
  return { nModels: M, comparisons, wins, ties, losses, winRate, total, selfComparisons };
}
