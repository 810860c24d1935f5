import { HUMAN, type Ratings } from './types';

/**
 * Which judgements a statistic uses: by default human judgements on the first (overall) dimension, less
 * any removed annotators. Returns a 0/1 mask over the judgements.
 */
export function judgementFilter(
  ratings: Ratings,
  {
    kind = HUMAN,
    dimension = 0,
    removed = [],
  }: { kind?: number | null; dimension?: number; removed?: readonly number[] } = {},
): Uint8Array {
  const drop = new Uint8Array(ratings.annotators.length);
  for (const a of removed) drop[a] = 1;
  const mask = new Uint8Array(ratings.n);
  const { annotator, annotatorKind } = ratings;
  for (let j = 0; j < ratings.n; j++) {
    const a = annotator[j];
    mask[j] = ratings.dimension[j] === dimension && !drop[a] && (kind === null || annotatorKind[a] === kind) ? 1 : 0;
  }
  return mask;
}
