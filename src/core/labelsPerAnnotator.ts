import type { Ratings } from './types';

/** Per annotator: how many of the selected judgements they gave. */
export function labelsPerAnnotator(ratings: Ratings, mask: Uint8Array): Int32Array {
  const m = new Int32Array(ratings.annotators.length);
  const { annotator } = ratings;
  for (let j = 0; j < ratings.n; j++) if (mask[j]) m[annotator[j]]++;
  return m;
}
