import { wilsonInterval } from './wilsonInterval';

/** A share with its count, its base and a Wilson interval (null when the base is 0). */
export interface Share {
  k: number;
  n: number;
  share: number | null;
  ci95: [number, number] | null;
}

export interface OrderConsistency {
  /** items with a verdict in both orders */
  n: number;
  /** items whose verdict is the same in both orders (after mapping the second back to the pair's sides) */
  consistency: Share;
  /** inconsistent items split by what the two verdicts favour */
  inconsistent: {
    n: number;
    /** both verdicts chose the response shown first */
    first: number;
    /** both verdicts chose the response shown second */
    second: number;
    /** one verdict a tie (or a position unknown) */
    other: number;
    /** `first` among the inconsistent items: the first-position preference */
    first_preference: Share;
  };
  /** against the reference on the items with both verdicts and a reference; null when there is none */
  accuracy: {
    n: number;
    /** the first order's verdict equals the reference */
    first: Share;
    /** the second order's verdict equals the reference */
    second: Share;
    /** both orders' verdicts equal the reference (the "both agree" accuracy of judge benchmarks) */
    both: Share;
  } | null;
}

/** k of n as a `Share` with its Wilson interval (null share and interval when n is 0). */
export const shareOf = (k: number, n: number): Share => ({
  k,
  n,
  share: n > 0 ? k / n : null,
  ci95: n > 0 ? wilsonInterval(k, n) : null,
});

/**
 * One judge run on the same pairs in both presentation orders (Zheng et al. 2023, "Judging LLM-as-a-judge",
 * Table 2; LLMBar's `evaluate.py`: `equal`, `correct_False`, `correct_True`, `correct_both`). Per item, `first`
 * and `second` are the two verdicts as side codes of the pair (the second already mapped back: a verdict for the
 * response that is A in the file is A in both), -1 when that order has no verdict; `shownFirst1` / `shownFirst2`
 * the side code of the response the judge saw first in each order (-1 unknown); `reference` the side code of the
 * reference label (gold or the human majority; -1 none); `a` and `b` the side codes of the two responses (any
 * other code is a tie).
 * - consistency: the share of items with both verdicts whose verdicts are equal;
 * - among the inconsistent: `first` when each verdict chose the response shown first in its order, `second`
 *   when each chose the one shown second, else `other`; the first-position preference is first / inconsistent;
 * - accuracy counted three ways on the items with both verdicts and a reference: first order right, second
 *   order right, both right (= consistent and right).
 * Wilson intervals throughout. Arrays of unequal length throw.
 */
export function orderConsistency(
  first: Int32Array,
  second: Int32Array,
  shownFirst1: Int32Array,
  shownFirst2: Int32Array,
  reference: Int32Array,
  { a, b }: { a: number; b: number },
): OrderConsistency {
  const n = first.length;
  for (const x of [second, shownFirst1, shownFirst2, reference])
    if (x.length !== n) throw new Error(`orderConsistency: arrays of ${n} and ${x.length} items`);
  const other = (s: number) => (s === a ? b : s === b ? a : -1);
  let both = 0,
    same = 0,
    towardFirst = 0,
    towardSecond = 0,
    withReference = 0,
    rightFirst = 0,
    rightSecond = 0,
    rightBoth = 0;
  for (let i = 0; i < n; i++) {
    const v1 = first[i],
      v2 = second[i];
    if (v1 < 0 || v2 < 0) continue;
    both++;
    if (v1 === v2) same++;
    else {
      const s1 = shownFirst1[i],
        s2 = shownFirst2[i];
      if (s1 >= 0 && s2 >= 0 && v1 === s1 && v2 === s2) towardFirst++;
      else if (s1 >= 0 && s2 >= 0 && v1 === other(s1) && v2 === other(s2)) towardSecond++;
    }
    const ref = reference[i];
    if (ref < 0) continue;
    withReference++;
    if (v1 === ref) rightFirst++;
    if (v2 === ref) rightSecond++;
    if (v1 === ref && v2 === ref) rightBoth++;
  }
  const inconsistent = both - same;
  return {
    n: both,
    consistency: shareOf(same, both),
    inconsistent: {
      n: inconsistent,
      first: towardFirst,
      second: towardSecond,
      other: inconsistent - towardFirst - towardSecond,
      first_preference: shareOf(towardFirst, inconsistent),
    },
    accuracy:
      withReference === 0
        ? null
        : {
            n: withReference,
            first: shareOf(rightFirst, withReference),
            second: shareOf(rightSecond, withReference),
            both: shareOf(rightBoth, withReference),
          },
  };
}
