import { rng } from '../../src/core/rng';

/** Comparisons as count rows: pair (i, j) repeated for outcomes 1, 0.5, 0 with weights wins, ties, losses of i. */
export interface CountRows {
  a: number[];
  b: number[];
  s: number[];
  w: number[];
}

export function countRows(pairs: [number, number, number, number, number][]): CountRows {
  const rows: CountRows = { a: [], b: [], s: [], w: [] };
  for (const [i, j, W, T, L] of pairs) {
    rows.a.push(i, i, i);
    rows.b.push(j, j, j);
    rows.s.push(1, 0.5, 0);
    rows.w.push(W, T, L);
  }
  return rows;
}

/** The probabilities (i wins, tie, j wins) of a model with ties. */
export function davidsonProbabilities(pi: number, pj: number, nu: number): [number, number, number] {
  const t = nu * Math.sqrt(pi * pj);
  const D = pi + pj + t;
  return [pi / D, t / D, pj / D];
}

export function raoKupperProbabilities(pi: number, pj: number, theta: number): [number, number, number] {
  const w = pi / (pi + theta * pj),
    l = pj / (pj + theta * pi);
  return [w, 1 - w - l, l];
}

/**
 * Every pair of models `perPair` times, each comparison an independent draw from `probabilities(π_i, π_j)`
 * (seeded), as count rows.
 */
export function simulatePairs(
  strength: number[],
  perPair: number,
  probabilities: (pi: number, pj: number) => [number, number, number],
  seed: number,
): CountRows {
  const random = rng(seed);
  const pairs: [number, number, number, number, number][] = [];
  for (let i = 0; i < strength.length; i++)
    for (let j = i + 1; j < strength.length; j++) {
      const [pw, pt] = probabilities(strength[i], strength[j]);
      let W = 0,
        T = 0,
        L = 0;
      for (let k = 0; k < perPair; k++) {
        const u = random();
        if (u < pw) W++;
        else if (u < pw + pt) T++;
        else L++;
      }
      pairs.push([i, j, W, T, L]);
    }
  return countRows(pairs);
}

/** Strengths 10^(θ / 400) of ratings θ. */
export const fromRatings = (theta: number[]) => theta.map((t) => 10 ** (t / 400));

/**
 * Observed information of a log-likelihood f(x) at x by central second differences (step h), inverted by
 * Gauss–Jordan: the covariance of an MLE, independent of the kernels' own derivatives.
 */
export function numericCovariance(f: (x: number[]) => number, x: number[], h = 1e-4): number[][] {
  const n = x.length;
  const at = (d: [number, number][]) => {
    const y = x.slice();
    for (const [k, v] of d) y[k] += v;
    return f(y);
  };
  const info: number[][] = [];
  for (let r = 0; r < n; r++) {
    info.push([]);
    for (let c = 0; c < n; c++)
      info[r].push(
        -(
          at([
            [r, h],
            [c, h],
          ]) -
          at([
            [r, h],
            [c, -h],
          ]) -
          at([
            [r, -h],
            [c, h],
          ]) +
          at([
            [r, -h],
            [c, -h],
          ])
        ) /
          (4 * h * h),
      );
  }
  // invert [info | I]
  const A = info.map((row, r) => [...row, ...Array.from({ length: n }, (_, c) => (c === r ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    const d = A[c][c];
    for (let k = 0; k < 2 * n; k++) A[c][k] /= d;
    for (let r = 0; r < n; r++)
      if (r !== c) {
        const m = A[r][c];
        for (let k = 0; k < 2 * n; k++) A[r][k] -= m * A[c][k];
      }
  }
  return A.map((row) => row.slice(n));
}

/** Standard error of x_i − mean(x_0 = 0, x_1, …, x_{F−1}) from the covariance of (x_1, …, x_{F−1}), in rating points. */
export function centredRatingSe(cov: number[][], F: number, i: number): number {
  const c = Array.from({ length: F - 1 }, (_, k) => (k + 1 === i ? 1 : 0) - 1 / F);
  let v = 0;
  for (let r = 0; r < F - 1; r++) for (let q = 0; q < F - 1; q++) v += c[r] * c[q] * cov[r][q];
  return (400 / Math.LN10) * Math.sqrt(v);
}
