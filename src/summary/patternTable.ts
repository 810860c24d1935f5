import { countPatterns } from '../core/countPatterns';
import { countTable } from '../core/countTable';
import type { ItemCounts } from '../core/itemCounts';
import type { SummaryPattern } from './types';

/**
 * The count patterns of a summary as the `ItemCounts` the raw path bootstraps from: `countTable` with
 * the item multiplicities as weights, then `countPatterns` (which merges equal vectors and sorts them,
 * so the row order of the SQL output never matters). `side` (category → side, from
 * `directionalSides`) collapses each pattern onto A / tie / B first; collapsed patterns that coincide
 * are merged, exactly as the raw path's per-item directional counts group into patterns.
 */
export function patternTable(patterns: readonly SummaryPattern[], K: number, side: ArrayLike<number> | null = null, sideK = 0): ItemCounts {
  const width = side ? sideK : K;
  const rows = patterns.map((p) => {
    if (!side) return p.counts;
    const out = new Array(width).fill(0);
    for (let c = 0; c < K; c++) out[side[c]] += p.counts[c];
    return out;
  });
  return countPatterns(countTable(rows, { K: width, weight: patterns.map((p) => p.items) }));
}
