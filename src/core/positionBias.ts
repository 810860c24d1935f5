import { binomialTest } from './binomialTest';
import { decisiveSides } from './directionalSides';
import type { Ratings } from './types';

/** A count of one side's choices with its share, Clopper–Pearson interval and exact two-sided p-value vs 1/2. */
export interface SideChoice {
  n: number;
  chosen: number;
  /** chosen / n; NaN when n = 0 */
  share: number;
  ci: [number, number];
  pValue: number;
}

export interface PositionBias {
  /** per annotator: selected decisive judgements (side A or B; ties and nominal labels left out) */
  n: Int32Array;
  /** per annotator: of those, how many chose the side shown first */
  first: Int32Array;
  /** per annotator: of those, how many had a known order (`shownFirst` 0 or 1) */
  known: Int32Array;
  /** per annotator: first / n, the Clopper–Pearson interval at `confLevel`, the two-sided p-value vs 1/2; NaN when n = 0 */
  share: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
  pValue: Float64Array;
  /** the same over every selected judgement (whatever the annotator) */
  pooled: SideChoice & { known: number };
}

/**
 * Per judgement, whether it chose the side shown first: 1 yes, 0 the other side, -1 not decisive (a tie, or
 * no label). The side shown first is side A when `shownFirst` is 0, side B when it is 1, and side A when the
 * order is unknown (255, or no `shownFirst` column: the usual "A is on the left/top" layout). Null for
 * nominal data (no sides).
 */
export function firstSideChoice(ratings: Ratings): ((j: number) => number) | null {
  const decisive = decisiveSides(ratings.fivePoint);
  if (!decisive) return null;
  const { label, shownFirst } = ratings;
  return (j) => {
    const side = label[j] < 0 ? -1 : decisive[label[j]];
    if (side < 0) return -1;
    const order = shownFirst ? shownFirst[j] : 255;
    return side === (order === 1 ? 1 : 0) ? 1 : 0;
  };
}

/** `binomialTest(chosen, n)` against 1/2 as a `SideChoice` (NaN fields when n = 0). */
function sideChoice(chosen: number, n: number, confLevel: number): SideChoice {
  const t = binomialTest(chosen, n, { p: 0.5, confLevel });
  return { n, chosen, share: t.estimate, ci: t.ci, pValue: t.pValue };
}

/**
 * Position bias per annotator: over the selected decisive judgements (directional side A or B, not a tie),
 * how many chose the side shown first — side A when `shownFirst` is 0, side B when it is 1, and side A
 * when the order is unknown (255, or no `shownFirst` column: the usual "A is on the left/top" layout).
 * Each count is tested against 1/2 with `binomialTest` (exact two-sided, R's `binom.test`), with its
 * Clopper–Pearson interval. The caller masks (kinds, dimension, removed annotators). Nominal data has no
 * sides: every n is 0. Annotators without a decisive judgement have n = 0 and NaN statistics.
 */
export function positionBias(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { confLevel = 0.95 }: { confLevel?: number } = {},
): PositionBias {
  const nAnn = ratings.annotators.length;
  const n = new Int32Array(nAnn),
    first = new Int32Array(nAnn),
    known = new Int32Array(nAnn);
  const choice = firstSideChoice(ratings);
  if (choice) {
    const { annotator, shownFirst } = ratings;
    for (let j = 0; j < ratings.n; j++) {
      if (mask && !mask[j]) continue;
      const c = choice(j);
      if (c < 0) continue;
      const a = annotator[j];
      n[a]++;
      if (shownFirst && (shownFirst[j] === 0 || shownFirst[j] === 1)) known[a]++;
      if (c === 1) first[a]++;
    }
  }
  const share = new Float64Array(nAnn),
    ciLow = new Float64Array(nAnn),
    ciHigh = new Float64Array(nAnn),
    pValue = new Float64Array(nAnn);
  let pooledN = 0,
    pooledFirst = 0,
    pooledKnown = 0;
  for (let a = 0; a < nAnn; a++) {
    const s = sideChoice(first[a], n[a], confLevel);
    share[a] = s.share;
    [ciLow[a], ciHigh[a]] = s.ci;
    pValue[a] = s.pValue;
    pooledN += n[a];
    pooledFirst += first[a];
    pooledKnown += known[a];
  }
  return {
    n,
    first,
    known,
    share,
    ciLow,
    ciHigh,
    pValue,
    pooled: { ...sideChoice(pooledFirst, pooledN, confLevel), known: pooledKnown },
  };
}
