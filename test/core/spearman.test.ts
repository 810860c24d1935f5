// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spearman } from '../../src/core/spearman';

const reference = JSON.parse(readFileSync(new URL('../fixtures/reference/spearman.json', import.meta.url), 'utf8')) as {
  cases: { name: string; x: (number | null)[]; y: (number | null)[]; rho: number; n: number }[];
};
const numbers = (v: (number | null)[]) => v.map((x) => (x === null ? NaN : x));

describe('spearman', () => {
  it.each(reference.cases)('equals scipy.stats.spearmanr: $name', ({ x, y, rho, n }) => {
    const out = spearman(numbers(x), numbers(y));
    expect(out.n).toBe(n);
    expect(out.rho).toBeCloseTo(rho, 12);
  });

  it('is 1 for any increasing transform and −1 for a decreasing one (hand case)', () => {
    const x = [3, 1, 4, 1.5, 9, 2.6];
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(v)),
      ).rho,
    ).toBeCloseTo(1, 15);
    expect(
      spearman(
        x,
        x.map((v) => -v * v * v),
      ).rho,
    ).toBeCloseTo(-1, 15);
  });

  it('is NaN without two pairs or without variation, and rejects different lengths', () => {
    expect(spearman([1], [2])).toEqual({ rho: NaN, n: 1 });
    expect(spearman([1, 1, 1], [1, 2, 3]).rho).toBeNaN();
    expect(spearman([NaN, 1, 2], [1, NaN, 3]).n).toBe(1);
    expect(() => spearman([1, 2], [1])).toThrow(/lengths differ/);
  });
});
