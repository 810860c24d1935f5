import { bradleyTerry } from '../core/bradleyTerry';
import { bradleyTerryPosition } from '../core/bradleyTerryPosition';
import { davidson } from '../core/davidson';
import { elo } from '../core/elo';
import { judgementFilter } from '../core/judgementFilter';
import { quantile7 } from '../core/quantile7';
import { raoKupper } from '../core/raoKupper';
import { rng } from '../core/rng';
import { tieLogLikelihood } from '../core/tieLogLikelihood';
import { AI, HUMAN } from '../core/types';
import { winMatrix } from '../core/winMatrix';
import type { LoadResult } from '../parse/loadFiles';
import { DEFAULT_SETTINGS } from '../defaults';

/** One model of the `model_ratings` section. */
export interface ModelRatingRow {
  model: string;
  /** human judgements (overall dimension) of items where it met another model, and their outcomes for it */
  comparisons: number;
  wins: number;
  ties: number;
  losses: number;
  /** (wins + ties / 2) / comparisons */
  win_rate: number;
  /** Bradley–Terry strength, summing to 1 over the finite models; null when not finite */
  strength: number | null;
  /** 400 · log10(strength), shifted so that the finite models average 0 (a 400-point gap = 10 : 1 odds); null when not finite */
  rating: number | null;
  /** 2.5% and 97.5% percentiles (type 7) of the rating over the item bootstrap; null when not finite or no resample kept */
  rating_ci95: [number, number] | null;
  /** the rating has a finite maximum-likelihood estimate (the model is in the main group: see `bradleyTerry`) */
  finite: boolean;
  /** why the rating is not finite; null when it is */
  reason: string | null;
}

/** The rating models of `models_compared`, in this order. */
export const RATING_MODELS = [
  'bradley_terry',
  'bradley_terry_decisive',
  'davidson',
  'rao_kupper',
  'elo',
  'win_rate',
] as const;
export type RatingModel = (typeof RATING_MODELS)[number];
export const RATING_MODEL_NAMES: Record<RatingModel, string> = {
  bradley_terry: 'Bradley-Terry, ties half',
  bradley_terry_decisive: 'Bradley-Terry, without ties',
  davidson: 'Davidson (ties modelled)',
  rao_kupper: 'Rao-Kupper (ties modelled)',
  elo: 'Elo',
  win_rate: 'Average win rate',
};

/** One rating model of `models_compared`, fitted on the comparisons between the models of the main group. */
export interface ComparedRatings {
  /**
   * `bradley_terry`: Bradley–Terry, a tie half a win each (the `rating` of `models`); `bradley_terry_decisive`:
   * Bradley–Terry on the decisive comparisons only ("without ties"); `davidson`: Davidson (1970); `rao_kupper`:
   * Rao & Kupper (1967); `elo`: online Elo, a tie 0.5, in a seeded shuffled order; `win_rate`: (wins + ties / 2) /
   * comparisons against the other models of the main group
   */
  name: RatingModel;
  /**
   * per model of `models_compared.models`: 400 · log10(strength) less its mean over the main group for the
   * four Bradley–Terry-type models (a 400-point gap = 10 : 1 odds of winning a decisive comparison; for
   * Rao–Kupper, of winning when the tie parameter is 1); Elo less its mean over the main group; the win rate
   * as a share. null outside the main group (or not finite in this model)
   */
  rating: (number | null)[];
  /** 2.5% and 97.5% percentiles (type 7) over the kept item-bootstrap resamples; null when none was kept */
  rating_ci95: ([number, number] | null)[];
  /** judgements between two models of the main group (for `bradley_terry_decisive`, the decisive ones it is fitted on) */
  comparisons: number;
  /**
   * likelihood models only (else null): the log-likelihood of the three outcomes (win, tie, loss) of every
   * judgement between two models of the main group (the same judgements for all four), the parameters k =
   * (models − 1) strengths + 1 tie parameter, and AIC = 2k − 2 log_likelihood (lower is better). The two
   * Bradley–Terry rows are scored as "Bradley–Terry with a constant tie rate" (P(tie) = τ = ties / judgements,
   * P(i beats j) = (1 − τ) π_i / (π_i + π_j)), at their strengths: counting a tie as half a win is not a
   * probability model of ties, this is (`tieLogLikelihood`). null when a model of the main group is not finite here
   */
  log_likelihood: number | null;
  parameters: number | null;
  aic: number | null;
  /** Davidson ν, Rao–Kupper θ, or the Bradley–Terry tie rate τ (null for `elo`, `win_rate`, or when infinite) */
  tie_parameter: number | null;
  tie_parameter_ci95: [number, number] | null;
  /** of the fit on the data (null for `elo`, `win_rate`) */
  converged: boolean | null;
  /** bootstrap resamples whose values enter the intervals */
  bootstrap_kept: number;
}

export interface ModelsCompared {
  /** the models, in the order of `models` */
  models: string[];
  /** one entry per rating model, in `RATING_MODELS` order */
  methods: ComparedRatings[];
  /**
   * the Elo settings: K-factor, start, base, scale; the seed of its order on the data and of its orders in the
   * resamples; and the resamples it was refitted on (the first kept ones, at most `ELO_BOOTSTRAP_BUDGET` /
   * judgements of them, since each replays every judgement)
   */
  elo: {
    k_factor: number;
    initial: number;
    base: number;
    scale: number;
    seed: number;
    bootstrap_seed: number;
    bootstrap: number;
  };
}

/** One annotator's first-position advantage (`bradleyTerryPosition`). */
export interface PositionAdvantageRow {
  annotator: string;
  /** its counted judgements (the side shown first from `shown_first`, else A) */
  judgements: number;
  /** of those, the ones between models of its own main group (fitted), and those models */
  comparisons: number;
  models: number;
  /** share of the score (ties half) that went to the side shown first */
  first_score_share: number | null;
  /** γ: the odds of the model shown first are multiplied by γ (1 = no advantage); null when not fitted or not converged */
  gamma: number | null;
  /** Wald 95% interval exp(log γ ± 1.96 se), and se(log γ); null when γ is not identified */
  gamma_ci95: [number, number] | null;
  log_gamma_se: number | null;
  /** likelihood-ratio test against γ = 1: statistic and χ²₁ p-value */
  lr_statistic: number | null;
  p_value: number | null;
}

export interface PositionAdvantage {
  /** an annotator is fitted with at least this many judgements */
  min_judgements: number;
  /** judgements without a known side shown first (no `shown_first`): side A is taken as shown first, as in `position_bias` */
  order_assumed: number;
  /** human annotators with at least `min_judgements`, by annotator order */
  annotators: PositionAdvantageRow[];
  /** human annotators with some, but fewer, judgements */
  below_minimum: number;
  /** all those judgements together (every human annotator), as one annotator; null when none */
  pooled: PositionAdvantageRow | null;
}

export interface ModelRatings {
  /** whose verdicts are counted: `humans`, or (with no human verdict between named models) the AI judge with the most */
  source: string;
  /** finite models by rating (highest first), then the others by win rate; ties by name */
  models: ModelRatingRow[];
  /** `win_rate[r][c]`: row model's win rate (ties half) against column model, null when they never met; `comparisons[r][c]` likewise */
  matrix: { models: string[]; win_rate: (number | null)[][]; comparisons: number[][] };
  /** human judgements counted (overall dimension, both models named and different), and their items */
  judgements: number;
  items: number;
  /** human judgements of items that show the same model on both sides: not counted */
  same_model_judgements: number;
  /** bootstrap resamples drawn, the seed, and how many were dropped because a finite model's rating was not finite in them */
  bootstrap: number;
  seed: number;
  bootstrap_dropped: number;
  /** of the Bradley–Terry fit on the data */
  iterations: number;
  converged: boolean;
  /** the same judgements under other rating models, on a common scale, with the same item bootstrap */
  models_compared: ModelsCompared;
  /** the advantage of the side shown first per human annotator (`shown_first`, else side A) */
  position: PositionAdvantage;
}

/**
 * The judgements that compare two named models: the human ones on the overall dimension; when there is none, those
 * of the AI judge with the most (the first in annotator order on a tie).
 */
export function comparisonSource(loaded: LoadResult): { mask: Uint8Array; source: string } {
  const r = loaded.ratings;
  const { a: modelA, b: modelB } = loaded.models;
  const compares = (j: number) => {
    const x = modelA[r.item[j]],
      y = modelB[r.item[j]];
    return !!x && !!y && x !== y;
  };
  const human = judgementFilter(r);
  for (let j = 0; j < r.n; j++) if (human[j] && compares(j)) return { mask: human, source: 'humans' };
  const ai = judgementFilter(r, { kind: AI });
  const perJudge = new Float64Array(r.annotators.length);
  for (let j = 0; j < r.n; j++) if (ai[j] && compares(j)) perJudge[r.annotator[j]]++;
  let best = -1;
  for (let a = 0; a < perJudge.length; a++) if (perJudge[a] > 0 && (best < 0 || perJudge[a] > perJudge[best])) best = a;
  if (best < 0) return { mask: human, source: 'humans' };
  const mask = new Uint8Array(r.n);
  for (let j = 0; j < r.n; j++) if (ai[j] && r.annotator[j] === best) mask[j] = 1;
  return { mask, source: r.annotators[best] };
}

const WON_ALL = 'won every comparison: its rating is +infinity';
const LOST_ALL = 'lost every comparison: its rating is -infinity';
const ONE_WAY =
  'outside the main group of models that beat each other both ways: its results against that group all go one way';
const NO_GROUP = 'no two models beat each other both ways, so no rating is finite';

/**
 * Bradley–Terry ratings of the models named per item (`loaded.models`), from human judgements on the overall
 * dimension (AI judges' verdicts count only in a file without any human verdict between named models, such as
 * an AlpacaEval annotation file: then the verdicts of the AI judge with the most of them, named in `source`):
 * each judgement is one comparison, side A a win for the
 * item's model A, a tie half a win for each, side B a win for model B. `bradleyTerry` fits the main strongly
 * connected group; the 95% intervals are percentile bootstraps over items (an item's judgements move
 * together): each resample draws N items with replacement from the N compared items, listed by their sorted
 * pattern (model A, model B, wins, ties, losses for model A) so that the numbers do not depend on item order,
 * and refits with each pattern weighted by how often it was drawn. A resample in which some finite model is
 * not finite is dropped and counted.
 * `null` for nominal data or when fewer than 2 models meet.
 */
export function modelRatings(
  loaded: LoadResult,
  { bootstrap = DEFAULT_SETTINGS.bootstrap, seed = DEFAULT_SETTINGS.seed }: { bootstrap?: number; seed?: number } = {},
): ModelRatings | null {
  const r = loaded.ratings;
  if (r.scale === 'nominal') return null;
  const { a: modelA, b: modelB } = loaded.models;
  const { mask: human, source } = comparisonSource(loaded);

  // model codes by sorted name, over the items that a counted judgement compares
  const names = new Set<string>();
  let sameModel = 0;
  for (let j = 0; j < r.n; j++) {
    if (!human[j]) continue;
    const x = modelA[r.item[j]],
      y = modelB[r.item[j]];
    if (!x || !y) continue;
    if (x === y) sameModel++;
    else names.add(x).add(y);
  }
  const models = [...names].sort();
  const M = models.length;
  if (M < 2) return null;
  const code = new Map(models.map((m, c) => [m, c]));

  // per item: model codes and the outcomes for model A (wins, ties, losses)
  const nItems = r.items.length;
  const itemX = new Int32Array(nItems).fill(-1),
    itemY = new Int32Array(nItems).fill(-1);
  const itemW = new Float64Array(nItems),
    itemT = new Float64Array(nItems),
    itemL = new Float64Array(nItems);
  const a: number[] = [],
    b: number[] = [],
    outcome: number[] = [];
  const judge: number[] = [],
    shown: number[] = []; // per comparison: its annotator and the side shown first (0 = A, 1 = B)
  let unknownOrder = 0;
  for (let j = 0; j < r.n; j++) {
    if (!human[j]) continue;
    const i = r.item[j];
    const x = modelA[i],
      y = modelB[i];
    if (!x || !y || x === y) continue;
    itemX[i] = code.get(x)!;
    itemY[i] = code.get(y)!;
    const side = r.fivePoint[r.label[j]]; // 0, 1: A; 2: tie; 3, 4: B
    const s = side < 2 ? 1 : side === 2 ? 0.5 : 0;
    if (s === 1) itemW[i]++;
    else if (s === 0) itemL[i]++;
    else itemT[i]++;
    a.push(itemX[i]);
    b.push(itemY[i]);
    outcome.push(s);
    judge.push(r.annotator[j]);
    // the side shown first; unknown: side A, as the position-bias section reads a file without `shown_first`
    const first = r.shownFirst ? r.shownFirst[j] : 255;
    if (first !== 0 && first !== 1) unknownOrder++;
    shown.push(first === 1 ? 1 : 0);
  }
  const fit = bradleyTerry(a, b, outcome, M);
  const compared = fitMethods(a, b, outcome, null, M, fit, rng(seed), true);
  const { counts } = fit;

  // the bootstrap over items: distinct item patterns, sorted
  const patterns = new Map<string, { key: number[]; n: number }>();
  let N = 0;
  for (let i = 0; i < nItems; i++) {
    if (itemX[i] < 0) continue;
    N++;
    const key = [itemX[i], itemY[i], itemW[i], itemT[i], itemL[i]];
    const id = key.join(',');
    const p = patterns.get(id);
    if (p) p.n++;
    else patterns.set(id, { key, n: 1 });
  }
  const P = [...patterns.values()].sort((p, q) => {
    for (let k = 0; k < 5; k++) if (p.key[k] !== q.key[k]) return p.key[k] - q.key[k];
    return 0;
  });
  const ra = new Int32Array(3 * P.length),
    rb = new Int32Array(3 * P.length),
    rs = new Float64Array(3 * P.length),
    rw = new Float64Array(3 * P.length);
  const patternOf = new Int32Array(N); // the pattern of the r-th item in pattern order
  let r0 = 0;
  P.forEach((p, k) => {
    patternOf.fill(k, r0, (r0 += p.n));
    for (let o = 0; o < 3; o++) {
      ra[3 * k + o] = p.key[0];
      rb[3 * k + o] = p.key[1];
      rs[3 * k + o] = o === 0 ? 1 : o === 1 ? 0.5 : 0;
    }
  });
  const finiteModels: number[] = [];
  for (let c = 0; c < M; c++) if (fit.finite[c]) finiteModels.push(c);
  const samples = finiteModels.map(() => [] as number[]);
  let dropped = 0;
  const random = rng(seed);
  const eloRandom = rng(seed + 1); // the Elo orders in the resamples: a stream of their own, so the item draws stay those above
  // online Elo replays every judgement of a resample (the other fits work on pattern counts): refit it on the
  // first kept resamples only, at most ELO_BOOTSTRAP_BUDGET judgements in all
  const eloBootstrap = Math.min(bootstrap, Math.max(1, Math.floor(ELO_BOOTSTRAP_BUDGET / Math.max(1, a.length))));
  let eloRefits = 0;
  const methodSamples = RATING_MODELS.map(() => ({
    kept: 0,
    rating: finiteModels.map(() => [] as number[]),
    tie: [] as number[],
  }));
  const drawn = new Float64Array(P.length);
  for (let rep = 0; rep < bootstrap && finiteModels.length > 0; rep++) {
    drawn.fill(0);
    for (let d = 0; d < N; d++) drawn[patternOf[Math.floor(random() * N)]]++;
    for (let k = 0; k < P.length; k++) {
      rw[3 * k] = drawn[k] * P[k].key[2];
      rw[3 * k + 1] = drawn[k] * P[k].key[3];
      rw[3 * k + 2] = drawn[k] * P[k].key[4];
    }
    const boot = bradleyTerry(ra, rb, rs, M, { weight: rw });
    // components only split in a resample, so "every finite model still finite" means the same main group
    if (finiteModels.some((c) => !boot.finite[c])) {
      dropped++;
      continue;
    }
    finiteModels.forEach((c, f) => samples[f].push(boot.rating[c]));
    // the other rating models on the same resample; each keeps it when all of the main group is finite in it
    const other = fitMethods(ra, rb, rs, rw, M, boot, eloRefits++ < eloBootstrap ? eloRandom : null, false);
    other.forEach((m, x) => {
      if (finiteModels.some((c) => !Number.isFinite(m.rating[c]))) return;
      const kept = methodSamples[x];
      kept.kept++;
      finiteModels.forEach((c, f) => kept.rating[f].push(m.rating[c]));
      if (Number.isFinite(m.tie)) kept.tie.push(m.tie);
    });
  }
  const interval = (values: number[]): [number, number] | null => {
    if (values.length === 0) return null;
    const sorted = Float64Array.from(values).sort();
    return [quantile7(sorted, 0.025), quantile7(sorted, 0.975)];
  };
  const ci = new Map<number, [number, number]>();
  finiteModels.forEach((c, f) => {
    if (samples[f].length === 0) return;
    const sorted = Float64Array.from(samples[f]).sort();
    ci.set(c, [quantile7(sorted, 0.025), quantile7(sorted, 0.975)]);
  });

  const t = counts.total;
  const rows = models.map((model, c) => {
    const finite = fit.finite[c] === 1;
    return {
      code: c,
      row: {
        model,
        comparisons: t.comparisons[c],
        wins: t.wins[c],
        ties: t.ties[c],
        losses: t.losses[c],
        win_rate: t.score[c] / t.comparisons[c],
        strength: finite ? fit.strength[c] : null,
        rating: finite ? fit.rating[c] : null,
        rating_ci95: ci.get(c) ?? null,
        finite,
        reason: finite
          ? null
          : t.score[c] === t.comparisons[c]
            ? WON_ALL
            : t.score[c] === 0
              ? LOST_ALL
              : fit.main < 0
                ? NO_GROUP
                : ONE_WAY,
      } satisfies ModelRatingRow,
    };
  });
  rows.sort((p, q) => {
    const x = p.row,
      y = q.row;
    if (x.finite !== y.finite) return x.finite ? -1 : 1;
    const d = x.finite ? y.rating! - x.rating! : y.win_rate - x.win_rate;
    return d !== 0 ? d : x.model < y.model ? -1 : 1;
  });
  const order = rows.map((x) => x.code);
  return {
    source,
    models: rows.map((x) => x.row),
    matrix: {
      models: rows.map((x) => x.row.model),
      win_rate: order.map((i) =>
        order.map((j) => (counts.comparisons[i * M + j] > 0 ? counts.winRate[i * M + j] : null)),
      ),
      comparisons: order.map((i) => order.map((j) => counts.comparisons[i * M + j])),
    },
    judgements: a.length,
    items: N,
    same_model_judgements: sameModel,
    bootstrap,
    seed,
    bootstrap_dropped: dropped,
    iterations: fit.iterations,
    converged: fit.converged,
    models_compared: {
      models: rows.map((x) => x.row.model),
      methods: RATING_MODELS.map((name, x) => {
        const m = compared[x];
        const kept = methodSamples[x];
        const at = new Map(finiteModels.map((c, f) => [c, f]));
        return {
          name,
          rating: order.map((c) => finiteOrNull(m.rating[c])),
          rating_ci95: order.map((c) => (at.has(c) ? interval(kept.rating[at.get(c)!]) : null)),
          comparisons: m.comparisons,
          log_likelihood: finiteOrNull(m.logLik),
          parameters: Number.isFinite(m.logLik) ? m.parameters : null,
          aic: finiteOrNull(m.aic),
          tie_parameter: finiteOrNull(m.tie),
          tie_parameter_ci95: Number.isFinite(m.tie) ? interval(kept.tie) : null,
          converged: m.converged,
          bootstrap_kept: kept.kept,
        } satisfies ComparedRatings;
      }),
      elo: {
        k_factor: ELO.k,
        initial: ELO.initial,
        base: ELO.base,
        scale: ELO.scale,
        seed,
        bootstrap_seed: seed + 1,
        bootstrap: Math.min(eloRefits, eloBootstrap),
      },
    },
    position: {
      ...positionAdvantage(r, judge, shown, a, b, outcome, M, source === 'humans'),
      order_assumed: unknownOrder,
    },
  };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** LMSYS's Elo settings (`elo`'s defaults), shown with the result. */
const ELO = { k: 4, initial: 1000, base: 10, scale: 400 } as const;

/** Elo's bootstrap replays at most this many judgements in all (100,000 judgements → 100 resamples). */
export const ELO_BOOTSTRAP_BUDGET = 1e7;

interface MethodFit {
  /** per model code: the rating on the common scale, NaN when not rated */
  rating: Float64Array;
  tie: number;
  comparisons: number;
  logLik: number;
  parameters: number;
  aic: number;
  converged: boolean | null;
}

/**
 * Every rating model of `RATING_MODELS` on comparisons (a, b, s) weighted by w, given their Bradley–Terry fit
 * `bt` (ties half): the others fit the models `bt` finds finite (its main group). `likelihood`: also the
 * log-likelihoods (`tieLogLikelihood`, on the same judgements for all four likelihood models).
 */
function fitMethods(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  s: ArrayLike<number>,
  w: ArrayLike<number> | null,
  M: number,
  bt: ReturnType<typeof bradleyTerry>,
  random: (() => number) | null,
  likelihood: boolean,
): MethodFit[] {
  const finite = bt.finite;
  const inGroup: number[] = [];
  for (let c = 0; c < M; c++) if (finite[c]) inGroup.push(c);
  const nan = () => new Float64Array(M).fill(NaN);
  // the count models need only the counts per pair and outcome: fit them on those (≤ 3 rows a pair)
  const pc = pairCounts(a, b, s, w, M);
  const decisiveWeight = pc.w.map((x, r) => (pc.s[r] === 0.5 || !finite[pc.a[r]] || !finite[pc.b[r]] ? 0 : x));
  // Bradley–Terry on the decisive comparisons: `davidson` without a tie is exactly that MLE (ν = 0), by Newton
  // in a few steps where `bradleyTerry`'s MM takes hundreds (same component, same MLE to ~1e-9)
  const decisive = davidson(pc.a, pc.b, pc.s, M, { weight: decisiveWeight });
  const decisiveOk = inGroup.length > 0 && inGroup.every((c) => decisive.finite[c]);
  const dv = davidson(pc.a, pc.b, pc.s, M, { weight: pc.w });
  const rk = raoKupper(pc.a, pc.b, pc.s, M, { weight: pc.w });
  // Elo depends on the order: on the data it plays the judgements themselves (so the result is `elo` on them)
  const el = random
    ? likelihood
      ? elo(a, b, s, M, { weight: w, random, ...ELO })
      : elo(pc.a, pc.b, pc.s, M, { weight: pc.w, random, ...ELO })
    : null;
  const counts = winMatrix(pc.a, pc.b, pc.s, M, { weight: pc.w });
  const tieRate = dv.ties / dv.comparisons;
  let decisiveComparisons = 0;
  for (let k = 0; k < decisiveWeight.length; k++) decisiveComparisons += decisiveWeight[k];

  const eloRating = nan();
  let mean = 0;
  for (const c of inGroup) mean += (el ? el.rating[c] : NaN) / inGroup.length;
  for (const c of inGroup) eloRating[c] = (el ? el.rating[c] : NaN) - mean;
  const winRate = nan();
  for (const c of inGroup) {
    let score = 0,
      n = 0;
    for (const d of inGroup) {
      score += counts.wins[c * M + d] + counts.ties[c * M + d] / 2;
      n += counts.comparisons[c * M + d];
    }
    winRate[c] = score / n;
  }
  const ll = (model: 'bradley-terry' | 'davidson' | 'rao-kupper', strength: Float64Array, tie: number | null) =>
    likelihood ? tieLogLikelihood(a, b, s, model, strength, tie, { weight: w }) : null;
  const none = { logLik: NaN, parameters: NaN, aic: NaN };
  const part = (x: ReturnType<typeof ll>) => (x ? { logLik: x.logLik, parameters: x.parameters, aic: x.aic } : none);
  const ok = (x: { finite: Uint8Array }) => inGroup.every((c) => x.finite[c]);
  return [
    {
      rating: bt.rating,
      tie: tieRate,
      comparisons: dv.comparisons,
      ...part(ll('bradley-terry', bt.strength, null)),
      converged: bt.converged,
    },
    {
      rating: decisiveOk ? decisive.rating : nan(),
      tie: tieRate,
      comparisons: decisiveComparisons,
      ...(decisiveOk ? part(ll('bradley-terry', decisive.strength, null)) : none),
      converged: decisive.converged,
    },
    {
      rating: ok(dv) ? dv.rating : nan(),
      tie: dv.nu,
      comparisons: dv.comparisons,
      ...(ok(dv) ? part(ll('davidson', dv.strength, dv.nu)) : none),
      converged: dv.converged,
    },
    {
      rating: ok(rk) ? rk.rating : nan(),
      tie: rk.theta,
      comparisons: rk.comparisons,
      ...(ok(rk) ? part(ll('rao-kupper', rk.strength, rk.theta)) : none),
      converged: rk.converged,
    },
    { rating: eloRating, tie: NaN, comparisons: el ? el.comparisons : 0, ...none, converged: null },
    { rating: winRate, tie: NaN, comparisons: dv.comparisons, ...none, converged: null },
  ];
}

/** Comparisons (a, b, s) weighted by w as one row per pair (lower code first) and outcome, weighted by their count. */
function pairCounts(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  s: ArrayLike<number>,
  w: ArrayLike<number> | null,
  M: number,
): { a: Int32Array; b: Int32Array; s: Float64Array; w: Float64Array } {
  const total = new Float64Array(M * M * 3);
  for (let r = 0; r < a.length; r++) {
    const x = w ? w[r] : 1;
    if (x === 0 || a[r] === b[r]) continue;
    const flip = a[r] > b[r];
    const lo = flip ? b[r] : a[r],
      hi = flip ? a[r] : b[r];
    const o = flip ? 1 - s[r] : s[r]; // 1, 0.5, 0 → slot 0, 1, 2
    total[(lo * M + hi) * 3 + (o === 1 ? 0 : o === 0.5 ? 1 : 2)] += x;
  }
  let n = 0;
  for (let q = 0; q < total.length; q++) if (total[q] > 0) n++;
  const out = { a: new Int32Array(n), b: new Int32Array(n), s: new Float64Array(n), w: new Float64Array(n) };
  for (let q = 0, r = 0; q < total.length; q++) {
    if (total[q] === 0) continue;
    const pair = Math.floor(q / 3);
    out.a[r] = Math.floor(pair / M);
    out.b[r] = pair % M;
    out.s[r] = [1, 0.5, 0][q % 3];
    out.w[r++] = total[q];
  }
  return out;
}

/** Human annotators are fitted with at least this many judgements whose order (side shown first) is known. */
export const MIN_POSITION_JUDGEMENTS = 30;

/**
 * `bradleyTerryPosition` per human annotator over its counted judgements (the model shown first is model A when
 * `shownFirst` is 0 or unknown, model B when 1; the outcome is turned to the score of the one shown first), for
 * annotators with at least `MIN_POSITION_JUDGEMENTS`, and once over all of them. With A always first, γ is told
 * apart from the models' strengths by the models appearing on both sides.
 */
function positionAdvantage(
  r: LoadResult['ratings'],
  judge: number[],
  shown: number[],
  a: number[],
  b: number[],
  outcome: number[],
  M: number,
  humans: boolean,
): PositionAdvantage {
  const byAnnotator = new Map<number, number[]>();
  for (let k = 0; k < judge.length && humans; k++) {
    if (r.annotatorKind[judge[k]] !== HUMAN) continue;
    const list = byAnnotator.get(judge[k]);
    if (list) list.push(k);
    else byAnnotator.set(judge[k], [k]);
  }
  const row = (annotator: string, ks: number[]): PositionAdvantageRow => {
    const first = ks.map((k) => (shown[k] === 0 ? a[k] : b[k]));
    const second = ks.map((k) => (shown[k] === 0 ? b[k] : a[k]));
    const s = ks.map((k) => (shown[k] === 0 ? outcome[k] : 1 - outcome[k]));
    const p = bradleyTerryPosition(first, second, s, M);
    const fitted = p.nFitted >= 2 && p.converged && Number.isFinite(p.gamma);
    const identified = fitted && Number.isFinite(p.logGammaSe);
    return {
      annotator,
      judgements: ks.length,
      comparisons: p.comparisons,
      models: p.nFitted,
      first_score_share: p.comparisons > 0 ? p.firstScore / p.comparisons : null,
      gamma: fitted ? p.gamma : null,
      gamma_ci95: identified ? p.gammaCi : null,
      log_gamma_se: identified ? p.logGammaSe : null,
      lr_statistic: fitted ? p.lrStatistic : null,
      p_value: fitted ? p.pValue : null,
    };
  };
  const annotators: PositionAdvantageRow[] = [];
  let below = 0;
  const all: number[] = [];
  for (const [u, ks] of [...byAnnotator].sort((x, y) => x[0] - y[0])) {
    all.push(...ks);
    if (ks.length >= MIN_POSITION_JUDGEMENTS) annotators.push(row(r.annotators[u], ks));
    else below++;
  }
  return {
    min_judgements: MIN_POSITION_JUDGEMENTS,
    order_assumed: 0,
    annotators,
    below_minimum: below,
    pooled:
      all.length > 0
        ? row(
            '(all human annotators)',
            all.sort((x, y) => x - y),
          )
        : null,
  };
}
