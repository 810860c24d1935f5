import type { Ratings } from './types';

export interface SessionOrder {
  /** 'timestamp' when some selected judgement has a finite timestamp, else 'file order' */
  order: 'timestamp' | 'file order';
  /** selected judgements without a finite timestamp (placed after the stamped ones); 0 in file order */
  nMissingTimestamp: number;
  /** annotator a's sequence is sequence[start[a]] … sequence[start[a + 1] − 1] (length annotators + 1) */
  start: Int32Array;
  /** selected judgement indices grouped by annotator, each group in session order */
  sequence: Int32Array;
  /** per judgement: its 1-based position in its annotator's sequence; 0 when not selected */
  position: Int32Array;
}

/**
 * Each annotator's working sequence of the selected judgements: by timestamp when the data has stamps
 * (equal stamps by file, then row, then judgement index; judgements without a finite stamp follow the
 * stamped ones, by file then row), else by file then row (`file`, `row`: per judgement, as `LoadResult`
 * gives them; absent, the judgement index stands for both). Judgements are grouped by annotator with a
 * counting sort; a group already in order is left as is, others are sorted with the comparison above.
 */
export function sessionOrder(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { file = null, row = null }: { file?: ArrayLike<number> | null; row?: ArrayLike<number> | null } = {},
): SessionOrder {
  const nAnn = ratings.annotators.length;
  const { annotator, timestamp } = ratings;
  const use = (j: number) => !mask || mask[j] === 1;
  const start = new Int32Array(nAnn + 1);
  for (let j = 0; j < ratings.n; j++) if (use(j)) start[annotator[j] + 1]++;
  for (let a = 0; a < nAnn; a++) start[a + 1] += start[a];
  const next = start.slice(0, nAnn);
  const sequence = new Int32Array(start[nAnn]);
  for (let j = 0; j < ratings.n; j++) if (use(j)) sequence[next[annotator[j]]++] = j;

  let stamped = 0,
    nMissingTimestamp = 0;
  if (timestamp) for (const j of sequence) if (Number.isFinite(timestamp[j])) stamped++;
  const byTimestamp = stamped > 0;
  if (byTimestamp) nMissingTimestamp = sequence.length - stamped;
  // sort keys per judgement: the stamp (+Infinity when missing or in file order), file, row
  const key = new Float64Array(ratings.n).fill(Infinity);
  if (byTimestamp) for (const j of sequence) if (Number.isFinite(timestamp![j])) key[j] = timestamp![j];
  const fileOf = file ?? new Int32Array(ratings.n);
  const rowOf = row ?? Int32Array.from({ length: ratings.n }, (_, j) => j);
  // Infinity − Infinity is NaN, which falls through to the file
  const compare = (x: number, y: number) => key[x] - key[y] || fileOf[x] - fileOf[y] || rowOf[x] - rowOf[y] || x - y;
  const position = new Int32Array(ratings.n);
  for (let a = 0; a < nAnn; a++) {
    const own = sequence.subarray(start[a], start[a + 1]);
    let sorted = true;
    for (let p = 1; p < own.length && sorted; p++) sorted = compare(own[p - 1], own[p]) < 0;
    if (!sorted) own.sort(compare);
    for (let p = 0; p < own.length; p++) position[own[p]] = p + 1;
  }
  return { order: byTimestamp ? 'timestamp' : 'file order', nMissingTimestamp, start, sequence, position };
}
