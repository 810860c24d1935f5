import type { Ratings } from './types';
import { labelScale } from './labelScale';

export interface PairTables {
  /** annotator codes of each pair sharing at least one item, a < b, sorted by (a, b) */
  a: Int32Array;
  b: Int32Array;
  /** per pair its K × K contingency table, row-major, rows = annotator a's category */
  tables: Int32Array[];
  /** categories of the tables: the scale's, or the directional sides with `collapse` */
  K: number;
}

/**
 * The K × K contingency table of every annotator pair on the items both labelled, among the selected
 * judgements (the input of `kappasFromTables`). Judgements are bucketed by item once (counting sort); per
 * item every pair of its annotators adds to that pair's table, kept in a dense array when
 * nAnnotators^2 K^2 is small and in a Map keyed a * nAnnotators + b otherwise. `collapse: true` counts on
 * the directional scale (A / tie / B, see `directionalSides`) and throws for nominal data. Duplicate
 * (item, annotator) judgements each pair up; deduplicate before.
 */
export function pairTables(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { collapse = false }: { collapse?: boolean } = {},
): PairTables {
  const { K, side } = labelScale(ratings, collapse);
  const nAnn = ratings.annotators.length,
    nItems = ratings.items.length,
    KK = K * K;
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
      const j = byItem[p],
        aj = annotator[j],
        lj = side ? side[label[j]] : label[j];
      for (let q = start[i]; q < start[i + 1]; q++) {
        const k = byItem[q],
          ak = annotator[k];
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
  const a: number[] = [],
    b: number[] = [],
    tables: Int32Array[] = [];
  const add = (key: number, t: Int32Array) => {
    a.push(Math.floor(key / nAnn));
    b.push(key % nAnn);
    tables.push(t);
  };
  if (dense) {
    for (let key = 0, at = 0; key < nAnn * nAnn; key++, at += KK) {
      let used = false;
      for (let c = at; c < at + KK && !used; c++) used = dense[c] > 0;
      if (used) add(key, dense.subarray(at, at + KK));
    }
  } else for (const key of [...sparse.keys()].sort((x, y) => x - y)) add(key, sparse.get(key)!);
  return { a: Int32Array.from(a), b: Int32Array.from(b), tables, K };
}
