import { binomialTest } from './binomialTest';
import { decisiveSides } from './directionalSides';
import type { SideChoice } from './positionBias';
import type { Ratings } from './types';

export interface LengthBias {
  /** items whose two lengths are known and differ by more than `minDifference` */
  items: number;
  /** per annotator: selected decisive judgements (side A or B) on those items */
  n: Int32Array;
  /** per annotator: of those, how many chose the longer response */
  longer: Int32Array;
  /** per annotator: longer / n, its Clopper–Pearson interval at `confLevel`, the two-sided p-value vs 1/2; NaN when n = 0 */
  share: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
  pValue: Float64Array;
  /** the same over every selected judgement */
  pooled: SideChoice;
  /** the bin edges of log2(lenA / lenB), increasing; bins = edges.length + 1 */
  edges: number[];
  /** per annotator and bin (annotator a's bins at a · bins …): decisive judgements, and how many chose A */
  binN: Int32Array;
  binA: Int32Array;
  /** per bin, over every selected judgement */
  pooledBinN: Int32Array;
  pooledBinA: Int32Array;
}

/**
 * Per item, the longer response: 0 = A, 1 = B, -1 when a length is unknown (NaN) or the two differ by
 * `minDifference` characters or less.
 */
export function longerSides(lengthA: Float64Array, lengthB: Float64Array, minDifference: number): Int8Array {
  const out = new Int8Array(lengthA.length).fill(-1);
  for (let i = 0; i < out.length; i++) {
    const a = lengthA[i],
      b = lengthB[i];
    if (a >= 0 && b >= 0 && Math.abs(a - b) > minDifference) out[i] = a > b ? 0 : 1;
  }
  return out;
}

/** Bins of log2(lenA / lenB): ≤ −2, (−2, −1], (−1, −0.5], (−0.5, 0.5), [0.5, 1), [1, 2), ≥ 2. */
const EDGES = [-2, -1, -0.5, 0.5, 1, 2];

function sideChoice(chosen: number, n: number, confLevel: number): SideChoice {
  const t = binomialTest(chosen, n, { p: 0.5, confLevel });
  return { n, chosen, share: t.estimate, ci: t.ci, pValue: t.pValue };
}

/** The bin of x: edges close each bin on its outer side (away from 0), so swapping A and B mirrors the bins. */
function binOf(x: number, edges: readonly number[]): number {
  let b = 0;
  if (x < 0) while (b < edges.length && edges[b] < x) b++;
  else while (b < edges.length && edges[b] <= x) b++;
  return b;
}

/**
 * Length bias per annotator, from per-item response lengths `lengthA`, `lengthB` (NaN = unknown): over the
 * selected decisive judgements (side A or B; ties left out) of items whose lengths differ by more than
 * `minDifference` (30 characters), how many chose the longer response, tested against 1/2 with
 * `binomialTest` (exact two-sided, R's `binom.test`) with its Clopper–Pearson interval. Beside it, the rate
 * of choosing A against the length ratio: every selected decisive judgement of an item with both lengths
 * known falls in a bin of log2(lenA / lenB) (default edges −2, −1, −0.5, 0.5, 1, 2: bins ≤ −2, (−2, −1],
 * (−1, −0.5], (−0.5, 0.5), [0.5, 1), [1, 2), ≥ 2 — each closed on its side away from 0; an empty A is −∞,
 * an empty B +∞, both empty is left out), counted per annotator and over all. Nominal data has no sides:
 * every count is 0. Edges that do not increase throw.
 */
export function lengthBias(
  ratings: Ratings,
  mask: Uint8Array | null,
  lengthA: Float64Array,
  lengthB: Float64Array,
  {
    minDifference = 30,
    edges = EDGES,
    confLevel = 0.95,
  }: { minDifference?: number; edges?: readonly number[]; confLevel?: number } = {},
): LengthBias {
  for (let e = 1; e < edges.length; e++)
    if (!(edges[e] > edges[e - 1])) throw new Error(`edges must increase: ${edges.join(', ')}`);
  const nItems = ratings.items.length;
  const nAnn = ratings.annotators.length;
  const bins = edges.length + 1;
  // per item: the longer side (0 = A, 1 = B, -1 = not counted) and the ratio bin (-1 = unknown)
  const longerSide = longerSides(lengthA, lengthB, minDifference);
  const bin = new Int32Array(nItems).fill(-1);
  let items = 0;
  for (let i = 0; i < nItems; i++) {
    const a = lengthA[i],
      b = lengthB[i];
    if (!(a >= 0 && b >= 0)) continue;
    if (longerSide[i] >= 0) items++;
    const x = Math.log2(a / b);
    if (!Number.isNaN(x)) bin[i] = binOf(x, edges);
  }
  const n = new Int32Array(nAnn),
    longer = new Int32Array(nAnn);
  const binN = new Int32Array(nAnn * bins),
    binA = new Int32Array(nAnn * bins);
  const pooledBinN = new Int32Array(bins),
    pooledBinA = new Int32Array(bins);
  const decisive = decisiveSides(ratings.fivePoint);
  if (decisive) {
    const { item, annotator, label } = ratings;
    for (let j = 0; j < ratings.n; j++) {
      if (mask && !mask[j]) continue;
      const side = decisive[label[j]];
      if (side < 0) continue;
      const i = item[j],
        a = annotator[j];
      if (longerSide[i] >= 0) {
        n[a]++;
        if (side === longerSide[i]) longer[a]++;
      }
      const b = bin[i];
      if (b >= 0) {
        binN[a * bins + b]++;
        pooledBinN[b]++;
        if (side === 0) {
          binA[a * bins + b]++;
          pooledBinA[b]++;
        }
      }
    }
  }
  const share = new Float64Array(nAnn),
    ciLow = new Float64Array(nAnn),
    ciHigh = new Float64Array(nAnn),
    pValue = new Float64Array(nAnn);
  let pooledN = 0,
    pooledLonger = 0;
  for (let a = 0; a < nAnn; a++) {
    const s = sideChoice(longer[a], n[a], confLevel);
    share[a] = s.share;
    [ciLow[a], ciHigh[a]] = s.ci;
    pValue[a] = s.pValue;
    pooledN += n[a];
    pooledLonger += longer[a];
  }
  return {
    items,
    n,
    longer,
    share,
    ciLow,
    ciHigh,
    pValue,
    pooled: sideChoice(pooledLonger, pooledN, confLevel),
    edges: [...edges],
    binN,
    binA,
    pooledBinN,
    pooledBinA,
  };
}
