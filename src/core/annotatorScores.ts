/** a composite equal to the threshold in exact arithmetic may come out one ulp below it */
const ROUNDING = 1e-12;

export interface ScoreWeights {
  gold: number;
  majority: number;
  speed: number;
}

export interface ScoreParts {
  /** from `goldAccuracy`: gold items answered and directional gold accuracy, per annotator */
  gold: { n: ArrayLike<number>; directional: ArrayLike<number> };
  /** from `majorityAgreement`: labels scored and leave-one-out agreement, per annotator */
  majority: { n: ArrayLike<number>; share: ArrayLike<number> };
  /** from `timeStats`; null when the data has no time column */
  speedPenalty: ArrayLike<number> | null;
}

export interface ScoreOptions {
  weights?: ScoreWeights;
  /** the gold part is present (and `low_gold_accuracy` possible) from this many gold answers */
  minGold?: number;
  /** the majority part is present from this many scored labels */
  minMajority?: number;
  /** `low_reliability` when composite < this */
  flagThreshold?: number;
  /** `low_gold_accuracy` when directional gold accuracy < this */
  goldThreshold?: number;
  /** `too_fast` when mean time (s) < this */
  tooFast?: number;
  /** per annotator mean time, seconds (`timeStats().mean`); NaN or absent: no `too_fast` flag */
  meanTime?: ArrayLike<number> | null;
}

export interface AnnotatorScores {
  /** weighted mean of the present parts, weights renormalised over them; NaN when no part is present */
  composite: Float64Array;
  /** per annotator: a bit per present part (1 = gold, 2 = majority, 4 = speed), whatever its weight */
  present: Uint8Array;
  /** per annotator the flag reasons, in the order low_gold_accuracy, too_fast, low_reliability */
  flags: string[][];
  /** 1 when any flag is raised */
  flagged: Uint8Array;
}

/**
 * The annotator composite and flags of `docs/report-schema.md` "annotators". composite = Σ w_p v_p / Σ w_p over the
 * present parts p: gold = directional gold accuracy (present when gold n >= minGold), majority =
 * leave-one-out majority agreement (present when majority n >= minMajority), speed = speed penalty
 * (present when the annotator has times); e.g. gold and speed only: (0.4 g + 0.3 s) / 0.7. A part with
 * weight 0 is left out; no part left: NaN. Flags: `low_gold_accuracy` (gold n >= minGold and
 * directional accuracy < goldThreshold), `too_fast` (mean time < tooFast), `low_reliability` (composite <
 * flagThreshold, allowing 1e-12 for rounding: (0.4·0.6 + 0.3·0.6)/0.7 is not flagged); a NaN never
 * raises a flag. The bias flag (`position_bias`) is added elsewhere.
 * Negative or non-finite weights and arrays of different lengths are programmer errors and throw.
 */
export function annotatorScores(
  parts: ScoreParts,
  {
    weights = { gold: 0.4, majority: 0.3, speed: 0.3 },
    minGold = 5,
    minMajority = 5,
    flagThreshold = 0.6,
    goldThreshold = 0.6,
    tooFast = 5,
    meanTime = null,
  }: ScoreOptions = {},
): AnnotatorScores {
  for (const key of ['gold', 'majority', 'speed'] as const) {
    if (!(weights[key] >= 0 && Number.isFinite(weights[key]))) throw new Error(`invalid weight: ${key}`);
  }
  const { gold, majority, speedPenalty } = parts;
  const nAnn = gold.n.length;
  for (const arr of [gold.directional, majority.n, majority.share, speedPenalty ?? gold.n, meanTime ?? gold.n]) {
    if (arr.length !== nAnn) throw new Error('annotator arrays differ in length');
  }
  const composite = new Float64Array(nAnn),
    present = new Uint8Array(nAnn),
    flagged = new Uint8Array(nAnn);
  const flags: string[][] = [];
  for (let a = 0; a < nAnn; a++) {
    const g = gold.directional[a],
      m = majority.share[a],
      s = speedPenalty ? speedPenalty[a] : NaN;
    const values = [g, m, s];
    const w = [weights.gold, weights.majority, weights.speed];
    let bits = 0;
    if (gold.n[a] >= minGold && Number.isFinite(g)) bits |= 1;
    if (majority.n[a] >= minMajority && Number.isFinite(m)) bits |= 2;
    if (Number.isFinite(s)) bits |= 4;
    present[a] = bits;
    let total = 0,
      weight = 0,
      used = 0,
      only = -1;
    for (let p = 0; p < 3; p++) {
      if (!(bits & (1 << p)) || w[p] === 0) continue; // a zero weight leaves the part out
      total += w[p] * values[p];
      weight += w[p];
      used++;
      only = p;
    }
    // one part alone is returned as is (0.4 g / 0.4 need not round back to g)
    composite[a] = used === 0 ? NaN : used === 1 ? values[only] : total / weight;
    const reasons: string[] = [];
    if (bits & 1 && g < goldThreshold) reasons.push('low_gold_accuracy');
    if (meanTime && meanTime[a] < tooFast) reasons.push('too_fast');
    if (composite[a] < flagThreshold - ROUNDING) reasons.push('low_reliability');
    flags.push(reasons);
    flagged[a] = reasons.length > 0 ? 1 : 0;
  }
  return { composite, present, flags, flagged };
}
