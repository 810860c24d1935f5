import type { Ratings } from './types';
import { kappasFromTables, type PairKappas } from './kappasFromTables';
import { pairTables } from './pairTables';

/** `kappasFromTables` of the pair tables, with the annotator codes of each listed pair for its table index. */
export interface CohenPairs extends Omit<PairKappas, 'index'> {
  /** annotator codes of each listed pair, a < b, sorted by (a, b) */
  a: Int32Array;
  b: Int32Array;
}

/**
 * Cohen's kappa (see `cohenKappa`) for every annotator pair sharing >= `minShared` items among the
 * selected judgements (`docs/report-schema.md` "cohen_pairs"): `pairTables` (one K × K table per pair, `collapse:
 * true` on the directional scale) then `kappasFromTables`. Duplicate (item, annotator) judgements each
 * pair up; deduplicate before.
 */
export function cohenPairs(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { minShared = 10, collapse = false }: { minShared?: number; collapse?: boolean } = {},
): CohenPairs {
  const pairs = pairTables(ratings, mask, { collapse });
  const { index, ...kappas } = kappasFromTables(pairs.tables, pairs.K, { minShared });
  return { a: index.map((p) => pairs.a[p]), b: index.map((p) => pairs.b[p]), ...kappas };
}
