import { lengthControlledWinRate } from '../core/lengthControlledWinRate';
import type { LoadResult } from '../parse/loadFiles';
import { MIN_LENGTH_DIFFERENCE, responseLengths } from './biasSection';

/** A win rate against a baseline model beside its length-controlled version (`lengthControlledWinRate`). */
export interface LengthControlledReport {
  /** the model every counted pair has on one side; the candidate is the model on the other side */
  baseline: string;
  /** pairs with a verdict, the baseline on one side and another model on the other, and both texts */
  pairs: number;
  /** decisive verdicts in the fit, ties left out */
  n: number;
  ties: number;
  /** the candidates' share of decisive verdicts, with its Wilson interval */
  raw: number | null;
  raw_ci95: [number, number] | null;
  /** the win rate at zero length difference: σ(intercept) of the logistic fit on the standardised difference */
  controlled: number | null;
  controlled_ci95: [number, number] | null;
  /** per standard deviation of the length difference (candidate − baseline, characters), and its error */
  slope: number | null;
  slope_se: number | null;
  /** the share of decisive verdicts with unequal lengths that the longer response won */
  longer_wins: number | null;
  longer_wins_n: number;
  /** why `controlled` is null (no data, separation, no length variation, no convergence) */
  reason: string | null;
}

const num = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The baseline of a file's model pairs: the model on the most pairs with two different models and both texts;
 * among models on as many, the one more often shown as A (AlpacaEval: every pair has its reference model as
 * output_1, so A), then the first by name. Null when no such pair exists.
 */
export function lengthBaseline(loaded: LoadResult): string | null {
  const { a, b } = loaded.models;
  const lengths = responseLengths(loaded.texts, loaded.ratings.items.length);
  if (!lengths) return null;
  const pairs = new Map<string, { n: number; asA: number }>();
  const count = (m: string, asA: number) => {
    const c = pairs.get(m) ?? { n: 0, asA: 0 };
    pairs.set(m, { n: c.n + 1, asA: c.asA + asA });
  };
  for (let i = 0; i < a.length; i++) {
    if (!a[i] || !b[i] || a[i] === b[i] || Number.isNaN(lengths.a[i] + lengths.b[i])) continue;
    count(a[i]!, 1);
    count(b[i]!, 0);
  }
  const ranked = [...pairs].sort(([m, x], [k, y]) => y.n - x.n || y.asA - x.asA || (m < k ? -1 : 1));
  return ranked.length ? ranked[0][0] : null;
}

/**
 * One set of verdicts (per item: the side code of the verdict, -1 none) as the candidates' win rate against
 * `baseline`: on the pairs with the baseline on one side and another model on the other, a verdict for the
 * candidate's side wins, for the baseline's loses, a tie (`tie`) is half; the length difference is the
 * candidate's trimmed length minus the baseline's. Null when no such pair has a verdict.
 */
export function lengthControlled(
  loaded: LoadResult,
  verdict: Int32Array,
  sides: { a: number; b: number },
  baseline: string,
): LengthControlledReport | null {
  const { a: modelA, b: modelB } = loaded.models;
  const lengths = responseLengths(loaded.texts, loaded.ratings.items.length);
  if (!lengths) return null;
  const win: number[] = [],
    diff: number[] = [];
  for (let i = 0; i < verdict.length; i++) {
    const v = verdict[i];
    if (v < 0 || modelA[i] === modelB[i]) continue;
    const baseIsA = modelA[i] === baseline;
    if (!baseIsA && modelB[i] !== baseline) continue;
    const d = baseIsA ? lengths.b[i] - lengths.a[i] : lengths.a[i] - lengths.b[i];
    if (Number.isNaN(d)) continue;
    const candidate = baseIsA ? sides.b : sides.a;
    const base = baseIsA ? sides.a : sides.b;
    win.push(v === candidate ? 1 : v === base ? 0 : 0.5);
    diff.push(d);
  }
  if (!win.length) return null;
  // the longer-answer share counts lengths as the length-bias section does, so the page shows one figure
  const f = lengthControlledWinRate(win, diff, { minDifference: MIN_LENGTH_DIFFERENCE });
  return {
    baseline,
    pairs: win.length,
    n: f.n,
    ties: f.ties,
    raw: num(f.raw),
    raw_ci95: f.raw_ci95,
    controlled: num(f.controlled),
    controlled_ci95: f.controlled_ci95,
    slope: num(f.slope),
    slope_se: num(f.slope_se),
    longer_wins: num(f.longer_wins),
    longer_wins_n: f.longer_wins_n,
    reason: f.reason,
  };
}
