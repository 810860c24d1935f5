import type { ItemCounts } from './itemCounts';

export interface PercentAgreement {
  /** share of equal label pairs */
  strict: number;
  /** share of pairs on the same side (A / tie / B); NaN when no `sides` map is given */
  directional: number;
  /** items with >= 2 labels */
  nItems: number;
  /** unordered label pairs, sum of m(m-1)/2 */
  nPairs: number;
}

/**
 * Pooled pairwise percent agreement (`docs/report-schema.md` "percent_agreement"): over every unordered pair of
 * labels given to the same item, pooled across items with >= 2 labels (an item with m labels weighs
 * m(m-1)/2), the share of equal pairs (`strict`) and of pairs on the same side (`directional`, with
 * `sides[c]` = side of category c, from `directionalSides`). No pairable item: NaN.
 */
export function percentAgreement(
  table: ItemCounts,
  { sides = null }: { sides?: ArrayLike<number> | null } = {},
): PercentAgreement {
  const { counts, m, weight, rows, K } = table;
  const nSides = sides ? Math.max(0, ...Array.from(sides)) + 1 : 0;
  const sideSum = new Float64Array(nSides);
  let pairs = 0,
    equal = 0,
    sameSide = 0,
    nItems = 0;
  for (let r = 0; r < rows; r++) {
    const w = weight ? weight[r] : 1;
    const mr = m[r];
    if (mr < 2 || !(w > 0)) continue;
    nItems += w;
    pairs += (w * mr * (mr - 1)) / 2;
    let e = 0;
    sideSum.fill(0);
    for (let c = 0; c < K; c++) {
      const x = counts[r * K + c];
      e += x * (x - 1);
      if (sides) sideSum[sides[c]] += x;
    }
    equal += (w * e) / 2;
    let s = 0;
    for (let k = 0; k < nSides; k++) s += sideSum[k] * (sideSum[k] - 1);
    sameSide += (w * s) / 2;
  }
  return {
    strict: pairs > 0 ? equal / pairs : NaN,
    directional: pairs > 0 && sides ? sameSide / pairs : NaN,
    nItems,
    nPairs: pairs,
  };
}
