import { bradleyTerry } from '../core/bradleyTerry';
import { judgementFilter } from '../core/judgementFilter';
import { quantile7 } from '../core/quantile7';
import { rng } from '../core/rng';
import { AI } from '../core/types';
import type { LoadResult } from '../parse/loadFiles';
import { DEFAULT_SETTINGS } from '../defaults';
import { positionAdvantage, type PositionAdvantage } from './positionAdvantage';
import {
  ELO,
  ELO_BOOTSTRAP_BUDGET,
  fitRatingModels,
  RATING_MODELS,
  type ComparedRatings,
  type ModelsCompared,
} from './ratingModels';

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
  const compared = fitRatingModels(a, b, outcome, null, M, fit, rng(seed), true);
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
    const other = fitRatingModels(ra, rb, rs, rw, M, boot, eloRefits++ < eloBootstrap ? eloRandom : null, false);
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
