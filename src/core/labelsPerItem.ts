import type { Ratings } from './types';

/** Per item: how many of the selected judgements it has. */
export function labelsPerItem(ratings: Ratings, mask: Uint8Array): Int32Array {
  const m = new Int32Array(ratings.items.length);
  const { item } = ratings;
  for (let j = 0; j < ratings.n; j++) if (mask[j]) m[item[j]]++;
  return m;
}
