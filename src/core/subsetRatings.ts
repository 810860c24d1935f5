import type { Ratings } from './types';

/**
 * The judgements selected by `mask` as a `Ratings` of their own (same items, annotators, categories and
 * dictionaries; per-judgement arrays filtered, slices too). Lets every section leave removed annotators
 * out without each one taking a mask.
 */
export function subsetRatings(r: Ratings, mask: Uint8Array): Ratings {
  let n = 0;
  for (let j = 0; j < r.n; j++) if (mask[j]) n++;
  const keep = new Int32Array(n);
  for (let j = 0, k = 0; j < r.n; j++) if (mask[j]) keep[k++] = j;
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(src: T): T => {
    const out = new (src.constructor as new (n: number) => T)(n);
    for (let k = 0; k < n; k++) out[k] = src[keep[k]];
    return out;
  };
  return {
    ...r,
    n,
    item: pick(r.item),
    annotator: pick(r.annotator),
    label: pick(r.label),
    dimension: pick(r.dimension),
    time: r.time && pick(r.time),
    timestamp: r.timestamp && pick(r.timestamp),
    shownFirst: r.shownFirst && pick(r.shownFirst),
    aiConfidence: r.aiConfidence && pick(r.aiConfidence),
    slices: r.slices.map((s) => ({ ...s, code: pick(s.code) })),
  };
}
