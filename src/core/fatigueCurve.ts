import { directionalSides } from './directionalSides';
import type { Ratings } from './types';

export interface FatigueCurve {
  /** bucket width in positions (given, or the default: see `fatigueCurve`) */
  width: number;
  /** per bucket: first and last position (1-based, inclusive) in each annotator's sequence */
  from: Int32Array;
  to: Int32Array;
  /** per bucket: gold answers at those positions (all annotators pooled) and how many were right */
  goldN: Int32Array;
  correct: Int32Array;
  /** per annotator: labels in the sequence (its largest position) */
  length: Int32Array;
  /** per annotator: gold answers and right ones in the first half of its sequence (2 × position <= length) and the second */
  firstN: Int32Array;
  firstCorrect: Int32Array;
  secondN: Int32Array;
  secondCorrect: Int32Array;
}

/** The smallest of 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, … that is at least `x` (at least 1). */
function niceWidth(x: number): number {
  for (let scale = 1; ; scale *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const w = m * scale;
      if (Number.isInteger(w) && w >= x) return w;
    }
  }
}

/**
 * Gold accuracy along the annotators' sessions. `position[j]` is judgement j's 1-based place in its
 * annotator's sequence (0 = not used), as `sessionOrder` gives it. A gold answer is right as in
 * `goldAccuracy` (directional: same side, a tie matches only a tie; exact category for nominal data).
 * Buckets have a fixed width of positions (1–w, w+1–2w, …; default: the nice width giving at most 10
 * buckets over the longest sequence), pooled over annotators; while the last bucket has fewer than
 * `minGold` gold answers it is merged into the one before. Halves are per annotator: the first half of
 * its own sequence (2 × position <= length) against the rest.
 */
export function fatigueCurve(
  ratings: Ratings,
  position: Int32Array,
  { width = 0, minGold = 30 }: { width?: number; minGold?: number } = {},
): FatigueCurve {
  const nAnn = ratings.annotators.length,
    K = ratings.categories.length;
  const { item, annotator, label, itemGold } = ratings;
  const side = directionalSides(ratings.fivePoint)?.side ?? null;
  const length = new Int32Array(nAnn);
  let longest = 0;
  for (let j = 0; j < ratings.n; j++) {
    const p = position[j],
      a = annotator[j];
    if (p > length[a]) length[a] = p;
    if (p > longest) longest = p;
  }
  const w = width > 0 ? Math.floor(width) : niceWidth(longest / 10);
  const nBuckets = Math.ceil(longest / w);
  const goldByBucket = new Int32Array(nBuckets),
    rightByBucket = new Int32Array(nBuckets);
  const firstN = new Int32Array(nAnn),
    firstCorrect = new Int32Array(nAnn);
  const secondN = new Int32Array(nAnn),
    secondCorrect = new Int32Array(nAnn);
  for (let j = 0; j < ratings.n; j++) {
    const p = position[j];
    if (p <= 0) continue;
    const g = itemGold[item[j]],
      l = label[j];
    if (!(g >= 0 && g < K) || l < 0) continue;
    const right = (side ? side[l] === side[g] : l === g) ? 1 : 0;
    const b = Math.floor((p - 1) / w);
    goldByBucket[b]++;
    rightByBucket[b] += right;
    const a = annotator[j];
    if (2 * p <= length[a]) {
      firstN[a]++;
      firstCorrect[a] += right;
    } else {
      secondN[a]++;
      secondCorrect[a] += right;
    }
  }
  let m = nBuckets;
  while (m > 1 && goldByBucket[m - 1] < minGold) {
    goldByBucket[m - 2] += goldByBucket[m - 1];
    rightByBucket[m - 2] += rightByBucket[m - 1];
    m--;
  }
  const from = new Int32Array(m),
    to = new Int32Array(m);
  for (let b = 0; b < m; b++) {
    from[b] = b * w + 1;
    to[b] = b === m - 1 ? longest : (b + 1) * w;
  }
  return {
    width: w,
    from,
    to,
    goldN: goldByBucket.slice(0, m),
    correct: rightByBucket.slice(0, m),
    length,
    firstN,
    firstCorrect,
    secondN,
    secondCorrect,
  };
}
