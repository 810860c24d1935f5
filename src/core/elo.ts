import { components } from './bradleyTerry';
import { rng, type Rng } from './rng';
import { winMatrix, type WinMatrix } from './winMatrix';

export interface Elo {
  /** per model: its Elo rating after the last comparison (starting at `initial`); NaN for a model not rated */
  rating: Float64Array;
  /** per model: 1 when rated (in the main component with `fit: 'component'`, else when it has a comparison) */
  finite: Uint8Array;
  /** per model: comparisons it played in the sequence */
  games: Float64Array;
  /** the settings used */
  k: number;
  initial: number;
  base: number;
  scale: number;
  /** comparisons played (a weight w plays a comparison w times) */
  comparisons: number;
  /** as `bradleyTerry` */
  component: Int32Array;
  main: number;
  counts: WinMatrix;
}

export interface EloOptions {
  /** K-factor: the most a rating moves in one comparison (default 4, as LMSYS's Chatbot Arena `compute_elo`) */
  k?: number;
  /** every model's starting rating (default 1000, as LMSYS) */
  initial?: number;
  /** a gap of `scale` points = `base` : 1 odds (defaults 10 and 400) */
  base?: number;
  scale?: number;
  /** play the comparisons in an order shuffled by `random` (default true); false: in the given order */
  shuffle?: boolean;
  seed?: number;
  /** the generator of the shuffle (default `rng(seed)`, seed 1) */
  random?: Rng;
  /** how often each comparison is played (a whole number ≥ 0, default 1) */
  weight?: ArrayLike<number> | null;
  /** `component` (default): only comparisons inside `bradleyTerry`'s main component; `all`: every comparison */
  fit?: 'component' | 'all';
}

/**
 * Online Elo ratings (Elo 1978) as LMSYS's Chatbot Arena `compute_elo` (github.com/lm-sys/FastChat @0060644,
 * `fastchat/serve/monitor/elo_analysis.py`; K = 4, scale 400, base 10, start 1000 there too): every model starts
 * at `initial`; comparison k, model `a[k]` against `b[k]` with score s = `outcome[k]` for a (1, a tie 0.5,
 * 0), moves R_a by K (s − E_a) and R_b by −K (s − E_a), with E_a = 1 / (1 + base^((R_b − R_a) / scale)).
 * The comparisons are played once each (`weight` w: w times), in an order shuffled by Fisher–Yates with the
 * seeded `random` (or in the given order with `shuffle: false`), so the ratings depend on the seed, as online
 * Elo depends on order. With `fit: 'component'` (default) only the comparisons between models of the main
 * strongly connected component that `bradleyTerry` fits are played, so the models rated are the same; the
 * others get NaN. Ratings are not shifted (their mean over the rated models is `initial`, since every
 * update is zero-sum). A non-integer or negative weight, or an unknown fit, throws.
 */
export function elo(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  {
    k = 4,
    initial = 1000,
    base = 10,
    scale = 400,
    shuffle = true,
    seed = 1,
    random = rng(seed),
    weight = null,
    fit = 'component',
  }: EloOptions = {},
): Elo {
  if (fit !== 'component' && fit !== 'all') throw new Error(`invalid fit: "${fit}"`);
  const M = nModels;
  const counts = winMatrix(a, b, outcome, M, { weight });
  const { component, main } = components(counts);
  const rated = new Uint8Array(M);
  for (let m = 0; m < M; m++)
    rated[m] = (fit === 'all' ? counts.total.comparisons[m] > 0 : main >= 0 && component[m] === main) ? 1 : 0;
  // the sequence: comparison indices, each repeated weight times
  let total = 0;
  for (let c = 0; c < a.length; c++) {
    const w = weight ? weight[c] : 1;
    if (!(Number.isInteger(w) && w >= 0)) throw new Error(`invalid weight: ${w}`);
    if (rated[a[c]] && rated[b[c]] && a[c] !== b[c]) total += w;
  }
  const order = new Int32Array(total);
  let at = 0;
  for (let c = 0; c < a.length; c++) {
    if (!(rated[a[c]] && rated[b[c]] && a[c] !== b[c])) continue;
    for (let w = weight ? weight[c] : 1; w > 0; w--) order[at++] = c;
  }
  if (shuffle)
    for (let x = total - 1; x > 0; x--) {
      const y = Math.floor(random() * (x + 1));
      const t = order[x];
      order[x] = order[y];
      order[y] = t;
    }
  const R = new Float64Array(M);
  const games = new Float64Array(M);
  for (let m = 0; m < M; m++) R[m] = rated[m] ? initial : NaN;
  // typed copies keep the loop monomorphic (the callers pass plain and typed arrays)
  const A = Int32Array.from(a),
    B = Int32Array.from(b),
    S = Float64Array.from(outcome);
  const c = Math.log(base) / scale;
  for (let x = 0; x < total; x++) {
    const kk = order[x];
    const i = A[kk],
      j = B[kk];
    const delta = k * (S[kk] - 1 / (1 + Math.exp(c * (R[j] - R[i]))));
    R[i] += delta;
    R[j] -= delta;
    games[i]++;
    games[j]++;
  }
  return { rating: R, finite: rated, games, k, initial, base, scale, comparisons: total, component, main, counts };
}
