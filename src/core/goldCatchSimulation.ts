import type { GoldCatchInput } from './goldCatch';
import { rng, type Rng } from './rng';

export interface GoldCatchSimulation {
  runs: number;
  /** share of runs flagged within N tasks, and its standard error √(p(1−p)/runs) */
  pCaught: number;
  pCaughtSe: number;
  /** mean of min(task of the flag, N), and its standard error (sample sd / √runs) */
  expectedTasksToCatch: number;
  expectedTasksToCatchSe: number;
  /** mean number of non-gold labels before the flag (all of the N tasks' when not flagged), and its SE */
  expectedBadLabels: number;
  expectedBadLabelsSe: number;
  /** share of runs flagged within n tasks for each n of `at` (n <= N; larger n count as N) */
  pCaughtAt: Float64Array;
  /** index g: runs flagged at their g-th gold answer (within N tasks) */
  caughtAtGold: Int32Array;
}

/**
 * The quantities of `goldCatch` by seeded Monte-Carlo: each run plays one annotator through N tasks,
 * task by task in effect: the number of non-gold tasks before the next gold one is drawn as a geometric
 * variable ⌊ln(1 − U) / ln(1 − F)⌋ (F = 1: none), each gold answer is right when U < A, and after every
 * gold answer from the M-th on the run stops when correct / answered < T. Cost O(runs × gold answers).
 * `random` (default `rng(seed)`) is the only source of randomness. runs = 0 gives NaN estimates.
 */
export function goldCatchSimulation(
  input: GoldCatchInput,
  {
    runs = 2000,
    seed = 1,
    random = rng(seed),
    at = [],
  }: { runs?: number; seed?: number; random?: Rng; at?: ArrayLike<number> } = {},
): GoldCatchSimulation {
  const { goldShare: F, minGold: M, threshold: T, accuracy: A, tasks: N } = input;
  if (!Number.isInteger(runs) || runs < 0) throw new Error(`runs must be an integer >= 0: ${runs}`);
  const logMiss = Math.log1p(-F); // ln(1 − F): −Infinity when F = 1, 0 when F = 0
  const caughtAtTask = new Int32Array(N + 1); // runs flagged at task n
  const caughtAtGold = new Int32Array(N + 1);
  let caught = 0,
    tSum = 0,
    tSq = 0,
    bSum = 0,
    bSq = 0;
  for (let r = 0; r < runs; r++) {
    let task = 0,
      answered = 0,
      correct = 0,
      flaggedAt = 0;
    while (F > 0) {
      const gap = F >= 1 ? 0 : Math.floor(Math.log1p(-random()) / logMiss);
      task += gap + 1; // the next gold task
      if (task > N) break;
      answered++;
      if (random() < A) correct++;
      if (answered >= M && correct / answered < T) {
        flaggedAt = task;
        break;
      }
    }
    let tasks: number, bad: number;
    if (flaggedAt > 0) {
      caught++;
      caughtAtTask[flaggedAt]++;
      caughtAtGold[answered]++;
      tasks = flaggedAt;
      bad = flaggedAt - answered;
    } else {
      tasks = N;
      bad = N - answered; // the gold answers counted all fell within the N tasks
    }
    tSum += tasks;
    tSq += tasks * tasks;
    bSum += bad;
    bSq += bad * bad;
  }
  const mean = (s: number) => (runs > 0 ? s / runs : NaN);
  const se = (s: number, sq: number) => {
    if (runs < 2) return NaN;
    const m = s / runs;
    return Math.sqrt(Math.max(0, (sq - runs * m * m) / (runs - 1)) / runs);
  };
  const p = mean(caught);
  const cumulative = new Float64Array(N + 1);
  for (let n = 1; n <= N; n++) cumulative[n] = cumulative[n - 1] + caughtAtTask[n];
  return {
    runs,
    pCaught: p,
    pCaughtSe: runs > 0 ? Math.sqrt((p * (1 - p)) / runs) : NaN,
    expectedTasksToCatch: mean(tSum),
    expectedTasksToCatchSe: se(tSum, tSq),
    expectedBadLabels: mean(bSum),
    expectedBadLabelsSe: se(bSum, bSq),
    pCaughtAt: Float64Array.from(at, (n) => mean(cumulative[Math.min(N, Math.max(0, n))])),
    caughtAtGold,
  };
}
