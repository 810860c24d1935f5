import type { LoadResult } from '../parse/loadFiles';

/** What the texts of the pairs say on their own: lengths, identical or empty responses, duplicates. */
export interface PairStatistics {
  /** items with both response texts */
  pairs_with_texts: number;
  identical_responses: number;
  empty_a: number;
  empty_b: number;
  /** median length in characters (null without texts) */
  median_chars_a: number | null;
  median_chars_b: number | null;
  /** share of pairs whose response A is longer than B (ties in length count half) */
  a_longer_share: number | null;
  /** judgements replaced by a later one of the same item, annotator and dimension (exact duplicate rows) */
  duplicate_judgements: number;
}

function median(sorted: Float64Array): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/**
 * Statistics of the pairs' texts. A response counts when its text was read (a pair with only one side's text
 * counts in the empty count of the other); lengths are in UTF-16 code units of the trimmed text.
 */
export function pairStatistics(loaded: LoadResult): PairStatistics {
  const { responseA, responseB } = loaded.texts;
  const n = loaded.ratings.items.length;
  const lengthsA: number[] = [];
  const lengthsB: number[] = [];
  let identical = 0;
  let emptyA = 0;
  let emptyB = 0;
  let aLonger = 0;
  for (let i = 0; i < n; i++) {
    const a = responseA[i];
    const b = responseB[i];
    if (a === undefined && b === undefined) continue;
    if (!a) emptyA++;
    if (!b) emptyB++;
    if (a === undefined || b === undefined) continue;
    lengthsA.push(a.length);
    lengthsB.push(b.length);
    if (a === b) identical++;
    aLonger += a.length > b.length ? 1 : a.length === b.length ? 0.5 : 0;
  }
  const pairs = lengthsA.length;
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  return {
    pairs_with_texts: pairs,
    identical_responses: identical,
    empty_a: emptyA,
    empty_b: emptyB,
    median_chars_a: median(sorted(lengthsA)),
    median_chars_b: median(sorted(lengthsB)),
    a_longer_share: pairs ? aLonger / pairs : null,
    duplicate_judgements: loaded.duplicates,
  };
}
