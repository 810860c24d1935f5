import { describe, expect, it } from 'vitest';
import { newtonAscent } from '../../src/core/newtonAscent';
import { closeTo } from '../helpers/closeTo';

describe('newtonAscent', () => {
  it('newtonAscent maximises a concave quadratic in one step and returns (−H)⁻¹ as the covariance', () => {
    // f = −(x − 1)² − 2(y + 2)² − xy/2 … written with H = [[−2, −0.5], [−0.5, −4]]
    const c = [1, -2];
    const H = [-2, -0.5, -0.5, -4];
    const f = (x: Float64Array, g: Float64Array | null, h: Float64Array | null) => {
      const d = [x[0] - c[0], x[1] - c[1]];
      if (g && h) {
        g[0] += H[0] * d[0] + H[1] * d[1];
        g[1] += H[2] * d[0] + H[3] * d[1];
        h.set(H);
      }
      return 0.5 * (d[0] * (H[0] * d[0] + H[1] * d[1]) + d[1] * (H[2] * d[0] + H[3] * d[1]));
    };
    const r = newtonAscent(f, [10, 10], { covariance: true });
    closeTo(r.x[0], 1, 1e-12);
    closeTo(r.x[1], -2, 1e-12);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBe(2); // the step, then a zero step
    const det = 2 * 4 - 0.25;
    [4 / det, -0.5 / det, -0.5 / det, 2 / det].forEach((v, k) => closeTo(r.covariance![k], v, 1e-12));
  });

  it('newtonAscent halves steps on log-concave f = log x − x (max at 1) and flags a singular Hessian', () => {
    const f = (x: Float64Array, g: Float64Array | null, h: Float64Array | null) => {
      if (!(x[0] > 0)) return -Infinity;
      if (g && h) {
        g[0] += 1 / x[0] - 1;
        h[0] -= 1 / (x[0] * x[0]);
      }
      return Math.log(x[0]) - x[0];
    };
    const r = newtonAscent(f, [5]); // the full first step lands at −15: halved back into the domain
    closeTo(r.x[0], 1, 1e-10);
    expect(r.converged).toBe(true);
    // f = −(x + y)²: only x + y is identified
    const flat = newtonAscent(
      (x, g, h) => {
        const s = x[0] + x[1];
        if (g && h) {
          g[0] -= 2 * s;
          g[1] -= 2 * s;
          h.set([-2, -2, -2, -2]);
        }
        return -s * s;
      },
      [1, 2],
      { covariance: true },
    );
    closeTo(flat.x[0] + flat.x[1], 0, 1e-8);
    expect(flat.covariance).toBeNull();
    // a start outside the domain is returned as is
    expect(newtonAscent(f, [-1])).toMatchObject({ iterations: 0, converged: false });
  });
});
