/** The gold rule and the annotator it is applied to (README.md, "Planning: definitions and the plan command"). */
export interface GoldCatchInput {
  /** F: each task is gold with this probability, independently (0…1) */
  goldShare: number;
  /** M: the rule is checked after every gold answer from the M-th on (integer >= 1) */
  minGold: number;
  /** T: flagged when correct / answered < T (strict) */
  threshold: number;
  /** A: each gold answer is (directionally) right with this probability (0…1) */
  accuracy: number;
  /** N: tasks (labels) the annotator gives at most (integer >= 0) */
  tasks: number;
}

export interface GoldCatch {
  /** P(flagged within N tasks) */
  pCaught: number;
  /** E[min(task of the flag, N)]: tasks given until flagged, N when not flagged within N */
  expectedTasksToCatch: number;
  /** E[non-gold labels given before the flag], all non-gold labels of the N tasks when not flagged */
  expectedBadLabels: number;
  /** E[task of the flag | flagged within N]; NaN when pCaught = 0 */
  meanTasksWhenCaught: number;
  /** index g: P(first flagged at the g-th gold answer) over an unlimited gold sequence (index 0 = 0) */
  flagAtGold: Float64Array;
  /** index g: P(first flagged at the g-th gold answer and that answer within the N tasks); sums to pCaught */
  caughtAtGold: Float64Array;
  /** P(flagged within n tasks) for each n of `at` */
  pCaughtAt: Float64Array;
  /** P(not flagged within the first G gold answers), G = flagAtGold.length − 1 (gold answers beyond G are
   * out of reach within N tasks to double precision) */
  pNeverFlaggedByGold: number;
}

/** Compensated (Neumaier) summation: the big sums here add up to thousands of tiny positive terms. */
class Sum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/**
 * Binomial(n, p) probabilities k = 0…n: from the mode outwards by the ratio pmf(k+1)/pmf(k) =
 * (n−k)/(k+1) · p/q, then normalised (relative error ~ n·ε; terms below the double range are 0).
 */
function binomialPmf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  if (p <= 0) pmf[0] = 1;
  else if (p >= 1) pmf[n] = 1;
  else {
    const odds = p / (1 - p);
    const mode = Math.min(n, Math.floor((n + 1) * p));
    pmf[mode] = 1;
    for (let k = mode; k < n && pmf[k] > 0; k++) pmf[k + 1] = (pmf[k] * (n - k) * odds) / (k + 1);
    for (let k = mode; k > 0 && pmf[k] > 0; k--) pmf[k - 1] = (pmf[k] * k) / ((n - k + 1) * odds);
    const total = new Sum();
    for (let k = 0; k <= n; k++) total.add(pmf[k]);
    const t = total.value;
    for (let k = 0; k <= n; k++) pmf[k] /= t;
  }
  return pmf;
}

/** upper[g] = P(X >= g), g = 0…n+1, summed from the tail (small terms first) */
function upperTail(pmf: Float64Array): Float64Array {
  const n = pmf.length - 1;
  const upper = new Float64Array(n + 2);
  const s = new Sum();
  for (let k = n; k >= 0; k--) {
    s.add(pmf[k]);
    upper[k] = Math.min(1, s.value);
  }
  return upper;
}

function checkInput({ goldShare, minGold, threshold, accuracy, tasks }: GoldCatchInput): void {
  if (!(goldShare >= 0 && goldShare <= 1)) throw new Error(`goldShare must be in [0, 1]: ${goldShare}`);
  if (!(accuracy >= 0 && accuracy <= 1)) throw new Error(`accuracy must be in [0, 1]: ${accuracy}`);
  if (!Number.isInteger(minGold) || minGold < 1) throw new Error(`minGold must be an integer >= 1: ${minGold}`);
  if (!Number.isInteger(tasks) || tasks < 0) throw new Error(`tasks must be an integer >= 0: ${tasks}`);
  if (Number.isNaN(threshold)) throw new Error('threshold is NaN');
}

/** the largest gold count with P(Binomial(n, F) >= g) > 0 in double precision (0 when F = 0) */
function reach(upper: Float64Array, n: number, F: number): number {
  if (!(F > 0)) return 0;
  let g = n;
  while (g > 0 && upper[g] === 0) g--;
  return g;
}

/**
 * Exact catch probabilities of the gold rule (README.md, "Planning: definitions and the plan command"): each of N tasks is gold with
 * probability F independently, each gold answer is right with probability A independently, and after
 * every gold answer from the M-th on the annotator is flagged when correct / answered < T (strict; the
 * same floating-point comparison as `goldReplay`).
 *
 * The flag depends only on the sequence of gold answers, which is independent of where the gold tasks
 * fall. A dynamic programme over (gold answered g, right c) of the not-yet-flagged paths gives f_g =
 * P(first flagged at the g-th gold answer) (O(G²), G <= N, only the states that have not underflowed).
 * With S(g) = P(Binomial(N, F) >= g) and pos_g the task of the g-th gold answer (negative binomial:
 * n·C(n−1, g−1) = g·C(n, g) gives E[pos_g; pos_g <= N] = (g/F)·P(Bin(N+1, F) >= g+1) = g·S(g) +
 * g(1−F)/F·S(g+1)):
 *   P(caught within N)       = Σ_g f_g S(g)
 *   E[min(task of flag, N)]  = Σ_g f_g (g S(g) + g(1−F)/F S(g+1) + N P(Bin(N,F) < g)) + P(never)·N
 *   E[non-gold before flag]  = Σ_g f_g (g(1−F)/F S(g+1) + Σ_{k<g} (N−k) P(Bin(N,F) = k)) + P(never)·N(1−F)
 * where "never" = not flagged within the G gold answers that N tasks can hold. Probabilities are sums of
 * positive terms (compensated); tails are summed from their small end, so nothing is obtained as
 * 1 − (something close to 1). F = 0 or N = 0: never caught. `at`: P(caught within n tasks) for other
 * task counts n (same f_g). Invalid parameters (F or A outside [0, 1], M not an integer >= 1, N or an `at`
 * entry not an integer >= 0, T NaN) throw.
 */
export function goldCatch(input: GoldCatchInput, { at = [] }: { at?: ArrayLike<number> } = {}): GoldCatch {
  checkInput(input);
  const { goldShare: F, minGold: M, threshold: T, accuracy: A, tasks: N } = input;
  for (let i = 0; i < at.length; i++) {
    if (!Number.isInteger(at[i]) || at[i] < 0) throw new Error(`at: task counts must be integers >= 0: ${at[i]}`);
  }
  const pmf = binomialPmf(N, F);
  const upper = upperTail(pmf);
  // lower[g] = P(Bin(N, F) < g), below[g] = Σ_{k<g} (N − k) pmf(k), summed from the small end
  const lower = new Float64Array(N + 2);
  const below = new Float64Array(N + 2);
  {
    const s = new Sum(),
      w = new Sum();
    for (let g = 1; g <= N + 1; g++) {
      s.add(pmf[g - 1]);
      w.add((N - g + 1) * pmf[g - 1]);
      lower[g] = Math.min(1, s.value);
      below[g] = w.value;
    }
  }
  const G = reach(upper, N, F);
  const upperAt = Array.from(at, (n) => (n === N ? upper : upperTail(binomialPmf(n, F))));
  const Gdp = Math.max(G, ...Array.from(at, (n, i) => reach(upperAt[i], n, F)));

  // f_g by dynamic programme over the not-yet-flagged (gold answered, right) states
  const flags = new Float64Array(Gdp + 1);
  const alive = new Float64Array(Gdp + 2);
  alive[0] = 1;
  let lo = 0,
    hi = 0; // alive[c] can be non-zero only for lo <= c <= hi
  const B = 1 - A;
  const aliveMass = () => {
    const s = new Sum();
    for (let c = lo; c <= hi; c++) s.add(alive[c]);
    return s.value;
  };
  let pNever = G === 0 ? 1 : NaN;
  for (let g = 1; g <= Gdp && lo <= hi; g++) {
    alive[hi + 1] = 0;
    for (let c = hi + 1; c > lo; c--) alive[c] = alive[c] * B + alive[c - 1] * A;
    alive[lo] *= B;
    hi++;
    while (hi >= lo && alive[hi] === 0) hi--;
    while (lo <= hi && alive[lo] === 0) lo++;
    if (g >= M) {
      const f = new Sum();
      while (lo <= hi && lo / g < T) {
        f.add(alive[lo]);
        alive[lo++] = 0;
      }
      flags[g] = f.value;
    }
    if (g === G) pNever = aliveMass();
  }
  if (Number.isNaN(pNever)) pNever = 0; // every path was flagged before the G-th gold answer

  const flagAtGold = flags.slice(0, G + 1);
  const caughtAtGold = new Float64Array(G + 1);
  const pCaught = new Sum(),
    tasksSum = new Sum(),
    badSum = new Sum(),
    whenCaught = new Sum();
  const ratio = F > 0 ? (1 - F) / F : 0;
  for (let g = 1; g <= G; g++) {
    const f = flagAtGold[g];
    if (f === 0) continue;
    const caught = f * upper[g];
    caughtAtGold[g] = caught;
    pCaught.add(caught);
    const nonGoldBefore = g * ratio * upper[g + 1]; // E[pos_g − g; pos_g <= N]
    const taskOfFlag = g * upper[g] + nonGoldBefore; // E[pos_g; pos_g <= N]
    whenCaught.add(f * taskOfFlag);
    tasksSum.add(f * (taskOfFlag + N * lower[g]));
    badSum.add(f * (nonGoldBefore + below[g]));
  }
  tasksSum.add(pNever * N);
  badSum.add(pNever * N * (1 - F));

  const pCaughtAt = new Float64Array(at.length);
  for (let i = 0; i < at.length; i++) {
    const s = new Sum();
    const u = upperAt[i];
    for (let g = 1; g <= Math.min(Gdp, at[i]); g++) if (flags[g] > 0) s.add(flags[g] * u[g]);
    pCaughtAt[i] = Math.min(1, s.value);
  }

  const p = Math.min(1, pCaught.value);
  return {
    pCaught: p,
    expectedTasksToCatch: tasksSum.value,
    expectedBadLabels: badSum.value,
    meanTasksWhenCaught: p > 0 ? whenCaught.value / p : NaN,
    flagAtGold,
    caughtAtGold,
    pCaughtAt,
    pNeverFlaggedByGold: pNever,
  };
}
