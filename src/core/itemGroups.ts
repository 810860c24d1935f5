import type { Ratings } from './types';

/** The selected judgements grouped by item, as the crowd kernels iterate them. */
export interface ItemGroups {
  /** item i's judgements sit at start[i] … start[i + 1] − 1 of `who` and `what` (in judgement order) */
  start: Int32Array;
  /** per grouped judgement: its annotator and its label */
  who: Int32Array;
  what: Int32Array;
  /** per category: 1 when a selected judgement uses it; and how many do */
  used: Uint8Array;
  nUsed: number;
  /** per annotator: 1 when they gave a selected judgement */
  given: Uint8Array;
}

/** The judgements `mask` selects (all when null) that carry a label, grouped by item with a counting sort. */
export function itemGroups(ratings: Ratings, mask: Uint8Array | null): ItemGroups {
  const nItems = ratings.items.length;
  const start = new Int32Array(nItems + 1);
  const used = new Uint8Array(ratings.categories.length);
  const given = new Uint8Array(ratings.annotators.length);
  const { item, label, annotator } = ratings;
  for (let j = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && label[j] >= 0) {
      start[item[j] + 1]++;
      used[label[j]] = 1;
      given[annotator[j]] = 1;
    }
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const fill = start.slice(0, nItems);
  const who = new Int32Array(start[nItems]);
  const what = new Int32Array(start[nItems]);
  for (let j = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && label[j] >= 0) {
      const at = fill[item[j]]++;
      who[at] = annotator[j];
      what[at] = label[j];
    }
  return { start, who, what, used, nUsed: used.reduce((s, u) => s + u, 0), given };
}
