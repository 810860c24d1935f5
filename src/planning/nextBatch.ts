import { kmeans } from '../core/kmeans';
import type { LoadResult } from '../parse/loadFiles';

export interface NextBatchOptions {
  /** pairs wanted in the batch (default 100) */
  size?: number;
  /** weight w of uncertainty in the mix, 1 − w goes to diversity (default 0.6) */
  weightUncertainty?: number;
  /** k-means clusters (default: `size`); at most the number of candidates */
  clusters?: number | null;
  seed?: number;
  /** `gold`: gold items are no candidates */
  exclude?: 'none' | 'gold';
  /** k-means passes at most (default 100) */
  maxIterations?: number;
}

/** One pair of the batch. */
export interface NextBatchItem {
  item: string;
  /** 1 / (1 + |score_A − score_B|); null when the pair has no two finite reward-model scores */
  uncertainty: number | null;
  /** 1 / (1 + r), r = the pair's rank by distance to its cluster's centroid (0 = nearest); null without diversity */
  diversity: number | null;
  /** the ranking score: w · u_norm + (1 − w) · d_norm (each signal min–max normalised over the candidates) */
  score: number;
  /** the pair's k-means cluster (0-based); null without diversity */
  cluster: number | null;
}

/** One value of a slice column: its share of the batch and of all items (and the counts behind them). */
export interface CoverageValue {
  value: string;
  in_batch: number | null;
  in_data: number;
  batch_items: number;
  data_items: number;
}

export interface SliceCoverage {
  slice: string;
  values: CoverageValue[];
}

export interface NextBatch {
  /** the signals that ranked the batch; null when there is none */
  method: 'mix' | 'uncertainty' | 'diversity' | null;
  /** the batch size asked for (`items` may hold fewer: the candidates) */
  size: number;
  /** the weight of uncertainty actually used: the option for a mix, 1 for uncertainty alone, 0 for diversity alone */
  weight_uncertainty: number | null;
  /** the batch, best first */
  items: NextBatchItem[];
  /** per slice column: shares of its values in the batch against all items */
  coverage: SliceCoverage[];
  /** items that could be ranked (not excluded, with every signal used) */
  candidates: number;
  /**
   * items that are no candidates: gold (with `exclude: 'gold'`), without two scores (when uncertainty is used),
   * with scores or not needing them but without an embedding (when diversity is used); with a method,
   * candidates + gold + no_score + no_embedding = all items
   */
  left_out: { gold: number; no_score: number; no_embedding: number };
  /** k-means: clusters found, passes, converged; null without diversity */
  kmeans: { clusters: number; iterations: number; converged: boolean } | null;
  /** why a signal is missing (and what ranked the batch instead) or why the batch is empty; null when both signals exist (w = 0 or 1 then chose one) */
  reason: string | null;
}

const EXCLUDES = ['none', 'gold'];

/**
 * The pairs to label next (active learning). Candidates: every item (less gold items with `exclude: 'gold'`)
 * that has each signal in use, taken in sorted item-id order (row order changes nothing).
 * - uncertainty u = 1 / (1 + |score_A − score_B|) from the reward-model scores: 1 when the model cannot tell
 *   the two responses apart.
 * - diversity: k-means (seeded k-means++, Lloyd) over the candidates' embeddings with k = min(clusters, candidates);
 *   within each cluster the pairs are ranked by distance to the centroid (r = 0 nearest), d = 1 / (1 + r): every
 *   cluster's most central pair scores 1, so the top of the diversity ranking takes one pair from each cluster
 *   (ties between clusters: the larger cluster first) before any second pair of a cluster.
 * - mix: w · u_norm + (1 − w) · d_norm, each signal min–max normalised over the candidates (a signal constant
 *   over them normalises to 0). With one signal only (no scores, no embeddings, or w = 0 or 1) that signal ranks
 *   alone, and `method` says which. Ties: higher uncertainty, then higher diversity, then larger cluster, then item id.
 * Coverage: an item's slice value is the value of its first judgement; shares are over items with a judgement.
 */
export function nextBatch(
  loaded: LoadResult,
  {
    size = 100,
    weightUncertainty = 0.6,
    clusters = null,
    seed = 1,
    exclude = 'none',
    maxIterations = 100,
  }: NextBatchOptions = {},
): NextBatch {
  if (!Number.isInteger(size) || size < 1) throw new Error(`invalid size: ${size}`);
  if (!(weightUncertainty >= 0 && weightUncertainty <= 1))
    throw new Error(`invalid weightUncertainty: ${weightUncertainty}`);
  if (clusters !== null && (!Number.isInteger(clusters) || clusters < 1))
    throw new Error(`invalid clusters: ${clusters}`);
  if (!EXCLUDES.includes(exclude)) throw new Error(`invalid exclude: "${exclude}"`);
  const r = loaded.ratings;
  const nItems = r.items.length;
  const pool: number[] = [];
  let gold = 0;
  for (let i = 0; i < nItems; i++) {
    if (exclude === 'gold' && r.itemGold[i] >= 0) gold++;
    else pool.push(i);
  }
  pool.sort((a, b) => (r.items[a] < r.items[b] ? -1 : r.items[a] > r.items[b] ? 1 : 0));
  const uncertainty = new Float64Array(nItems).fill(NaN);
  if (loaded.scores) {
    const { a, b } = loaded.scores;
    for (let i = 0; i < nItems; i++) uncertainty[i] = 1 / (1 + Math.abs(a[i] - b[i])); // NaN when a score is missing
  }
  const emb = loaded.embeddings;
  const hasVector = (i: number) => emb !== null && !Number.isNaN(emb.values[i * emb.dim]);
  const withScore = pool.filter((i) => !Number.isNaN(uncertainty[i])).length;
  const withVector = pool.filter(hasVector).length;
  const reasons: string[] = [];
  if (pool.length === 0) reasons.push(`no candidate: all ${nItems} items are gold`);
  else {
    if (!loaded.scores) reasons.push('no reward-model scores (score_a, score_b): uncertainty left out');
    else if (withScore === 0) reasons.push('no candidate has both reward-model scores: uncertainty left out');
    if (!emb) reasons.push('no embedding column: diversity left out');
    else if (withVector === 0) reasons.push('no candidate has an embedding: diversity left out');
  }
  const useU = withScore > 0 && (weightUncertainty > 0 || withVector === 0);
  const useD = withVector > 0 && (weightUncertainty < 1 || withScore === 0);
  const method = useU && useD ? 'mix' : useU ? 'uncertainty' : useD ? 'diversity' : null;
  const w = method === 'mix' ? weightUncertainty : method === 'uncertainty' ? 1 : method === 'diversity' ? 0 : null;
  if (method === 'uncertainty' && reasons.length) reasons.push('pairs ranked by uncertainty alone');
  if (method === 'diversity' && reasons.length) reasons.push('pairs ranked by diversity alone');
  if (method === null && pool.length > 0) reasons.push('nothing to rank the pairs by');
  const candidates =
    method === null ? [] : pool.filter((i) => (!useU || !Number.isNaN(uncertainty[i])) && (!useD || hasVector(i)));
  const left_out = {
    gold,
    no_score: useU ? pool.length - withScore : 0,
    no_embedding: useD ? pool.filter((i) => (!useU || !Number.isNaN(uncertainty[i])) && !hasVector(i)).length : 0,
  };
  const n = candidates.length;
  const diversity = new Float64Array(n).fill(NaN);
  const cluster = new Int32Array(n).fill(-1);
  const clusterSize = new Int32Array(n);
  let kmeansInfo: NextBatch['kmeans'] = null;
  if (useD && n > 0) {
    // the candidates' rows of the embeddings, in sorted item-id order (no copy of the vectors)
    const km = kmeans(emb!.values, emb!.dim, {
      k: Math.min(clusters ?? size, n),
      seed,
      maxIterations,
      rows: candidates,
    });
    kmeansInfo = { clusters: km.k, iterations: km.iterations, converged: km.converged };
    const a = (c: number) => km.assignments[candidates[c]];
    const dist = (c: number) => km.distances[candidates[c]];
    const order = Array.from({ length: n }, (_, c) => c).sort((x, y) => a(x) - a(y) || dist(x) - dist(y) || x - y);
    for (let o = 0, rank = 0; o < n; o++) {
      const c = order[o];
      rank = o > 0 && a(order[o - 1]) === a(c) ? rank + 1 : 0;
      diversity[c] = 1 / (1 + rank);
      cluster[c] = a(c);
      clusterSize[c] = km.sizes[cluster[c]];
    }
  }
  const u = Float64Array.from(candidates, (i) => uncertainty[i]);
  const uNorm = useU ? normalise(u) : null;
  const dNorm = useD ? normalise(diversity) : null;
  const score = Float64Array.from(
    { length: n },
    (_, c) => (uNorm ? w! * uNorm[c] : 0) + (dNorm ? (1 - w!) * dNorm[c] : 0),
  );
  const or0 = (x: number) => (Number.isNaN(x) ? -1 : x);
  const ranked = Array.from({ length: n }, (_, c) => c).sort(
    (x, y) =>
      score[y] - score[x] ||
      or0(u[y]) - or0(u[x]) ||
      or0(diversity[y]) - or0(diversity[x]) ||
      clusterSize[y] - clusterSize[x] ||
      x - y,
  );
  const batch = ranked.slice(0, size);
  const items: NextBatchItem[] = batch.map((c) => ({
    item: r.items[candidates[c]],
    uncertainty: Number.isNaN(u[c]) ? null : u[c],
    diversity: Number.isNaN(diversity[c]) ? null : diversity[c],
    score: score[c],
    cluster: cluster[c] < 0 ? null : cluster[c],
  }));
  return {
    method,
    size,
    weight_uncertainty: w,
    items,
    coverage: coverage(
      loaded,
      batch.map((c) => candidates[c]),
    ),
    candidates: n,
    left_out,
    kmeans: kmeansInfo,
    reason: reasons.length ? reasons.join('; ') : null,
  };
}

/** (x − min) / (max − min) over the finite values; a constant signal gives 0. */
function normalise(x: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return x.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 0));
}

/** Shares of each slice value among the batch's items and among all items (an item's value: its first judgement's). */
function coverage(loaded: LoadResult, batchItems: number[]): SliceCoverage[] {
  const r = loaded.ratings;
  const first = new Int32Array(r.items.length).fill(-1);
  for (let j = r.n - 1; j >= 0; j--) first[r.item[j]] = j;
  return r.slices.map((s) => {
    const data = new Float64Array(s.values.length);
    const inBatch = new Float64Array(s.values.length);
    let nData = 0;
    let nBatch = 0;
    for (let i = 0; i < first.length; i++) {
      if (first[i] < 0) continue;
      data[s.code[first[i]]]++;
      nData++;
    }
    for (const i of batchItems) {
      if (first[i] < 0) continue;
      inBatch[s.code[first[i]]]++;
      nBatch++;
    }
    const values: CoverageValue[] = [];
    s.values.forEach((value, v) => {
      if (data[v] > 0)
        values.push({
          value,
          in_batch: nBatch ? inBatch[v] / nBatch : null,
          in_data: data[v] / nData,
          batch_items: inBatch[v],
          data_items: data[v],
        });
    });
    return { slice: s.name, values };
  });
}
