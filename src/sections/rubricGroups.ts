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
  for (let j = 0; j < r.n; j++)
    keep[j] = r.annotatorKind[r.annotator[j]] === HUMAN && !drop[r.annotator[j]] && r.label[j] >= 0 ? 1 : 0;
  const nItems = r.items.length,
    D = r.dimensions.length;
  const start = new Int32Array(nItems + 1);
  for (let j = 0; j < r.n; j++) if (keep[j]) start[r.item[j] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const next = start.slice(0, nItems),
    order = new Int32Array(start[nItems]);
  for (let j = 0; j < r.n; j++) if (keep[j]) order[next[r.item[j]]++] = j;
  // within each item, judgements by annotator (then index): insertion sort of the short runs, in place
  const { annotator: who } = r;
  let count = 0;
  for (let i = 0; i < nItems; i++) {
    for (let k = start[i] + 1; k < start[i + 1]; k++) {
      const j = order[k];
      let m = k - 1;
      while (m >= start[i] && (who[order[m]] > who[j] || (who[order[m]] === who[j] && order[m] > j))) {
        order[m + 1] = order[m];
        m--;
      }
      order[m + 1] = j;
    }
    for (let k = start[i]; k < start[i + 1]; k++) if (k === start[i] || who[order[k]] !== who[order[k - 1]]) count++;
  }
  const item = new Int32Array(count),
    annotator = new Int32Array(count),
    label = new Int32Array(count * D).fill(-1);
  const itemStart = new Int32Array(nItems + 1);
  let g = -1;
  for (let i = 0; i < nItems; i++) {
    itemStart[i] = g + 1;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const j = order[k];
      if (k === start[i] || who[j] !== who[order[k - 1]]) {
        g++;
        item[g] = i;
        annotator[g] = who[j];
      }
      label[g * D + r.dimension[j]] = r.label[j];
    }
  }
  itemStart[nItems] = count;
  return { count, item, annotator, label, itemStart };
}
