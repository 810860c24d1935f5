import type { Rng } from './rng';

/**
 * An exact Binomial(n, p) draw using only the seeded `random`. Knuth (TAOCP vol. 2, 3.4.1 F): while n is
 * large, draw the i-th order statistic X of n uniforms as Beta(i, n + 1 - i) (from two Marsaglia–Tsang
 * gammas) and recurse into the i - 1 uniforms below X (success probability p / X) or the n - i above it
 * ((p - X) / (1 - X)); small n: n Bernoulli trials. Expected cost O(log n) gamma draws.
 */
export function randomBinomial(random: Rng, n: number, p: number): number {
  let x = 0;
  if (!(p > 0) || n <= 0) return 0;
  if (p >= 1) return n;
  while (n > 40) {
    const i = (n + 1) >> 1;
    const v = beta(random, i, n + 1 - i);
    if (p < v) {
      n = i - 1;
      p /= v;
    } else {
      x += i;
      n -= i;
      p = (p - v) / (1 - v);
    }
  }
  for (let k = 0; k < n; k++) if (random() < p) x++;
  return x;
}

function beta(random: Rng, a: number, b: number): number {
  const x = gamma(random, a);
  return x / (x + gamma(random, b));
}

/** Marsaglia & Tsang (2000), shape a >= 1. */
function gamma(random: Rng, a: number): number {
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number, v: number;
    do {
      z = normal(random);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * z ** 4 || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Marsaglia's polar method. */
function normal(random: Rng): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}
