import { describe, expect, it } from 'vitest';
import { normalTail } from '../../src/core/normalTail';

describe('normalTail', () => {
  it('equals the standard normal upper tail (R 4.3 pnorm(z, lower.tail = FALSE)) to 1.2e-7 relative', () => {
    const cases: [number, number][] = [
      [0, 0.5],
      [1, 0.15865525393145707],
      [1.959963984540054, 0.025],
      [3, 0.0013498980316300946],
      [5, 2.866515718791939e-7],
      [-1, 0.8413447460685429],
      [-2.5, 0.9937903346742238],
    ];
    for (const [z, p] of cases) expect(Math.abs(normalTail(z) - p) / p).toBeLessThan(1.2e-7);
    expect(normalTail(NaN)).toBeNaN();
    expect(normalTail(40)).toBeLessThan(1e-300);
  });
});
