/**
 * Asserts |actual - expected| <= tol (reference values: tol = half a unit in the source's last decimal,
 * or 1e-6 when the source gives that many decimals).
 */
export function closeTo(actual: number, expected: number, tol = 1e-6): void {
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`expected ${actual} to be within ${tol} of ${expected} (difference ${actual - expected})`);
  }
}
