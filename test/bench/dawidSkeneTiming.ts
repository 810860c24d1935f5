// Timing of majorityVote and dawidSkene at 1M items × 3 labels, 5 categories, 200 annotators (not a unit test).
// Run: npx tsx test/core/dawidSkene.timing.ts
import { dawidSkene } from '../../src/core/dawidSkene';
import { majorityVote } from '../../src/core/majorityVote';
import { rng } from '../../src/core/rng';
import { HUMAN, PREFERENCE_LABELS, type Ratings } from '../../src/core/types';

export function syntheticRatings(
  seed: number,
  nItems: number,
  perItem: number,
  nAnn: number,
  K: number,
  goodShare = 0.7,
): Ratings {
  const random = rng(seed);
  const quality = Float64Array.from({ length: nAnn }, (_, a) => (a < goodShare * nAnn ? 0.6 + 0.35 * random() : 0));
  const gold = new Int32Array(nItems);
  const n = nItems * perItem;
  const item = new Int32Array(n),
    annotator = new Int32Array(n),
    label = new Int32Array(n);
  const picked = new Int32Array(perItem);
  for (let i = 0, j = 0; i < nItems; i++) {
    gold[i] = Math.floor(random() * K);
    for (let r = 0; r < perItem; r++) {
      let a: number;
      do a = Math.floor(random() * nAnn);
      while (picked.subarray(0, r).includes(a));
      picked[r] = a;
      item[j] = i;
      annotator[j] = a;
      label[j++] = random() < quality[a] ? gold[i] : Math.floor(random() * K);
    }
  }
  // rows in shuffled order, as a file would have them
  for (let j = n - 1; j > 0; j--) {
    const k = Math.floor(random() * (j + 1));
    for (const arr of [item, annotator, label]) [arr[j], arr[k]] = [arr[k], arr[j]];
  }
  return {
    n,
    item,
    annotator,
    label,
    dimension: new Int32Array(n),
    items: Array.from({ length: nItems }, (_, i) => `i${i}`),
    annotators: Array.from({ length: nAnn }, (_, a) => `a${a}`),
    annotatorKind: new Uint8Array(nAnn).fill(HUMAN),
    dimensions: ['overall'],
    scale: K === 5 ? '5-point' : 'nominal',
    categories: K === 5 ? [...PREFERENCE_LABELS] : Array.from({ length: K }, (_, c) => String(c)),
    fivePoint: Int8Array.from({ length: K }, (_, c) => (K === 5 ? c : -1)),
    time: null,
    timestamp: null,
    shownFirst: null,
    aiConfidence: null,
    itemGold: gold,
    slices: [],
  };
}

function accuracy(label: Int32Array, gold: Int32Array): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (label[i] === gold[i]) ok++;
  return ok / gold.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = syntheticRatings(7, 1_000_000, 3, 200, 5);
  let t0 = performance.now();
  const mv = majorityVote(r, null);
  console.log(
    `majorityVote: ${(performance.now() - t0).toFixed(0)} ms, accuracy ${accuracy(mv.label, r.itemGold).toFixed(4)}`,
  );
  for (const accelerate of [true, false]) {
    t0 = performance.now();
    const ds = dawidSkene(r, null, { accelerate });
    const ms = performance.now() - t0;
    console.log(
      `dawidSkene({accelerate: ${accelerate}}): ${ms.toFixed(0)} ms, ${ds.iterations} passes, converged ${ds.converged}, accuracy ${accuracy(ds.label, r.itemGold).toFixed(4)}`,
    );
  }
  t0 = performance.now();
  const worst = dawidSkene(r, null, { tolerance: 0 });
  console.log(
    `dawidSkene({tolerance: 0}) (the 100-pass cap): ${(performance.now() - t0).toFixed(0)} ms, ${worst.iterations} passes`,
  );
}
