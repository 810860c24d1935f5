/* eslint-disable no-loss-of-precision -- published constants and reference values keep every digit as published */
/** One exact binomial test: the null probability, the estimate, the two-sided p-value and its interval. */
export interface BinomialTest {
  successes: number;
  n: number;
  /** the success probability under the null hypothesis */
  p: number;
  /** successes / n; NaN when n = 0 */
  estimate: number;
  /** two-sided p-value as R's `binom.test`; NaN when n = 0 */
  pValue: number;
  /** Clopper–Pearson interval at `confLevel` as R's `binom.test`; [NaN, NaN] when n = 0 */
  ci: [number, number];
}

const LN_2PI = 1.837877066409345483560659;
/** stirlerr(k) = ln k! − ln(√(2πk) (k/e)^k) for k = 0…15 (R's `sferr_halves` at integers; mpmath, 22 digits). */
const STIRLERR = [
  0, 0.08106146679532725821967, 0.04134069595540929409382, 0.02767792568499833914879, 0.02079067210376509311152,
  0.01664469118982119216319, 0.01387612882307074799875, 0.01189670994589177009506, 0.01041126526197209649748,
  0.009255462182712732917729, 0.008330563433362871256469, 0.007573675487951840794972, 0.006942840107209529865664,
  0.00640899418800420706844, 0.005951370112758847735624, 0.005554733551962801371039,
];
const S0 = 1 / 12,
  S1 = 1 / 360,
  S2 = 1 / 1260,
  S3 = 1 / 1680,
  S4 = 1 / 1188;

/** The error of Stirling's formula for ln k!, k a non-negative integer (Loader 2000; R's `stirlerr`). */
function stirlerr(k: number): number {
  if (k <= 15) return STIRLERR[k];
  const kk = k * k;
  if (k > 500) return (S0 - S1 / kk) / k;
  if (k > 80) return (S0 - (S1 - S2 / kk) / kk) / k;
  if (k > 35) return (S0 - (S1 - (S2 - S3 / kk) / kk) / kk) / k;
  return (S0 - (S1 - (S2 - (S3 - S4 / kk) / kk) / kk) / kk) / k;
}

/** x ln(x / np) + np − x without cancellation (Loader 2000; R's `bd0`). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/** ln P(X = x), X ~ Binomial(n, p), q = 1 − p, 0 < p < 1, 0 ≤ x ≤ n integers (Loader 2000; R's `dbinom_raw`). */
function logPmf(x: number, n: number, p: number, q: number): number {
  if (x === 0) return n === 0 ? 0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return lc - 0.5 * (LN_2PI + Math.log(x) + Math.log1p(-x / n));
}

/**
 * ln Σ_{k=from}^{to} P(X = k): starts at the mode clamped into the range (the largest term there) and walks
 * outwards with the ratio of consecutive terms, stopping once a term is below 2⁻⁵⁶ of the sum, so a tail of
 * Binomial(10⁶, p) costs a few thousand steps, not n.
 */
function logSum(from: number, to: number, n: number, p: number, q: number): number {
  if (from > to) return -Infinity;
  const start = Math.min(to, Math.max(from, Math.floor((n + 1) * p)));
  const up = p / q,
    down = q / p;
  let sum = 1;
  let term = 1;
  for (let k = start; k < to; k++) {
    term *= ((n - k) / (k + 1)) * up;
    sum += term;
    if (term < sum * 1.4e-17) break;
  }
  term = 1;
  for (let k = start; k > from; k--) {
    term *= (k / (n - k + 1)) * down;
    sum += term;
    if (term < sum * 1.4e-17) break;
  }
  return logPmf(start, n, p, q) + Math.log(sum);
}

/** The smallest p in [0, 1] with f(p) true, f monotone (false … true), by bisection to the last bit. */
function bisect(f: (p: number) => boolean): number {
  let lo = 0,
    hi = 1;
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (f(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Exact binomial test of `successes` in `n` trials against success probability `p`, as R's
 * `binom.test(x, n, p)` (two-sided): the p-value sums the probabilities of every outcome no more likely than
 * the observed one, with R's relative tolerance (d_i ≤ d·(1 + 10⁻⁷)), found by bisection on the monotone
 * side of the mode; probabilities are Loader's (2000) saddle-point `dbinom` in log space and tails are summed
 * outwards from their largest term, so n in the millions is exact and fast (a p-value below ~10⁻³⁰⁸ is 0).
 * `ci` is the Clopper & Pearson (1934) interval R reports: the lower bound solves P(X ≥ x; p_L) = α/2
 * (0 when x = 0), the upper P(X ≤ x; p_U) = α/2 (1 when x = n), α = 1 − confLevel, each by bisection on p
 * (the binomial tail equals R's `qbeta` form, I_p(x, n − x + 1)). Degenerate counts (n = 0, successes not an
 * integer in [0, n]) give NaN; p outside [0, 1] or confLevel outside (0, 1) throw.
 */
export function binomialTest(
  successes: number,
  n: number,
  { p = 0.5, confLevel = 0.95 }: { p?: number; confLevel?: number } = {},
): BinomialTest {
  if (!(p >= 0 && p <= 1)) throw new Error(`invalid p: ${p}`);
  if (!(confLevel > 0 && confLevel < 1)) throw new Error(`invalid confLevel: ${confLevel}`);
  const x = successes;
  if (!(n > 0 && Number.isInteger(n) && Number.isInteger(x) && x >= 0 && x <= n)) {
    return { successes, n, p, estimate: NaN, pValue: NaN, ci: [NaN, NaN] };
  }
  const alpha = (1 - confLevel) / 2;
  const logAlpha = Math.log(alpha);
  const lower = x === 0 ? 0 : bisect((t) => logSum(x, n, n, t, 1 - t) >= logAlpha);
  const upper = x === n ? 1 : bisect((t) => logSum(0, x, n, t, 1 - t) <= logAlpha);
  return { successes, n, p, estimate: x / n, pValue: twoSided(x, n, p), ci: [lower, upper] };
}

function twoSided(x: number, n: number, p: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const q = 1 - p;
  const m = n * p;
  if (x === m) return 1;
  const bound = logPmf(x, n, p, q) + Math.log1p(1e-7);
  let lnA: number, lnB: number;
  if (x < m) {
    // on [ceil(m), n] the probabilities do not increase: the first j with d_j ≤ d·(1 + 1e-7) starts the far tail
    let lo = Math.ceil(m),
      hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (logPmf(mid, n, p, q) <= bound) hi = mid;
      else lo = mid + 1;
    }
    lnA = logSum(0, x, n, p, q);
    lnB = logSum(lo, n, n, p, q);
  } else {
    // on [0, floor(m)] the probabilities do not decrease: the last k with d_k ≤ d·(1 + 1e-7) ends the far tail
    let lo = -1,
      hi = Math.floor(m);
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      if (logPmf(mid, n, p, q) <= bound) lo = mid;
      else hi = mid - 1;
    }
    lnA = logSum(0, lo, n, p, q);
    lnB = logSum(x, n, n, p, q);
  }
  return Math.min(1, Math.exp(lnA) + Math.exp(lnB));
}
