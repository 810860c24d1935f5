import { wilsonInterval } from './wilsonInterval';

/** A length-controlled win rate of a candidate against a baseline side (see `lengthControlledWinRate`). */
export interface LengthControlled {
  /** decisive verdicts used (ties and missing lengths left out) */
  n: number;
  /** verdicts that were ties (0.5), left out of the fit and of `raw` */
  ties: number;
  /** share of the n decisive verdicts won by the candidate; NaN when n = 0 */
  raw: number;
  /** Wilson 95% interval of `raw`; null when n = 0 */
  raw_ci95: [number, number] | null;
  /** logistic fit: logit P(candidate wins) = intercept + slope · x, x = lengthDiff / scale; NaN when `reason` */
  intercept: number;
  slope: number;
  /** sigmoid(intercept): the win rate at zero length difference; NaN when `reason` */
  controlled: number;
  /** sigmoid(intercept ± 1.96 se(intercept)); null when `reason` */
  controlled_ci95: [number, number] | null;
  /** standard error of `slope`, from the inverse observed Fisher information; NaN when `reason` */
  slope_se: number;
  /** share of the decisive verdicts with unequal lengths that the longer response won; NaN when none */
  longer_wins: number;
  longer_wins_n: number;
  /** whether Newton–Raphson met the tolerance, and how many steps it took (0 when no fit was tried) */
  converged: boolean;
  iterations: number;
  /** why `controlled` is NaN: no data, separation (all one outcome, or wins and losses split by length), no length
   * variation, or no convergence; null when the fit succeeded */
  reason: string | null;
}

const Z95 = 1.959963984540054;

const sigmoid = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));
/** log(1 + e^t) without overflow */
const softplus = (t: number): number => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));

/**
 * Length-controlled win rate of a candidate against a baseline, for one judge (or humans). `win[i]` is 1 (candidate
 * won), 0 (baseline won), 0.5 (tie) or NaN (no verdict); `lengthDiff[i]` is the candidate's length minus the
 * baseline's (characters), NaN when unknown. Over the n decisive verdicts with a known difference it fits by maximum
 * likelihood the logistic model
 *   logit P(candidate wins) = intercept + slope · x,   x = lengthDiff / scale,
 * and reports `controlled` = sigmoid(intercept), the win rate predicted at zero length difference, with the interval
 * sigmoid(intercept ± 1.96 se), se from the inverse observed Fisher information (Wald). This is a two-term version
 * of the GLM in Dubois et al. (2024), "Length-Controlled AlpacaEval: A Simple Way to Debias Automatic Evaluators",
 * which has the length difference among its terms; theirs (alpaca_eval `glm_winrate.py`) also has instruction
 * difficulty and model terms, takes tanh of the standardised difference, counts ties as half wins and is L1
 * regularised with cross-validation, so the two agree only in spirit. Ours is unpenalised maximum likelihood.
 *
 * `scale` defaults to the sample standard deviation (n − 1) of the used differences, so the fit is well conditioned;
 * the intercept (hence `controlled` and its interval) does not depend on the scale, and `slope` is per standard
 * deviation of the difference (per `scale` characters when given). The fit is Newton–Raphson (IRLS) from
 * (logit raw, 0), with step halving should the likelihood fall, until the largest parameter change is below
 * `tolerance` (1e-10), at most `maxIterations` (50) steps.
 *
 * Ties are left out of the fit and of `raw` and counted in `ties` (whether their length is known or not); `raw` is
 * the share of the same n verdicts the fit uses, so the two are comparable. `longer_wins` is, among those whose
 * lengths differ by more than `minDifference` characters (0: any difference), the share won by the longer response. Degenerate cases give `controlled` NaN with a `reason`
 * (while `raw` and `longer_wins` are still computed): no decisive verdict with a known length; separation — all
 * wins, all losses, or wins and losses split by the length difference (every loss at x ≤ every win, or the
 * reverse), where the likelihood has no maximum (Albert & Anderson 1984); no length variation (all differences
 * equal, so slope and intercept are confounded); or no convergence within `maxIterations`. Win values other than
 * 0, 0.5, 1, NaN, arrays of unequal length, and a scale that is not positive and finite throw.
 */
export function lengthControlledWinRate(
  win: ArrayLike<number>,
  lengthDiff: ArrayLike<number>,
  {
    scale,
    minDifference = 0,
    maxIterations = 50,
    tolerance = 1e-10,
  }: { scale?: number; minDifference?: number; maxIterations?: number; tolerance?: number } = {},
): LengthControlled {
  if (win.length !== lengthDiff.length) throw new RangeError('win and lengthDiff differ in length');
  if (scale !== undefined && !(scale > 0 && Number.isFinite(scale))) throw new RangeError('scale must be > 0');
  const y: number[] = [],
    d: number[] = [];
  let ties = 0,
    longer = 0,
    longerN = 0;
  for (let i = 0; i < win.length; i++) {
    const w = win[i];
    if (Number.isNaN(w)) continue;
    if (w !== 0 && w !== 0.5 && w !== 1) throw new RangeError(`win[${i}] = ${w} is not 0, 0.5, 1 or NaN`);
    if (w === 0.5) ties++;
    else if (Number.isFinite(lengthDiff[i])) {
      y.push(w);
      d.push(lengthDiff[i]);
      if (Math.abs(lengthDiff[i]) > minDifference) {
        longerN++;
        if (lengthDiff[i] > 0 === (w === 1)) longer++;
      }
    }
  }
  const n = y.length;
  const wins = y.reduce((s, v) => s + v, 0);
  const result: LengthControlled = {
    n,
    ties,
    raw: n > 0 ? wins / n : NaN,
    raw_ci95: n > 0 ? wilsonInterval(wins, n) : null,
    intercept: NaN,
    slope: NaN,
    controlled: NaN,
    controlled_ci95: null,
    slope_se: NaN,
    longer_wins: longerN > 0 ? longer / longerN : NaN,
    longer_wins_n: longerN,
    converged: false,
    iterations: 0,
    reason: null,
  };

  let minWin = Infinity,
    maxWin = -Infinity,
    minLoss = Infinity,
    maxLoss = -Infinity;
  for (let i = 0; i < n; i++) {
    if (y[i] === 1) {
      minWin = Math.min(minWin, d[i]);
      maxWin = Math.max(maxWin, d[i]);
    } else {
      minLoss = Math.min(minLoss, d[i]);
      maxLoss = Math.max(maxLoss, d[i]);
    }
  }
  if (n === 0) result.reason = 'no decisive verdicts with known lengths';
  else if (wins === n) result.reason = 'separation: the candidate won every decisive verdict';
  else if (wins === 0) result.reason = 'separation: the baseline won every decisive verdict';
  else if (Math.min(minWin, minLoss) === Math.max(maxWin, maxLoss))
    result.reason = 'no length variation: every length difference is the same';
  else if (maxLoss <= minWin || maxWin <= minLoss)
    result.reason = 'separation: the length difference splits wins from losses';
  if (result.reason) return result;

  const mean = d.reduce((s, v) => s + v, 0) / n; // n ≥ 2 here: there are wins and losses
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const x = d.map((v) => v / (scale ?? sd));
  /** log-likelihood, score (ga, gb) and observed information (iaa, iab, ibb) = the expected, for the logit link */
  const at = (a: number, b: number) => {
    let ll = 0,
      ga = 0,
      gb = 0,
      iaa = 0,
      iab = 0,
      ibb = 0;
    for (let i = 0; i < n; i++) {
      const eta = a + b * x[i],
        p = sigmoid(eta),
        w = p * (1 - p);
      ll += y[i] * eta - softplus(eta);
      ga += y[i] - p;
      gb += (y[i] - p) * x[i];
      iaa += w;
      iab += w * x[i];
      ibb += w * x[i] * x[i];
    }
    return { ll, ga, gb, iaa, iab, ibb, det: iaa * ibb - iab * iab };
  };
  let a = Math.log(wins / (n - wins)),
    b = 0,
    fit = at(a, b);
  for (let it = 1; it <= maxIterations && fit.det > 0; it++) {
    let da = (fit.ibb * fit.ga - fit.iab * fit.gb) / fit.det,
      db = (fit.iaa * fit.gb - fit.iab * fit.ga) / fit.det;
    let next = at(a + da, b + db);
    for (let h = 0; h < 30 && !(next.ll >= fit.ll - 1e-12 * Math.abs(fit.ll)); h++) {
      da /= 2;
      db /= 2;
      next = at(a + da, b + db);
    }
    a += da;
    b += db;
    fit = next;
    result.iterations = it;
    if (Math.max(Math.abs(da), Math.abs(db)) < tolerance) {
      result.converged = Number.isFinite(a) && Number.isFinite(b) && fit.det > 0;
      break;
    }
  }
  if (!result.converged) {
    result.reason = `no convergence in ${result.iterations} iterations`;
    return result;
  }
  const seA = Math.sqrt(fit.ibb / fit.det);
  result.intercept = a;
  result.slope = b;
  result.controlled = sigmoid(a);
  result.controlled_ci95 = [sigmoid(a - Z95 * seA), sigmoid(a + Z95 * seA)];
  result.slope_se = Math.sqrt(fit.iaa / fit.det);
  return result;
}
