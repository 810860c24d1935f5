import { rng } from '../../src/core/rng';
import { HUMAN, PREFERENCE_LABELS, type Ratings } from '../../src/core/types';

/**
 * A rubric load held in memory (no file): `pairs` pairs, 3 of 200 annotators each, labels on 5 dimensions
 * (overall and four rubric ones) drawn at random, response texts of 20 to 320 characters.
 */
export function syntheticRubric(
  pairs: number,
  seed = 1,
): { ratings: Ratings; texts: { responseA: string[]; responseB: string[] } } {
  const A = 200,
    D = 5,
    PER = 3;
  const random = rng(seed);
  const n = pairs * PER * D;
  const item = new Int32Array(n),
    annotator = new Int32Array(n),
    label = new Int32Array(n),
    dimension = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < pairs; i++) {
    for (let p = 0; p < PER; p++) {
      const a = (i * 7 + p * 31) % A;
      for (let d = 0; d < D; d++, j++)
        [item[j], annotator[j], dimension[j], label[j]] = [i, a, d, Math.floor(random() * 5)];
    }
  }
  const ratings: Ratings = {
    n,
    item,
    annotator,
    label,
    dimension,
    items: Array.from({ length: pairs }, (_, i) => `p${i}`),
    annotators: Array.from({ length: A }, (_, a) => `a${a}`),
    annotatorKind: new Uint8Array(A).fill(HUMAN),
    dimensions: ['overall', 'helpfulness', 'correctness', 'harmlessness', 'conciseness'],
    scale: '5-point',
    categories: [...PREFERENCE_LABELS],
    fivePoint: Int8Array.from([0, 1, 2, 3, 4]),
    time: null,
    timestamp: null,
    shownFirst: null,
    aiConfidence: null,
    itemGold: new Int32Array(pairs).fill(-1),
    slices: [],
  };
  const length = (i: number) => 20 + (i % 300);
  return {
    ratings,
    texts: {
      responseA: Array.from({ length: pairs }, (_, i) => 'x'.repeat(length(i))),
      responseB: Array.from({ length: pairs }, (_, i) => 'y'.repeat(length(i * 13))),
    },
  };
}
