import { HUMAN, type Ratings } from '../core/types';

/** One group per (item, annotator) among the kept human judgements: its label on each dimension (−1: none). */
export interface RubricGroups {
  count: number;
  item: Int32Array;
  annotator: Int32Array;
  /** count × D */
  label: Int32Array;
  /** groups of item i: itemStart[i] … itemStart[i + 1] */
  itemStart: Int32Array;
}

/** The kept human judgements (every dimension, less removed annotators) grouped by item, then annotator. */
export function rubricGroups(r: Ratings, removed: readonly number[]): RubricGroups {
  // every dimension (judgementFilter keeps one)
  const keep = new Uint8Array(r.n);
  const drop = new Uint8Array(r.annotators.length);
  for (const a of removed) drop[a] = 1;
  for (let j = 0; j < r.n; j++) keep[j] = r.annotatorKind[r.annotator[j]] === HUMAN && !drop[r.annotator[j]] && r.label[j] >= 0 ? 1 : 0;
  const nItems = r.items.length, D = r.dimensions.length;
  const start = new Int32Array(nItems + 1);
  for (let j = 0; j < r.n; j++) if (keep[j]) start[r.item[j] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const next = start.slice(0, nItems), order = new Int32Array(start[nItems]);
  for (let j = 0; j < r.n; j++) if (keep[j]) order[next[r.item[j]]++] = j;
  const item: number[] = [], annotator: number[] = [], label: number[] = [];
  const itemStart = new Int32Array(nItems + 1);
  for (let i = 0; i < nItems; i++) {
    itemStart[i] = item.length;
    const js = Array.from(order.subarray(start[i], start[i + 1])).sort((a, b) => r.annotator[a] - r.annotator[b] || a - b);
    for (let k = 0; k < js.length; k++) {
      const j = js[k];
      if (k === 0 || r.annotator[js[k - 1]] !== r.annotator[j]) {
        item.push(i);
        annotator.push(r.annotator[j]);
        for (let d = 0; d < D; d++) label.push(-1);
      }
      label[(item.length - 1) * D + r.dimension[j]] = r.label[j];
    }
  }
  itemStart[nItems] = item.length;
  return { count: item.length, item: Int32Array.from(item), annotator: Int32Array.from(annotator), label: Int32Array.from(label), itemStart };
}
