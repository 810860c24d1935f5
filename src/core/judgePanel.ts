import { wilsonInterval } from './wilsonInterval';

export interface JudgePanel {
  /** J, the number of judges */
  judges: number;
  /** common items: every judge has a verdict and the reference exists */
  items: number;
  /** per judge: share of common items where verdict === reference; NaN when items = 0 */
  accuracy: number[];
  /** J×J phi correlation of the error indicators on the common items; NaN where an indicator is constant */
  error_correlation: number[][];
  /** mean of the defined off-diagonal entries of error_correlation; NaN if none */
  mean_error_correlation: number;
  /** J / (1 + (J − 1) ρ̄), ρ̄ = mean_error_correlation clamped to [0, 1]; J when J < 2; NaN when ρ̄ is NaN */
  effective_judges: number;
  /** plurality vote of the panel on the common items (a tie between verdicts counts as wrong) */
  majority: { accuracy: number; ties: number; ci95: [number, number] | null };
  /** per judge: majority accuracy without that judge; change = full-panel accuracy − that */
  leave_one_out: { accuracy: number; change: number }[];
  /** index of the judge with the largest change (first on ties); −1 when J < 2 or no change is defined */
  adds_most: number;
}

/**
 * A panel of J judges (e.g. LLM judges) scored against a reference category per item (gold, or the human
 * majority). `verdicts[j][i]` is judge j's category code on item i, `reference[i]` the reference; a negative
 * code (−1) means no verdict / no reference. All arrays must have the same length (else it throws).
 * Everything is computed on the common items: those with a reference and a verdict from every judge.
 *
 * - accuracy[j]: share of common items with verdict_j === reference.
 * - error_correlation[j][k]: Pearson correlation of the 0/1 error indicators e_j = (verdict_j !== reference),
 *   i.e. the phi coefficient of their 2×2 table, phi = (n11 n00 − n10 n01) / √(n1· n0· n·1 n·0). Diagonal 1;
 *   NaN in every row and column of a judge whose indicator is constant (always right or always wrong, or no
 *   common items), as numpy.corrcoef gives. Framing of judges' correlated errors and of the effective number
 *   of independent judges: Kim et al. (2025), "Correlated Errors in Large Language Models", ICML.
 * - mean_error_correlation ρ̄: mean over judge pairs j < k of the defined entries; NaN if there are none.
 * - effective_judges: the design effect of Kish (1965, Survey Sampling), J / (1 + (J − 1) ρ̄) with ρ̄ clamped
 *   to [0, 1], so it runs from J (uncorrelated errors) down to 1 (identical errors). J when J < 2.
 * - majority: per common item the panel's plurality verdict (the most frequent among the J verdicts); when
 *   two or more verdicts share the top count the item is a tie, counted in `ties` and as wrong. Accuracy is
 *   correct / items with its Wilson (1927) 95% interval; NaN and null when there are no common items.
 * - leave_one_out[j]: the same plurality accuracy with judge j removed (on the same common items; with J = 2
 *   that is the other judge alone), and change = full-panel accuracy − that, positive when judge j adds
 *   accuracy. NaN for J < 2.
 * - adds_most: the judge with the largest change, the first on ties; −1 when J < 2 or no change is defined.
 */
export function judgePanel(verdicts: Int32Array[], reference: Int32Array): JudgePanel {
  const J = verdicts.length,
    N = reference.length;
  for (const v of verdicts) if (v.length !== N) throw new Error('judgePanel: arrays differ in length');
  const common: number[] = [];
  let K = 0;
  for (let i = 0; i < N; i++) {
    if (reference[i] < 0 || verdicts.some((v) => v[i] < 0)) continue;
    common.push(i);
    for (const v of verdicts) K = Math.max(K, v[i] + 1);
  }
  const n = common.length;
  // error indicators and per judge counts of right verdicts
  const errors = verdicts.map((v) => Uint8Array.from(common, (i) => (v[i] !== reference[i] ? 1 : 0)));
  const accuracy = errors.map((e) => (n > 0 ? (n - e.reduce((s, x) => s + x, 0)) / n : NaN));

  const error_correlation = errors.map((ej) => errors.map((ek) => phi(ej, ek)));
  let sum = 0,
    pairs = 0;
  for (let j = 0; j < J; j++)
    for (let k = j + 1; k < J; k++) {
      const r = error_correlation[j][k];
      if (!Number.isNaN(r)) {
        sum += r;
        pairs++;
      }
    }
  const mean_error_correlation = pairs > 0 ? sum / pairs : NaN;
  const rho = Math.min(1, Math.max(0, mean_error_correlation));
  const effective_judges = J < 2 ? J : J / (1 + (J - 1) * rho);

  // plurality votes: the full panel (slot J) and each panel without judge j (slot j)
  const correct = new Int32Array(J + 1);
  let ties = 0;
  const counts = new Int32Array(K);
  for (const i of J > 0 ? common : []) {
    counts.fill(0);
    for (const v of verdicts) counts[v[i]]++;
    for (let skip = 0; skip <= J; skip++) {
      if (skip < J) counts[verdicts[skip][i]]--;
      const winner = plurality(counts);
      if (skip < J) counts[verdicts[skip][i]]++;
      if (winner === reference[i]) correct[skip]++;
      else if (skip === J && winner === -1) ties++;
    }
  }
  const share = (c: number) => (n > 0 && J > 0 ? c / n : NaN);
  const full = share(correct[J]);
  const majority = { accuracy: full, ties, ci95: n > 0 && J > 0 ? wilsonInterval(correct[J], n) : null };
  const leave_one_out = verdicts.map((_, j) => {
    const loo = J < 2 ? NaN : share(correct[j]);
    return { accuracy: loo, change: full - loo };
  });
  let adds_most = -1;
  for (let j = 0; j < J && J >= 2; j++) {
    const c = leave_one_out[j].change;
    if (!Number.isNaN(c) && (adds_most < 0 || c > leave_one_out[adds_most].change)) adds_most = j;
  }
  return {
    judges: J,
    items: n,
    accuracy,
    error_correlation,
    mean_error_correlation,
    effective_judges,
    majority,
    leave_one_out,
    adds_most,
  };
}

/** Phi coefficient of two 0/1 arrays (= Pearson's r); NaN when either is constant. */
function phi(a: Uint8Array, b: Uint8Array): number {
  let n11 = 0,
    n10 = 0,
    n01 = 0,
    n00 = 0;
  for (let t = 0; t < a.length; t++) {
    if (a[t]) {
      if (b[t]) n11++;
      else n10++;
    } else if (b[t]) n01++;
    else n00++;
  }
  const product = (n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00);
  if (product === 0) return NaN;
  return Math.max(-1, Math.min(1, (n11 * n00 - n10 * n01) / Math.sqrt(product)));
}

/** The code with the largest count, or −1 when the top count is shared (or all counts are 0). */
function plurality(counts: Int32Array): number {
  let best = -1,
    top = 0,
    shared = false;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] > top) {
      best = c;
      top = counts[c];
      shared = false;
    } else if (counts[c] === top && top > 0) shared = true;
  }
  return shared ? -1 : best;
}
