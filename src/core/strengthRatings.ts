/**
 * Strengths and ratings from log strengths of the `fitted` models (`logStrength(m)`): strength e^x normalised
 * to sum 1 over them, rating 400 · log10(strength) less its mean over them (`bradleyTerry`'s scale: a
 * 400-point gap is 10 : 1 odds, 0 the average fitted model); each fitted model's `finite` set to 1. The
 * other entries are left as they are.
 */
export function strengthRatings(
  fitted: ArrayLike<number>,
  logStrength: (model: number) => number,
  strength: Float64Array,
  rating: Float64Array,
  finite: Uint8Array,
): void {
  const F = fitted.length;
  let mx = -Infinity,
    sum = 0,
    mean = 0;
  for (let x = 0; x < F; x++) mx = Math.max(mx, logStrength(fitted[x]));
  for (let x = 0; x < F; x++) sum += Math.exp(logStrength(fitted[x]) - mx);
  for (let x = 0; x < F; x++) {
    const m = fitted[x];
    strength[m] = Math.exp(logStrength(m) - mx) / sum;
    rating[m] = (400 / Math.LN10) * logStrength(m);
    mean += rating[m] / F;
    finite[m] = 1;
  }
  for (let x = 0; x < F; x++) rating[fitted[x]] -= mean;
}
