import { normalTail } from './normalTail';
import { wilsonInterval } from './wilsonInterval';

export interface ProportionDifference {
  /** k1 / n1, k2 / n2, and p2 − p1 */
  p1: number;
  p2: number;
  delta: number;
  /** Newcombe's hybrid score interval of p2 − p1 */
  lower: number;
  upper: number;
  /** two-sided p-value of the pooled two-proportion z-test (Pearson's χ² without continuity correction) */
  p: number;
}

/**
 * The difference p2 − p1 of two independent proportions k1 / n1 and k2 / n2, with Newcombe's (1998, method
 * 10) hybrid score interval — the Wilson intervals (l1, u1) and (l2, u2) of each proportion combined as
 *   δ − √((p2 − l2)² + (u1 − p1)²), δ + √((u2 − p2)² + (p1 − l1)²)
 * — and the two-sided p-value of the pooled z-test of no difference (1 when both proportions are 0 or both
 * 1). Every field is NaN when n1 or n2 is 0.
 */
export function proportionDifference(k1: number, n1: number, k2: number, n2: number, z = 1.959963984540054) {
  if (!(n1 > 0 && n2 > 0))
    return { p1: NaN, p2: NaN, delta: NaN, lower: NaN, upper: NaN, p: NaN } satisfies ProportionDifference;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const [l1, u1] = wilsonInterval(k1, n1, z);
  const [l2, u2] = wilsonInterval(k2, n2, z);
  const delta = p2 - p1;
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return {
    p1,
    p2,
    delta,
    lower: delta - Math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
    upper: delta + Math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2),
    p: se > 0 ? 2 * normalTail(Math.abs(delta) / se) : 1,
  } satisfies ProportionDifference;
}
