import { countPatterns } from '../core/countPatterns';
import { countTable } from '../core/countTable';
import type { ItemCounts } from '../core/itemCounts';
import type { SummaryPattern } from './types';

/**
 * The count patterns of a summary as the `ItemCounts` the raw path bootstraps from: `countTable` with
 * the item multiplicities as weights, then `countPatterns` (which merges equal vectors and sorts them,
 * so the row order of the SQL output never matters).
 */
export function patternTable(patterns: readonly SummaryPattern[], K: number): ItemCounts {
  return countPatterns(
    countTable(
      patterns.map((p) => p.counts),
      { K, weight: patterns.map((p) => p.items) },
    ),
  );
}
