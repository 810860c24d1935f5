import type { ItemCounts } from './itemCounts';
import { labelScale } from './labelScale';
import type { Ratings } from './types';

// Two labelling runs lined up item by item (by id), and their label counts in that order (`runDifference`).

/**
 * Per item, how often each outcome 0…K−1 occurred, rows aligned to `order` (item codes of the run; -1 = not
 * in it): `outcomeOf(j)` for every judgement j selected by `mask` (a negative outcome is not counted). The
 * label counts are one case; a judge's agreement with the majority, or a choice of the side shown first,
 * are others, so every figure of a comparison is resampled by items alike.
 */
export function outcomeCounts(
  r: Ratings,
  mask: Uint8Array,
  order: Int32Array,
  K: number,
  outcomeOf: (j: number) => number,
): ItemCounts {
  const rowOf = new Int32Array(r.items.length).fill(-1);
  order.forEach((i, row) => {
    if (i >= 0) rowOf[i] = row;
  });
  const counts = new Float64Array(order.length * K);
  const m = new Float64Array(order.length);
  for (let j = 0; j < r.n; j++) {
    if (!mask[j]) continue;
    const row = rowOf[r.item[j]];
    if (row < 0) continue;
    const c = outcomeOf(j);
    if (c < 0) continue;
    counts[row * K + c]++;
    m[row]++;
  }
  return { counts, m, rows: order.length, K };
}

/** The selected judgements' label counts, rows aligned to `order` (item codes of the run; -1 = not in it). */
export function countsFor(r: Ratings, mask: Uint8Array, order: Int32Array, collapse: boolean): ItemCounts {
  const { K, side } = labelScale(r, collapse);
  const { label } = r;
  return outcomeCounts(r, mask, order, K, side ? (j) => (label[j] < 0 ? -1 : side[label[j]]) : (j) => label[j]);
}

/**
 * The items of both runs, aligned: shared items (by id, labelled in both under the masks) first, then A's
 * own, then B's own. `a` and `b` give each row's item code in that run (-1: not in it).
 */
export function alignItems(ra: Ratings, ma: Uint8Array, rb: Ratings, mb: Uint8Array) {
  const labelled = (r: Ratings, mask: Uint8Array) => {
    const has = new Uint8Array(r.items.length);
    for (let j = 0; j < r.n; j++) if (mask[j] && r.label[j] >= 0) has[r.item[j]] = 1;
    return has;
  };
  const inA = labelled(ra, ma);
  const inB = labelled(rb, mb);
  const bIndex = new Map<string, number>();
  rb.items.forEach((id, i) => {
    if (inB[i]) bIndex.set(id, i);
  });
  const shared: [number, number][] = [];
  const aOnly: number[] = [];
  const bShared = new Uint8Array(rb.items.length);
  ra.items.forEach((id, i) => {
    if (!inA[i]) return;
    const k = bIndex.get(id);
    if (k === undefined) aOnly.push(i);
    else {
      shared.push([i, k]);
      bShared[k] = 1;
    }
  });
  const bOnly: number[] = [];
  for (let k = 0; k < rb.items.length; k++) if (inB[k] && !bShared[k]) bOnly.push(k);
  const a = Int32Array.from([...shared.map(([i]) => i), ...aOnly]);
  const b = Int32Array.from([...shared.map(([, k]) => k), ...bOnly]);
  return { a, b, shared: shared.length, aOnly: aOnly.length, bOnly: bOnly.length };
}

/** Each outcome's total over the rows (weighted). */
export function outcomeTotals(t: ItemCounts): Float64Array {
  const out = new Float64Array(t.K);
  for (let r = 0; r < t.rows; r++) {
    const w = t.weight ? t.weight[r] : 1;
    for (let c = 0; c < t.K; c++) out[c] += w * t.counts[r * t.K + c];
  }
  return out;
}

/** Category c's share of all labels (weighted rows); NaN without labels. */
export function shareOf(t: ItemCounts, c: number): number {
  const totals = outcomeTotals(t);
  let all = 0;
  for (let k = 0; k < t.K; k++) all += totals[k];
  return all > 0 ? totals[c] / all : NaN;
}
