/**
 * The winning category of one vote vector `votes[offset … offset + K - 1]` (`docs/report-schema.md` "majority vote").
 * Nominal data (`fivePoint` null): plurality, ties to the lowest code (crowd-kit's sorted-label `idxmax`).
 * Preference scales (`fivePoint[c]` = 5-point code): the plurality side (A = codes 0, 1; tie = 2; B = 3, 4)
 * wins and a tie between sides gives `=` (code 2); a scale without `=` (binary) gives the A side (the
 * lower codes, as the nominal rule would). Within the winning side the plurality strength wins and a tie
 * goes to the milder label (`A>` over `A>>`, `B>` over `B>>`). Values within `tol` of the best tie.
 * Returns -1 when the vector is empty (K = 0).
 */
export function voteWinner(
  votes: ArrayLike<number>,
  offset: number,
  K: number,
  fivePoint: ArrayLike<number> | null,
  tol = 0,
): number {
  if (!fivePoint) {
    let best = -1;
    for (let c = 0; c < K; c++) if (best < 0 || votes[offset + c] > votes[offset + best] + tol) best = c;
    return best;
  }
  let a = 0,
    t = 0,
    b = 0,
    tieCat = -1;
  for (let c = 0; c < K; c++) {
    const code = fivePoint[c],
      v = votes[offset + c];
    if (code <= 1) a += v;
    else if (code === 2) {
      t += v;
      if (tieCat < 0) tieCat = c;
    } else b += v;
  }
  const top = Math.max(a, t, b);
  const nTop = (a >= top - tol ? 1 : 0) + (t >= top - tol ? 1 : 0) + (b >= top - tol ? 1 : 0);
  let side: number; // 0 A, 1 tie, 2 B
  if (nTop > 1 && tieCat >= 0) return tieCat;
  else if (nTop > 1 || a >= top - tol) side = 0;
  else side = t >= top - tol ? 1 : 2;
  let best = -1;
  for (let c = 0; c < K; c++) {
    const code = fivePoint[c];
    if ((code <= 1 ? 0 : code === 2 ? 1 : 2) !== side) continue;
    if (best < 0) {
      best = c;
      continue;
    }
    const v = votes[offset + c],
      w = votes[offset + best];
    if (v > w + tol || (v >= w - tol && Math.abs(code - 2) < Math.abs(fivePoint[best] - 2))) best = c;
  }
  return best;
}
