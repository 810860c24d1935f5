import { subsetRatings } from '../core/subsetRatings';
import type { LoadResult } from '../parse/loadFiles';

/**
 * The loaded data less the judgements of `removed` annotator codes (rows and files kept in step), so a
 * section computed on it leaves them out everywhere. The same object when nothing is removed.
 */
export function withoutAnnotators(loaded: LoadResult, removed: readonly number[]): LoadResult {
  if (removed.length === 0) return loaded;
  const r = loaded.ratings;
  const drop = new Uint8Array(r.annotators.length);
  for (const a of removed) drop[a] = 1;
  const mask = new Uint8Array(r.n);
  for (let j = 0; j < r.n; j++) mask[j] = drop[r.annotator[j]] ? 0 : 1;
  const keep = (xs: Int32Array) => {
    const out = new Int32Array(r.n);
    let k = 0;
    for (let j = 0; j < r.n; j++) if (mask[j]) out[k++] = xs[j];
    return out.subarray(0, k);
  };
  return { ...loaded, ratings: subsetRatings(r, mask), row: keep(loaded.row), file: keep(loaded.file) };
}
