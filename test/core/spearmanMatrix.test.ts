// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rng } from '../../src/core/rng';
import { spearman } from '../../src/core/spearman';
import { spearmanMatrix } from '../../src/core/spearmanMatrix';

describe('spearmanMatrix', () => {
  it('equals spearman of every two columns, whatever their missing rows (shared ranks only for columns finite on the same rows)', () => {
    const random = rng(11);
    const n = 300;
    const complete = () => Float64Array.from({ length: n }, () => Math.floor(random() * 5) - 2);
    const a = complete(),
      b = complete();
    const c = Float64Array.from(a, (x) => x + random() * 3); // continuous, complete, correlated with a
    const d = Float64Array.from({ length: n }, () => (random() < 0.1 ? NaN : Math.floor(random() * 5))); // gaps
    const e = Float64Array.from(d, (x) => (Number.isNaN(x) ? NaN : 2 * x + 1)); // gaps on the same rows as d
    const columns = [a, b, c, d, e];
    const m = spearmanMatrix(columns);
    for (let i = 0; i < columns.length; i++) {
      for (let j = 0; j < columns.length; j++) {
        const reference = spearman(columns[i], columns[j]);
        expect(m.n[i][j], `${i},${j}`).toBe(reference.n);
        expect(m.rho[i][j], `${i},${j}`).toBeCloseTo(reference.rho, 12);
      }
    }
    expect(m.rho[3][4]).toBeCloseTo(1, 12);
    expect(m.rho[0][2]).toBeGreaterThan(0.5);
  });

  it('is NaN for a constant or almost empty column', () => {
    const m = spearmanMatrix([
      Float64Array.from([1, 1, 1]),
      Float64Array.from([1, 2, 3]),
      Float64Array.from([NaN, NaN, 4]),
    ]);
    expect(m.rho[0][1]).toBeNaN();
    expect(m.rho[2][2]).toBeNaN();
    expect(m.n[2][2]).toBe(1);
    expect(m.rho[1][1]).toBe(1);
  });
});
