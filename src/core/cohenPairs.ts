import type { Ratings } from './types';
import { cohenKappa } from './cohenKappa';
import { directionalSides } from './directionalSides';

export interface CohenPairs {
  /** annotator codes of each listed pair, a < b, sorted by (a, b) */
  a: Int32Array;
  b: Int32Array;
  /** shared items of the pair (label pairs) */
  n: Float64Array;
  kappa: Float64Array;
  kappaLinear: Float64Array;
  kappaQuadratic: Float64Array;
  /** pairs sharing at least one but fewer than `minShared` items (left out) */
  nBelowMin: number;
  /** mean of the defined unweighted kappas of the listed pairs; NaN when none */
  kappaMean: number;
}

/**
 * Cohen's kappa (see `cohenKappa`) for every annotator pair sharing >= `minShared` items among the
 * selected judgements (report-schema "cohen_pairs"). Judgements are bucketed by item once (counting sort);
 * per item every pair of its annotators adds to that pair's K × K table, kept in a dense array when
 * nAnnotators^2 K^2 is small and in a Map keyed a * nAnnotators + b otherwise. `collapse: true` uses the
 * directional scale. Duplicate (item, annotator) judgements each pair up; deduplicate before.
 */
export function cohenPairs(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { minShared = 10, collapse = false }: { minShared?: number; collapse?: boolean } = {},
): CohenPairs {
  let K = ratings.categories.length;
  let side: Int32Array | null = null;
  if (collapse) {
    const sides = directionalSides(ratings.fivePoint);
    if (!sides) throw new Error('directional collapse needs a preference scale');
    ({ side, K } = sides);
  }
  const nAnn = ratings.annotators.length, nItems = ratings.items.length, KK = K * K;
  const { item, annotator, label } = ratings;
  const start = new Int32Array(nItems + 1);
  for (let j = 0; j < ratings.n; j++) if ((!mask || mask[j]) && label[j] >= 0) start[item[j] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const next = start.slice(0, nItems);
  const byItem = new Int32Array(start[nItems]);
  for (let j = 0; j < ratings.n; j++) if ((!mask || mask[j]) && label[j] >= 0) byItem[next[item[j]]++] = j;

  const dense = nAnn * nAnn * KK <= 1 << 22 ? new Int32Array(nAnn * nAnn * KK) : null;
  const sparse = new Map<number, Int32Array>();
  for (let i = 0; i < nItems; i++) {
    for (let p = start[i]; p < start[i + 1]; p++) {
      const j = byItem[p], aj = annotator[j], lj = side ? side[label[j]] : label[j];
      for (let q = start[i]; q < start[i + 1]; q++) {
        const k = byItem[q], ak = annotator[k];
        if (ak <= aj) continue; // each unordered pair once, rows = lower annotator code
        const cell = lj * K + (side ? side[label[k]] : label[k]);
        const key = aj * nAnn + ak;
        if (dense) dense[key * KK + cell]++;
        else {
          let t = sparse.get(key);
          if (!t) sparse.set(key, (t = new Int32Array(KK)));
          t[cell]++;
        }
      }
    }
  }
  const keys = dense ? [] : [...sparse.keys()].sort((x, y) => x - y);
  const nKeys = dense ? nAnn * nAnn : keys.length;
  const out = { a: [] as number[], b: [] as number[], n: [] as number[], k: [] as number[], kl: [] as number[], kq: [] as number[] };
  let nBelowMin = 0, sum = 0, nDefined = 0;
  for (let s = 0; s < nKeys; s++) {
    const key = dense ? s : keys[s];
    const t = dense ? dense.subarray(key * KK, key * KK + KK) : sparse.get(key)!;
    let shared = 0;
    for (let c = 0; c < KK; c++) shared += t[c];
    if (shared === 0) continue;
    if (shared < minShared) {
      nBelowMin++;
      continue;
    }
    const r = cohenKappa(t, { K });
    out.a.push(Math.floor(key / nAnn));
    out.b.push(key % nAnn);
    out.n.push(shared);
    out.k.push(r.kappa);
    out.kl.push(r.kappaLinear);
    out.kq.push(r.kappaQuadratic);
    if (!Number.isNaN(r.kappa)) {
      sum += r.kappa;
      nDefined++;
    }
  }
  return {
    a: Int32Array.from(out.a), b: Int32Array.from(out.b), n: Float64Array.from(out.n),
    kappa: Float64Array.from(out.k), kappaLinear: Float64Array.from(out.kl), kappaQuadratic: Float64Array.from(out.kq),
    nBelowMin, kappaMean: nDefined > 0 ? sum / nDefined : NaN,
  };
}
