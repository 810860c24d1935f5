import type { Ratings } from './types';

/** How many of the selected judgements carry each category. */
export function labelCounts(ratings: Ratings, mask: Uint8Array): Float64Array {
  const counts = new Float64Array(ratings.categories.length);
  const { label } = ratings;
  for (let j = 0; j < ratings.n; j++) if (mask[j]) counts[label[j]]++;
  return counts;
}
